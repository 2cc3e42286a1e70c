/* testrun.h - run a compiled submission on one test case and judge it. */
#ifndef VERDICT_TESTRUN_H
#define VERDICT_TESTRUN_H

#include "checker_default.h"
#include "compile.h"
#include "package.h"
#include "validator.h"
#include "verdict.h"

struct test_limits {
	double time_sec; /* CPU */
	long mem_mb;
	long output_mb;  /* largest output (and any file) the program may write */
};

struct test_result {
	enum verdict verdict;
	long cpu_ms, wall_ms, mem_kb;
	char message[512]; /* for people: what went wrong, or the checker's remark */
	int has_score;     /* the output validator wrote score.txt or score_multiplier.txt (score_file.h): score */
	double score;
};

/* Runs b's program with the test's input on stdin in a fresh box (the
 * compiled files read-only at /sub, an empty /box as its working
 * directory), writing its output under scratch_dir, then judges it: with
 * the package's validator v, or (v NULL) the default one with the test's
 * flags. Returns 0 with *r filled (JE when the sandbox or the check
 * failed), or -1 only for bad arguments. */
int testrun(const struct build *b, const struct test_limits *lim, const struct test_case *t,
	    const struct validator *v, const char *scratch_dir, struct test_result *r);

#endif
