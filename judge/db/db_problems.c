/* db_problems.c - problems, their test data versions and settings.
 */
#include "db_internal.h"
#include "limit.h"

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
				   "INSERT INTO problems (short_name, title, visible, created_at) VALUES (?, ?, 0, ?) "
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
		     "output_mb, test_count, created_at, max_score, time_limit_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
	v->max_score >= 0 ? sqlite3_bind_double(st, 10, v->max_score) : sqlite3_bind_null(st, 10);
	sqlite3_bind_text(st, 11, v->time_limit_from, -1, SQLITE_STATIC);
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

/* Steps st (a VERSION_COLUMNS query, one row at most) into v: 1 found, 0
 * not, -1 error. Gives st back. */
static int read_current(struct db *db, sqlite3_stmt *st, struct db_version *v, char *err, size_t n)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_version(st, v);
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "finding a problem");
	return rc == SQLITE_ROW;
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
	return read_current(db, st, v, err, n);
}

int db_problem_current_by_id(struct db *db, long long problem_id, struct db_version *v, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				  "SELECT " VERSION_COLUMNS " FROM problems p JOIN problem_versions v ON v.problem_id = p.id "
				  "WHERE p.id = ? ORDER BY v.version DESC LIMIT 1",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, problem_id);
	return read_current(db, st, v, err, n);
}

#define PROBLEM_LIST(count) \
	"SELECT " VERSION_COLUMNS ", " count " FROM problems p JOIN problem_versions v ON v.problem_id = p.id " \
	"WHERE v.version = (SELECT MAX(w.version) FROM problem_versions w WHERE w.problem_id = p.id) " \
	"ORDER BY p.short_name"

int db_problem_list(struct db *db, int count_submissions,
		    void (*fn)(const struct db_version *v, const char *title, long submissions, void *arg), void *arg,
		    char *err, size_t n)
{
	/* Counting reads every submission's index entry: only when asked. */
	sqlite3_stmt *st = cached(db,
				  count_submissions
					  ? PROBLEM_LIST("(SELECT COUNT(*) FROM submissions s WHERE s.problem_id = p.id)")
					  : PROBLEM_LIST("-1"),
				  err, n);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_version v;
		read_version(st, &v);
		fn(&v, v.title, (long)sqlite3_column_int64(st, VERSION_COLUMN_COUNT), arg);
	}
	put(db, st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing problems");
}

int db_problem_set_visible(struct db *db, const char *short_name, int visible, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "UPDATE problems SET visible = ? WHERE short_name = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, visible ? 1 : 0);
	sqlite3_bind_text(st, 2, short_name, -1, SQLITE_STATIC);
	return update_one(db, st, "showing or hiding a problem", err, n);
}

int db_problem_set_limits(struct db *db, const char *short_name, double time_limit, long memory_mb, char *err,
			  size_t n)
{
	if (limit_check(LIMIT_TIME, time_limit, err, n) < 0 || limit_check(LIMIT_MEMORY, (double)memory_mb, err, n) < 0)
		return -1;
	sqlite3_stmt *st = prepare(db,
				   "UPDATE problem_versions SET time_limit = ?, memory_mb = ?, time_limit_from = '' WHERE id = "
				   "(SELECT v.id FROM problem_versions v JOIN problems p ON p.id = v.problem_id "
				   "WHERE p.short_name = ? ORDER BY v.version DESC LIMIT 1)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_double(st, 1, time_limit);
	sqlite3_bind_int64(st, 2, memory_mb);
	sqlite3_bind_text(st, 3, short_name, -1, SQLITE_STATIC);
	return update_one(db, st, "setting a problem's limits", err, n);
}

/* fn for each row (name, role) of st, which it finalizes. */
static int each_user(struct db *db, sqlite3_stmt *st, void (*fn)(const char *name, const char *role, void *arg),
		     void *arg, char *err, size_t n)
{
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

int db_user_list(struct db *db, const char *role, void (*fn)(const char *name, const char *role, void *arg), void *arg,
		 char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "SELECT name, role FROM users WHERE ? IS NULL OR role = ? ORDER BY name", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	return each_user(db, st, fn, arg, err, n);
}

int db_students_seen_by(struct db *db, long long staff_of, void (*fn)(const char *name, const char *role, void *arg),
			void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT u.name, u.role FROM users u WHERE u.role = 'student' AND ("
				   "NOT EXISTS (SELECT 1 FROM course_members m WHERE m.user_id = u.id) "
				   "OR EXISTS (SELECT 1 FROM submissions s WHERE s.user_id = u.id AND s.assignment_id IS NULL) "
				   "OR EXISTS (SELECT 1 FROM course_members m JOIN course_members me ON me.course_id = m.course_id "
				   "WHERE m.user_id = u.id AND me.user_id = ?1 AND me.role IN ('ta', 'instructor'))) ORDER BY u.name",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, staff_of);
	return each_user(db, st, fn, arg, err, n);
}

/* One db_best from a row of user name, problem name, attempts, solved,
 * best score and the newest judged submission's verdict. */
static void read_best(sqlite3_stmt *st, struct db_best *b)
{
	memset(b, 0, sizeof *b);
	text_col(st, 0, b->user, sizeof b->user);
	text_col(st, 1, b->problem, sizeof b->problem);
	b->attempts = sqlite3_column_int(st, 2);
	if (sqlite3_column_int(st, 3))
		memcpy(b->verdict, "AC", 3);
	else
		text_col(st, 5, b->verdict, sizeof b->verdict);
	b->has_score = sqlite3_column_type(st, 4) != SQLITE_NULL;
	b->score = sqlite3_column_double(st, 4);
}

/* Both read the summary best_results (schema 006), kept up to date by
 * db_judging_store: one row per user and problem tried. */
#define BEST_COLUMNS \
	"SELECT u.name, p.short_name, b.attempts, b.solved, b.best_score, s.verdict " \
	"FROM best_results b JOIN users u ON u.id = b.user_id JOIN problems p ON p.id = b.problem_id " \
	"JOIN submissions s ON s.id = b.last_id "

/* The same summary, over only the submissions a site instructor sees:
 * worked out from the submissions, since best_results counts them all. */
#define BEST_SEEN_BY_STAFF_OF                                                                                     \
	"SELECT u.name, p.short_name, b.attempts, b.solved, b.best_score, s.verdict FROM (SELECT s.user_id, "      \
	"s.problem_id, COUNT(*) AS attempts, MAX(CASE WHEN s.verdict = 'AC' THEN 1 ELSE 0 END) AS solved, "        \
	"MAX(s.score) AS best_score, MAX(s.id) AS last_id FROM submissions s WHERE s.verdict IS NOT NULL AND "      \
	SEEN_BY_STAFF_OF("?1") " GROUP BY s.user_id, s.problem_id) b JOIN users u ON u.id = b.user_id "            \
	"JOIN problems p ON p.id = b.problem_id JOIN submissions s ON s.id = b.last_id "

int db_best_results(struct db *db, long long staff_of, void (*fn)(const struct db_best *b, void *arg), void *arg,
		    char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, staff_of > 0 ? BEST_SEEN_BY_STAFF_OF "ORDER BY u.name, p.short_name"
						    : BEST_COLUMNS "ORDER BY u.name, p.short_name",
				   err, n);
	if (!st)
		return -1;
	if (staff_of > 0)
		sqlite3_bind_int64(st, 1, staff_of);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_best b;
		read_best(st, &b);
		fn(&b, arg);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "reading the best results");
}

int db_user_best(struct db *db, long long user_id, void (*fn)(const struct db_best *b, void *arg), void *arg, char *err,
		 size_t n)
{
	sqlite3_stmt *st = cached(db, BEST_COLUMNS "WHERE b.user_id = ? ORDER BY p.short_name", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_best b;
		read_best(st, &b);
		fn(&b, arg);
	}
	put(db, st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "reading a user's best results");
}
