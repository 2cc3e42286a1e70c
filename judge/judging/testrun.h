/* testrun.h - run a compiled submission on one test case and judge it. */
#ifndef VERDICT_TESTRUN_H
#define VERDICT_TESTRUN_H

#include "checker_default.h"
#include "compile.h"
#include "language.h"
#include "package.h"
#include "sandbox.h"
#include "validator.h"
#include "verdict.h"

struct test_limits {
	double time_sec; /* CPU, per run (each pass of a multi-pass problem is a run) */
	long mem_mb;
	long output_mb;  /* largest output (and any file) the program may write */
	int interactive; /* the validator runs with the program, over pipes (interactive.c) */
	int passes;      /* multi-pass: the most runs per test; 0 or 1: one */
};

struct test_result {
	enum verdict verdict;
	long cpu_ms, wall_ms, mem_kb; /* a multi-pass test's: its slowest pass's, its largest */
	char message[512]; /* for people: what went wrong, or the checker's remark */
	int has_score;     /* the output validator wrote score.txt or score_multiplier.txt, or a testlib
			    * checker or interactor gave points (score_file.h): score */
	double score;
};

/* Runs b's program with the test's input on stdin in a fresh box (the
 * compiled files read-only at /sub, an empty /box as its working
 * directory), writing its output under scratch_dir, then judges it: with
 * the package's validator v, or (v NULL) the default one with the test's
 * flags. An interactive problem runs the program and v at once instead; a
 * multi-pass one runs again on the validator's nextpass.in, up to
 * lim->passes times (the format's rules: nextpass.in with any exit but 42,
 * or asking for a pass past the limit, is JE); the score is what the
 * validator's feedback directory holds when its last pass ends. Returns 0 with *r filled
 * (JE when the sandbox or the check failed), or -1 only for bad arguments. */
int testrun(const struct build *b, const struct test_limits *lim, const struct test_case *t,
	    const struct validator *v, const char *scratch_dir, struct test_result *r);

/* For testrun.c and interactive.c: the program's box for one run (argv
 * from the language's run command, stderr to err_path under scratch_dir,
 * both pointing into *pc; stdin and stdout for the caller to set). Returns
 * 0, or -1 with *r a judge error. And the sandbox's account of a run as a
 * verdict. */
struct program_call {
	struct sandbox_config cfg;
	char args[LANGUAGE_MAX_ARGS][512];
	char *argv[LANGUAGE_MAX_ARGS + 1];
	char err_path[PATH_MAX];
	char env_store[LANGUAGE_MAX_LIST][512]; /* the language's run environment (language_box_extras) */
};
int testrun_program_call(const struct build *b, const struct test_limits *lim, const char *scratch_dir,
			 struct program_call *pc, struct test_result *r);
enum verdict testrun_verdict_of(enum sandbox_status s);

/* Judges the output in out_path (a file root made) for test t: with v
 * (feedback_dir kept when given, else one of its own) or the default
 * validator with the test's flags. Sets r->verdict and r->message. */
void testrun_check_output(const struct validator *v, const struct test_case *t, const char *input_path,
			  const char *out_path, const char *feedback_dir, const char *scratch_dir,
			  struct test_result *r);

#endif
