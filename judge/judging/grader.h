/* grader.h - a legacy package's custom grader (graders/, testdata.yaml grading: custom): built like an output validator, run in the sandbox once per group. */
#ifndef VERDICT_GRADER_H
#define VERDICT_GRADER_H

#include "grading.h"
#include "package.h"
#include "validator.h"

#define GRADER_TIME 10   /* s of CPU per group */
#define GRADER_MEMORY 512 /* MB */
#define GRADER_OUTPUT_MB 1 /* what it may write; one short line is all it should */

/* Builds p's grader (p->grader_dir) under work_root, as a validator is
 * built: C or C++ compiled in the sandbox, a Python program's syntax
 * checked, or build/run scripts. 0, or -1 with err set. */
int grader_prepare(const struct package *p, const char *work_root, struct validator *g, char *err, size_t n);

/* The same, kept as dir for the test data version (import); grader_open
 * (validator_open) opens it again. */
int grader_build_into(const struct package *p, const char *dir, char *err, size_t n);

/* The hook grading.c calls for a group with grading: custom, running the
 * grader g in the sandbox with the scratch directory scratch_dir. */
struct grader_run {
	const struct validator *grader;
	const char *scratch_dir;
};
void grader_hook_init(struct grader_hook *hook, struct grader_run *run);

/* One grading: the results as the legacy format gives them, one line
 * "VERDICT SCORE" each (AC WA TLE RTE MLE OLE JE) on stdin, flags as
 * arguments; its stdout must be one line, "VERDICT SCORE", and it must exit
 * 0. Anything else (garbage, a crash, a timeout, more than a line) is -1
 * with message saying what. */
int grader_grade(void *run, const char *flags, const enum verdict *verdicts, const double *scores, int n,
		 enum verdict *verdict, double *score, char *message, size_t len);

/* Parses a grader's output: one line "VERDICT SCORE", SCORE a finite
 * number. 0, or -1 with message set. */
int grader_parse_output(const char *text, enum verdict *verdict, double *score, char *message, size_t len);

#endif
