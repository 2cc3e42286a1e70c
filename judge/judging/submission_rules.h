/* submission_rules.h - what a package's example submissions must do: the directories' default rules and 2025-09's submissions/submissions.yaml. */
#ifndef VERDICT_SUBMISSION_RULES_H
#define VERDICT_SUBMISSION_RULES_H

#include "judging.h"
#include "package.h"

#include <stddef.h>

/* The format's outcomes: MLE counts as a run-time error and OLE as a wrong
 * answer; CE and JE are none of them (they fit no rule). */
enum outcome { OUT_AC = 1, OUT_WA = 2, OUT_TLE = 4, OUT_RTE = 8 };
unsigned outcome_of(enum verdict v);

/* One requirement, on every test or on those a test glob matches. */
struct sub_requirement {
	char tests[256];            /* a glob of groups or test cases below data/, "" for every test */
	unsigned permitted, required; /* OUT_* sets; 0: not given */
	int has_score;
	double score_lo, score_hi;  /* the submission's score, inclusive */
	char message[256];          /* in some test's judge message, "" for none */
};

struct sub_rule {
	char glob[256];             /* a submission glob below submissions/: "accepted", "wrong_answer/x.{c,py}" */
	int not_for_time_limit;     /* use_for_time_limit: false */
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

/* Whether the judging j of the submission at path (below submissions/:
 * "accepted/a.c") meets every rule that matches it. Returns 1, or 0 with
 * why set to the first requirement it misses. */
/* Whether the submission at path may bound a derived time limit (no
 * matching rule says use_for_time_limit: false). */
int submission_rules_for_time_limit(const struct submission_rules *r, const char *path);

int submission_rules_check(const struct submission_rules *r, const struct package *p, const char *path,
			   const struct judging *j, char *why, size_t n);

#endif
