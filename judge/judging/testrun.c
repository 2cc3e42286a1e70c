/* testrun.c - run a compiled submission on one test case and judge it. */
#include "testrun.h"
#include "sandbox.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The sandbox's account of a run, as a verdict. */
static enum verdict verdict_of(enum sandbox_status s)
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

int testrun(const struct build *b, const struct test_limits *lim, const struct test_case *t,
	    const struct validator *v, const char *scratch_dir, struct test_result *r)
{
	memset(r, 0, sizeof *r);
	if (!b || !b->lang || b->verdict != VERDICT_AC || !lim || lim->time_sec <= 0 || lim->mem_mb <= 0)
		return -1;
	const struct language *lang = b->lang;
	char args[LANGUAGE_MAX_ARGS][512];
	char *argv[LANGUAGE_MAX_ARGS + 1];
	int argc = 0;
	for (; lang->run[argc]; argc++) {
		if (language_expand(lang->run[argc], b->file, lim->mem_mb, args[argc], sizeof args[argc]) < 0)
			return -1;
		argv[argc] = args[argc];
	}
	argv[argc] = NULL;

	char out_path[PATH_MAX], err_path[PATH_MAX];
	snprintf(out_path, sizeof out_path, "%s/output", scratch_dir);
	snprintf(err_path, sizeof err_path, "%s/stderr", scratch_dir);
	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = lim->time_sec;
	cfg.mem_mb = lim->mem_mb + lang->run_extra_mem_mb;
	cfg.stack_mb = lim->mem_mb;
	cfg.fsize_mb = lim->output_mb > 0 ? lim->output_mb : 64;
	cfg.stdin_path = t->in;
	cfg.stdout_path = out_path;
	cfg.stderr_path = err_path;
	cfg.binds[0] = (struct sandbox_bind){ b->dir, "/sub", 0 };
	cfg.nbinds = 1;
	cfg.argv = argv;

	struct sandbox_result res;
	int rc = sandbox_run(&cfg, &res);
	r->cpu_ms = res.cpu_ms;
	r->wall_ms = res.wall_ms;
	r->mem_kb = res.mem_kb;
	r->verdict = rc < 0 ? VERDICT_JE : verdict_of(res.status);
	if (r->verdict != VERDICT_AC) {
		snprintf(r->message, sizeof r->message, "%s%.480s", r->verdict == VERDICT_JE ? "sandbox failure: " : "",
			 res.message);
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
	unlink(out_path);
	unlink(err_path);
	return 0;
}
