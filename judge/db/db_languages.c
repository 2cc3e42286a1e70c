/* db_languages.c - the languages' versions on the judge host, as the judge found them, for the problem page. */
#include "db_internal.h"

int db_language_version_set(struct db *db, const char *language, const char *version, int installed,
			    const char *fingerprint, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO language_versions (language, version, installed, fingerprint, checked_at) "
				   "VALUES (?, ?, ?, ?, ?) ON CONFLICT (language) DO UPDATE SET version = excluded.version, "
				   "installed = excluded.installed, fingerprint = excluded.fingerprint, "
				   "checked_at = excluded.checked_at",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, language, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, version, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, installed != 0);
	sqlite3_bind_text(st, 4, fingerprint, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, now());
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "recording a language's version");
}

int db_language_version_get(struct db *db, const char *language, char *version, size_t version_len, int *installed,
			    char *fingerprint, size_t fingerprint_len, char *err, size_t n)
{
	/* Kept prepared: the problem page asks once per language. */
	sqlite3_stmt *st = cached(db, "SELECT version, installed, fingerprint FROM language_versions WHERE language = ?",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, language, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), found = rc == SQLITE_ROW;
	if (found) {
		snprintf(version, version_len, "%s", (const char *)sqlite3_column_text(st, 0));
		*installed = sqlite3_column_int(st, 1);
		if (fingerprint)
			snprintf(fingerprint, fingerprint_len, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	put(db, st);
	if (!found && rc != SQLITE_DONE)
		return sql_error(db, err, n, "reading a language's version");
	return found;
}
