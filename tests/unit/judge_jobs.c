/* judge_jobs: the database side of what the web hands the judge. Import
 * jobs (queued, claimed once under a lease, taken again when the lease
 * expires, finished only by the lease holder), regrades that remember the
 * old verdicts, and a problem's visibility and limits (ranges checked, the
 * newest version changed). Prints TAP lines. */
#include "db.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - judge jobs: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

/* Behind the db layer's back, as a judge or a test would. */
static int sql(const char *path, const char *text)
{
	sqlite3 *h;
	int ok = sqlite3_open(path, &h) == SQLITE_OK && sqlite3_exec(h, text, NULL, NULL, NULL) == SQLITE_OK;
	if (!ok)
		printf("# %s: %s\n", text, sqlite3_errmsg(h));
	sqlite3_close(h);
	return ok;
}

/* The first column of the first row of a query, or -1. */
static long long query(const char *path, const char *text)
{
	sqlite3 *h;
	sqlite3_stmt *st = NULL;
	long long v = -1;
	if (sqlite3_open(path, &h) == SQLITE_OK && sqlite3_prepare_v2(h, text, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static void count_visible(const struct db_version *v, const char *title, long submissions, void *arg)
{
	(void)title, (void)submissions;
	if (v->visible)
		++*(int *)arg;
}

struct items {
	int n, changed, queued;
	char old[64], now[64];
};

static void on_item(const struct db_regrade_item *it, void *arg)
{
	struct items *s = arg;
	s->n++;
	s->changed += it->changed;
	s->queued += strcmp(it->state, "queued") == 0;
	strncat(s->old, it->old_verdict, sizeof s->old - strlen(s->old) - 1);
	strncat(s->now, it->verdict, sizeof s->now - strlen(s->now) - 1);
}

int main(void)
{
	char dir[] = "/tmp/verdict-unit-XXXXXX", path[64], err[512] = "";
	struct db *db;
	long long alice, sub[3];
	if (!mkdtemp(dir)) {
		check(0, "setup", "mkdtemp");
		return 1;
	}
	snprintf(path, sizeof path, "%s/v.db", dir);
	struct db_version v = { .version = 1, .short_name = "sum", .package_dir = "/nonexistent", .format = "2025-09",
				.time_limit = 1, .memory_mb = 64, .output_mb = 8, .test_count = 1 };
	struct db_version other = v;
	snprintf(other.short_name, sizeof other.short_name, "other");
	if (db_open(path, &db, err, sizeof err) < 0 || db_user_add(db, "alice", "student", NULL, &alice, err, sizeof err) < 0 ||
	    db_problem_add_version(db, "Sum", &v, err, sizeof err) < 0 ||
	    db_problem_add_version(db, "Other", &other, err, sizeof err) < 0) {
		check(0, "setup", err);
		return 1;
	}

	/* ---- visibility ---- */
	struct db_version cur;
	int visible = 0;
	check(db_problem_current(db, "sum", &cur, err, sizeof err) == 1 && cur.visible == 0,
	      "a new problem is hidden until published", err);
	check(db_problem_set_visible(db, "sum", 1, err, sizeof err) == 1 &&
		      db_problem_current(db, "sum", &cur, err, sizeof err) == 1 && cur.visible == 1,
	      "publishing shows it", err);
	check(db_problem_list(db, 0, count_visible, &visible, err, sizeof err) == 0 && visible == 1,
	      "db_problem_list tells hidden from visible (1 of 2 visible)", err);
	check(db_problem_set_visible(db, "sum", 0, err, sizeof err) == 1, "set_visible hides it", err);
	check(db_problem_current(db, "sum", &cur, err, sizeof err) == 1 && cur.visible == 0,
	      "db_problem_current says it is hidden", err);
	check(db_problem_set_visible(db, "nope", 1, err, sizeof err) == 0, "set_visible of no such problem is 0", err);
	check(db_problem_set_visible(db, "sum", 1, err, sizeof err) == 1 &&
		      db_problem_current(db, "sum", &cur, err, sizeof err) == 1 && cur.visible == 1,
	      "and shows it again", err);

	/* ---- limits ---- */
	struct db_version v2 = v;
	v2.version = 2;
	check(db_problem_add_version(db, "Sum", &v2, err, sizeof err) == 0 &&
		      db_problem_current(db, "sum", &cur, err, sizeof err) == 1 && cur.visible == 1,
	      "a second version leaves a published problem published", err);
	check(db_problem_set_limits(db, "sum", 0.09, 64, err, sizeof err) < 0 && strstr(err, "0.1 to 60"),
	      "a time limit under 0.1 s is refused", err);
	check(db_problem_set_limits(db, "sum", 61, 64, err, sizeof err) < 0, "a time limit over 60 s is refused", err);
	check(db_problem_set_limits(db, "sum", NAN, 64, err, sizeof err) < 0, "a time limit of NaN is refused", err);
	check(db_problem_set_limits(db, "sum", 1, 15, err, sizeof err) < 0 && strstr(err, "16 to 4096"),
	      "a memory limit under 16 MB is refused", err);
	check(db_problem_set_limits(db, "sum", 1, 4097, err, sizeof err) < 0, "a memory limit over 4096 MB is refused",
	      err);
	check(db_problem_current(db, "sum", &cur, err, sizeof err) == 1 && cur.time_limit == 1 && cur.memory_mb == 64,
	      "refused limits change nothing", err);
	check(db_problem_set_limits(db, "sum", 0.1, 4096, err, sizeof err) == 1 &&
		      db_problem_set_limits(db, "sum", 2.5, 128, err, sizeof err) == 1,
	      "limits in range are set (the bounds included)", err);
	check(db_problem_current(db, "sum", &cur, err, sizeof err) == 1 && cur.version == 2 && cur.time_limit == 2.5 &&
		      cur.memory_mb == 128,
	      "on the newest version", err);
	check(query(path, "SELECT COUNT(*) FROM problem_versions v JOIN problems p ON p.id = v.problem_id WHERE "
			  "p.short_name = 'sum' AND v.version = 1 AND v.time_limit = 1 AND v.memory_mb = 64") == 1 &&
		      db_problem_current(db, "other", &cur, err, sizeof err) == 1 && cur.time_limit == 1,
	      "and on no other", err);
	check(db_problem_set_limits(db, "nope", 1, 64, err, sizeof err) == 0, "set_limits of no such problem is 0", err);

	/* ---- import jobs ---- */
	struct db_import imp, got;
	long long first, second;
	check(db_import_add(db, alice, "sum.zip", "/spool/1", &first, err, sizeof err) == 0 &&
		      db_import_add(db, 0, "other.tgz", "/spool/2", &second, err, sizeof err) == 0,
	      "imports are queued", err);
	check(db_import_get(db, first, &got, err, sizeof err) == 1 && !strcmp(got.state, "queued") &&
		      got.user_id == alice && !strcmp(got.file_name, "sum.zip") && !strcmp(got.spool_path, "/spool/1") &&
		      got.finished_at == 0,
	      "db_import_get reads one back", err);
	check(db_import_get(db, 999, &got, err, sizeof err) == 0, "db_import_get of no such import is 0", err);
	check(db_import_claim_next(db, "judge-a", 60, &imp, err, sizeof err) == 1 && imp.id == first &&
		      !strcmp(imp.state, "running"),
	      "the oldest is claimed first", err);
	check(db_import_claim_next(db, "judge-b", 60, &imp, err, sizeof err) == 1 && imp.id == second,
	      "then the next", err);
	check(db_import_claim_next(db, "judge-c", 60, &imp, err, sizeof err) == 0, "none is claimed twice", err);
	check(db_job_renew(db, DB_JOB_IMPORT, first, "judge-b", 60, err, sizeof err) == 0, "only the holder renews a lease", err);
	check(db_job_renew(db, DB_JOB_IMPORT, first, "judge-a", 60, err, sizeof err) == 1, "the holder does", err);
	check(db_import_finish(db, first, "judge-b", 1, v.problem_id, 3, "x", err, sizeof err) == 0 &&
		      db_import_get(db, first, &got, err, sizeof err) == 1 && !strcmp(got.state, "running"),
	      "only the holder finishes an import", err);
	check(db_import_finish(db, first, "judge-a", 1, v.problem_id, 3, "problem sum added", err, sizeof err) == 1 &&
		      db_import_get(db, first, &got, err, sizeof err) == 1 && !strcmp(got.state, "done") &&
		      got.problem_id == v.problem_id && got.version == 3 && !strcmp(got.message, "problem sum added") &&
		      got.finished_at > 0,
	      "the holder records it done, with the problem, version and message", err);
	check(db_import_finish(db, first, "judge-a", 0, 0, 0, "again", err, sizeof err) == 0,
	      "a finished import is not finished again", err);
	/* judge-b dies: its lease runs out. */
	check(sql(path, "UPDATE imports SET lease_expires = lease_expires - 120 WHERE lease_owner = 'judge-b'"),
	      "(judge-b's lease runs out)", "");
	check(db_import_claim_next(db, "judge-c", 60, &imp, err, sizeof err) == 1 && imp.id == second,
	      "an import whose lease expired is claimed again", err);
	check(db_import_finish(db, second, "judge-b", 0, 0, 0, "late", err, sizeof err) == 0,
	      "and the judge that lost it cannot finish it", err);
	check(db_import_finish(db, second, "judge-c", 0, 0, 0, "other.tgz: not a readable archive", err, sizeof err) == 1 &&
		      db_import_get(db, second, &got, err, sizeof err) == 1 && !strcmp(got.state, "failed") &&
		      got.problem_id == 0 && strstr(got.message, "not a readable"),
	      "a failed import keeps its message and no problem", err);
	check(!sql(path, "UPDATE imports SET state = 'lost' WHERE id = 1"), "the schema allows only the four states", "");

	/* ---- regrades ---- */
	long long regrade = -1;
	int count = -1;
	for (int i = 0; i < 3; i++)
		if (db_submission_add(db, alice, i < 2 ? v.problem_id : other.problem_id, 0, "c", "a.c", "x", 1, &sub[i], err,
				      sizeof err) < 0)
			check(0, "(submissions)", err);
	check(db_regrade_start(db, alice, &(struct db_regrade_filter){ .problem = "sum" }, &regrade, &count, err, sizeof err) == 0 && count == 0 &&
		      regrade == 0,
	      "a regrade of nothing judged is nothing, and not recorded", err);
	char text[256];
	snprintf(text, sizeof text,
		 "UPDATE submissions SET state = 'done', verdict = 'AC', judging_id = 1 WHERE id IN (%lld, %lld);"
		 "UPDATE submissions SET state = 'done', verdict = 'WA', score = 40, judging_id = 1 WHERE id = %lld",
		 sub[0], sub[2], sub[1]);
	check(sql(path, text), "(judging them)", "");
	check(db_regrade_start(db, alice, &(struct db_regrade_filter){ .problem = "sum" }, &regrade, &count, err, sizeof err) == 0 && count == 2 &&
		      regrade > 0,
	      "a problem's regrade takes its two judged submissions", err);
	struct items s = { 0 };
	check(db_regrade_items(db, regrade, 0, on_item, &s, err, sizeof err) == 2 && s.n == 2 && !strcmp(s.old, "ACWA") &&
		      s.queued == 2 && s.changed == 0,
	      "its items have the old verdicts, are queued, and not changed yet", s.old);
	snprintf(text, sizeof text, "SELECT COUNT(*) FROM regrades WHERE scope = 'problem sum' AND user_id = %lld", alice);
	check(query(path, text) == 1 && query(path, "SELECT COUNT(*) FROM regrades") == 1,
	      "the regrade records its scope and who asked", err);
	struct db_result res;
	check(db_result_get(db, sub[2], &res, err, sizeof err) == 1 && !strcmp(res.state, "done"),
	      "another problem's submission is left alone", res.state);
	db_result_free(&res);
	snprintf(text, sizeof text,
		 "UPDATE submissions SET state = 'done', verdict = 'WA' WHERE id = %lld;"
		 "UPDATE submissions SET state = 'done', verdict = 'WA', score = 50 WHERE id = %lld",
		 sub[0], sub[1]);
	check(sql(path, text), "(judging them again: AC -> WA, WA 40 -> WA 50)", "");
	memset(&s, 0, sizeof s);
	check(db_regrade_items(db, regrade, 0, on_item, &s, err, sizeof err) == 2 && !strcmp(s.old, "ACWA") &&
		      !strcmp(s.now, "WAWA") && s.changed == 2,
	      "a changed verdict and a changed score both show as changed", s.now);
	check(db_regrade_start(db, 0, &(struct db_regrade_filter){ .submission_id = sub[2] }, &regrade, &count, err, sizeof err) == 0 && count == 1 &&
		      query(path, "SELECT COUNT(*) FROM regrades WHERE scope LIKE 'submission %' AND user_id IS NULL") == 1,
	      "a one-submission regrade from the command line", err);
	memset(&s, 0, sizeof s);
	check(db_regrade_items(db, 12345, 0, on_item, &s, err, sizeof err) == 0 && s.n == 0,
	      "no such regrade has no items", err);

	db_close(db);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return failed;
}
