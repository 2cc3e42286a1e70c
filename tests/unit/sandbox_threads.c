/* sandbox_threads: sandbox_run() from several threads at once, as the judge
 * calls it: every run gets its own verdict and its own box, and nothing is
 * left over. Prints TAP lines. Needs root and $PROGS (the test programs). */
#include "sandbox.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 4
#define RUNS 15

static char progs[4096];

struct worker {
	int index;
	int wrong; /* runs whose status was not the expected one */
	char last_error[600];
};

/* Odd workers run a program that exits 3, even ones a trivial one, so a
 * result delivered to the wrong caller shows up as a wrong status. */
static void *work(void *arg)
{
	struct worker *w = arg;
	int odd = w->index % 2;
	char *argv_ok[] = { "/progs/trivial", NULL };
	char *argv_re[] = { "/progs/exit_code", "3", NULL };
	for (int i = 0; i < RUNS; i++) {
		struct sandbox_config cfg;
		struct sandbox_result res;
		sandbox_config_defaults(&cfg);
		cfg.binds[0] = (struct sandbox_bind){ progs, "/progs", 0 };
		cfg.nbinds = 1;
		cfg.argv = odd ? argv_re : argv_ok;
		cfg.stdin_path = cfg.stdout_path = cfg.stderr_path = "/dev/null";
		sandbox_run(&cfg, &res);
		enum sandbox_status want = odd ? SANDBOX_RE : SANDBOX_OK;
		if (res.status != want || (odd && res.exit_code != 3)) {
			w->wrong++;
			snprintf(w->last_error, sizeof w->last_error, "%s: %s", sandbox_status_name(res.status),
				 res.message);
		}
	}
	return NULL;
}

int main(void)
{
	const char *p = getenv("PROGS");
	char err[256];
	if (!p || sandbox_init(err, sizeof err) < 0) {
		printf("not ok - sandbox_threads: cannot start: %s\n", p ? err : "PROGS is not set");
		return 1;
	}
	snprintf(progs, sizeof progs, "%s", p);
	pthread_t t[THREADS];
	struct worker w[THREADS];
	memset(w, 0, sizeof w);
	for (int i = 0; i < THREADS; i++) {
		w[i].index = i;
		pthread_create(&t[i], NULL, work, &w[i]);
	}
	int failed = 0;
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		if (w[i].wrong) {
			printf("not ok - thread %d: %d of %d runs wrong, last: %s\n", i, w[i].wrong, RUNS, w[i].last_error);
			failed = 1;
		} else {
			printf("ok - thread %d: %d runs from concurrent threads, each with its own verdict\n", i, RUNS);
		}
	}
	return failed;
}
