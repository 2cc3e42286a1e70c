/* interactive.c - one run of an interactive problem: the program and the package's validator at once.
 *
 * The two boxes and the pipes between them are the sandbox's
 * (sandbox_pair.c); here are the limits each side gets and how their two
 * ends make one verdict (interactive.h). The validator speaks Kattis's
 * protocol (exit 42/43, the feedback directory) or is a testlib
 * interactor (Codeforces/Polygon: `interactor input tout answer`, testlib's
 * exit codes, then a testlib checker, if the package has one, on tout).
 */
#include "interactive.h"
#include "fsutil.h"
#include "sandbox_pair.h"
#include "score_file.h"
#include "testlib_checker.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A testlib interactor's output file (tout): what the checker reads, so
 * bounded like a program's output. */
#define TOUT_MAX_BYTES (64LL << 20)
#define TOUT_IN_BOX "/feedback/tout"

/* What the testlib interactor's ending says (testlib_verdict); *points as there. */
static enum verdict interactor_outcome(const struct sandbox_result *val, const char *stderr_path, double *points,
				       char *message, size_t n)
{
	char text[512] = "";
	int truncated;
	*points = -1;
	if (read_prefix(stderr_path, text, sizeof text, &truncated) < 0)
		text[0] = 0;
	if (val->signal || (val->status != SANDBOX_OK && val->status != SANDBOX_RE)) {
		text[strcspn(text, "\n")] = 0;
		snprintf(message, n, "the testlib interactor failed: %.200s%s%.200s", val->message, text[0] ? ": " : "",
			 text);
		return VERDICT_JE;
	}
	return testlib_verdict("interactor", val->exit_code, text, points, message, n);
}

/* After a testlib interactor accepted: its checker (v->next) judges what
 * the interactor wrote to tout, copied out of the feedback directory only
 * if it is a regular file (the boxed interactor could plant anything). */
static enum verdict check_tout(const struct validator *v, const struct test_case *t, const char *feedback_dir,
			       const char *scratch_dir, double *points, char *message, size_t n)
{
	char tout[PATH_MAX + 16], copy[PATH_MAX + 16];
	snprintf(tout, sizeof tout, "%s/tout", feedback_dir);
	snprintf(copy, sizeof copy, "%s/tout", scratch_dir);
	if (copy_file(tout, copy, 0644, TOUT_MAX_BYTES) < 0) {
		snprintf(message, n, "the testlib interactor's output file (tout) is not a regular file of at most 64 MB: %s",
			 errno == ENOENT ? "it wrote none" : strerror(errno));
		return VERDICT_JE;
	}
	enum verdict verdict = testlib_check(v->next, t, copy, scratch_dir, points, message, n);
	unlink(copy);
	return verdict;
}

void interactive_pass(const struct build *b, const struct test_limits *lim, const struct test_case *t,
		      const struct validator *v, const char *input_path, const char *feedback_dir,
		      const char *scratch_dir, struct test_result *r)
{
	struct program_call pc;
	if (testrun_program_call(b, lim, scratch_dir, &pc, r) < 0)
		return;
	const int testlib = v->protocol == PROTOCOL_TESTLIB_INTERACTOR;
	char val_err[PATH_MAX];
	snprintf(val_err, sizeof val_err, "%s/validator.stderr", scratch_dir);
	struct validator_call vc;
	validator_call_init(&vc, v, t, input_path, feedback_dir, val_err);
	if (testlib) { /* testlib.h registerInteraction: input, tout (written), answer */
		int argc = v->nrun;
		vc.argv[argc++] = "/data/test.in";
		vc.argv[argc++] = TOUT_IN_BOX;
		vc.argv[argc++] = "/data/test.ans";
		vc.argv[argc] = NULL;
	}
	double prog_wall = pc.cfg.wall_sec > 0 ? pc.cfg.wall_sec : 2 * pc.cfg.time_sec + 1;
	vc.cfg.wall_sec = prog_wall + INTERACTOR_GRACE_SEC;

	/* Accepting exits: Kattis's 42; testlib's 0 and 7 (points). */
	struct sandbox_pair pair = { &pc.cfg, &vc.cfg, testlib ? (1ULL << 0 | 1ULL << 7) : 1ULL << 42 };
	struct sandbox_pair_result pr;
	sandbox_run_pair(&pair, &pr);
	const struct sandbox_result *prog = &pr.program, *val = &pr.peer;
	r->cpu_ms = prog->cpu_ms;
	r->wall_ms = prog->wall_ms;
	r->mem_kb = prog->mem_kb;

	char vmsg[sizeof r->message];
	double points = -1;
	enum verdict vv = testlib ? interactor_outcome(val, val_err, &points, vmsg, sizeof vmsg)
				  : validator_outcome(val->status == SANDBOX_SE ? -1 : 0, val, feedback_dir, val_err,
						      vmsg, sizeof vmsg);
	enum verdict pv = testrun_verdict_of(prog->status);
	int wall_stopped = prog->status == SANDBOX_TLE && (double)prog->cpu_ms <= lim->time_sec * 1000;
	if (prog->status == SANDBOX_SE || val->status == SANDBOX_SE) {
		r->verdict = VERDICT_JE;
		snprintf(r->message, sizeof r->message, "sandbox failure: %.480s",
			 prog->status == SANDBOX_SE ? prog->message : val->message);
	} else if (vv == VERDICT_JE) {
		r->verdict = VERDICT_JE;
		snprintf(r->message, sizeof r->message, "%s", vmsg);
	} else if (vv == VERDICT_WA && pr.peer_first) {
		r->verdict = VERDICT_WA;
		snprintf(r->message, sizeof r->message, "%s", vmsg);
	} else if (pv == VERDICT_TLE && wall_stopped && pr.program_unread && !pr.peer_first) {
		r->verdict = VERDICT_JE;
		snprintf(r->message, sizeof r->message,
			 "the output validator stopped reading: the program's output was still unread when its "
			 "wall-clock limit (%g s) ran out", prog_wall);
	} else if (pv != VERDICT_AC) {
		r->verdict = pv;
		snprintf(r->message, sizeof r->message, "%s", prog->message);
	} else if (testlib && vv == VERDICT_AC && v->next) {
		r->verdict = check_tout(v, t, feedback_dir, scratch_dir, &points, r->message, sizeof r->message);
	} else {
		r->verdict = vv;
		snprintf(r->message, sizeof r->message, "%s", vmsg);
	}
	if (testlib && r->verdict == VERDICT_AC && points >= 0) { /* exit 7: judging.c decides what points count for */
		r->has_score = SCORE_FILE_POINTS;
		r->score = points;
	}
	unlink(pc.err_path);
	unlink(val_err);
}
