/* sandbox_bench.c - time a trivial program: bare fork+exec, sandbox_run(), `verdict sandbox`, bwrap. */
#ifndef _GNU_SOURCE /* the Makefile's CFLAGS may already define it */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sandbox.h"

#define BWRAP "/usr/bin/bwrap"
#define WARMUP 10 /* rounds run and thrown away: page cache, cgroup setup, CPU clocks */
#define FAIL_PCT 3 /* more failed runs than this per way and the figures mean nothing */

enum way { FLOOR, JUDGE, COMMAND, BWRAP_WAY, NWAYS };
static const char *const way_name[NWAYS] = { "floor", "judge", "command", "bwrap" };

static char prog[PATH_MAX], dir[PATH_MAX], box_prog[PATH_MAX + 8];
static const char *verdict;
static int devnull = -1;
static struct sandbox_config cfg;
static char last_err[NWAYS][600];

/* Where the judge path's time goes, per run (sandbox_result.phases). */
enum { PH_CREATE, PH_SETUP, PH_PROGRAM, PH_EXIT, PH_CLEANUP, NPHASES };
static const char *const phase_name[NPHASES] = { "create (cgroup, clone)", "setup (mounts || netns)",
						 "program (start to reaped)", "exit (namespaces torn down)",
						 "cleanup (cgroup stats, rmdir)" };
static double *phase_ms[NPHASES];
static int nphase;

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* fork+execv+waitpid with stdout to /dev/null (the command prints JSON; the
 * others print nothing, so the redirect costs every way the same one dup2). */
static int spawn(enum way w, char *const argv[])
{
	int st;
	pid_t pid = fork();

	if (pid < 0) {
		snprintf(last_err[w], sizeof last_err[w], "fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		dup2(devnull, STDOUT_FILENO);
		execv(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			snprintf(last_err[w], sizeof last_err[w], "waitpid: %s", strerror(errno));
			return -1;
		}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st))
		snprintf(last_err[w], sizeof last_err[w], "%s exited %d", argv[0], WEXITSTATUS(st));
	else
		snprintf(last_err[w], sizeof last_err[w], "%s killed by signal %d", argv[0], WTERMSIG(st));
	return -1;
}

/* One run of way w; returns 0 on success and stores its duration in *ms. */
static int run_once(enum way w, double *ms)
{
	char bindarg[PATH_MAX + 8];
	struct sandbox_result res;
	int rc;
	double t0;

	snprintf(bindarg, sizeof bindarg, "%s=/prog", dir);
	char *const floor_argv[] = { prog, NULL };
	char *const cmd_argv[] = { (char *)verdict, "sandbox", "--dir", bindarg,
		"--stdout", "/dev/null", "--stdin", "/dev/null", "--", box_prog, NULL };
	/* The same read-only system view as the box: /usr and its links, and
	 * the /etc entries the box binds (sandbox.c, plan_system_mounts). */
	char *const bwrap_argv[] = { BWRAP, "--unshare-all", "--die-with-parent",
		"--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib",
		"--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
		"--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
		"--ro-bind-try", "/etc/java-17-openjdk", "/etc/java-17-openjdk",
		"--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin", "/bin",
		"--symlink", "usr/sbin", "/sbin", "--proc", "/proc", "--dev", "/dev",
		"--tmpfs", "/tmp", "--dir", "/box", "--ro-bind", dir, "/prog",
		"--", box_prog, NULL };

	t0 = now_ms();
	switch (w) {
	case FLOOR: rc = spawn(w, floor_argv); break;
	case COMMAND: rc = spawn(w, cmd_argv); break;
	case BWRAP_WAY: rc = spawn(w, bwrap_argv); break;
	default:
		rc = sandbox_run(&cfg, &res);
		if (rc == 0 && res.status != SANDBOX_OK)
			rc = -1;
		if (rc == 0 && phase_ms[0]) {
			const long long ns[NPHASES] = { res.phases.create_ns, res.phases.setup_ns, res.phases.program_ns,
							res.phases.exit_ns, res.phases.cleanup_ns };
			for (int i = 0; i < NPHASES; i++)
				phase_ms[i][nphase] = (double)ns[i] / 1e6;
			nphase++;
		}
		if (rc)
			snprintf(last_err[w], sizeof last_err[w], "status %s exit %d signal %d: %s",
				 sandbox_status_name(res.status), res.exit_code, res.signal, res.message);
	}
	*ms = now_ms() - t0;
	return rc;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Linear interpolation between the closest ranks of a sorted array. */
static double pct(const double *v, int n, double q)
{
	double pos = q * (n - 1);
	int i = (int)pos;

	return i + 1 < n ? v[i] + (pos - i) * (v[i + 1] - v[i]) : v[n - 1];
}

static void usage(const char *argv0)
{
	fprintf(stderr, "usage: %s --prog PATH [--verdict PATH] [-n N] "
		"[--only floor,judge,command,bwrap]\n", argv0);
	exit(2);
}

static void target(const char *what, double limit, const double *med, enum way w)
{
	if (med[w] <= 0 || med[BWRAP_WAY] <= 0)
		printf("  n/a   %-30s (%s not measured)\n", what,
		       med[BWRAP_WAY] <= 0 ? "bubblewrap" : way_name[w]);
	else
		printf("  %s  %-30s (%.2f x)\n", med[w] / med[BWRAP_WAY] <= limit ? "PASS" : "MISS",
		       what, med[w] / med[BWRAP_WAY]);
}

int main(int argc, char **argv)
{
	int n = 500, on[NWAYS] = { 1, 1, 1, 1 }, nfail[NWAYS] = { 0 }, nok[NWAYS] = { 0 };
	const char *prog_arg = NULL;
	double *t[NWAYS] = { NULL }, med[NWAYS] = { 0 };
	char err[512], *end, tmp[PATH_MAX];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--verdict") && i + 1 < argc) {
			verdict = argv[++i];
		} else if (!strcmp(argv[i], "--prog") && i + 1 < argc) {
			prog_arg = argv[++i];
		} else if (!strcmp(argv[i], "-n") && i + 1 < argc) {
			long v = strtol(argv[++i], &end, 10);
			if (*end || v < 1 || v > 10000000)
				usage(argv[0]);
			n = (int)v;
		} else if (!strcmp(argv[i], "--only") && i + 1 < argc) {
			char *list = argv[++i], *tok, *save = NULL;
			memset(on, 0, sizeof on);
			for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
				int w;
				for (w = 0; w < NWAYS && strcmp(tok, way_name[w]); w++)
					;
				if (w == NWAYS) {
					fprintf(stderr, "unknown way '%s'\n", tok);
					usage(argv[0]);
				}
				on[w] = 1;
			}
		} else {
			usage(argv[0]);
		}
	}
	if (!prog_arg || !realpath(prog_arg, prog) || access(prog, X_OK)) {
		fprintf(stderr, "sandbox_bench: --prog must name an executable (%s)\n",
			prog_arg ? prog_arg : "missing");
		return 1;
	}
	if (on[COMMAND] && (!verdict || access(verdict, X_OK))) {
		fprintf(stderr, "sandbox_bench: --verdict must name the verdict binary\n");
		return 1;
	}
	if (on[BWRAP_WAY] && access(BWRAP, X_OK)) {
		printf("note: %s missing, bubblewrap way skipped (apt-get install bubblewrap)\n", BWRAP);
		on[BWRAP_WAY] = 0;
	}
	strcpy(tmp, prog);
	snprintf(dir, sizeof dir, "%s", dirname(tmp));
	strcpy(tmp, prog);
	snprintf(box_prog, sizeof box_prog, "/prog/%s", basename(tmp));
	devnull = open("/dev/null", O_RDWR | O_CLOEXEC);

	if (on[JUDGE]) {
		if (sandbox_init(err, sizeof err)) {
			fprintf(stderr, "sandbox_bench: sandbox_init: %s\n", err);
			return 1;
		}
		sandbox_config_defaults(&cfg);
		cfg.binds[0] = (struct sandbox_bind){ dir, "/prog", 0 };
		cfg.nbinds = 1;
		static char *const judge_argv[] = { box_prog, NULL };
		cfg.argv = judge_argv;
		cfg.stdin_path = cfg.stdout_path = cfg.stderr_path = "/dev/null";
	}
	for (int w = 0; w < NWAYS; w++)
		if (on[w] && !(t[w] = malloc(n * sizeof *t[w]))) {
			perror("malloc");
			return 1;
		}
	for (int i = 0; on[JUDGE] && i < NPHASES; i++)
		if (!(phase_ms[i] = malloc((WARMUP + n) * sizeof *phase_ms[i]))) {
			perror("malloc");
			return 1;
		}

	/* Round r starts at way r % NWAYS: every round runs each way once, so
	 * drift hits all of them alike, and the rotation keeps any "runs right
	 * after X" effect from sticking to one way. */
	for (int r = -WARMUP; r < n; r++) {
		for (int k = 0; k < NWAYS; k++) {
			int w = ((r + WARMUP) + k) % NWAYS;
			double ms;

			if (!on[w])
				continue;
			if (run_once(w, &ms) == 0) {
				if (r >= 0)
					t[w][nok[w]++] = ms;
				continue;
			}
			/* Warm-up failures count too; the check is against the whole
			 * run so it can stop as soon as the verdict is certain. */
			if (++nfail[w] * 100 > FAIL_PCT * n) {
				fprintf(stderr, "sandbox_bench: %s: %d runs failed (more than %d%% of %d), "
					"last: %s\n", way_name[w], nfail[w], FAIL_PCT, n, last_err[w]);
				return 1;
			}
		}
	}

	printf("%d runs per way, interleaved after %d warm-up rounds; prog %s\n", n, WARMUP, prog);
	printf("%-8s %9s %9s %9s %5s %8s %8s\n", "way", "median", "p10", "p90", "fail",
	       "x bwrap", "x floor");
	for (int w = 0; w < NWAYS; w++) {
		if (!on[w])
			continue;
		qsort(t[w], nok[w], sizeof *t[w], cmp_double);
		med[w] = pct(t[w], nok[w], 0.5);
	}
	for (int w = 0; w < NWAYS; w++) {
		char rb[16] = "-", rf[16] = "-";

		if (!on[w])
			continue;
		if (med[BWRAP_WAY] > 0)
			snprintf(rb, sizeof rb, "%.2f", med[w] / med[BWRAP_WAY]);
		if (med[FLOOR] > 0)
			snprintf(rf, sizeof rf, "%.2f", med[w] / med[FLOOR]);
		printf("%-8s %9.3f %9.3f %9.3f %5d %8s %8s\n", way_name[w], med[w],
		       pct(t[w], nok[w], 0.1), pct(t[w], nok[w], 0.9), nfail[w], rb, rf);
	}
	printf("(times in ms per run, fork to reap; fail counts warm-up too)\n");
	if (nphase > 0) {
		printf("judge path, median per phase:\n");
		for (int i = 0; i < NPHASES; i++) {
			qsort(phase_ms[i], (size_t)nphase, sizeof *phase_ms[i], cmp_double);
			printf("  %-30s %6.3f ms\n", phase_name[i], pct(phase_ms[i], nphase, 0.5));
		}
	}
	printf("targets:\n");
	target("judge path <= 0.5 x bubblewrap", 0.5, med, JUDGE);
	target("command <= 1.0 x bubblewrap", 1.0, med, COMMAND);
	return 0;
}
