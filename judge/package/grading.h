/* grading.h - a scoring problem's score and verdict from its tests' results, as the package's format says.
 *
 * Two models, chosen per package (package.legacy_grading):
 *   legacy   testdata.yaml in data/ and each group, inherited down the tree:
 *            on_reject, accept_score, reject_score, range and the default
 *            grader's flags (worst_error first_error always_accept, sum avg
 *            min max, ignore_sample, accept_if_any_accepted). Also used for
 *            2023-07-draft packages whose testdata.yaml use these keys, as
 *            problemtools does (its oddecho example). A group with
 *            grading: custom is graded by the package's grader instead
 *            (graders/), which the caller runs (struct grader_hook).
 *   2025-09  test_group.yaml max_score (a number or unbounded) and
 *            score_aggregation (pass-fail, sum, min) of secret and the
 *            groups directly under it; require_pass: a group scores only
 *            when the earlier pass-fail groups (or sample) it names were
 *            all accepted.
 * A validator's score.txt gives an accepted test's score where the model
 * allows one; where it does not, or where it is missing but required, or
 * above the test's maximum, the judging is a judge error.
 */
#ifndef VERDICT_GRADING_H
#define VERDICT_GRADING_H

#include "verdict.h"
#include "yaml_doc.h"

#include <stddef.h>

enum grader_verdicts { GRADER_WORST_ERROR, GRADER_FIRST_ERROR, GRADER_ALWAYS_ACCEPT };
enum grader_scores { GRADER_SUM, GRADER_AVG, GRADER_MIN, GRADER_MAX };

/* A legacy group's settings: set says which its own testdata.yaml gave;
 * grading_inherit fills in the rest from its parent. */
struct legacy_grading {
	unsigned set;
	int on_reject_continue;
	double accept_score, reject_score, range_lo, range_hi;
	int verdicts;          /* enum grader_verdicts */
	int scores;            /* enum grader_scores */
	int ignore_sample, accept_if_any_accepted;
	int custom;            /* grading: custom: the package's grader grades the group */
	char grader_flags[256]; /* as written: a custom grader's arguments */
	char unknown_flag[64]; /* one the default grader does not know: an error unless a custom grader takes them */
};

/* A custom grader, run by the caller (the judging: it holds the built
 * program and a scratch directory): a group's children's verdicts and
 * scores in, in order, one verdict and score out. Returns 0, or -1 with
 * message set (the judging is then JE). */
struct grader_hook {
	int (*grade)(void *arg, const char *flags, const enum verdict *verdicts, const double *scores, int n,
		     enum verdict *verdict, double *score, char *message, size_t len);
	void *arg;
};

/* One test's result as grading needs it. */
struct graded_test {
	enum verdict verdict;
	int has_score; /* the validator wrote score.txt (1) or 2025-09's score_multiplier.txt (2, score in [0, 1]) */
	double score;
};

/* Subtasks: the groups directly under secret, when secret adds them up
 * (2025-09 aggregation sum; legacy grader flag sum) and holds no test of
 * its own, so that their scores sum to the judging's. An IOI board adds
 * up each subtask's best over a participant's submissions. */
#define GRADE_MAX_SUBTASKS 64

struct grade_subtask {
	int group;   /* index in the package's groups */
	double score;
	double max;  /* 2025-09 max_score; NAN in the legacy model */
};

struct grade {
	enum verdict verdict; /* JE when the scores break the format's rules */
	double score;
	char message[256];    /* why JE */
	int nsubtasks;        /* 0: none (no groups, a JE, secret not a sum, or more than GRADE_MAX_SUBTASKS) */
	struct grade_subtask subtasks[GRADE_MAX_SUBTASKS];
	int ngroups;          /* every group's aggregated score, for submissions.yaml's score under a group */
	struct grade_subtask groups[GRADE_MAX_SUBTASKS];
};

struct package;

/* Reads the legacy keys of one testdata.yaml mapping into g (g->set says
 * which). Returns 0, or -1 with err set to what is wrong. */
int grading_read_legacy(struct yaml_doc *y, yaml_node_t *root, struct legacy_grading *g, char *err, size_t n);

/* Reads a legacy problem.yaml's grading map (NULL: none): objective
 * into *minimize, and the keys that predate testdata.yaml (accept_score,
 * reject_score, range, on_reject: first_error, worst_error, grade) into g,
 * which grading_override then imposes on every group, as problemtools
 * does. Returns 0, or -1 with err set. */
int grading_read_problem(struct yaml_doc *y, yaml_node_t *grading, struct legacy_grading *g, int *minimize, char *err,
			 size_t n);
void grading_override(struct legacy_grading *g, const struct legacy_grading *problem);

/* Reads a 2025-09 test_group.yaml's require_pass (a name or a list of
 * names) into g->require_pass; grading_check resolves and checks them.
 * Returns 0, or -1 with err set. */
struct test_group;
int grading_read_require_pass(struct yaml_doc *y, yaml_node_t *root, struct test_group *g, char *err, size_t n);

/* Takes what g does not set from parent (NULL: the format's defaults). */
void grading_inherit(struct legacy_grading *g, const struct legacy_grading *parent);

/* Checks a package's groups against its model's rules (2025-09:
 * max_score, aggregation and require_pass, which only a scoring problem
 * may have; legacy: ranges) and sets p->max_score for a scoring one.
 * Returns 0, or -1 with err set. */
int grading_check(struct package *p, char *err, size_t n);

/* The score and verdict of a judging whose first nrun tests have the
 * results in tests (a test not run counts as not judged). */
void grading_grade(const struct package *p, const struct graded_test *tests, int nrun, struct grade *g);

/* The same, with a custom grader for the groups whose testdata.yaml say
 * grading: custom (NULL: none built, and such a group is JE). */
void grading_grade_with(const struct package *p, const struct graded_test *tests, int nrun,
			const struct grader_hook *grader, struct grade *g);

#endif
