/* db_users.c - users, web sessions and failed logins.
 */
#include "db_internal.h"

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
	return update_one(db, st, "setting a role", err, n);
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

int db_login_failures(struct db *db, const char *name, const char *address, long long since, int *by_pair,
		      int *by_address, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT (SELECT COUNT(*) FROM login_failures WHERE address = ?2 AND user_name = ?1 "
				   "AND at >= ?3), "
				   "(SELECT COUNT(*) FROM login_failures WHERE address = ?2 AND at >= ?3)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, address, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, since);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*by_pair = sqlite3_column_int(st, 0);
		*by_address = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : sql_error(db, err, n, "counting failed logins");
}

int db_login_failure_add(struct db *db, const char *name, const char *address, long long at, long long forget_before,
			 char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "INSERT INTO login_failures (user_name, address, at) VALUES (?, ?, ?)", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, address, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, at);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "recording a failed login");
	st = prepare(db, "DELETE FROM login_failures WHERE at < ?", err, n); /* uses login_failures_by_time */
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, forget_before);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "forgetting old failed logins");
}

int db_login_failures_clear(struct db *db, const char *name, const char *address, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "DELETE FROM login_failures WHERE user_name = ? AND address = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, address, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "clearing failed logins");
}
