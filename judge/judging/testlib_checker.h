/* testlib_checker.h - checkers written with testlib (the Codeforces/Polygon convention): how they are run and what their exit codes mean. */
#ifndef VERDICT_TESTLIB_CHECKER_H
#define VERDICT_TESTLIB_CHECKER_H

#include "package.h"
#include "verdict.h"

#include <stddef.h>

/* How an output validator is asked about a test. */
enum validator_protocol {
	PROTOCOL_KATTIS,            /* validator input answer feedback_dir/ [flags] < output; 42/43 */
	PROTOCOL_TESTLIB,           /* checker input output answer; exit 0 ok, 1 wa, 2 pe, 3 fail, 7 points */
	PROTOCOL_TESTLIB_INTERACTOR /* registerInteraction: interactor input tout answer (interactive.c) */
};

/* Where a testlib interactor's checker lives: a subdirectory of the
 * output validator's sources (Polygon's two programs in one Kattis
 * output_validator/); it judges the interactor's output file, tout. */
#define VALIDATOR_INTERACTOR_CHECKER "checker"

/* The protocol a validator's sources (the directory src, as copied for
 * building) speak: testlib's when a source registers itself with testlib
 * (registerTestlibCmd for a checker, registerInteraction for an
 * interactor), Kattis's otherwise. Reads at most the first 1 MiB of each
 * regular file directly in src. */
enum validator_protocol testlib_protocol_of(const char *src);

/* What a testlib checker's ending means (testlib.h resultExitCode, the
 * default codes): 0 AC; 1 WA; 2 (and 4, 8: the output's format) WA, with
 * "presentation error" said; 7 AC with the points it printed; 3 and
 * anything else JE. stderr_text is what it printed ("wrong answer 1st
 * numbers differ", "points 0.5 partly right", ...): it becomes the
 * message, which names the program as who ("checker", "interactor").
 * *points is the score of exit 7, else -1. */
enum verdict testlib_verdict(const char *who, int exit_code, const char *stderr_text, double *points, char *message,
			     size_t n);

struct validator;

/* Runs the testlib checker v on one test in the sandbox, as Polygon does:
 * `checker /data/test.in /data/test.out /data/test.ans`, the three
 * read-only, nothing writable but its /box. A crash, timeout or signal is
 * JE. */
enum verdict testlib_check(const struct validator *v, const struct test_case *t, const char *output_path,
			   const char *scratch_dir, double *points, char *message, size_t n);

#endif
