/* testrun.c - run a compiled submission on one test case and judge it. */
#include "testrun.h"
#include "fsutil.h"
#include "interactive.h"
#include "sandbox.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A validator's nextpass.in is copied out of its feedback directory (which
 * the boxed validator could fill with anything) only if it is a regular
 * file of at most this size: the validator's own file size limit. */
#define NEXTPASS_MAX_BYTES (64LL << 20)

enum verdict testrun_verdict_of(enum sandbox_status s)
{
	switch (s) {
	case SANDBOX_OK: return VERDICT_AC; /* so far: the output is checked next */
	case SANDBOX_RE: return VERDICT_RE;
	case SANDBOX_TLE: return VERDICT_TLE;
	case SANDBOX_MLE: return VERDICT_MLE;
	case SANDBOX_OLE: return VERDICT_OLE;
	default: return VERDICT_JE;
	}
}

int testrun_program_call(const struct build *b, const struct test_limits *lim, const char *scratch_dir,
			 struct program_call *pc, struct test_result *r)
{
	const struct language *lang = b->lang;
	int argc = 0;
	for (; lang->run[argc]; argc++) {
		if (language_expand(lang->run[argc], b->file, lim->mem_mb, pc->args[argc], sizeof pc->args[argc]) < 0) {
			r->verdict = VERDICT_JE;
			snprintf(r->message, sizeof r->message, "the run command does not fit");
			return -1;
		}
		pc->argv[argc] = pc->args[argc];
	}
	snprintf(pc->err_path, sizeof pc->err_path, "%s/stderr", scratch_dir);
	pc->argv[argc] = NULL;
	struct sandbox_config *cfg = &pc->cfg;
	sandbox_config_defaults(cfg);
	cfg->time_sec = lim->time_sec;
	cfg->mem_mb = lim->mem_mb + lang->run_extra_mem_mb;
	cfg->stack_mb = lim->mem_mb;
	cfg->fsize_mb = lim->output_mb > 0 ? lim->output_mb : 64;
	cfg->binds[0] = (struct sandbox_bind){ b->dir, "/sub", 0 };
	cfg->nbinds = 1;
	language_box_extras(lang, cfg, 1, pc->env_store, lim->mem_mb); /* its run environment and binds */
	cfg->argv = pc->argv;
	cfg->stderr_path = pc->err_path;
	return 0;
}

/* One run with input_path on stdin and the output to a file, then the
 * check: the validator with feedback_dir (kept, for multi-pass) or a
 * directory of its own (feedback_dir NULL), or the default validator. */
static void batch_pass(const struct build *b, const struct test_limits *lim, const struct test_case *t,
		       const struct validator *v, const char *input_path, const char *feedback_dir,
		       const char *scratch_dir, struct test_result *r)
{
	struct program_call pc;
	if (testrun_program_call(b, lim, scratch_dir, &pc, r) < 0)
		return;
	char out_path[PATH_MAX];
	snprintf(out_path, sizeof out_path, "%s/output", scratch_dir);
	pc.cfg.stdin_path = input_path;
	pc.cfg.stdout_path = out_path;

	struct sandbox_result res;
	int rc = sandbox_run(&pc.cfg, &res);
	r->cpu_ms = res.cpu_ms;
	r->wall_ms = res.wall_ms;
	r->mem_kb = res.mem_kb;
	r->verdict = rc < 0 ? VERDICT_JE : testrun_verdict_of(res.status);
	if (r->verdict != VERDICT_AC)
		snprintf(r->message, sizeof r->message, "%s%.480s", r->verdict == VERDICT_JE ? "sandbox failure: " : "",
			 res.message);
	else
		testrun_check_output(v, t, input_path, out_path, feedback_dir, scratch_dir, r);
	unlink(out_path);
	unlink(pc.err_path);
}

void testrun_check_output(const struct validator *v, const struct test_case *t, const char *input_path,
			  const char *out_path, const char *feedback_dir, const char *scratch_dir,
			  struct test_result *r)
{
	if (v && feedback_dir) {
		r->verdict = validator_check_in(v, t, input_path, out_path, feedback_dir, scratch_dir, r->message,
						sizeof r->message);
	} else if (v) {
		r->verdict = validator_check_scored(v, t, out_path, scratch_dir, &r->has_score, &r->score, r->message,
						    sizeof r->message);
	} else {
		struct checker_flags flags;
		checker_flags_defaults(&flags);
		if (checker_flags_parse(t->validator_flags, &flags, r->message, sizeof r->message) < 0)
			r->verdict = VERDICT_JE; /* package_load checks flags: not reached */
		else
			r->verdict = checker_default(t->ans, out_path, &flags, r->message, sizeof r->message);
		if (r->verdict == VERDICT_JE) {
			char why[sizeof r->message];
			snprintf(why, sizeof why, "%s", r->message);
			snprintf(r->message, sizeof r->message, "output check failed: %.400s", why);
		}
	}
}

static void judge_error(struct test_result *r, const char *fmt, const char *arg)
{
	r->verdict = VERDICT_JE;
	snprintf(r->message, sizeof r->message, fmt, arg);
}

/* The passes of one test, interactive or not, with one feedback directory
 * that persists between them (the format's multi-pass validation; a
 * problem that is only interactive has one pass). */
static void run_passes(const struct build *b, const struct test_limits *lim, const struct test_case *t,
		       const struct validator *v, const char *scratch_dir, struct test_result *r)
{
	char feedback[PATH_MAX], nextpass[PATH_MAX + 16], input[2][PATH_MAX];
	if (make_work_dir(scratch_dir, "feedback-", SANDBOX_UID, feedback, sizeof feedback) < 0)
		return judge_error(r, "cannot create the feedback directory: %s", strerror(errno));
	snprintf(nextpass, sizeof nextpass, "%s/nextpass.in", feedback);
	const int passes = lim->passes > 1 ? lim->passes : 1;
	const char *in = t->in;
	struct test_result slowest = { 0 };
	for (int pass = 1;; pass++) {
		memset(r, 0, sizeof *r);
		if (lim->interactive)
			interactive_pass(b, lim, t, v, in, feedback, scratch_dir, r);
		else
			batch_pass(b, lim, t, v, in, feedback, scratch_dir, r);
		if (r->cpu_ms > slowest.cpu_ms)
			slowest.cpu_ms = r->cpu_ms;
		if (r->wall_ms > slowest.wall_ms)
			slowest.wall_ms = r->wall_ms;
		if (r->mem_kb > slowest.mem_kb)
			slowest.mem_kb = r->mem_kb;
		if (passes == 1)
			break;
		struct stat st;
		int asked = lstat(nextpass, &st) == 0; /* a link or FIFO asks too, and fails below */
		if (asked && r->verdict != VERDICT_AC) {
			if (r->verdict == VERDICT_WA || r->verdict == VERDICT_JE) /* the validator's doing */
				judge_error(r, "the output validator wrote nextpass.in but did not accept (exit 42)%s", "");
			break;
		}
		if (!asked || r->verdict != VERDICT_AC)
			break;
		if (pass == passes) {
			char n[16];
			snprintf(n, sizeof n, "%d", passes);
			judge_error(r, "the output validator asked for another pass past validation_passes (%s)", n);
			break;
		}
		char *next = input[pass % 2];
		snprintf(next, PATH_MAX, "%s/pass-%d.in", scratch_dir, pass + 1);
		if (copy_file(nextpass, next, 0644, NEXTPASS_MAX_BYTES) < 0) {
			judge_error(r, "the output validator's nextpass.in is not a regular file of at most 64 MB (%s)",
				    strerror(errno));
			unlink(next);
			break;
		}
		unlink(nextpass); /* the format: removed before the next pass */
		if (in != t->in)
			unlink(in);
		in = next;
	}
	if (in != t->in)
		unlink(in);
	/* The feedback directory persists between passes, and so does a
	 * score.txt: what it holds when the last pass ends is the score (as
	 * problemtools reads it), by the rules of a test with one pass. */
	if (v->protocol == PROTOCOL_KATTIS)
		r->verdict = validator_read_score(feedback, r->verdict, &r->has_score, &r->score, r->message,
						  sizeof r->message);
	r->cpu_ms = slowest.cpu_ms;
	r->wall_ms = slowest.wall_ms;
	r->mem_kb = slowest.mem_kb;
	remove_tree(feedback);
}

int testrun(const struct build *b, const struct test_limits *lim, const struct test_case *t,
	    const struct validator *v, const char *scratch_dir, struct test_result *r)
{
	memset(r, 0, sizeof *r);
	if (!b || !b->lang || b->verdict != VERDICT_AC || !lim || lim->time_sec <= 0 || lim->mem_mb <= 0 ||
	    ((lim->interactive || lim->passes > 1) && !v))
		return -1;
	if (lim->interactive || lim->passes > 1)
		run_passes(b, lim, t, v, scratch_dir, r);
	else
		batch_pass(b, lim, t, v, t->in, NULL, scratch_dir, r);
	return 0;
}
