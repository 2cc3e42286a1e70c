/* db_bench.c - what the pages the web will serve cost in the database, at 100,000 submissions.
 *
 * Builds two databases of judged submissions (200 students, 5 problems,
 * random languages and verdicts): a small one (1,000) as the baseline and
 * a large one (-n, default 100,000), then times each query on both and
 * prints medians and the large/small ratio: a listing page that walks an
 * index should cost the same at any size (ratio ~1). Also times queueing a
 * submission, bare (db_submission_add) and as the web will, with the
 * per-user limits checked in the same transaction.
 */
#include "db.h"
#include "gradebook.h"
#include "language.h"
#include "submission.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define USERS 200
#define PROBLEMS 5

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, by_value);
	return v[n / 2];
}

static void die(const char *what, const char *err)
{
	fprintf(stderr, "db_bench: %s: %s\n", what, err);
	exit(1);
}

/* A database at path with count judged submissions. */
static struct db *build(const char *path, int count)
{
	struct db *db;
	char err[512];
	if (db_open(path, &db, err, sizeof err) < 0)
		die("open", err);
	for (int u = 0; u < USERS; u++) {
		char name[32];
		long long id;
		snprintf(name, sizeof name, "student%03d", u);
		if (db_user_add(db, name, "student", NULL, &id, err, sizeof err) < 0)
			die("user", err);
	}
	for (int p = 0; p < PROBLEMS; p++) {
		struct db_version v = { .version = 1, .package_dir = "/nonexistent", .format = "2025-09", .time_limit = 1,
					.memory_mb = 64, .output_mb = 8, .test_count = 10 };
		snprintf(v.short_name, sizeof v.short_name, "problem%d", p);
		if (db_problem_add_version(db, v.short_name, &v, err, sizeof err) < 0)
			die("problem", err);
	}
	/* Filling in bulk is the benchmark's own business: straight SQL. */
	sqlite3 *h;
	sqlite3_stmt *st;
	static const char *const langs[] = { "c", "cpp", "python3", "java" };
	static const char *const verdicts[] = { "AC", "WA", "WA", "TLE", "RE", "CE", "AC", "AC" };
	if (sqlite3_open(path, &h) != SQLITE_OK || sqlite3_exec(h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h,
			       "INSERT INTO submissions (user_id, problem_id, language, file_name, source, state, verdict, "
			       "judging_id, submitted_at) VALUES (?, ?, ?, 'main.c', 'int main(void) { return 0; }', "
			       "'done', ?, 1, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		die("fill", sqlite3_errmsg(h));
	srand(42);
	long long t0 = (long long)time(NULL) - 30L * 24 * 3600;
	for (int i = 0; i < count; i++) {
		sqlite3_bind_int(st, 1, 1 + rand() % USERS);
		sqlite3_bind_int(st, 2, 1 + rand() % PROBLEMS);
		sqlite3_bind_text(st, 3, langs[rand() % 4], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, verdicts[rand() % 8], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, t0 + i);
		if (sqlite3_step(st) != SQLITE_DONE)
			die("fill", sqlite3_errmsg(h));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (sqlite3_exec(h, "COMMIT; ANALYZE", NULL, NULL, NULL) != SQLITE_OK)
		die("fill", sqlite3_errmsg(h));
	sqlite3_close(h);
	if (db_best_rebuild(db, err, sizeof err) < 0) /* what judging them would have kept */
		die("best results", err);
	return db;
}

static void on_row(const struct db_submission_row *r, void *arg)
{
	(void)r;
	++*(int *)arg;
}

enum { PAGE, USER_PAGE, VERDICT_PAGE, USER_PROBLEM_PAGE, DEEP_PAGE, GRADEBOOK, QUEUE_BARE, QUEUE_LIMITED, NQUERIES };
static const char *const names[NQUERIES] = {
	"newest 50 submissions",        "one student's newest 50",     "newest 50 WA",
	"one student's on one problem", "page 50 at the middle (--before)", "gradebook (all students x problems)",
	"queue a submission, bare",     "queue with the per-user limits",
};

/* Median ms of one query on db over reps runs. */
static double measure(struct db *db, int query, int size, int reps)
{
	double *t = malloc((size_t)reps * sizeof *t);
	char err[512];
	const struct language *c = language_by_id("c");
	const char *src = "int main(void) { return 0; }\n";
	/* The default recent limit (it bounds the rows read); never reached here. */
	struct submission_limits lim = { .max_waiting = 1000, .max_recent = 20, .window_sec = 600 };
	for (int i = 0; i < reps; i++) {
		char user[32];
		snprintf(user, sizeof user, "student%03d", i % USERS);
		struct db_submission_filter f = { .limit = 50 };
		int rows = 0, rc = 0;
		long long id;
		double t0 = now_ms();
		switch (query) {
		case PAGE: rc = db_submission_list(db, &f, on_row, &rows, err, sizeof err); break;
		case USER_PAGE: f.user = user; rc = db_submission_list(db, &f, on_row, &rows, err, sizeof err); break;
		case VERDICT_PAGE: f.verdict = "WA"; rc = db_submission_list(db, &f, on_row, &rows, err, sizeof err); break;
		case USER_PROBLEM_PAGE:
			f.user = user, f.problem = "problem3";
			rc = db_submission_list(db, &f, on_row, &rows, err, sizeof err);
			break;
		case DEEP_PAGE: f.before_id = size / 2; rc = db_submission_list(db, &f, on_row, &rows, err, sizeof err); break;
		case GRADEBOOK: {
			struct gradebook g;
			rc = gradebook_load(db, 0, &g, err, sizeof err);
			gradebook_free(&g);
			break;
		}
		case QUEUE_BARE:
			rc = db_submission_add(db, 1 + i % USERS, 1, 0, "c", "main.c", src, strlen(src), &id, err, sizeof err);
			break;
		case QUEUE_LIMITED:
			rc = submission_queue(db, 1 + i % USERS, 1, 0, 0, c, "main.c", src, strlen(src), &lim, &id, err, sizeof err) == 1
				     ? 0
				     : -1;
			break;
		}
		t[i] = now_ms() - t0;
		if (rc < 0)
			die(names[query], err);
	}
	double m = median(t, reps);
	free(t);
	return m;
}

int main(int argc, char **argv)
{
	int large = 100000, small = 1000;
	if (argc == 3 && !strcmp(argv[1], "-n"))
		large = atoi(argv[2]);
	if (large < small) {
		fprintf(stderr, "usage: db_bench [-n SUBMISSIONS (at least %d)]\n", small);
		return 2;
	}
	char dir[] = "/tmp/verdict-db-bench-XXXXXX", small_path[64], large_path[64];
	if (!mkdtemp(dir))
		die("mkdtemp", "failed");
	snprintf(small_path, sizeof small_path, "%s/small.db", dir);
	snprintf(large_path, sizeof large_path, "%s/large.db", dir);
	double t0 = now_ms();
	struct db *dbs[2] = { build(small_path, small), build(large_path, large) };
	printf("database queries: %d students, %d problems; %d vs %d judged submissions (built in %.1f s)\n", USERS,
	       PROBLEMS, small, large, (now_ms() - t0) / 1e3);
	printf("%-40s %12s %12s %8s\n", "query (median ms)", "small", "large", "ratio");
	for (int q = 0; q < NQUERIES; q++) {
		int reps = q == GRADEBOOK ? 7 : 300;
		double a = measure(dbs[0], q, small, reps), b = measure(dbs[1], q, large, reps);
		printf("%-40s %12.3f %12.3f %8.2f\n", names[q], a, b, b / a);
	}
	printf("(a listing walks an index newest first and stops after the page, so its ratio stays near 1, but\n"
	       " a student of the small database has ~5 submissions: their pages are shorter there. The gradebook\n"
	       " reads one summary row per student and problem (best_results), which fill up as students try\n"
	       " problems; the limits read at most a student's newest few submissions.)\n");
	db_close(dbs[0]);
	db_close(dbs[1]);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : 1;
}
