/* db.c - the database layer: every SQL statement Verdict runs is in db*.c.
 *
 * This file opens, upgrades and closes the database and runs transactions;
 * db_users.c, db_problems.c, db_submissions.c, db_imports.c and db_pages.c
 * hold the statements by subject, db_internal.h what they share.
 *
 * Portable SQL only (INSERT ... ON CONFLICT, UPDATE ... RETURNING and
 * COALESCE exist in PostgreSQL too). Every statement is prepared with bound
 * parameters; nothing from a user is ever pasted into SQL text.
 */
#include "db_internal.h"
#include "db_migrations.h"

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
	/* NOFOLLOW: the database's directory is the web account's, which
	 * could put a link there to a file of root's. */
	if (sqlite3_open_v2(path, &db->h,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW,
			    NULL) != SQLITE_OK) {
		errf(err, n, "cannot open the database %s: %s", path, db->h ? sqlite3_errmsg(db->h) : "out of memory");
		db_close(db);
		return -1;
	}
	/* The file is the web account's, so its schema is not root's to
	 * trust: no functions with side effects from views, triggers or
	 * defaults; no writing the schema or corrupting pages by hand. */
	int on = 0;
	if (sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, &on) != SQLITE_OK || !on ||
	    sqlite3_db_config(db->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on) != SQLITE_OK || on ||
	    exec(db, "PRAGMA cell_size_check = ON", err, n) < 0) {
		errf(err, n, "cannot open the database %s defensively: %s", path, sqlite3_errmsg(db->h));
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
