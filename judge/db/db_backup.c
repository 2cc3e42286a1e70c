/* db_backup.c - a consistent copy of the live database (SQLite's online
 * backup), for `verdict backup` and before a schema upgrade. With
 * PostgreSQL this is the place that runs pg_dump instead. */
#include "db_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int db_backup(struct db *db, const char *dest, char *err, size_t n)
{
	/* The copy holds password hashes and sessions: 0600, and a name that
	 * is new (O_EXCL), never a link followed. */
	int fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return errf(err, n, "cannot create %s: %s", dest, strerror(errno));
	close(fd);
	sqlite3 *d = NULL;
	int rc = sqlite3_open_v2(dest, &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(d, "main", db->h, "main") : NULL;
	if (!b) {
		errf(err, n, "cannot back up into %s: %s", dest, d ? sqlite3_errmsg(d) : "out of memory");
		sqlite3_close(d);
		unlink(dest);
		return -1;
	}
	/* All pages in one step: one read transaction, so one moment's state,
	 * while writers go on in the WAL. Busy only while a writer holds the
	 * file exclusively (a checkpoint): then again, for up to 30 s. */
	for (int tries = 0; tries < 600; tries++) {
		rc = sqlite3_backup_step(b, -1);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		sqlite3_sleep(50);
	}
	sqlite3_backup_finish(b);
	/* One self-contained file: no -wal beside it. */
	if (rc == SQLITE_DONE && sqlite3_exec(d, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = SQLITE_ERROR;
	if (rc != SQLITE_DONE) {
		errf(err, n, "backing up into %s: %s", dest, sqlite3_errmsg(d));
		sqlite3_close(d);
		unlink(dest);
		return -1;
	}
	if (sqlite3_close(d) != SQLITE_OK)
		return errf(err, n, "closing %s: failed", dest);
	return 0;
}

int db_check_integrity(struct db *db, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "PRAGMA integrity_check", err, n);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	const char *v = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	int ok = v && strcmp(v, "ok") == 0;
	if (!ok)
		errf(err, n, "the database is damaged: %s", v ? v : sqlite3_errmsg(db->h));
	sqlite3_finalize(st);
	return ok ? 0 : -1;
}
