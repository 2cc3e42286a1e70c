/* validator.h - a package's custom output validator: built once, run per test (Kattis protocol). */
#ifndef VERDICT_VALIDATOR_H
#define VERDICT_VALIDATOR_H

#include "compile.h"
#include "package.h"
#include "sandbox.h"
#include "testlib_checker.h"
#include "verdict.h"

struct validator {
	struct build build; /* its directory holds the sources (src/) and, for C and C++, the program */
	char run[2][PATH_MAX]; /* how to start it in the box, before its arguments */
	int nrun;
	int kept;           /* built at import and kept with the test data version: not removed */
	struct validator *next; /* a legacy package's next validator: every one must accept; after a
				 * testlib interactor, its checker (VALIDATOR_INTERACTOR_CHECKER) */
	enum validator_protocol protocol; /* Kattis's, or testlib's (testlib_checker.h) */
};

/* Builds p's output validator (p->validator_dir) under work_root: C or C++
 * sources (any number, with their headers) are compiled in the sandbox, a
 * Python program is checked for syntax. Returns 0 with v ready, or -1 with
 * err set (the package's validator does not build: a judge error for every
 * submission, so verify and import report it up front). */
int validator_prepare(const struct package *p, const char *work_root, struct validator *v, char *err, size_t n);
void validator_free(struct validator *v);

/* Builds the validator as validator_prepare does and keeps it as dir (which
 * must not exist), owned by root: done once per test data version, at
 * import. Returns 0 or -1 with err set. */
int validator_build_into(const struct package *p, const char *dir, char *err, size_t n);

/* One program of the package built as a validator is (what names it in
 * messages: "grader"), under work_root, or kept as dir (validator_open
 * opens it): a grader is built this way. Return 0 or -1 with err set. */
int validator_prepare_program(const struct package *p, const char *program, const char *what, const char *work_root,
			      struct validator *v, char *err, size_t n);
int validator_build_program_into(const struct package *p, const char *program, const char *what, const char *dir,
				 char *err, size_t n);

/* Opens a validator kept by validator_build_into. Returns 0, or -1 if dir
 * holds none. */
int validator_open(const char *dir, struct validator *v, char *err, size_t n);

/* Runs the validator on one test as the format says: `validator input
 * answer feedback_dir/ [flags] < output`, in the sandbox. Exit 42: AC,
 * 43: WA, anything else (or a crash or timeout): JE. The message is its
 * judgemessage.txt, or why it failed. A testlib checker is run as testlib
 * wants instead (testlib_check). */
enum verdict validator_check(const struct validator *v, const struct test_case *t, const char *output_path,
			     const char *scratch_dir, char *message, size_t n);

/* One run of the validator, prepared: its box (limits, the test's input
 * and answer read-only, feedback_dir writable at /feedback/, stdout to
 * /dev/null, stderr to stderr_path) and its argv, which points into this
 * struct. The caller sets cfg.stdin_path (or the pipes of an interactive
 * pair) and runs it. */
#define VALIDATOR_MAX_ARGS 64
#define VALIDATOR_TIME 30     /* s of CPU per test (or per pass): the format's validation_time is 60 */
#define VALIDATOR_MEMORY 1024 /* MB */
struct validator_call {
	struct sandbox_config cfg;
	char flags[512];
	char *argv[VALIDATOR_MAX_ARGS];
};
void validator_call_init(struct validator_call *c, const struct validator *v, const struct test_case *t,
			 const char *input_path, const char *feedback_dir, const char *stderr_path);

/* The verdict of a finished validator run (rc and *res from the sandbox):
 * exit 42 AC, 43 WA, anything else JE; message is its judgemessage.txt
 * (read only if a regular file; anything else there is JE) or why it
 * failed. */
enum verdict validator_outcome(int rc, const struct sandbox_result *res, const char *feedback_dir,
			       const char *stderr_path, char *message, size_t n);

/* validator_check with the caller's feedback directory, which is left as
 * the validator left it (a multi-pass problem keeps it between passes),
 * and the input given to the validator (a later pass's, for multi-pass). */
enum verdict validator_check_in(const struct validator *v, const struct test_case *t, const char *input_path,
				const char *output_path, const char *feedback_dir, const char *scratch_dir,
				char *message, size_t n);

/* The same, also reading the score.txt or score_multiplier.txt the
 * validator left (score_file.h): *has_score is 0 or which one it wrote;
 * an unreadable or malformed one is JE. */
enum verdict validator_check_scored(const struct validator *v, const struct test_case *t, const char *output_path,
				    const char *scratch_dir, int *has_score, double *score, char *message, size_t n);

/* The score an accepting validator left in feedback_dir (score_file.h),
 * read after its run ends, by the one rule of both formats: verdict is the
 * validator's (AC or WA; any other is returned as it is, with no score),
 * a WA with a score or a malformed score file is JE (message says why).
 * *has_score is 0 or which file it wrote. Returns the verdict. */
enum verdict validator_read_score(const char *feedback_dir, enum verdict verdict, int *has_score, double *score,
				  char *message, size_t n);

#endif
