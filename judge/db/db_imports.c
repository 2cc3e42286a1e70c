/* db_imports.c - import jobs: packages the web spooled, for the judge to import.
 */
#include "db_internal.h"

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
	"id, user_id, file_name, spool_path, state, message, problem_id, version, created_at, finished_at, attempts"

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
	imp->attempts = sqlite3_column_int(st, 10);
}

int db_import_claim_next(struct db *db, const char *owner, int lease_seconds, struct db_import *imp, char *err,
			 size_t n)
{
	/* One statement, as db_claim_next: two judges never get the same row. */
	sqlite3_stmt *st = prepare(db,
				   "UPDATE imports SET state = 'running', lease_owner = ?, lease_expires = ?, attempts = attempts + 1 "
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
	return update_one(db, st, "finishing an import", err, n);
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
