/* judging.h - judge one submission against a problem package. */
#ifndef VERDICT_JUDGING_H
#define VERDICT_JUDGING_H

#include "compile.h"
#include "grading.h"
#include "package.h"
#include "testrun.h"
#include "validator.h"

struct judging {
	enum verdict verdict;      /* CE, JE, the first failing test's verdict, or AC */
	struct build build;        /* how compiling went (its directory already removed) */
	struct test_result *tests; /* one per test case that ran, in the package's order */
	int nrun;
	int failed_test;           /* index of the test that decided a rejection, or -1 */
	int has_score;             /* a scoring problem: score below is meaningful */
	double score;
	int nsubtasks;             /* its subtasks' scores (grading.h), in the package's order */
	struct grade_subtask subtasks[GRADE_MAX_SUBTASKS];
	int ngroup_scores;         /* every group's aggregated score (grading.h) */
	struct grade_subtask group_scores[GRADE_MAX_SUBTASKS];
	long max_cpu_ms, max_mem_kb;
};

/* Compiles source (a file, whose submitted_name decides a Java class name,
 * or a directory of files: compile_submission_dir) and runs it
 * on the package's test cases in order, samples first; the first test that
 * fails decides the verdict. For a pass-fail problem it also ends the
 * judging (contest style, as Kattis' default on_reject: break); a scoring
 * problem runs every test and sums the points (assignment style). Scratch files live under work_root and are
 * removed. Returns 0 with *j filled (free with judging_free), or -1 with
 * err set when the judge itself could not proceed. */
int judge_submission(const struct package *p, const struct validator *v, const struct language *lang,
		     const char *source, const char *submitted_name, const char *work_root, struct judging *j, char *err,
		     size_t n);

/* The same, calling after_test(arg) after each test (a judge renews its
 * lease there); a non-zero return stops the judging with -1. v is the
 * package's built validator, or NULL for the default one. */
int judge_submission_with(const struct package *p, const struct validator *v, const struct language *lang,
			  const char *source, const char *submitted_name, const char *work_root,
			  int (*after_test)(void *arg), void *arg, struct judging *j, char *err, size_t n);
void judging_free(struct judging *j);

#endif
