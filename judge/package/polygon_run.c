/* polygon_run.c - one run of a package's own program (input validator, generator) built by validator_prepare, in the sandbox. */
#include "polygon_run.h"
#include "fsutil.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define RUN_MAX_ARGS 40

int polygon_run(const struct validator *v, const struct polygon_run *r, struct sandbox_result *res, char *text,
		size_t n)
{
	char *argv[RUN_MAX_ARGS + 3];
	int argc = 0;
	for (int i = 0; i < v->nrun && i < 2; i++)
		argv[argc++] = (char *)v->run[i];
	for (int i = 0; r->args && r->args[i] && argc < RUN_MAX_ARGS + 2; i++)
		argv[argc++] = r->args[i];
	argv[argc] = NULL;
	char stderr_path[PATH_MAX + 32];
	snprintf(stderr_path, sizeof stderr_path, "%s/run.stderr", v->build.dir);
	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = r->time_sec;
	cfg.mem_mb = r->mem_mb;
	if (r->fsize_mb)
		cfg.fsize_mb = r->fsize_mb;
	cfg.stdin_path = r->stdin_path;
	cfg.stdout_path = r->stdout_path;
	cfg.stderr_path = stderr_path;
	cfg.binds[0] = (struct sandbox_bind){ v->build.dir, "/val", 0 };
	cfg.nbinds = 1;
	cfg.argv = argv;
	int rc = sandbox_run(&cfg, res), truncated;
	if (n && read_prefix(stderr_path, text, n, &truncated) < 0)
		text[0] = 0;
	unlink(stderr_path);
	if (n)
		text[strcspn(text, "\n")] = 0;
	return rc;
}
