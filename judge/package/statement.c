/* statement.c - turn a package's LaTeX statement into HTML at import (pandoc, in the sandbox). */
#include "statement.h"
#include "fsutil.h"
#include "sandbox.h"
#include "util.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int statement_tex_to_html(const char *tex_path, const char *html_path, char *err, size_t n)
{
	char dir[PATH_MAX], file[PATH_MAX + 16], errors[PATH_MAX + 16];
	snprintf(dir, sizeof dir, "%s", tex_path);
	char *slash = strrchr(dir, '/');
	if (!slash)
		return errf(err, n, "%s: not a path", tex_path);
	*slash = 0;
	snprintf(file, sizeof file, "/statement/%s", slash + 1);
	snprintf(errors, sizeof errors, "%s.err", html_path);
	char *argv[] = { "/usr/bin/pandoc", "--from=latex", "--to=html5", "--mathml", file, NULL };
	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = 30;
	cfg.mem_mb = 1024;
	cfg.pids = 64;
	cfg.stdin_path = "/dev/null";
	cfg.stdout_path = html_path;
	cfg.stderr_path = errors;
	cfg.binds[0] = (struct sandbox_bind){ dir, "/statement", 0 };
	cfg.nbinds = 1;
	cfg.env[cfg.nenv++] = "HOME=/box";
	cfg.env[cfg.nenv++] = "LANG=C.UTF-8";
	cfg.argv = argv;
	struct sandbox_result res;
	int rc = sandbox_run(&cfg, &res);
	char why[512] = "";
	int truncated;
	if (read_prefix(errors, why, sizeof why, &truncated) < 0)
		why[0] = 0;
	unlink(errors);
	if (rc < 0 || res.status != SANDBOX_OK) {
		unlink(html_path);
		return errf(err, n, "pandoc could not convert it to HTML: %s%s%.400s", res.message,
			    why[0] ? ": " : "", why);
	}
	return 0;
}
