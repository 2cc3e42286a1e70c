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

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static int schema_version(struct db *db, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "PRAGMA user_version", err, n);
	int version = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return version;
}

/* The copy taken before an upgrade, in a directory only we can enter. */
static int backup_before_upgrade(struct db *db, const char *dir, int from, int to, char *err, size_t n)
{
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return errf(err, n, "cannot create the backup directory %s: %s", dir, strerror(errno));
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	int ok = fd >= 0 && fstat(fd, &st) == 0 && st.st_uid == geteuid() && !(st.st_mode & 077);
	if (fd >= 0)
		close(fd);
	if (!ok)
		return errf(err, n, "the backup directory %s must be a directory of uid %d's alone (mode 0700), not a link",
			    dir, (int)geteuid());
	char when[32], path[PATH_MAX];
	time_t now = time(NULL);
	strftime(when, sizeof when, "%Y%m%dT%H%M%SZ", gmtime(&now));
	if ((size_t)snprintf(path, sizeof path, "%s/verdict-v%d-before-v%d-%s.db", dir, from, to, when) >= sizeof path)
		return errf(err, n, "the backup directory's path is too long");
	char why[512];
	if (db_backup(db, path, why, sizeof why) < 0)
		return errf(err, n, "no upgrade without a backup first: %s", why);
	return 0;
}

static int migrate(struct db *db, const char *backup_dir, char *err, size_t n)
{
	int count = 0;
	while (db_migrations[count].name)
		count++;
	int before = schema_version(db, err, n);
	if (backup_dir && before > 0 && before < count && backup_before_upgrade(db, backup_dir, before, count, err, n) < 0)
		return -1;
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	int version = schema_version(db, err, n);
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
	return db_open_with_backups(path, NULL, out, err, n);
}

int db_open_with_backups(const char *path, const char *backup_dir, struct db **out, char *err, size_t n)
{
	struct db *db = calloc(1, sizeof *db);
	if (!db)
		return errf(err, n, "out of memory");
	db->wake_fd = -1;
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
	    migrate(db, backup_dir, err, n) < 0) {
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
	if (db->wake_fd >= 0)
		close(db->wake_fd);
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

/* ---- change detection ---- */

int db_read_begin(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h)) /* already in one: the caller's */
		return 0;
	return sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void db_read_end(struct db *db, int began)
{
	if (began && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
}

int db_data_version(struct db *db, struct db_data_version *v, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db, "PRAGMA data_version", err, n);
	if (!st)
		return -1;
	int rc = sqlite3_step(st) == SQLITE_ROW ? 0 : sql_error(db, err, n, "data_version");
	v->others = rc == 0 ? sqlite3_column_int64(st, 0) : 0;
	v->own = (long long)sqlite3_total_changes64(db->h);
	put(db, st);
	return rc;
}
