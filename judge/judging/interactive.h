/* interactive.h - one run of an interactive problem: the program and the package's validator at once. */
#ifndef VERDICT_INTERACTIVE_H
#define VERDICT_INTERACTIVE_H

#include "testrun.h"

/* Extra wall-clock time the validator (interactor) gets beyond the
 * program's: enough to see the program's end and give its verdict. */
#define INTERACTOR_GRACE_SEC 5

/* Runs b's program and v together, each in its own box, the validator's
 * stdout the program's stdin and back, the validator invoked as `validator
 * input answer feedback_dir/ [args]` with input_path as its input (the
 * program never sees it). The program has the problem's limits; the
 * validator VALIDATOR_TIME of CPU, VALIDATOR_MEMORY, and the program's wall
 * clock plus INTERACTOR_GRACE_SEC. The verdict, as problemtools gives it:
 *   - the validator crashed, timed out or exited with neither 42 nor 43: JE;
 *   - it rejected (43) before the program ended: WA, whatever the program
 *     then did;
 *   - otherwise the program's own TLE, MLE, OLE or RE, if any;
 *   - otherwise the validator's 42 (AC) or 43 (WA).
 * One rule more than problemtools: a program stopped by its wall clock
 * (not its CPU) while its output sat unread, having read all the
 * validator wrote, and the validator had not ended, is JE, since the
 * validator stopped reading. The result goes to *r. */
void interactive_pass(const struct build *b, const struct test_limits *lim, const struct test_case *t,
		      const struct validator *v, const char *input_path, const char *feedback_dir,
		      const char *scratch_dir, struct test_result *r);

#endif
