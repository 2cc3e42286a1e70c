/* submission_limits: what submission_queue() refuses (bad text, a Java file
 * not named after its class) and the per-user rate limits the web applies,
 * including that a refusal stores nothing. Prints TAP lines. */
#include "db.h"
#include "language.h"
#include "submission.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - submission: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

static int count(struct db *db, long long user)
{
	int recent = -1, waiting = -1;
	char err[256];
	db_user_submission_counts(db, user, 0, 1000000, &recent, &waiting, err, sizeof err);
	return recent;
}

int main(void)
{
	char dir[] = "/tmp/verdict-unit-XXXXXX", path[64], err[512] = "";
	struct db *db;
	long long alice, bob, id;
	if (!mkdtemp(dir)) {
		check(0, "setup", "mkdtemp");
		return 1;
	}
	snprintf(path, sizeof path, "%s/v.db", dir);
	struct db_version v = { .version = 1, .short_name = "sum", .package_dir = "/nonexistent", .format = "2025-09",
				.time_limit = 1, .memory_mb = 64, .output_mb = 8, .test_count = 1 };
	if (db_open(path, &db, err, sizeof err) < 0 || db_user_add(db, "alice", "student", NULL, &alice, err, sizeof err) < 0 ||
	    db_user_add(db, "bob", "student", NULL, &bob, err, sizeof err) < 0 ||
	    db_problem_add_version(db, "Sum", &v, err, sizeof err) < 0) {
		check(0, "setup", err);
		return 1;
	}
	const struct language *c = language_by_id("c"), *java = language_by_id("java");
	const char *src = "int main(void) { return 0; }\n";
	size_t len = strlen(src);

	int rc = submission_queue(db, alice, v.problem_id, 0, 0, c, "a.c", "", 0, NULL, &id, err, sizeof err);
	check(rc == 0 && strstr(err, "empty"), "an empty source is refused", err);
	rc = submission_queue(db, alice, v.problem_id, 0, 0, c, "a.c", "int\0main", 8, NULL, &id, err, sizeof err);
	check(rc == 0 && strstr(err, "binary"), "a source with NUL bytes is refused", err);
	char *big = malloc(SUBMISSION_MAX_BYTES + 2);
	memset(big, 'x', SUBMISSION_MAX_BYTES + 1);
	rc = submission_queue(db, alice, v.problem_id, 0, 0, c, "a.c", big, SUBMISSION_MAX_BYTES + 1, NULL, &id, err, sizeof err);
	check(rc == 0 && strstr(err, "larger than 128 KiB"), "a source over 128 KiB is refused", err);
	free(big);
	rc = submission_queue(db, alice, v.problem_id, 0, 0, java, "my solution.java", src, len, NULL, &id, err, sizeof err);
	check(rc == 0 && strstr(err, "public class"), "a Java file not named after its class is refused", err);
	check(count(db, alice) == 0, "refusals store nothing", "");

	struct submission_limits lim = { .max_waiting = 3, .max_recent = 5, .window_sec = 600 };
	int queued = 0;
	for (int i = 0; i < 4; i++)
		queued += submission_queue(db, alice, v.problem_id, 0, 0, c, "a.c", src, len, &lim, &id, err, sizeof err) == 1;
	check(queued == 3 && strstr(err, "3 submissions waiting"), "a fourth waiting submission is refused", err);
	check(count(db, alice) == 3, "and not stored", "");
	rc = submission_queue(db, bob, v.problem_id, 0, 0, c, "a.c", src, len, &lim, &id, err, sizeof err);
	check(rc == 1, "another student is not held back by the first", err);
	rc = submission_queue(db, alice, v.problem_id, 0, 0, c, "a.c", src, len, NULL, &id, err, sizeof err);
	check(rc == 1, "without limits (the operator's CLI) it is queued", err);

	/* Judged submissions stop counting as waiting, but still count as recent. */
	sqlite3 *h;
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE submissions SET state = 'done' WHERE user_id = %lld", alice);
	int done = sqlite3_open(path, &h) == SQLITE_OK && sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK;
	check(done, "(judging them, behind the db layer's back)", sqlite3_errmsg(h));
	sqlite3_close(h);
	queued = 0;
	for (int i = 0; i < 3; i++)
		queued += submission_queue(db, alice, v.problem_id, 0, 0, c, "a.c", src, len, &lim, &id, err, sizeof err) == 1;
	check(queued == 1 && strstr(err, "5 submissions in the last 10 minutes"), "more than 5 in the window are refused",
	      err);

	/* A regrade puts judged submissions back in the queue: they are not the
	 * student's doing, and must not block them. */
	struct submission_limits roomy = { .max_waiting = 3, .max_recent = 100, .window_sec = 600 };
	snprintf(sql, sizeof sql, "UPDATE submissions SET state = 'queued', judging_id = 1 WHERE user_id = %lld", alice);
	done = sqlite3_open(path, &h) == SQLITE_OK && sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK;
	check(done, "(a regrade requeues them)", sqlite3_errmsg(h));
	sqlite3_close(h);
	rc = submission_queue(db, alice, v.problem_id, 0, 0, c, "a.c", src, len, &roomy, &id, err, sizeof err);
	check(rc == 1, "a regrade's requeued submissions do not count as waiting", err);

	setenv("VERDICT_SUBMIT_LIMITS", "2,7/60", 1);
	check(submission_limits_from_env(&lim, err, sizeof err) == 0 && lim.max_waiting == 2 && lim.max_recent == 7 &&
		      lim.window_sec == 60,
	      "limits are read from VERDICT_SUBMIT_LIMITS", err);
	setenv("VERDICT_SUBMIT_LIMITS", "2,7", 1);
	check(submission_limits_from_env(&lim, err, sizeof err) < 0 && strstr(err, "WAITING,RECENT/SECONDS"),
	      "a malformed VERDICT_SUBMIT_LIMITS is an error", err);
	db_close(db);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return failed;
}
