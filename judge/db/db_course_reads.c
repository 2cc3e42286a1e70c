/* db_course_reads.c - what the pages, the gradebook and the scoreboard read of courses: an assignment's submissions, a problem's visibility.
 */
#include "db_courses.h"
#include "db_internal.h"

int db_assignment_subtasks(struct db *db, long long assignment_id,
			   void (*fn)(const struct db_assignment_subtask *t, void *arg), void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				  "SELECT s.id, t.subtask_index, t.score FROM submissions s "
				  "JOIN judging_subtasks t ON t.judging_id = s.judging_id "
				  "WHERE s.assignment_id = ? AND s.state = 'done' ORDER BY s.id, t.subtask_index",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assignment_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_assignment_subtask t = {
			.submission_id = sqlite3_column_int64(st, 0),
			.index = sqlite3_column_int(st, 1),
			.score = sqlite3_column_double(st, 2),
		};
		fn(&t, arg);
	}
	put(db, st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "reading an assignment's subtask scores");
}

int db_assignment_submissions(struct db *db, long long assignment_id, long long user_id,
			      void (*fn)(const struct db_assignment_submission *s, void *arg), void *arg, char *err,
			      size_t n)
{
	/* submissions_by_assignment gives the order, and one student's rows
	 * by a range on its second column (an "?2 = 0 OR" test would walk
	 * the whole assignment: 18,000 rows in a large contest, for each
	 * student's assignment page); the judging's version gives the
	 * score's maximum. A submission waiting for a regrade is not judged:
	 * its old result is not the one to grade. */
	sqlite3_stmt *st = cached(db,
				  "SELECT s.id, s.user_id, s.problem_id, s.submitted_at, s.state, s.verdict, s.score, "
				  "v.max_score FROM submissions s LEFT JOIN judgings j ON j.id = s.judging_id "
				  "LEFT JOIN problem_versions v ON v.id = j.problem_version_id "
				  "WHERE s.assignment_id = ?1 AND s.user_id BETWEEN ?2 AND ?3 "
				  "ORDER BY s.user_id, s.problem_id, s.id",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assignment_id);
	sqlite3_bind_int64(st, 2, user_id ? user_id : INT64_MIN);
	sqlite3_bind_int64(st, 3, user_id ? user_id : INT64_MAX);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_assignment_submission s;
		char state[16];
		s.id = sqlite3_column_int64(st, 0);
		s.user_id = sqlite3_column_int64(st, 1);
		s.problem_id = sqlite3_column_int64(st, 2);
		s.submitted_at = sqlite3_column_int64(st, 3);
		text_col(st, 4, state, sizeof state);
		text_col(st, 5, s.verdict, sizeof s.verdict);
		s.judged = strcmp(state, "done") == 0 && s.verdict[0];
		if (!s.judged)
			s.verdict[0] = 0;
		s.has_score = s.judged && sqlite3_column_type(st, 6) != SQLITE_NULL;
		s.score = s.has_score ? sqlite3_column_double(st, 6) : 0;
		s.max_score = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 7);
		fn(&s, arg);
	}
	put(db, st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "reading an assignment's submissions");
}

int db_problem_visible_to(struct db *db, long long problem_id, long long user_id, int64_t at, char *err, size_t n)
{
	/* assignment_problems_by_problem, then each assignment and the
	 * student's membership by their keys. */
	sqlite3_stmt *st = cached(db,
				  "SELECT CASE WHEN p.visible = 1 OR EXISTS (SELECT 1 FROM assignment_problems ap "
				  "JOIN assignments a ON a.id = ap.assignment_id "
				  "JOIN course_members m ON m.course_id = a.course_id AND m.user_id = ?2 "
				  "WHERE ap.problem_id = p.id AND (a.opens_at <= ?3 OR m.role <> 'student')) THEN 1 ELSE 0 END "
				  "FROM problems p WHERE p.id = ?1",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, problem_id);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_int64(st, 3, at);
	int rc = sqlite3_step(st);
	int visible = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "checking a problem's visibility");
	return visible;
}
