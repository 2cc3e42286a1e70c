/* interactive.c - one run of an interactive problem: the program and the package's validator at once.
 *
 * The two boxes and the pipes between them are the sandbox's
 * (sandbox_pair.c); here are the limits each side gets and how their two
 * ends make one verdict (interactive.h).
 */
#include "interactive.h"
#include "sandbox_pair.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

void interactive_pass(const struct build *b, const struct test_limits *lim, const struct test_case *t,
		      const struct validator *v, const char *input_path, const char *feedback_dir,
		      const char *scratch_dir, struct test_result *r)
{
	struct program_call pc;
	if (testrun_program_call(b, lim, scratch_dir, &pc, r) < 0)
		return;
	char val_err[PATH_MAX];
	snprintf(val_err, sizeof val_err, "%s/validator.stderr", scratch_dir);
	struct validator_call vc;
	validator_call_init(&vc, v, t, input_path, feedback_dir, val_err);
	double prog_wall = pc.cfg.wall_sec > 0 ? pc.cfg.wall_sec : 2 * pc.cfg.time_sec + 1;
	vc.cfg.wall_sec = prog_wall + INTERACTOR_GRACE_SEC;

	struct sandbox_pair pair = { &pc.cfg, &vc.cfg, 42 };
	struct sandbox_pair_result pr;
	sandbox_run_pair(&pair, &pr);
	const struct sandbox_result *prog = &pr.program, *val = &pr.peer;
	r->cpu_ms = prog->cpu_ms;
	r->wall_ms = prog->wall_ms;
	r->mem_kb = prog->mem_kb;

	char vmsg[sizeof r->message];
	enum verdict vv = validator_outcome(val->status == SANDBOX_SE ? -1 : 0, val, feedback_dir, val_err, vmsg,
					    sizeof vmsg);
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
	} else {
		r->verdict = vv;
		snprintf(r->message, sizeof r->message, "%s", vmsg);
	}
	unlink(pc.err_path);
	unlink(val_err);
}
