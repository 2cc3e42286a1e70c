/* db_wait: an idle judge's sleep (db_wait_change) ends when another
 * connection writes to the database, and not for other files in its
 * directory or for nothing. Prints TAP lines. (The times only tell a
 * wake-up from a timeout: 20 s against well under one.) */
#include "db.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failed;
static char dir[] = "/tmp/verdict-db-wait.XXXXXX";
static char path[256];
static struct db *the_db;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - db_wait: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* After 0.3 s: a write by another connection, as the web server's. */
static void *writer(void *arg)
{
	(void)arg;
	usleep(300 * 1000);
	sqlite3 *h;
	if (sqlite3_open(path, &h) == SQLITE_OK)
		sqlite3_exec(h, "CREATE TABLE IF NOT EXISTS wake_test(x); INSERT INTO wake_test VALUES (1)", NULL, NULL, NULL);
	sqlite3_close(h);
	return NULL;
}

/* After 0.1 s: a file beside the database, not the database. */
static void *neighbour(void *arg)
{
	(void)arg;
	usleep(100 * 1000);
	char other[300];
	snprintf(other, sizeof other, "%s/notes.txt", dir);
	FILE *f = fopen(other, "w");
	if (f) {
		fputs("not the database\n", f);
		fclose(f);
	}
	return NULL;
}

/* db_wait_change(timeout_ms) while fn runs beside it. */
static void wait_with(void *(*fn)(void *), int timeout_ms, int *woke, double *took)
{
	pthread_t t;
	double t0 = now_s();
	pthread_create(&t, NULL, fn, NULL);
	*woke = db_wait_change(the_db, timeout_ms);
	*took = now_s() - t0;
	pthread_join(t, NULL);
}

static void *nothing(void *arg)
{
	return arg;
}

int main(void)
{
	char err[512], detail[128];
	if (!mkdtemp(dir)) {
		puts("not ok - db_wait: a temporary directory");
		return 1;
	}
	snprintf(path, sizeof path, "%s/verdict.db", dir);
	if (db_open(path, &the_db, err, sizeof err) < 0) {
		printf("not ok - db_wait: open: %s\n", err);
		return 1;
	}
	int woke;
	double took;
	wait_with(nothing, 400, &woke, &took);
	snprintf(detail, sizeof detail, "returned %d after %.2f s", woke, took);
	check(woke == 0 && took >= 0.35, "with no write, the wait lasts its time and says so (0)", detail);
	wait_with(writer, 20000, &woke, &took);
	snprintf(detail, sizeof detail, "returned %d after %.2f s", woke, took);
	check(woke == 1 && took < 10, "another connection's write ends the wait (1), long before its 20 s", detail);
	db_wait_change(the_db, 300); /* what the writer's close queued after the wake-up */
	wait_with(neighbour, 600, &woke, &took);
	snprintf(detail, sizeof detail, "returned %d after %.2f s", woke, took);
	check(woke == 0, "a file written beside the database does not end it", detail);
	wait_with(writer, 20000, &woke, &took);
	snprintf(detail, sizeof detail, "returned %d after %.2f s", woke, took);
	check(woke == 1 && took < 10, "and the next write ends the next wait", detail);
	db_close(the_db);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return failed;
}
