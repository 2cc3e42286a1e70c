/* db.c - the database layer: every SQL statement Verdict runs is here.
 *
 * Portable SQL only (INSERT ... ON CONFLICT, UPDATE ... RETURNING and
 * COALESCE exist in PostgreSQL too). Every statement is prepared with bound
 * parameters; nothing from a user is ever pasted into SQL text.
 */
#include "db.h"
#include "db_migrations.h"
#include "judging.h"
#include "package.h"
#include "util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STMT_CACHE 32

struct db {
	sqlite3 *h;
	/* The statements every page runs, prepared once per handle (see cached()). */
	struct {
		const char *sql;
		sqlite3_stmt *st;
		int busy;
	} cache[STMT_CACHE];
};

static int sql_error(struct db *db, char *err, size_t n, const char *what)
{
	return errf(err, n, "database: %s: %s", what, sqlite3_errmsg(db->h));
}

static sqlite3_stmt *prepare(struct db *db, const char *sql, char *err, size_t n)
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
static sqlite3_stmt *cached(struct db *db, const char *sql, char *err, size_t n)
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
static void put(struct db *db, sqlite3_stmt *st)
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

static int exec(struct db *db, const char *sql, char *err, size_t n)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		errf(err, n, "database: %s", msg ? msg : sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static void text_col(sqlite3_stmt *st, int col, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

static long long now(void)
{
	return (long long)time(NULL);
}

/* Ends the transaction: COMMIT when ok, else ROLLBACK. A COMMIT that fails
 * (the disk is full, the database busy) is rolled back and reported: a
 * caller must not say stored what was not. Returns 0 if committed or
 * rolled back as asked, -1 if the COMMIT failed (err says why). */
static int end_transaction(struct db *db, int ok, char *err, size_t n)
{
	if (ok && exec(db, "COMMIT", err, n) == 0)
		return 0;
	exec(db, "ROLLBACK", NULL, 0);
	return ok ? -1 : 0;
}

static int migrate(struct db *db, char *err, size_t n)
{
	int count = 0;
	while (db_migrations[count].name)
		count++;
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	sqlite3_stmt *st = prepare(db, "PRAGMA user_version", err, n);
	int version = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	int rc = 0;
	if (version < 0)
		rc = sql_error(db, err, n, "reading the schema version");
	else if (version > count)
		rc = errf(err, n, "the database's schema is version %d, newer than this verdict knows (%d): "
				  "use a newer build", version, count);
	for (int i = version; rc == 0 && i < count; i++) {
		char pragma[64];
		if (exec(db, db_migrations[i].sql, err, n) < 0) {
			char why[512];
			snprintf(why, sizeof why, "%s", err);
			rc = errf(err, n, "applying schema/%s: %s", db_migrations[i].name, why);
			break;
		}
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", i + 1);
		rc = exec(db, pragma, err, n);
	}
	if (end_transaction(db, rc == 0, err, n) < 0)
		rc = -1;
	return rc;
}

int db_open(const char *path, struct db **out, char *err, size_t n)
{
	struct db *db = calloc(1, sizeof *db);
	if (!db)
		return errf(err, n, "out of memory");
	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		errf(err, n, "cannot open the database %s: %s", path, db->h ? sqlite3_errmsg(db->h) : "out of memory");
		db_close(db);
		return -1;
	}
	/* Writers wait for each other (up to 30 s) instead of failing; WAL lets
	 * readers (the web pages) go on while a judge writes. */
	sqlite3_busy_timeout(db->h, 30000);
	if (exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON", err, n) < 0 ||
	    migrate(db, err, n) < 0) {
		char why[512];
		snprintf(why, sizeof why, "%s", err);
		errf(err, n, "%s: %s", path, why);
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < STMT_CACHE; i++)
		sqlite3_finalize(db->cache[i].st);
	sqlite3_close(db->h);
	free(db);
}

/* ---- transactions ---- */

int db_begin(struct db *db, char *err, size_t n)
{
	return exec(db, "BEGIN IMMEDIATE", err, n);
}

int db_commit(struct db *db, char *err, size_t n)
{
	return exec(db, "COMMIT", err, n);
}

void db_rollback(struct db *db)
{
	exec(db, "ROLLBACK", NULL, 0);
}

/* ---- users ---- */

int db_user_add(struct db *db, const char *name, const char *role, const char *password_hash, long long *id, char *err,
		size_t n)
{
	sqlite3_stmt *st = prepare(db, "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	password_hash ? sqlite3_bind_text(st, 3, password_hash, -1, SQLITE_STATIC) : sqlite3_bind_null(st, 3);
	sqlite3_bind_int64(st, 4, now());
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		return errf(err, n, "a user named '%s' already exists", name);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "adding a user");
	*id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int db_user_set_role(struct db *db, const char *name, const char *role, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "UPDATE users SET role = ? WHERE name = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "setting a role");
	return sqlite3_changes(db->h) == 1;
}

int db_user_set_password(struct db *db, const char *name, const char *password_hash, char *err, size_t n)
{
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	int rc = -1;
	sqlite3_stmt *st = prepare(db, "UPDATE users SET password_hash = ? WHERE name = ?", err, n);
	if (!st)
		goto out;
	sqlite3_bind_text(st, 1, password_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sql_error(db, err, n, "setting a password");
		goto out;
	}
	if (sqlite3_changes(db->h) != 1) {
		rc = 0; /* no such user */
		goto out;
	}
	sqlite3_finalize(st);
	st = prepare(db, "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = ?)", err, n);
	if (!st)
		goto out;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sql_error(db, err, n, "ending the user's sessions");
		goto out;
	}
	rc = 1;
out:
	sqlite3_finalize(st);
	if (end_transaction(db, rc == 1, err, n) < 0)
		rc = -1;
	return rc;
}

int db_user_find(struct db *db, const char *name, long long *id, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "SELECT id FROM users WHERE name = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW;
	if (found)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "finding a user");
	return found;
}

int db_user_credentials(struct db *db, const char *name, long long *id, char role[16], char hash[128], char *err,
			size_t n)
{
	sqlite3_stmt *st = prepare(db, "SELECT id, role, password_hash FROM users WHERE name = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		text_col(st, 1, role, 16);
		text_col(st, 2, hash, 128);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "reading a user");
	return rc == SQLITE_ROW;
}

/* ---- web sessions and failed logins ---- */

int db_session_add(struct db *db, const char *token_hash, long long user_id, const char *csrf, long long expires_at,
		   char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
				   "VALUES (?, ?, ?, ?, ?)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now());
	sqlite3_bind_int64(st, 5, expires_at);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "creating a session");
}

int db_session_get(struct db *db, const char *token_hash, long long at, long long *user_id, char name[64],
		   char role[16], char csrf[64], char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				   "SELECT u.id, u.name, u.role, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id "
				   "WHERE s.token_hash = ? AND s.expires_at > ?",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, at);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*user_id = sqlite3_column_int64(st, 0);
		text_col(st, 1, name, 64);
		text_col(st, 2, role, 16);
		text_col(st, 3, csrf, 64);
	}
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "reading a session");
	return rc == SQLITE_ROW;
}

int db_session_delete(struct db *db, const char *token_hash, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "DELETE FROM sessions WHERE token_hash = ? OR expires_at <= ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now()); /* and sweep the expired ones */
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "ending a session");
}

int db_login_failures(struct db *db, const char *name, const char *address, long long since, int *by_name,
		      int *by_address, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT (SELECT COUNT(*) FROM login_failures WHERE user_name = ?1 AND at >= ?3), "
				   "(SELECT COUNT(*) FROM login_failures WHERE address = ?2 AND at >= ?3)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, address, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, since);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*by_name = sqlite3_column_int(st, 0);
		*by_address = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : sql_error(db, err, n, "counting failed logins");
}

int db_login_failure_add(struct db *db, const char *name, const char *address, long long at, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "INSERT INTO login_failures (user_name, address, at) VALUES (?, ?, ?)", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, address, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, at);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "recording a failed login");
}

int db_login_failures_clear(struct db *db, const char *name, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "DELETE FROM login_failures WHERE user_name = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "clearing failed logins");
}

/* ---- problems ---- */

int db_problem_next_version(struct db *db, const char *short_name, int *version, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT COALESCE(MAX(v.version), 0) + 1 FROM problem_versions v "
				   "JOIN problems p ON p.id = v.problem_id WHERE p.short_name = ?",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, short_name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : sql_error(db, err, n, "reading problem versions");
}

int db_problem_add_version(struct db *db, const char *title, struct db_version *v, char *err, size_t n)
{
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	int rc = -1;
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO problems (short_name, title, created_at) VALUES (?, ?, ?) "
				   "ON CONFLICT (short_name) DO UPDATE SET title = excluded.title RETURNING id",
				   err, n);
	if (!st)
		goto out;
	sqlite3_bind_text(st, 1, v->short_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now());
	if (sqlite3_step(st) != SQLITE_ROW) {
		sql_error(db, err, n, "adding the problem");
		goto out;
	}
	v->problem_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = prepare(db,
		     "INSERT INTO problem_versions (problem_id, version, package_dir, format, time_limit, memory_mb, "
		     "output_mb, test_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		     err, n);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, v->problem_id);
	sqlite3_bind_int(st, 2, v->version);
	sqlite3_bind_text(st, 3, v->package_dir, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, v->format, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 5, v->time_limit);
	sqlite3_bind_int64(st, 6, v->memory_mb);
	sqlite3_bind_int64(st, 7, v->output_mb);
	sqlite3_bind_int(st, 8, v->test_count);
	sqlite3_bind_int64(st, 9, now());
	int step = sqlite3_step(st);
	if (step == SQLITE_CONSTRAINT) {
		errf(err, n, "version %d of problem %s was added meanwhile by someone else: try again", v->version,
		     v->short_name);
		goto out;
	}
	if (step != SQLITE_DONE) {
		sql_error(db, err, n, "adding the problem version");
		goto out;
	}
	v->id = sqlite3_last_insert_rowid(db->h);
	rc = 0;
out:
	sqlite3_finalize(st);
	if (end_transaction(db, rc == 0, err, n) < 0)
		rc = -1;
	return rc;
}

#define VERSION_COLUMNS \
	"v.id, v.problem_id, v.version, p.short_name, v.package_dir, v.format, v.time_limit, v.memory_mb, " \
	"v.output_mb, v.test_count, p.visible"

static void read_version(sqlite3_stmt *st, struct db_version *v)
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
}

int db_problem_current(struct db *db, const char *short_name, struct db_version *v, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				   "SELECT " VERSION_COLUMNS " FROM problems p JOIN problem_versions v ON v.problem_id = p.id "
				   "WHERE p.short_name = ? ORDER BY v.version DESC LIMIT 1",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, short_name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_version(st, v);
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "finding a problem");
	return rc == SQLITE_ROW;
}

int db_problem_current_by_id(struct db *db, long long problem_id, struct db_version *v, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT " VERSION_COLUMNS " FROM problems p JOIN problem_versions v ON v.problem_id = p.id "
				   "WHERE p.id = ? ORDER BY v.version DESC LIMIT 1",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, problem_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_version(st, v);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "finding a problem");
	return rc == SQLITE_ROW;
}

int db_problem_list(struct db *db, void (*fn)(const struct db_version *v, const char *title, long submissions, void *arg),
		    void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT " VERSION_COLUMNS ", p.title, "
				   "(SELECT COUNT(*) FROM submissions s WHERE s.problem_id = p.id) "
				   "FROM problems p JOIN problem_versions v ON v.problem_id = p.id "
				   "WHERE v.version = (SELECT MAX(w.version) FROM problem_versions w WHERE w.problem_id = p.id) "
				   "ORDER BY p.short_name",
				   err, n);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_version v;
		char title[256];
		read_version(st, &v);
		text_col(st, 11, title, sizeof title);
		fn(&v, title, (long)sqlite3_column_int64(st, 12), arg);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing problems");
}

int db_problem_set_visible(struct db *db, const char *short_name, int visible, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "UPDATE problems SET visible = ? WHERE short_name = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, visible ? 1 : 0);
	sqlite3_bind_text(st, 2, short_name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "showing or hiding a problem");
	return sqlite3_changes(db->h) == 1;
}

int db_problem_set_limits(struct db *db, const char *short_name, double time_limit, long memory_mb, char *err,
			  size_t n)
{
	if (!(time_limit >= 0.1 && time_limit <= 60)) /* (NaN too) */
		return errf(err, n, "the time limit must be 0.1 to 60 seconds, not %g", time_limit);
	if (memory_mb < 16 || memory_mb > 4096)
		return errf(err, n, "the memory limit must be 16 to 4096 MB, not %ld", memory_mb);
	sqlite3_stmt *st = prepare(db,
				   "UPDATE problem_versions SET time_limit = ?, memory_mb = ? WHERE id = "
				   "(SELECT v.id FROM problem_versions v JOIN problems p ON p.id = v.problem_id "
				   "WHERE p.short_name = ? ORDER BY v.version DESC LIMIT 1)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_double(st, 1, time_limit);
	sqlite3_bind_int64(st, 2, memory_mb);
	sqlite3_bind_text(st, 3, short_name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "setting a problem's limits");
	return sqlite3_changes(db->h) == 1;
}

int db_user_list(struct db *db, const char *role, void (*fn)(const char *name, const char *role, void *arg), void *arg,
		 char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "SELECT name, role FROM users WHERE ? IS NULL OR role = ? ORDER BY name", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char name[64], r[16];
		text_col(st, 0, name, sizeof name);
		text_col(st, 1, r, sizeof r);
		fn(name, r, arg);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing users");
}

int db_best_results(struct db *db, void (*fn)(const struct db_best *b, void *arg), void *arg, char *err, size_t n)
{
	/* One row per (user, problem), grouped along submissions_by_user_problem
	 * (which covers it) without a sort; names are joined after grouping. */
	sqlite3_stmt *st = prepare(db,
				   "SELECT u.name, p.short_name, b.attempts, b.solved, b.best_score, s.verdict "
				   "FROM best_results b JOIN users u ON u.id = b.user_id JOIN problems p ON p.id = b.problem_id "
				   "JOIN submissions s ON s.id = b.last_id "
				   "ORDER BY u.name, p.short_name",
				   err, n);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_best b = { 0 };
		text_col(st, 0, b.user, sizeof b.user);
		text_col(st, 1, b.problem, sizeof b.problem);
		b.attempts = sqlite3_column_int(st, 2);
		if (sqlite3_column_int(st, 3))
			memcpy(b.verdict, "AC", 3);
		else
			text_col(st, 5, b.verdict, sizeof b.verdict);
		b.has_score = sqlite3_column_type(st, 4) != SQLITE_NULL;
		b.score = sqlite3_column_double(st, 4);
		fn(&b, arg);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "reading the best results");
}

/* ---- submissions and the queue ---- */

int db_submission_add(struct db *db, long long user_id, long long problem_id, const char *language,
		      const char *file_name, const void *source, size_t len, long long *id, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				   "INSERT INTO submissions (user_id, problem_id, language, file_name, source, state, "
				   "submitted_at) VALUES (?, ?, ?, ?, ?, 'queued', ?)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, problem_id);
	sqlite3_bind_text(st, 3, language, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, file_name, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 5, source, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, now());
	int rc = sqlite3_step(st);
	put(db, st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "storing the submission");
	*id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int db_user_submission_counts(struct db *db, long long user_id, long long since, int newest, int *recent,
			      int *waiting, char *err, size_t n)
{
	/* Both read a bounded number of rows: the newest `newest` of the
	 * user's submissions (ids grow with time), and the partial index of
	 * never-judged ones. A regrade's requeued submissions have a judging,
	 * so they do not count as waiting. */
	sqlite3_stmt *st = cached(db,
				   "SELECT (SELECT COUNT(*) FROM (SELECT submitted_at FROM submissions WHERE user_id = ? "
				   "ORDER BY id DESC LIMIT ?) newest_ones WHERE submitted_at >= ?), "
				   "(SELECT COUNT(*) FROM submissions WHERE user_id = ? AND judging_id IS NULL "
				   "AND state <> 'done')",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int(st, 2, newest);
	sqlite3_bind_int64(st, 3, since);
	sqlite3_bind_int64(st, 4, user_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*recent = sqlite3_column_int(st, 0);
		*waiting = sqlite3_column_int(st, 1);
	}
	put(db, st);
	if (rc != SQLITE_ROW)
		return sql_error(db, err, n, "counting a user's submissions");
	return 0;
}

int db_submission_list(struct db *db, const struct db_submission_filter *f,
		       void (*fn)(const struct db_submission_row *r, void *arg), void *arg, char *err, size_t n)
{
	/* Only the filters given go into the WHERE clause, so SQLite can walk
	 * the matching index (by user, problem or verdict, then id) newest
	 * first and stop after the page: a page costs the same for 100 or
	 * 100,000 submissions. The text is built from fixed pieces only;
	 * every value is bound. */
	char sql[1024] = "SELECT s.id, u.name, p.short_name, s.language, s.state, s.verdict, s.score, s.submitted_at "
			 "FROM submissions s JOIN users u ON u.id = s.user_id JOIN problems p ON p.id = s.problem_id "
			 "WHERE 1 = 1";
	const char *values[5];
	int nvalues = 0;
	if (f->user) {
		strcat(sql, " AND s.user_id = (SELECT id FROM users WHERE name = ?)");
		values[nvalues++] = f->user;
	}
	if (f->problem) {
		strcat(sql, " AND s.problem_id = (SELECT id FROM problems WHERE short_name = ?)");
		values[nvalues++] = f->problem;
	}
	if (f->language) {
		strcat(sql, " AND s.language = ?");
		values[nvalues++] = f->language;
	}
	if (f->verdict) {
		strcat(sql, " AND s.verdict = ?"); /* its newest judging's, even while a regrade waits */
		values[nvalues++] = f->verdict;
	}
	if (f->before_id > 0)
		strcat(sql, " AND s.id < ?");
	strcat(sql, " ORDER BY s.id DESC LIMIT ?");
	sqlite3_stmt *st = prepare(db, sql, err, n);
	if (!st)
		return -1;
	int i = 0;
	for (; i < nvalues; i++)
		sqlite3_bind_text(st, i + 1, values[i], -1, SQLITE_STATIC);
	if (f->before_id > 0)
		sqlite3_bind_int64(st, ++i, f->before_id);
	sqlite3_bind_int(st, ++i, f->limit > 0 ? f->limit : 50);
	int rc, count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_submission_row r;
		r.id = sqlite3_column_int64(st, 0);
		text_col(st, 1, r.user, sizeof r.user);
		text_col(st, 2, r.problem, sizeof r.problem);
		text_col(st, 3, r.language, sizeof r.language);
		text_col(st, 4, r.state, sizeof r.state);
		text_col(st, 5, r.verdict, sizeof r.verdict);
		r.has_score = sqlite3_column_type(st, 6) != SQLITE_NULL;
		r.score = sqlite3_column_double(st, 6);
		r.submitted_at = sqlite3_column_int64(st, 7);
		fn(&r, arg);
		count++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? count : sql_error(db, err, n, "listing submissions");
}

int db_claim_next(struct db *db, const char *owner, int lease_seconds, struct db_claim *c, char *err, size_t n)
{
	memset(c, 0, sizeof *c);
	/* One statement: SQLite runs writers one at a time, so two judges never
	 * get the same row. (PostgreSQL will want FOR UPDATE SKIP LOCKED in the
	 * subquery.) An expired lease means its judge died: judge it again. */
	sqlite3_stmt *st = prepare(db,
				   "UPDATE submissions SET state = 'judging', lease_owner = ?, lease_expires = ?, tests_done = 0 "
				   "WHERE id = (SELECT id FROM submissions WHERE state = 'queued' "
				   "OR (state = 'judging' AND lease_expires < ?) ORDER BY id LIMIT 1) "
				   "RETURNING id, problem_id, language, file_name, source",
				   err, n);
	if (!st)
		return -1;
	long long t = now();
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, t + lease_seconds);
	sqlite3_bind_int64(st, 3, t);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->submission_id = sqlite3_column_int64(st, 0);
		c->problem_id = sqlite3_column_int64(st, 1);
		text_col(st, 2, c->language, sizeof c->language);
		text_col(st, 3, c->file_name, sizeof c->file_name);
		int len = sqlite3_column_bytes(st, 4);
		c->source = malloc((size_t)len + 1);
		if (c->source) {
			memcpy(c->source, sqlite3_column_blob(st, 4), (size_t)len);
			c->source_len = (size_t)len;
		}
		/* Step once more so the UPDATE completes before we finalize. */
		while (sqlite3_step(st) == SQLITE_ROW)
			;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "claiming a submission");
	if (rc == SQLITE_ROW && !c->source)
		return errf(err, n, "out of memory");
	return rc == SQLITE_ROW;
}

void db_claim_free(struct db_claim *c)
{
	free(c->source);
	c->source = NULL;
}

int db_lease_renew(struct db *db, long long submission_id, const char *owner, int lease_seconds, int tests_done,
		   char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "UPDATE submissions SET lease_expires = ?, tests_done = ? WHERE id = ? AND lease_owner = ? "
				   "AND state = 'judging'",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, now() + lease_seconds);
	sqlite3_bind_int(st, 2, tests_done);
	sqlite3_bind_int64(st, 3, submission_id);
	sqlite3_bind_text(st, 4, owner, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "renewing a lease");
	return sqlite3_changes(db->h) == 1;
}

int db_judging_store(struct db *db, const struct db_claim *c, const struct db_version *v, const struct judging *j,
		     const struct package *p, const char *owner, long long started_at, char *err, size_t n)
{
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	int rc = -1;
	sqlite3_stmt *st = prepare(db,
				   "UPDATE submissions SET state = 'done', verdict = ?, score = ?, lease_owner = NULL, "
				   "lease_expires = NULL WHERE id = ? AND lease_owner = ? AND state = 'judging'",
				   err, n);
	if (!st)
		goto out;
	sqlite3_bind_text(st, 1, verdict_name(j->verdict), -1, SQLITE_STATIC);
	j->has_score ? sqlite3_bind_double(st, 2, j->score) : sqlite3_bind_null(st, 2);
	sqlite3_bind_int64(st, 3, c->submission_id);
	sqlite3_bind_text(st, 4, owner, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sql_error(db, err, n, "finishing the submission");
		goto out;
	}
	if (sqlite3_changes(db->h) != 1) {
		rc = 0; /* the lease was lost: another judge has it now */
		goto out;
	}
	sqlite3_finalize(st);
	st = prepare(db,
		     "INSERT INTO judgings (submission_id, problem_version_id, verdict, score, compile_output, max_cpu_ms, "
		     "max_mem_kb, judge, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		     err, n);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, c->submission_id);
	sqlite3_bind_int64(st, 2, v->id);
	sqlite3_bind_text(st, 3, verdict_name(j->verdict), -1, SQLITE_STATIC);
	j->has_score ? sqlite3_bind_double(st, 4, j->score) : sqlite3_bind_null(st, 4);
	sqlite3_bind_text(st, 5, j->build.output, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, j->max_cpu_ms);
	sqlite3_bind_int64(st, 7, j->max_mem_kb);
	sqlite3_bind_text(st, 8, owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, started_at);
	sqlite3_bind_int64(st, 10, now());
	if (sqlite3_step(st) != SQLITE_DONE) {
		sql_error(db, err, n, "storing the judging");
		goto out;
	}
	long long judging_id = sqlite3_last_insert_rowid(db->h);
	sqlite3_finalize(st);
	st = prepare(db,
		     "INSERT INTO test_results (judging_id, test_index, test_name, sample, verdict, cpu_ms, wall_ms, mem_kb, "
		     "message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		     err, n);
	if (!st)
		goto out;
	for (int i = 0; i < j->nrun; i++) {
		const struct test_result *t = &j->tests[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, judging_id);
		sqlite3_bind_int(st, 2, i);
		sqlite3_bind_text(st, 3, p->tests[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, p->tests[i].sample);
		sqlite3_bind_text(st, 5, verdict_name(t->verdict), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, t->cpu_ms);
		sqlite3_bind_int64(st, 7, t->wall_ms);
		sqlite3_bind_int64(st, 8, t->mem_kb);
		sqlite3_bind_text(st, 9, t->message, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sql_error(db, err, n, "storing a test result");
			goto out;
		}
	}
	sqlite3_finalize(st);
	st = prepare(db, "UPDATE submissions SET judging_id = ? WHERE id = ?", err, n);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, judging_id);
	sqlite3_bind_int64(st, 2, c->submission_id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sql_error(db, err, n, "linking the judging");
		goto out;
	}
	sqlite3_finalize(st);
	/* The user's best result on the problem, recomputed over their
	 * submissions to it (a regrade may have taken an AC away). */
	st = prepare(db,
		     "INSERT INTO best_results (user_id, problem_id, attempts, solved, best_score, last_id) "
		     "SELECT s.user_id, s.problem_id, COUNT(*), MAX(CASE WHEN s.verdict = 'AC' THEN 1 ELSE 0 END), "
		     "MAX(s.score), MAX(s.id) FROM submissions s JOIN submissions me "
		     "ON me.user_id = s.user_id AND me.problem_id = s.problem_id "
		     "WHERE me.id = ? AND s.verdict IS NOT NULL GROUP BY s.user_id, s.problem_id "
		     "ON CONFLICT (user_id, problem_id) DO UPDATE SET attempts = excluded.attempts, "
		     "solved = excluded.solved, best_score = excluded.best_score, last_id = excluded.last_id",
		     err, n);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, c->submission_id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sql_error(db, err, n, "updating the best result");
		goto out;
	}
	rc = 1;
out:
	sqlite3_finalize(st);
	if (end_transaction(db, rc == 1, err, n) < 0)
		rc = -1;
	return rc;
}

#define REGRADE_FILTER \
	"FROM submissions s JOIN users u ON u.id = s.user_id JOIN problems p ON p.id = s.problem_id " \
	"WHERE s.state = 'done' AND (?1 = 0 OR s.id = ?1) AND (?2 IS NULL OR p.short_name = ?2) " \
	"AND (?3 IS NULL OR u.name = ?3)"

static void bind_regrade_filter(sqlite3_stmt *st, long long submission_id, const char *problem, const char *user)
{
	sqlite3_bind_int64(st, 1, submission_id);
	problem ? sqlite3_bind_text(st, 2, problem, -1, SQLITE_STATIC) : sqlite3_bind_null(st, 2);
	user ? sqlite3_bind_text(st, 3, user, -1, SQLITE_STATIC) : sqlite3_bind_null(st, 3);
}

/* The body of db_requeue, inside the caller's transaction: fn (if not
 * NULL) sees each matching submission, regrade_id (if > 0) records them
 * with their old verdict and score, then they are requeued. Returns how
 * many, or -1. */
static int requeue_in_transaction(struct db *db, long long submission_id, const char *problem, const char *user,
				  void (*fn)(long long id, const char *verdict, double score, int has_score, void *arg),
				  void *arg, long long regrade_id, char *err, size_t n)
{
	int count = -1, rows = 0, rc;
	sqlite3_stmt *st = NULL;
	if (fn) {
		st = prepare(db, "SELECT s.id, s.verdict, s.score " REGRADE_FILTER " ORDER BY s.id", err, n);
		if (!st)
			goto out;
		bind_regrade_filter(st, submission_id, problem, user);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const unsigned char *v = sqlite3_column_text(st, 1);
			fn(sqlite3_column_int64(st, 0), v ? (const char *)v : "", sqlite3_column_double(st, 2),
			   sqlite3_column_type(st, 2) != SQLITE_NULL, arg);
			rows++;
		}
		if (rc != SQLITE_DONE) {
			sql_error(db, err, n, "selecting submissions to regrade");
			goto out;
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	if (regrade_id > 0) {
		st = prepare(db,
			     "INSERT INTO regrade_items (regrade_id, submission_id, old_verdict, old_score) "
			     "SELECT ?4, s.id, s.verdict, s.score " REGRADE_FILTER,
			     err, n);
		if (!st)
			goto out;
		bind_regrade_filter(st, submission_id, problem, user);
		sqlite3_bind_int64(st, 4, regrade_id);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sql_error(db, err, n, "recording the regrade");
			goto out;
		}
		sqlite3_finalize(st);
	}
	st = prepare(db,
		     "UPDATE submissions SET state = 'queued', lease_owner = NULL, lease_expires = NULL "
		     "WHERE id IN (SELECT s.id " REGRADE_FILTER ")",
		     err, n);
	if (!st)
		goto out;
	bind_regrade_filter(st, submission_id, problem, user);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sql_error(db, err, n, "requeueing submissions");
		goto out;
	}
	count = fn ? rows : sqlite3_changes(db->h);
out:
	sqlite3_finalize(st);
	return count;
}

int db_requeue(struct db *db, long long submission_id, const char *problem, const char *user,
	       void (*fn)(long long id, const char *verdict, double score, int has_score, void *arg), void *arg,
	       char *err, size_t n)
{
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	int count = requeue_in_transaction(db, submission_id, problem, user, fn, arg, 0, err, n);
	if (end_transaction(db, count >= 0, err, n) < 0)
		count = -1;
	return count;
}

int db_regrade_start(struct db *db, long long by_user_id, long long submission_id, const char *problem,
		     const char *user, long long *regrade_id, int *count, char *err, size_t n)
{
	char scope[128];
	if (submission_id > 0)
		snprintf(scope, sizeof scope, "submission %lld", submission_id);
	else if (problem)
		snprintf(scope, sizeof scope, "problem %.100s", problem);
	else if (user)
		snprintf(scope, sizeof scope, "user %.100s", user);
	else
		snprintf(scope, sizeof scope, "all");
	*regrade_id = 0;
	*count = 0;
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	int rc = -1, requeued = 0;
	long long id = 0;
	sqlite3_stmt *st = prepare(db, "INSERT INTO regrades (user_id, scope, created_at) VALUES (?, ?, ?)", err, n);
	if (!st)
		goto out;
	by_user_id > 0 ? sqlite3_bind_int64(st, 1, by_user_id) : sqlite3_bind_null(st, 1);
	sqlite3_bind_text(st, 2, scope, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now());
	if (sqlite3_step(st) != SQLITE_DONE) {
		sql_error(db, err, n, "starting a regrade");
		goto out;
	}
	id = sqlite3_last_insert_rowid(db->h);
	requeued = requeue_in_transaction(db, submission_id, problem, user, NULL, NULL, id, err, n);
	if (requeued >= 0)
		rc = 0;
out:
	sqlite3_finalize(st);
	/* Nothing matched: no regrade to remember either. */
	if (end_transaction(db, rc == 0 && requeued > 0, err, n) < 0)
		return -1;
	if (rc == 0 && requeued > 0) {
		*regrade_id = id;
		*count = requeued;
	}
	return rc;
}

int db_regrade_items(struct db *db, long long regrade_id, void (*fn)(const struct db_regrade_item *it, void *arg),
		     void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT s.id, u.name, p.short_name, i.old_verdict, i.old_score, s.state, s.verdict, "
				   "s.score FROM regrade_items i JOIN submissions s ON s.id = i.submission_id "
				   "JOIN users u ON u.id = s.user_id JOIN problems p ON p.id = s.problem_id "
				   "WHERE i.regrade_id = ? ORDER BY s.id",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, regrade_id);
	int rc, count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_regrade_item it;
		it.submission_id = sqlite3_column_int64(st, 0);
		text_col(st, 1, it.user, sizeof it.user);
		text_col(st, 2, it.problem, sizeof it.problem);
		text_col(st, 3, it.old_verdict, sizeof it.old_verdict);
		it.old_has_score = sqlite3_column_type(st, 4) != SQLITE_NULL;
		it.old_score = sqlite3_column_double(st, 4);
		text_col(st, 5, it.state, sizeof it.state);
		text_col(st, 6, it.verdict, sizeof it.verdict);
		it.has_score = sqlite3_column_type(st, 7) != SQLITE_NULL;
		it.score = sqlite3_column_double(st, 7);
		it.changed = strcmp(it.state, "done") == 0 &&
			     (strcmp(it.verdict, it.old_verdict) != 0 || it.has_score != it.old_has_score ||
			      (it.has_score && it.score != it.old_score));
		fn(&it, arg);
		count++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? count : sql_error(db, err, n, "reading a regrade");
}

/* ---- import jobs ---- */

int db_import_add(struct db *db, long long user_id, const char *file_name, const char *spool_path, long long *id,
		  char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO imports (user_id, file_name, spool_path, state, created_at) "
				   "VALUES (?, ?, ?, 'queued', ?)",
				   err, n);
	if (!st)
		return -1;
	user_id > 0 ? sqlite3_bind_int64(st, 1, user_id) : sqlite3_bind_null(st, 1);
	sqlite3_bind_text(st, 2, file_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, spool_path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now());
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "queueing an import");
	*id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

#define IMPORT_COLUMNS \
	"id, user_id, file_name, spool_path, state, message, problem_id, version, created_at, finished_at"

static void read_import(sqlite3_stmt *st, struct db_import *imp)
{
	imp->id = sqlite3_column_int64(st, 0);
	imp->user_id = sqlite3_column_int64(st, 1); /* NULL reads as 0 */
	text_col(st, 2, imp->file_name, sizeof imp->file_name);
	text_col(st, 3, imp->spool_path, sizeof imp->spool_path);
	text_col(st, 4, imp->state, sizeof imp->state);
	text_col(st, 5, imp->message, sizeof imp->message);
	imp->problem_id = sqlite3_column_int64(st, 6);
	imp->version = sqlite3_column_int(st, 7);
	imp->created_at = sqlite3_column_int64(st, 8);
	imp->finished_at = sqlite3_column_int64(st, 9);
}

int db_import_claim_next(struct db *db, const char *owner, int lease_seconds, struct db_import *imp, char *err,
			 size_t n)
{
	/* One statement, as db_claim_next: two judges never get the same row. */
	sqlite3_stmt *st = prepare(db,
				   "UPDATE imports SET state = 'running', lease_owner = ?, lease_expires = ? "
				   "WHERE id = (SELECT id FROM imports WHERE state = 'queued' "
				   "OR (state = 'running' AND lease_expires < ?) ORDER BY id LIMIT 1) "
				   "RETURNING " IMPORT_COLUMNS,
				   err, n);
	if (!st)
		return -1;
	long long t = now();
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, t + lease_seconds);
	sqlite3_bind_int64(st, 3, t);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_import(st, imp);
		while (sqlite3_step(st) == SQLITE_ROW) /* let the UPDATE complete */
			;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "claiming an import");
	return rc == SQLITE_ROW;
}

int db_import_renew(struct db *db, long long id, const char *owner, int lease_seconds, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "UPDATE imports SET lease_expires = ? WHERE id = ? AND lease_owner = ? AND state = 'running'",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, now() + lease_seconds);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_text(st, 3, owner, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "renewing an import's lease");
	return sqlite3_changes(db->h) == 1;
}

int db_import_finish(struct db *db, long long id, const char *owner, int ok, long long problem_id, int version,
		     const char *message, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "UPDATE imports SET state = ?, message = ?, problem_id = ?, version = ?, finished_at = ?, "
				   "lease_owner = NULL, lease_expires = NULL "
				   "WHERE id = ? AND lease_owner = ? AND state = 'running'",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, ok ? "done" : "failed", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, message, -1, SQLITE_STATIC);
	ok ? sqlite3_bind_int64(st, 3, problem_id) : sqlite3_bind_null(st, 3);
	ok ? sqlite3_bind_int(st, 4, version) : sqlite3_bind_null(st, 4);
	sqlite3_bind_int64(st, 5, now());
	sqlite3_bind_int64(st, 6, id);
	sqlite3_bind_text(st, 7, owner, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "finishing an import");
	return sqlite3_changes(db->h) == 1;
}

int db_import_spool_in_use(struct db *db, const char *spool_path, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT COUNT(*) FROM imports WHERE spool_path = ? AND state IN ('queued', 'running')",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, spool_path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int used = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? used : sql_error(db, err, n, "looking up a spool file");
}

int db_import_get(struct db *db, long long id, struct db_import *imp, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "SELECT " IMPORT_COLUMNS " FROM imports WHERE id = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_import(st, imp);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "reading an import");
	return rc == SQLITE_ROW;
}

/* ---- results ---- */

int db_result_get(struct db *db, long long id, struct db_result *r, char *err, size_t n)
{
	memset(r, 0, sizeof *r);
	sqlite3_stmt *st = cached(db,
				   "SELECT s.id, u.name, p.short_name, s.language, s.file_name, s.state, s.verdict, s.score, "
				   "j.compile_output, s.judging_id, s.tests_done FROM submissions s JOIN users u ON u.id = s.user_id "
				   "JOIN problems p ON p.id = s.problem_id LEFT JOIN judgings j ON j.id = s.judging_id "
				   "WHERE s.id = ?",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		put(db, st);
		return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "reading a submission");
	}
	r->id = sqlite3_column_int64(st, 0);
	text_col(st, 1, r->user, sizeof r->user);
	text_col(st, 2, r->problem, sizeof r->problem);
	text_col(st, 3, r->language, sizeof r->language);
	text_col(st, 4, r->file_name, sizeof r->file_name);
	text_col(st, 5, r->state, sizeof r->state);
	text_col(st, 6, r->verdict, sizeof r->verdict);
	r->has_score = sqlite3_column_type(st, 7) != SQLITE_NULL;
	r->score = sqlite3_column_double(st, 7);
	if (sqlite3_column_type(st, 8) != SQLITE_NULL)
		r->compile_output = strdup((const char *)sqlite3_column_text(st, 8));
	long long judging_id = sqlite3_column_int64(st, 9);
	r->tests_done = sqlite3_column_int(st, 10);
	/* A regrade in progress shows its state, not the old judging's tests. */
	int show_tests = strcmp(r->state, "done") == 0;
	put(db, st);
	if (!show_tests || !judging_id)
		return 1;
	st = cached(db,
		     "SELECT test_name, sample, verdict, cpu_ms, wall_ms, mem_kb, message FROM test_results "
		     "WHERE judging_id = ? ORDER BY test_index",
		     err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, judging_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_test_row *t = realloc(r->tests, sizeof *t * (size_t)(r->ntests + 1));
		if (!t)
			break;
		r->tests = t;
		t += r->ntests++;
		text_col(st, 0, t->name, sizeof t->name);
		t->sample = sqlite3_column_int(st, 1);
		text_col(st, 2, t->verdict, sizeof t->verdict);
		t->cpu_ms = (long)sqlite3_column_int64(st, 3);
		t->wall_ms = (long)sqlite3_column_int64(st, 4);
		t->mem_kb = (long)sqlite3_column_int64(st, 5);
		text_col(st, 6, t->message, sizeof t->message);
	}
	put(db, st);
	if (rc != SQLITE_DONE) {
		db_result_free(r);
		return sql_error(db, err, n, "reading test results");
	}
	return 1;
}

void db_result_free(struct db_result *r)
{
	free(r->compile_output);
	free(r->tests);
	r->compile_output = NULL;
	r->tests = NULL;
	r->ntests = 0;
}

/* ---- what the web pages read ---- */

int db_problem_list_brief(struct db *db, void (*fn)(const struct db_version *v, const char *title, void *arg), void *arg,
			  char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				   "SELECT " VERSION_COLUMNS ", p.title "
				   "FROM problems p JOIN problem_versions v ON v.problem_id = p.id "
				   "WHERE v.version = (SELECT MAX(w.version) FROM problem_versions w WHERE w.problem_id = p.id) "
				   "ORDER BY p.short_name",
				   err, n);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_version v;
		char title[256];
		read_version(st, &v);
		text_col(st, 11, title, sizeof title);
		fn(&v, title, arg);
	}
	put(db, st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing problems");
}

int db_user_best(struct db *db, long long user_id, void (*fn)(const struct db_best *b, void *arg), void *arg, char *err,
		 size_t n)
{
	/* One row per problem the user tried (best_results, schema 006). */
	sqlite3_stmt *st = cached(db,
				   "SELECT p.short_name, b.attempts, b.solved, b.best_score, s.verdict "
				   "FROM best_results b JOIN problems p ON p.id = b.problem_id "
				   "JOIN submissions s ON s.id = b.last_id WHERE b.user_id = ? "
				   "ORDER BY p.short_name",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_best b = { 0 };
		text_col(st, 0, b.problem, sizeof b.problem);
		b.attempts = sqlite3_column_int(st, 1);
		if (sqlite3_column_int(st, 2))
			memcpy(b.verdict, "AC", 3);
		else
			text_col(st, 4, b.verdict, sizeof b.verdict);
		b.has_score = sqlite3_column_type(st, 3) != SQLITE_NULL;
		b.score = sqlite3_column_double(st, 3);
		fn(&b, arg);
	}
	put(db, st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "reading a user's best results");
}

int db_problem_title(struct db *db, long long problem_id, char *title, size_t len, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db, "SELECT title FROM problems WHERE id = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, problem_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		text_col(st, 0, title, len);
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "reading a problem's title");
	return rc == SQLITE_ROW;
}

int db_submission_source(struct db *db, long long id, void **source, size_t *len, long long *submitted_at, char *err,
			 size_t n)
{
	*source = NULL;
	*len = 0;
	sqlite3_stmt *st = cached(db, "SELECT source, submitted_at FROM submissions WHERE id = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const void *blob = sqlite3_column_blob(st, 0);
		int size = sqlite3_column_bytes(st, 0);
		*source = malloc((size_t)size + 1);
		if (!*source) {
			put(db, st);
			return errf(err, n, "out of memory");
		}
		if (size)
			memcpy(*source, blob, (size_t)size);
		((char *)*source)[size] = 0;
		*len = (size_t)size;
		*submitted_at = sqlite3_column_int64(st, 1);
	}
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "reading a submission's source");
	return rc == SQLITE_ROW;
}

int db_best_rebuild(struct db *db, char *err, size_t n)
{
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	int ok = exec(db,
		      "DELETE FROM best_results; "
		      "INSERT INTO best_results (user_id, problem_id, attempts, solved, best_score, last_id) "
		      "SELECT user_id, problem_id, COUNT(*), MAX(CASE WHEN verdict = 'AC' THEN 1 ELSE 0 END), MAX(score), "
		      "MAX(id) FROM submissions WHERE verdict IS NOT NULL GROUP BY user_id, problem_id",
		      err, n) == 0;
	return end_transaction(db, ok, err, n) < 0 || !ok ? -1 : 0;
}

int db_judging_history(struct db *db, long long submission_id, void (*fn)(const struct db_judging_row *j, void *arg),
		       void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT j.id, j.verdict, j.score, v.version, j.max_cpu_ms, j.max_mem_kb, j.judge, "
				   "j.finished_at FROM judgings j JOIN problem_versions v ON v.id = j.problem_version_id "
				   "WHERE j.submission_id = ? ORDER BY j.id DESC",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, submission_id);
	int rc, count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_judging_row j = { 0 };
		j.id = sqlite3_column_int64(st, 0);
		text_col(st, 1, j.verdict, sizeof j.verdict);
		j.has_score = sqlite3_column_type(st, 2) != SQLITE_NULL;
		j.score = sqlite3_column_double(st, 2);
		j.version = sqlite3_column_int(st, 3);
		j.max_cpu_ms = (long)sqlite3_column_int64(st, 4);
		j.max_mem_kb = (long)sqlite3_column_int64(st, 5);
		text_col(st, 6, j.judge, sizeof j.judge);
		j.finished_at = sqlite3_column_int64(st, 7);
		fn(&j, arg);
		count++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? count : sql_error(db, err, n, "reading a submission's judgings");
}
