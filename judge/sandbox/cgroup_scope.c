/* cgroup_scope.c - a delegated cgroup from systemd, for a Verdict started in
 * one that is not: `make run` or `verdict judge` from an SSH root shell on a
 * cgroup v2 server. The kernel lets a process hand controllers down only in
 * a group delegated to it, and under systemd only a unit with Delegate=yes
 * is; a transient scope is the one-command way to get one. */
#include "cgroup_scope.h"
#include "cgroup.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SCOPE_ENV "VERDICT_SYSTEMD_RUN"
#define MAX_ARGS 256

void cgroup_scope_enter(char **argv)
{
	char err[1024], exe[PATH_MAX], desc[128];
	struct stat st;
	const char *env = getenv(SCOPE_ENV);
	if (geteuid() != 0 || cgroup_init(err, sizeof err) == 0 || !cgroup_wants_delegation())
		return;
	if ((env && (strcmp(env, "no") == 0 || strcmp(env, "done") == 0)) || stat("/run/systemd/system", &st) < 0)
		return;
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return;
	exe[len] = 0;
	char *args[MAX_ARGS + 16];
	int n = 0;
	snprintf(desc, sizeof desc, "--description=Verdict: verdict %s", argv[1] ? argv[1] : "");
	const char *head[] = { "systemd-run", "--scope", "--quiet", "--collect", "-p", "Delegate=yes", desc, "--", exe };
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		args[n++] = (char *)head[i];
	for (int i = 1; argv[i]; i++) {
		if (n >= MAX_ARGS)
			return;
		args[n++] = argv[i];
	}
	args[n] = NULL;
	if (isatty(2))
		fprintf(stderr, "verdict: %s\nverdict: asking systemd for a delegated scope (systemd-run --scope -p Delegate=yes)\n",
			err);
	setenv(SCOPE_ENV, "done", 1);
	execvp(args[0], args);
	fprintf(stderr, "verdict: cannot run systemd-run for a delegated scope: %s\n", strerror(errno));
	unsetenv(SCOPE_ENV);
}
