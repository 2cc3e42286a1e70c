/* limit.h - the one table of ranges for the limits a person can set: a problem's (package, settings page, CLI), a box's (verdict sandbox) and a language's (languages.yaml).
 *
 * A value is checked against the same row wherever it enters: problem.yaml
 * (package.c), the settings page and `verdict problem set` (both through
 * db_problem_set_limits), `verdict sandbox` (cmd_sandbox.c),
 * sandbox_run's own check of its configuration (sandbox.c) and the
 * language table (language_table.c).
 * (Not "limits.h": web/ is built with -Ijudge, where that name would hide
 * the C library's <limits.h>.)
 */
#ifndef VERDICT_LIMIT_H
#define VERDICT_LIMIT_H

#include <stddef.h>

enum limit_id {
	LIMIT_TIME,           /* a problem's time limit, CPU seconds per test */
	LIMIT_MEMORY,         /* a problem's memory limit, MB */
	LIMIT_OUTPUT,         /* a problem's output limit, MB */
	LIMIT_PASSES,         /* a multi-pass problem's validation_passes: runs per test */
	LIMIT_BOX_TIME,       /* verdict sandbox --time / --wall, seconds */
	LIMIT_BOX_MB,         /* verdict sandbox --mem, --fsize, --stack, --box-size, MB */
	LIMIT_BOX_PIDS,       /* verdict sandbox --pids */
	LIMIT_COMPILE_TIME,   /* a language's compile_time, CPU seconds (languages.yaml) */
	LIMIT_COMPILE_MEMORY, /* a language's compile_memory, MB */
	LIMIT_EXTRA_MEMORY,   /* a language's run_extra_memory: MB for its runtime on top of the problem's */
	LIMIT_PRIORITY,       /* a language's priority when a program's language is guessed */
	LIMIT_COUNT
};

struct limit_range {
	const char *what;     /* "the time limit": how messages name it */
	const char *unit;     /* "s", "MB", "" */
	double min, max;
	int whole;            /* only whole numbers */
};

extern const struct limit_range limit_ranges[LIMIT_COUNT];

/* Is v inside the range of limit id (and whole when it must be)? NaN is
 * not. Returns 0, or -1 with "the time limit must be 0.1 to 60 s, not 99"
 * in err. */
int limit_check(enum limit_id id, double v, char *err, size_t n);

/* Parses text as a number (surrounding white space allowed) and checks it
 * as limit_check does. Returns 0 with *out set, or -1 with err set ("... is
 * not a number" or the range). */
int limit_parse(enum limit_id id, const char *text, double *out, char *err, size_t n);

/* "0.1 to 60 s": the range as text, for help and messages. Returns out. */
const char *limit_range_text(enum limit_id id, char *out, size_t n);

#endif
