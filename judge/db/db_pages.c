/* db_pages.c - what the web pages read: sources and judging history.
 */
#include "db_internal.h"

/* ---- what the web pages read ---- */

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
