/* db_course_talk.c - clarifications and announcements, and API tokens.
 */
#include "db_courses.h"
#include "db_internal.h"

/* ---- clarifications and announcements ---- */

/* One INSERT for a question (text in question) and an announcement (text in answer, public). */
static int add_clarification(struct db *db, long long course_id, long long assignment_id, long long author_id,
			     const char *question, const char *answer, long long *id, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO clarifications (course_id, assignment_id, author_id, question, answer, "
				   "answered_by, public, asked_at, answered_at) VALUES (?1, ?2, ?3, ?4, ?5, "
				   "CASE WHEN ?5 IS NULL THEN NULL ELSE ?3 END, ?6, ?7, CASE WHEN ?5 IS NULL THEN NULL ELSE ?7 END)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, course_id);
	bind_positive(st, 2, assignment_id);
	sqlite3_bind_int64(st, 3, author_id);
	sqlite3_bind_text(st, 4, question, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, answer, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, answer != NULL);
	sqlite3_bind_int64(st, 7, now());
	return insert_row(db, st, "adding a clarification", NULL, id, err, n);
}

int db_clarification_ask(struct db *db, long long course_id, long long assignment_id, long long author_id,
			 const char *question, long long *id, char *err, size_t n)
{
	return add_clarification(db, course_id, assignment_id, author_id, question, NULL, id, err, n);
}

int db_announcement_add(struct db *db, long long course_id, long long assignment_id, long long author_id,
			const char *text, long long *id, char *err, size_t n)
{
	return add_clarification(db, course_id, assignment_id, author_id, NULL, text, id, err, n);
}

int db_clarification_answer(struct db *db, long long id, long long by_user_id, const char *answer, int public_,
			    char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "UPDATE clarifications SET answer = ?, answered_by = ?, public = ?, answered_at = ? "
				   "WHERE id = ? AND question IS NOT NULL",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, answer, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, by_user_id);
	sqlite3_bind_int(st, 3, public_ ? 1 : 0);
	sqlite3_bind_int64(st, 4, now());
	sqlite3_bind_int64(st, 5, id);
	return update_one(db, st, "answering a clarification", err, n);
}

int db_clarification_list(struct db *db, long long course_id, long long viewer_id,
			  void (*fn)(const struct db_clarification *c, void *arg), void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				  "SELECT c.id, c.course_id, COALESCE(c.assignment_id, 0), u.name, COALESCE(c.question, ''), "
				  "COALESCE(c.answer, ''), COALESCE(b.name, ''), c.public, c.asked_at, "
				  "COALESCE(c.answered_at, 0) FROM clarifications c JOIN users u ON u.id = c.author_id "
				  "LEFT JOIN users b ON b.id = c.answered_by "
				  "WHERE c.course_id = ?1 AND (?2 = 0 OR c.public = 1 OR c.author_id = ?2) ORDER BY c.id DESC",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, course_id);
	sqlite3_bind_int64(st, 2, viewer_id);
	int rc;
	struct db_clarification *c = malloc(sizeof *c);
	if (!c) {
		put(db, st);
		return errf(err, n, "out of memory");
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->id = sqlite3_column_int64(st, 0);
		c->course_id = sqlite3_column_int64(st, 1);
		c->assignment_id = sqlite3_column_int64(st, 2);
		text_col(st, 3, c->author, sizeof c->author);
		text_col(st, 4, c->question, sizeof c->question);
		text_col(st, 5, c->answer, sizeof c->answer);
		text_col(st, 6, c->answered_by, sizeof c->answered_by);
		c->public_ = sqlite3_column_int(st, 7);
		c->asked_at = sqlite3_column_int64(st, 8);
		c->answered_at = sqlite3_column_int64(st, 9);
		fn(c, arg);
	}
	free(c);
	put(db, st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing clarifications");
}

/* ---- API tokens ---- */

int db_api_token_add(struct db *db, long long user_id, const char *name, const char *token_hash, long long *id,
		     char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)", err,
				   n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now());
	return insert_row(db, st, "adding an API token", "you already have a token of that name", id, err, n);
}

int db_api_token_user(struct db *db, const char *token_hash, int64_t at, long long *user_id, char name[64],
		      char role[16], char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				  "UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? "
				  "RETURNING user_id, (SELECT name FROM users WHERE id = user_id), "
				  "(SELECT role FROM users WHERE id = user_id)",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, at);
	sqlite3_bind_text(st, 2, token_hash, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*user_id = sqlite3_column_int64(st, 0);
		text_col(st, 1, name, 64);
		text_col(st, 2, role, 16);
		while (sqlite3_step(st) == SQLITE_ROW) /* let the UPDATE finish */
			;
	}
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "checking an API token");
	return rc == SQLITE_ROW;
}

int db_api_token_list(struct db *db, long long user_id,
		      void (*fn)(long long id, const char *name, long long created, long long last_used, void *arg),
		      void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT id, name, created_at, COALESCE(last_used_at, 0) FROM api_tokens WHERE user_id = ? "
				   "ORDER BY name",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1), sqlite3_column_int64(st, 2),
		   sqlite3_column_int64(st, 3), arg);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing API tokens");
}

int db_api_token_delete(struct db *db, long long user_id, long long id, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "DELETE FROM api_tokens WHERE id = ? AND user_id = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, user_id);
	return update_one(db, st, "deleting an API token", err, n);
}
