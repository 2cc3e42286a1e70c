/* polygon_answers.c - answers a Polygon package leaves out, made by running its main solution in the sandbox.
 *
 * Polygon keeps the answers of generated tests out of a standard package
 * and computes them with the main solution; a package may therefore hold
 * inputs without answers. The main solution is as untrusted as any
 * submission: it is compiled and run in the sandbox, like one, with the
 * problem's limits; its output is written by the sandbox's supervisor to a
 * file it creates in root's own copy of the package.
 */
#include "polygon_answers.h"
#include "compile.h"
#include "fsutil.h"
#include "language.h"
#include "sandbox.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define ANSWER_MAX_MB 64 /* the largest answer made */

/* Runs the built solution on one test. Returns 0, or -1 with err set. */
static int answer_one(const struct polygon_answer_job *job, const struct build *b, char *const *argv, int test,
		      char *err, size_t n)
{
	char in[PATH_MAX], ans[PATH_MAX];
	const char *group = job->sample[test - 1] ? "sample" : "secret";
	if ((size_t)snprintf(in, sizeof in, "%s/data/%s/%0*d.in", job->package_dir, group, job->width, test) >= sizeof in ||
	    (size_t)snprintf(ans, sizeof ans, "%s/data/%s/%0*d.ans", job->package_dir, group, job->width, test) >= sizeof ans)
		return errf(err, n, "the package's path is too long");
	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = job->time_sec;
	cfg.mem_mb = job->mem_mb + b->lang->run_extra_mem_mb;
	cfg.stack_mb = job->mem_mb;
	cfg.fsize_mb = ANSWER_MAX_MB;
	cfg.stdin_path = in;
	cfg.stdout_path = ans;
	cfg.stderr_path = "/dev/null";
	cfg.binds[0] = (struct sandbox_bind){ b->dir, "/sub", 0 };
	cfg.nbinds = 1;
	cfg.argv = argv;
	struct sandbox_result res;
	if (sandbox_run(&cfg, &res) < 0)
		return errf(err, n, "test %d: the sandbox failed making its answer: %s", test, res.message);
	if (res.status != SANDBOX_OK) {
		unlink(ans);
		return errf(err, n, "test %d has no answer file, and the main solution %s did not make one: %s %s", test,
			    strrchr(job->main_path, '/') + 1, sandbox_status_name(res.status), res.message);
	}
	return 0;
}

int polygon_make_answers(const struct polygon_answer_job *job, char *err, size_t n)
{
	const char *name = strrchr(job->main_path, '/') + 1; /* (an absolute path) */
	const struct language *lang = language_for_file(name);
	if (!lang)
		return errf(err, n, "the main solution %s is in a language Verdict does not know, so the answers the "
				    "package lacks cannot be made", name);
	if (sandbox_init(err, n) < 0)
		return -1;
	struct build b;
	memset(&b, 0, sizeof b);
	char why[1024];
	if (compile_submission(&b, lang, job->main_path, name, job->work_root, why, sizeof why) < 0)
		return errf(err, n, "cannot compile the main solution %s: %s", name, why);
	int rc = -1;
	if (b.verdict != VERDICT_AC) {
		errf(err, n, "the main solution %s does not compile (needed to make the answers the package lacks): %.600s",
		     name, b.output);
		goto out;
	}
	char args[LANGUAGE_MAX_ARGS][512];
	char *argv[LANGUAGE_MAX_ARGS + 1];
	int argc;
	for (argc = 0; lang->run[argc]; argc++) {
		if (language_expand(lang->run[argc], b.file, job->mem_mb, args[argc], sizeof args[argc]) < 0) {
			errf(err, n, "the main solution's command line is too long");
			goto out;
		}
		argv[argc] = args[argc];
	}
	argv[argc] = NULL;
	for (int i = 0; i < job->ntests; i++)
		if (answer_one(job, &b, argv, job->tests[i], err, n) < 0)
			goto out;
	rc = 0;
out:
	build_remove(&b);
	return rc;
}
