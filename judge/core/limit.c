/* limit.c - the one table of ranges for the limits a person can set: a problem's (package, settings page, CLI), a box's (verdict sandbox) and a language's (languages.yaml). */
#include "limit.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* A problem's limits are what a course needs and what one worker can give
 * a test without starving the others: a minute of CPU, 4 GB, 1 GB of
 * output. Packages made for contests (problem.yaml limits) fit these; one
 * that asks for more is refused at import rather than trusted with the
 * machine. A box run by hand (root's own `verdict sandbox`) may ask for a
 * day and 1 TiB: the range is only there to keep the arithmetic sane. */
const struct limit_range limit_ranges[LIMIT_COUNT] = {
	[LIMIT_TIME] = { "the time limit", "s", 0.1, 60, 0 },
	[LIMIT_MEMORY] = { "the memory limit", "MB", 16, 4096, 1 },
	[LIMIT_OUTPUT] = { "the output limit", "MB", 1, 1024, 1 },
	/* The format says >= 2; each pass is a run within the time limit. */
	[LIMIT_PASSES] = { "validation_passes", "", 2, 100, 1 },
	[LIMIT_BOX_TIME] = { "a box's time", "s", 0.001, 86400, 0 },
	[LIMIT_BOX_MB] = { "a box's size", "MB", 1, 1 << 20, 1 },
	[LIMIT_BOX_PIDS] = { "a box's process count", "", 1, 1 << 20, 1 },
	/* A language (languages.yaml): a compiler gets at most ten minutes and
	 * 8 GB, a runtime at most 4 GB on top of the problem's limit. */
	[LIMIT_COMPILE_TIME] = { "compile_time", "s", 1, 600, 0 },
	[LIMIT_COMPILE_MEMORY] = { "compile_memory", "MB", 64, 8192, 1 },
	[LIMIT_EXTRA_MEMORY] = { "run_extra_memory", "MB", 0, 4096, 1 },
	[LIMIT_PRIORITY] = { "priority", "", 0, 1000000, 1 },
};

const char *limit_range_text(enum limit_id id, char *out, size_t n)
{
	const struct limit_range *r = &limit_ranges[id];
	snprintf(out, n, "%.10g to %.10g%s%s", r->min, r->max, *r->unit ? " " : "", r->unit);
	return out;
}

int limit_check(enum limit_id id, double v, char *err, size_t n)
{
	const struct limit_range *r = &limit_ranges[id];
	if (v >= r->min && v <= r->max && (!r->whole || v == floor(v))) /* (NaN fails every comparison) */
		return 0;
	char range[64];
	snprintf(err, n, "%s must be %s%s, not %.10g", r->what, r->whole ? "a whole number from " : "",
		 limit_range_text(id, range, sizeof range), v);
	return -1;
}

int limit_parse(enum limit_id id, const char *text, double *out, char *err, size_t n)
{
	char *end;
	errno = 0;
	double v = text ? strtod(text, &end) : 0;
	if (!text || errno || end == text || !isfinite(v)) {
		snprintf(err, n, "%s must be a number, not '%.64s'", limit_ranges[id].what, text ? text : "");
		return -1;
	}
	while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
		end++;
	if (*end) {
		snprintf(err, n, "%s must be a number, not '%.64s'", limit_ranges[id].what, text);
		return -1;
	}
	if (limit_check(id, v, err, n) < 0)
		return -1;
	*out = v;
	return 0;
}
