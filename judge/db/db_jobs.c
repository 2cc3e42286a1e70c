/* db_jobs.c - what submissions and imports share as jobs of the judge: renewing, releasing and counting leases.
 *
 * A job is a row claimed with a lease (db_claim_next, db_import_claim_next:
 * their columns differ); renewing the lease, giving a job back and the
 * table each kind lives in are the same for both, so they are here once.
 * The SQL text comes from the fixed table below, never from a caller.
 */
#include "db_internal.h"

static const struct {
	const char *renew, *release;
} job_sql[] = {
	[DB_JOB_SUBMISSION] = {
		"UPDATE submissions SET lease_expires = ? WHERE id = ? AND lease_owner = ? AND state = 'judging'",
		"UPDATE submissions SET state = 'queued', lease_owner = NULL, lease_expires = NULL "
		"WHERE id = ? AND lease_owner = ? AND state = 'judging'",
	},
	[DB_JOB_IMPORT] = {
		"UPDATE imports SET lease_expires = ? WHERE id = ? AND lease_owner = ? AND state = 'running'",
		"UPDATE imports SET state = 'queued', lease_owner = NULL, lease_expires = NULL "
		"WHERE id = ? AND lease_owner = ? AND state = 'running'",
	},
};

int db_job_renew(struct db *db, enum db_job kind, long long id, const char *owner, int lease_seconds, char *err,
		 size_t n)
{
	sqlite3_stmt *st = prepare(db, job_sql[kind].renew, err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, now() + lease_seconds);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_text(st, 3, owner, -1, SQLITE_STATIC);
	return update_one(db, st, "renewing a lease", err, n);
}

int db_job_release(struct db *db, enum db_job kind, long long id, const char *owner, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, job_sql[kind].release, err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, owner, -1, SQLITE_STATIC);
	return update_one(db, st, "giving a job back", err, n);
}

int db_submission_fail(struct db *db, long long id, const char *owner, const char *why, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "UPDATE submissions SET state = 'done', verdict = 'JE', score = NULL, judge_error = ?, judging_id = NULL, "
				   "lease_owner = NULL, lease_expires = NULL WHERE id = ? AND lease_owner = ? "
				   "AND state = 'judging'",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, why, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_text(st, 3, owner, -1, SQLITE_STATIC);
	return update_one(db, st, "recording a judge error", err, n);
}

int db_jobs_release_owner(struct db *db, const char *prefix, char *err, size_t n)
{
	/* substr(), not LIKE: a prefix is matched exactly, whatever it holds. */
	static const char *const sql[] = {
		"UPDATE submissions SET state = 'queued', lease_owner = NULL, lease_expires = NULL "
		"WHERE state = 'judging' AND substr(lease_owner, 1, length(?1)) = ?1",
		"UPDATE imports SET state = 'queued', lease_owner = NULL, lease_expires = NULL "
		"WHERE state = 'running' AND substr(lease_owner, 1, length(?1)) = ?1",
	};
	int count = 0;
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *st = prepare(db, sql[i], err, n);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return sql_error(db, err, n, "giving back a dead judge's jobs");
		count += sqlite3_changes(db->h);
	}
	return count;
}
