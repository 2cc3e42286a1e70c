/* judge_bench.c - judging throughput: 200 queued A+B submissions (half C, half Python, 10 tests each).
 *
 * Two measurements of the same work, with W workers (default: the cores):
 *   baseline  judge_submission() straight from W threads: compiling, the
 *             sandboxed test runs and the checks, nothing else;
 *   judge     `verdict judge --once --workers W` on a database holding the
 *             same submissions queued: the above plus claiming, leases,
 *             loading packages and storing results.
 * The judge's own overhead per test run is (judge - baseline) / runs.
 */
#include "judging.h"
#include "language.h"
#include "package.h"
#include "sandbox.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TESTS 10

static char dir[] = "/tmp/verdict-judge-bench-XXXXXX";
static char pkg_dir[PATH_MAX], work[PATH_MAX], src_c[PATH_MAX], src_py[PATH_MAX];
static struct package pkg;
static int submissions = 200, workers;
static int next_job, failures;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		fprintf(stderr, "judge_bench: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

/* An A+B package with exactly TESTS test cases (2 samples, 8 secret). */
static void make_package(void)
{
	char path[PATH_MAX + 64], text[64];
	snprintf(pkg_dir, sizeof pkg_dir, "%s/benchsum", dir);
	const char *sub[] = { "", "/data", "/data/sample", "/data/secret", "/statement" };
	for (size_t i = 0; i < sizeof sub / sizeof *sub; i++) {
		snprintf(path, sizeof path, "%s%s", pkg_dir, sub[i]);
		mkdir(path, 0755);
	}
	snprintf(path, sizeof path, "%s/problem.yaml", pkg_dir);
	write_file(path, "problem_format_version: 2025-09\nname: Bench Sum\nuuid: bench\nlimits:\n  time_limit: 1\n");
	snprintf(path, sizeof path, "%s/statement/problem.en.md", pkg_dir);
	write_file(path, "Add two numbers.\n");
	for (int i = 0; i < TESTS; i++) {
		long long a = 1000003LL * i * i - 77, b = -31337LL * i;
		snprintf(path, sizeof path, "%s/data/%s/%02d.in", pkg_dir, i < 2 ? "sample" : "secret", i);
		snprintf(text, sizeof text, "%lld %lld\n", a, b);
		write_file(path, text);
		snprintf(path, sizeof path, "%s/data/%s/%02d.ans", pkg_dir, i < 2 ? "sample" : "secret", i);
		snprintf(text, sizeof text, "%lld\n", a + b);
		write_file(path, text);
	}
	snprintf(src_c, sizeof src_c, "%s/sum.c", dir);
	write_file(src_c, "#include <stdio.h>\nint main(void){long long a,b;if(scanf(\"%lld %lld\",&a,&b)!=2)return 1;"
			  "printf(\"%lld\\n\",a+b);return 0;}\n");
	snprintf(src_py, sizeof src_py, "%s/sum.py", dir);
	write_file(src_py, "a, b = map(int, input().split())\nprint(a + b)\n");
}

static void *baseline_worker(void *arg)
{
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&lock);
		int job = next_job < submissions ? next_job++ : -1;
		pthread_mutex_unlock(&lock);
		if (job < 0)
			return NULL;
		const char *src = job % 2 ? src_py : src_c;
		struct judging j;
		char err[512];
		int rc = judge_submission(&pkg, NULL, language_for_file(src), src, src, work, &j, err, sizeof err);
		if (rc < 0 || j.verdict != VERDICT_AC || j.nrun != TESTS) {
			pthread_mutex_lock(&lock);
			failures++;
			pthread_mutex_unlock(&lock);
		}
		if (rc == 0)
			judging_free(&j);
	}
}

static int run(char *const argv[], int quiet)
{
	fflush(stdout); /* or the child would print our buffer again */
	pid_t pid = fork();
	if (pid == 0) {
		if (quiet && !freopen("/dev/null", "w", stdout))
			_exit(127);
		execv(argv[0], argv);
		_exit(127);
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

int main(int argc, char **argv)
{
	const char *verdict = NULL;
	workers = (int)sysconf(_SC_NPROCESSORS_ONLN);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--verdict") && i + 1 < argc)
			verdict = argv[++i];
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			submissions = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--workers") && i + 1 < argc)
			workers = atoi(argv[++i]);
	}
	if (!verdict || submissions < 2 || workers < 1) {
		fprintf(stderr, "usage: judge_bench --verdict PATH [-n SUBMISSIONS] [--workers N]\n");
		return 2;
	}
	char err[1024];
	if (!mkdtemp(dir) || sandbox_init(err, sizeof err) < 0) {
		fprintf(stderr, "judge_bench: %s\n", err);
		return 1;
	}
	chmod(dir, 0755);
	make_package();
	snprintf(work, sizeof work, "%s/work", dir);
	mkdir(work, 0755);
	if (package_load(pkg_dir, &pkg, err, sizeof err) < 0) {
		fprintf(stderr, "judge_bench: %s\n", err);
		return 1;
	}
	int runs = submissions * TESTS;
	printf("judging throughput: %d A+B submissions (half C, half Python), %d tests each, %d workers\n", submissions,
	       TESTS, workers);

	fflush(stdout);
	pthread_t t[256];
	double t0 = now();
	for (int i = 0; i < workers && i < 256; i++)
		pthread_create(&t[i], NULL, baseline_worker, NULL);
	for (int i = 0; i < workers && i < 256; i++)
		pthread_join(t[i], NULL);
	double baseline = now() - t0;
	if (failures) {
		fprintf(stderr, "judge_bench: %d of %d baseline judgings were not AC\n", failures, submissions);
		return 1;
	}

	/* The same work queued in a database and judged by the real judge. */
	char db[PATH_MAX + 16], db_opt[PATH_MAX + 32], workers_s[16];
	snprintf(db, sizeof db, "%s/bench.db", dir);
	snprintf(db_opt, sizeof db_opt, "--db=%s", db);
	snprintf(workers_s, sizeof workers_s, "%d", workers);
	char *add_user[] = { (char *)verdict, "user", "add", "bench", db_opt, NULL };
	char *add_problem[] = { (char *)verdict, "problem", "add", pkg_dir, db_opt, NULL };
	if (run(add_user, 1) || run(add_problem, 1)) {
		fprintf(stderr, "judge_bench: cannot set up the database\n");
		return 1;
	}
	for (int i = 0; i < submissions; i++) {
		char *submit[] = { (char *)verdict, "submit", "--user", "bench", "--problem", "benchsum", db_opt,
				   i % 2 ? src_py : src_c, NULL };
		if (run(submit, 1)) {
			fprintf(stderr, "judge_bench: submit failed\n");
			return 1;
		}
	}
	char *judge[] = { (char *)verdict, "judge", "--once", "--workers", workers_s, db_opt, NULL };
	t0 = now();
	int rc = run(judge, 1);
	double judged = now() - t0;
	if (rc) {
		fprintf(stderr, "judge_bench: verdict judge failed\n");
		return 1;
	}
	printf("%-34s %8.2f s  %7.1f submissions/s  %7.1f test runs/s\n", "baseline (judge_submission, no db)",
	       baseline, submissions / baseline, runs / baseline);
	printf("%-34s %8.2f s  %7.1f submissions/s  %7.1f test runs/s\n", "verdict judge --once", judged,
	       submissions / judged, runs / judged);
	printf("judge's own overhead per test run beyond compiling, the sandbox and checking: %.3f ms "
	       "(%.1f%% of the judging)\n",
	       (judged - baseline) * 1000.0 * workers / runs, 100.0 * (judged - baseline) / judged);
	printf("(per test run on average, all included: %.2f ms of worker time)\n", judged * 1000.0 * workers / runs);
	package_free(&pkg);
	char rm[PATH_MAX + 16];
	snprintf(rm, sizeof rm, "rm -rf %s", dir);
	return system(rm) == 0 ? 0 : 1;
}
