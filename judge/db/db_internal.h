/* db_internal.h - what the files of the database layer (db*.c) share: the
 * handle, statement helpers, and column lists read in several of them.
 * Nothing outside the db layer includes it.
 */
#ifndef VERDICT_DB_INTERNAL_H
#define VERDICT_DB_INTERNAL_H

#include "db.h"
#include "util.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What a site instructor who is not an admin sees of the submissions s:
 * practice ones (made for no assignment) and those made for the
 * assignments of courses where user P (a parameter, "?" or "?N") is a TA
 * or an instructor. One course's business is not another's staff's. */
#define SEEN_BY_STAFF_OF(P)                                                                                  \
	"(s.assignment_id IS NULL OR s.assignment_id IN (SELECT a.id FROM course_members m "                 \
	"JOIN assignments a ON a.course_id = m.course_id WHERE m.user_id = " P " AND m.role IN ('ta', 'instructor')))"

#define STMT_CACHE 64 /* the statements pages run; about 25 in use */

struct db {
	sqlite3 *h;
	int wake_fd;           /* db_wait.c's inotify watch: -1 none yet, -2 refused */
	char wake_names[2][256]; /* the names in the directory it wakes for */
	/* The statements every page runs, prepared once per handle (see cached()). */
	struct {
		const char *sql;
		sqlite3_stmt *st;
		int busy;
	} cache[STMT_CACHE];
};

static inline int sql_error(struct db *db, char *err, size_t n, const char *what)
{
	return errf(err, n, "database: %s: %s", what, sqlite3_errmsg(db->h));
}

static inline sqlite3_stmt *prepare(struct db *db, const char *sql, char *err, size_t n)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		sql_error(db, err, n, "prepare");
		return NULL;
	}
	return st;
}

/* Like prepare(), but the statement is kept for the handle's life and
 * only reset by put(): preparing cost more than running most of the
 * queries a page makes, the session's on every request (`make bench`,
 * tests/bench/web_bench.sh). Keyed by the address of sql, so only for
 * SQL that is a string literal. A statement still in use (a callback
 * that queries again) is prepared afresh, and put() finalizes it. */
static inline sqlite3_stmt *cached(struct db *db, const char *sql, char *err, size_t n)
{
	for (int i = 0; i < STMT_CACHE; i++) {
		if (db->cache[i].sql == sql) {
			if (db->cache[i].busy)
				break;
			db->cache[i].busy = 1;
			return db->cache[i].st;
		}
		if (!db->cache[i].sql) {
			sqlite3_stmt *st = NULL;
			if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
				sql_error(db, err, n, "prepare");
				return NULL;
			}
			db->cache[i].sql = sql;
			db->cache[i].st = st;
			db->cache[i].busy = 1;
			return st;
		}
	}
	return prepare(db, sql, err, n);
}

/* Gives back a statement from cached() (or finalizes one it made afresh). */
static inline void put(struct db *db, sqlite3_stmt *st)
{
	for (int i = 0; i < STMT_CACHE && db->cache[i].sql; i++)
		if (db->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			db->cache[i].busy = 0;
			return;
		}
	sqlite3_finalize(st);
}

static inline int exec(struct db *db, const char *sql, char *err, size_t n)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		errf(err, n, "database: %s", msg ? msg : sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static inline void text_col(sqlite3_stmt *st, int col, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

/* A time that may be NULL: INT64_MIN (DUE_NONE, due_window.h) stands for NULL. */
static inline void bind_time(sqlite3_stmt *st, int i, int64_t t)
{
	t == INT64_MIN ? sqlite3_bind_null(st, i) : sqlite3_bind_int64(st, i, t);
}

static inline int64_t time_col(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, col);
}

/* A count that may be NULL: 0 stands for NULL. */
static inline void bind_positive(sqlite3_stmt *st, int i, long long v)
{
	v > 0 ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
}

static inline long long now(void)
{
	return (long long)time(NULL);
}

/* Ends the transaction: COMMIT when ok, else ROLLBACK. A COMMIT that fails
 * (the disk is full, the database busy) is rolled back and reported: a
 * caller must not say stored what was not. Returns 0 if committed or
 * rolled back as asked, -1 if the COMMIT failed (err says why). */
static inline int end_transaction(struct db *db, int ok, char *err, size_t n)
{
	if (ok && exec(db, "COMMIT", err, n) == 0)
		return 0;
	exec(db, "ROLLBACK", NULL, 0);
	return ok ? -1 : 0;
}

/* Runs st, an UPDATE of at most one row, and finalizes it: 1 it changed a
 * row, 0 none matched, -1 error (err says what failed, as `what`). */
static inline int update_one(struct db *db, sqlite3_stmt *st, const char *what, char *err, size_t n)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, what);
	return sqlite3_changes(db->h) == 1;
}

/* Runs st, an INSERT of one row, and finalizes it: 0 with *id the new
 * row's, or -1 with err: on_conflict when a constraint refused the row
 * (NULL: the database's message), else what failed, as `what`. */
static inline int insert_row(struct db *db, sqlite3_stmt *st, const char *what, const char *on_conflict,
			     long long *id, char *err, size_t n)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT && on_conflict)
		return errf(err, n, "%s", on_conflict);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, what);
	*id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

/* A problem's newest test data version, from "problems p JOIN problem_versions v". */
#define VERSION_COLUMNS \
	"v.id, v.problem_id, v.version, p.short_name, v.package_dir, v.format, v.time_limit, v.memory_mb, " \
	"v.output_mb, v.test_count, p.visible, p.title, v.max_score, v.time_limit_from"
#define VERSION_COLUMN_COUNT 14

static inline void read_version(sqlite3_stmt *st, struct db_version *v)
{
	v->id = sqlite3_column_int64(st, 0);
	v->problem_id = sqlite3_column_int64(st, 1);
	v->version = sqlite3_column_int(st, 2);
	text_col(st, 3, v->short_name, sizeof v->short_name);
	text_col(st, 4, v->package_dir, sizeof v->package_dir);
	text_col(st, 5, v->format, sizeof v->format);
	v->time_limit = sqlite3_column_double(st, 6);
	v->memory_mb = (long)sqlite3_column_int64(st, 7);
	v->output_mb = (long)sqlite3_column_int64(st, 8);
	v->test_count = sqlite3_column_int(st, 9);
	v->visible = sqlite3_column_int(st, 10);
	text_col(st, 11, v->title, sizeof v->title);
	v->max_score = sqlite3_column_type(st, 12) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 12);
	text_col(st, 13, v->time_limit_from, sizeof v->time_limit_from);
}

#endif
