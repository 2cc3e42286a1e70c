/* db_submissions.c - submissions, the judge's queue and leases, judgings, regrades and results.
 */
#include "db_internal.h"
#include "judging.h"
#include "package.h"

#include <math.h>

/* ---- submissions and the queue ---- */

int db_submission_add(struct db *db, long long user_id, long long problem_id, long long assignment_id,
		      const char *language, const char *file_name, const void *source, size_t len, long long *id,
		      char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				   "INSERT INTO submissions (user_id, problem_id, language, file_name, source, state, "
				   "submitted_at, assignment_id) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, problem_id);
	sqlite3_bind_text(st, 3, language, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, file_name, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 5, source, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, now());
	bind_positive(st, 7, assignment_id);
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
	if (f->staff_of > 0)
		strcat(sql, " AND " SEEN_BY_STAFF_OF("?"));
	if (f->before_id > 0)
		strcat(sql, " AND s.id < ?");
	strcat(sql, " ORDER BY s.id DESC LIMIT ?");
	sqlite3_stmt *st = prepare(db, sql, err, n);
	if (!st)
		return -1;
	int i = 0;
	for (; i < nvalues; i++)
		sqlite3_bind_text(st, i + 1, values[i], -1, SQLITE_STATIC);
	if (f->staff_of > 0)
		sqlite3_bind_int64(st, ++i, f->staff_of);
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
				   "UPDATE submissions SET state = 'judging', lease_owner = ?, lease_expires = ?, tests_done = 0, "
				   "attempts = attempts + 1 "
				   "WHERE id = (SELECT id FROM submissions WHERE state = 'queued' "
				   "OR (state = 'judging' AND lease_expires < ?) ORDER BY id LIMIT 1) "
				   "RETURNING id, problem_id, language, file_name, source, attempts",
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
		c->attempts = sqlite3_column_int(st, 5);
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
	return update_one(db, st, "renewing a lease", err, n);
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
	st = prepare(db,
		     "INSERT INTO judging_subtasks (judging_id, subtask_index, name, score, max_score) "
		     "VALUES (?, ?, ?, ?, ?)",
		     err, n);
	if (!st)
		goto out;
	for (int i = 0; i < j->nsubtasks; i++) {
		const struct grade_subtask *t = &j->subtasks[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, judging_id);
		sqlite3_bind_int(st, 2, i);
		sqlite3_bind_text(st, 3, p->groups[t->group].name, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 4, t->score);
		isfinite(t->max) ? sqlite3_bind_double(st, 5, t->max) : sqlite3_bind_null(st, 5);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sql_error(db, err, n, "storing a subtask's score");
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
	"AND (?3 IS NULL OR u.name = ?3) AND (?4 = 0 OR s.assignment_id = ?4) AND (?6 = 0 OR " SEEN_BY_STAFF_OF("?6") ")"

static void bind_regrade_filter(sqlite3_stmt *st, const struct db_regrade_filter *f)
{
	sqlite3_bind_int64(st, 1, f->submission_id);
	sqlite3_bind_text(st, 2, f->problem, -1, SQLITE_STATIC); /* NULL binds NULL */
	sqlite3_bind_text(st, 3, f->user, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, f->assignment_id);
	sqlite3_bind_int64(st, 6, f->staff_of); /* ?5: the regrade's id, where one is recorded */
}

/* The body of db_requeue, inside the caller's transaction: fn (if not
 * NULL) sees each matching submission, regrade_id (if > 0) records them
 * with their old verdict and score, then they are requeued. Returns how
 * many, or -1. */
static int requeue_in_transaction(struct db *db, const struct db_regrade_filter *f,
				  void (*fn)(long long id, const char *verdict, double score, int has_score, void *arg),
				  void *arg, long long regrade_id, char *err, size_t n)
{
	int count = -1, rows = 0, rc;
	sqlite3_stmt *st = NULL;
	if (fn) {
		st = prepare(db, "SELECT s.id, s.verdict, s.score " REGRADE_FILTER " ORDER BY s.id", err, n);
		if (!st)
			goto out;
		bind_regrade_filter(st, f);
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
			     "SELECT ?5, s.id, s.verdict, s.score " REGRADE_FILTER,
			     err, n);
		if (!st)
			goto out;
		bind_regrade_filter(st, f);
		sqlite3_bind_int64(st, 5, regrade_id);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sql_error(db, err, n, "recording the regrade");
			goto out;
		}
		sqlite3_finalize(st);
	}
	st = prepare(db,
		     "UPDATE submissions SET state = 'queued', lease_owner = NULL, lease_expires = NULL, attempts = 0, "
		     "judge_error = NULL WHERE id IN (SELECT s.id " REGRADE_FILTER ")",
		     err, n);
	if (!st)
		goto out;
	bind_regrade_filter(st, f);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sql_error(db, err, n, "requeueing submissions");
		goto out;
	}
	count = fn ? rows : sqlite3_changes(db->h);
out:
	sqlite3_finalize(st);
	return count;
}

int db_requeue(struct db *db, const struct db_regrade_filter *f,
	       void (*fn)(long long id, const char *verdict, double score, int has_score, void *arg), void *arg,
	       char *err, size_t n)
{
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	int count = requeue_in_transaction(db, f, fn, arg, 0, err, n);
	if (end_transaction(db, count >= 0, err, n) < 0)
		count = -1;
	return count;
}

int db_regrade_start(struct db *db, long long by_user_id, const struct db_regrade_filter *f, long long *regrade_id,
		     int *count, char *err, size_t n)
{
	char scope[128];
	if (f->submission_id > 0)
		snprintf(scope, sizeof scope, "submission %lld", f->submission_id);
	else if (f->problem)
		snprintf(scope, sizeof scope, "problem %.100s", f->problem);
	else if (f->user)
		snprintf(scope, sizeof scope, "user %.100s", f->user);
	else if (f->assignment_id > 0)
		snprintf(scope, sizeof scope, "assignment %lld", f->assignment_id);
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
	requeued = requeue_in_transaction(db, f, NULL, NULL, id, err, n);
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

int db_regrade_items(struct db *db, long long regrade_id, long long staff_of,
		     void (*fn)(const struct db_regrade_item *it, void *arg), void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT s.id, u.name, p.short_name, i.old_verdict, i.old_score, s.state, s.verdict, "
				   "s.score FROM regrade_items i JOIN submissions s ON s.id = i.submission_id "
				   "JOIN users u ON u.id = s.user_id JOIN problems p ON p.id = s.problem_id "
				   "WHERE i.regrade_id = ?1 AND (?2 = 0 OR " SEEN_BY_STAFF_OF("?2") ") ORDER BY s.id",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, regrade_id);
	sqlite3_bind_int64(st, 2, staff_of);
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

/* ---- results ---- */

int db_result_get(struct db *db, long long id, struct db_result *r, char *err, size_t n)
{
	memset(r, 0, sizeof *r);
	sqlite3_stmt *st = cached(db,
				   "SELECT s.id, u.name, p.short_name, s.language, s.file_name, s.state, s.verdict, s.score, "
				   "COALESCE(s.judge_error, j.compile_output), s.judging_id, s.tests_done, s.user_id, s.assignment_id "
				   "FROM submissions s JOIN users u ON u.id = s.user_id "
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
	r->user_id = sqlite3_column_int64(st, 11);
	r->assignment_id = sqlite3_column_int64(st, 12); /* NULL: 0 */
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
	st = cached(db, "SELECT name, score, max_score FROM judging_subtasks WHERE judging_id = ? ORDER BY subtask_index", err,
		    n);
	if (!st) {
		db_result_free(r);
		return -1;
	}
	sqlite3_bind_int64(st, 1, judging_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_subtask_row *t = realloc(r->subtasks, sizeof *t * (size_t)(r->nsubtasks + 1));
		if (!t)
			break;
		r->subtasks = t;
		t += r->nsubtasks++;
		text_col(st, 0, t->name, sizeof t->name);
		t->score = sqlite3_column_double(st, 1);
		t->max = sqlite3_column_type(st, 2) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 2);
	}
	put(db, st);
	if (rc != SQLITE_DONE) {
		db_result_free(r);
		return sql_error(db, err, n, "reading subtask scores");
	}
	return 1;
}

void db_result_free(struct db_result *r)
{
	free(r->compile_output);
	free(r->tests);
	free(r->subtasks);
	r->compile_output = NULL;
	r->tests = NULL;
	r->ntests = 0;
	r->subtasks = NULL;
	r->nsubtasks = 0;
}
