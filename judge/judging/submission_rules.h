/* submission_rules.h - what a package's example submissions must do: the directories' default rules and 2025-09's submissions/submissions.yaml. */
#ifndef VERDICT_SUBMISSION_RULES_H
#define VERDICT_SUBMISSION_RULES_H

#include "judging.h"
#include "language.h"
#include "package.h"

#include <stddef.h>

/* The format's outcomes: MLE counts as a run-time error and OLE as a wrong
 * answer; CE and JE are none of them (they fit no rule). */
enum outcome { OUT_AC = 1, OUT_WA = 2, OUT_TLE = 4, OUT_RTE = 8 };
unsigned outcome_of(enum verdict v);

/* use_for_time_limit: unset (the spec's inference), false, lower, upper. */
enum time_use { TIME_USE_INFER, TIME_USE_NO, TIME_USE_LOWER, TIME_USE_UPPER };

/* Which way a test's run time bounds the time limit. */
enum time_bound { BOUND_LOWER = 1, BOUND_UPPER = 2 };

/* One requirement, on every test or on those a test glob matches. */
struct sub_requirement {
	char tests[256];            /* a glob of groups or test cases below data/, "" for every test */
	unsigned permitted, required; /* OUT_* sets; 0: not given */
	int has_score;
	double score_lo, score_hi;  /* every test: the submission's score; a test glob: each group's it matches */
	char message[256];          /* in some test's judge message, "" for none */
	enum time_use use;
};

struct sub_rule {
	char glob[256];             /* a submission glob below submissions/: "accepted", "wrong_answer/x.{c,py}" */
	char language[32];          /* a language id, "" for the extensions' */
	char entrypoint[256];       /* a file (or class) name, "" for the default */
	struct sub_requirement *reqs;
	int nreqs;
};

struct submission_rules {
	struct sub_rule *rules;
	int n;
	int from_yaml;              /* submissions.yaml was read: every test is judged */
};

/* The rules for p: 2025-09's default directory rules, with
 * submissions/submissions.yaml's on top when there is one (a directory's
 * own key overrides its default's keys; other globs add requirements).
 * Returns 0, or -1 with err naming what is wrong in the file. */
int submission_rules_load(const struct package *p, struct submission_rules *r, char *err, size_t n);
void submission_rules_free(struct submission_rules *r);

/* The language and entry point ("": the language's default) of the
 * submission at path (below submissions/; file is where it is, a
 * directory when is_dir): the rules' `language` and `entrypoint`, else
 * the language its files' extensions say (NULL: none). Returns 0, or -1
 * with err set when two rules disagree or a file's entry point is not it. */
int submission_rules_program(const struct submission_rules *r, const char *path, const char *file, int is_dir,
			     const struct language **lang, const char **entrypoint, char *err, size_t n);

/* How test (an index in p->tests) of the submission at path bounds the
 * time limit ("Timelimit inference"): BOUND_* bits. test -1: any test. */
unsigned submission_rules_bounds(const struct submission_rules *r, const struct package *p, const char *path,
				 int test);

/* Whether the submission at path is judged first, at the ceiling, to
 * derive a limit: it bounds the limit from below and not from above (one
 * that must also be too slow runs after, at the derived limit, and its
 * lower bound is then checked against it). */
int submission_rules_derive_from(const struct submission_rules *r, const struct package *p, const char *path);

/* The slowest CPU time, in ms, of j's tests that bound the limit from
 * below and were not too slow, or -1 when there is none. */
long submission_rules_slowest_lower(const struct submission_rules *r, const struct package *p, const char *path,
				    const struct judging *j);

/* Whether the judging j of the submission at path (below submissions/:
 * "accepted/a.c") meets every rule that matches it. limit_ms is the time
 * limit: j may have run with a larger one (the upper bound's margin), and
 * a test slower than limit_ms counts as too slow for every requirement
 * but those that bound the limit from above. Returns 1, or 0 with why set
 * to the first requirement it misses. */
int submission_rules_check(const struct submission_rules *r, const struct package *p, const char *path,
			   const struct judging *j, long limit_ms, char *why, size_t n);

#endif
