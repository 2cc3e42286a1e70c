/* db_courses.c - courses and their members (the roster).
 */
#include "db_courses.h"
#include "db_internal.h"

/* ---- courses ---- */

#define COURSE_COLUMNS "c.id, c.short_name, c.title, c.term, c.time_zone, c.late_days"

static void read_course(sqlite3_stmt *st, int col, struct db_course *c)
{
	c->id = sqlite3_column_int64(st, col);
	text_col(st, col + 1, c->short_name, sizeof c->short_name);
	text_col(st, col + 2, c->title, sizeof c->title);
	text_col(st, col + 3, c->term, sizeof c->term);
	text_col(st, col + 4, c->zone, sizeof c->zone);
	c->late_days = sqlite3_column_int(st, col + 5);
}

int db_course_add(struct db *db, struct db_course *c, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO courses (short_name, title, term, time_zone, late_days, created_at) "
				   "VALUES (?, ?, ?, ?, ?, ?)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, c->short_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->term, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->zone, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, c->late_days);
	sqlite3_bind_int64(st, 6, now());
	char taken[128];
	snprintf(taken, sizeof taken, "a course named '%.64s' already exists", c->short_name);
	return insert_row(db, st, "adding a course", taken, &c->id, err, n);
}

int db_course_update(struct db *db, const struct db_course *c, char *err, size_t n)
{
	sqlite3_stmt *st =
		prepare(db, "UPDATE courses SET title = ?, term = ?, time_zone = ?, late_days = ? WHERE id = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, c->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->term, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->zone, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, c->late_days);
	sqlite3_bind_int64(st, 5, c->id);
	return update_one(db, st, "changing a course", err, n);
}

int db_course_find(struct db *db, const char *short_name, struct db_course *c, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db, "SELECT " COURSE_COLUMNS " FROM courses c WHERE c.short_name = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, short_name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_course(st, 0, c);
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "finding a course");
	return rc == SQLITE_ROW;
}

int db_course_list(struct db *db, void (*fn)(const struct db_course *c, void *arg), void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "SELECT " COURSE_COLUMNS " FROM courses c ORDER BY c.short_name", err, n);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_course c;
		read_course(st, 0, &c);
		fn(&c, arg);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing courses");
}

int db_user_courses(struct db *db, long long user_id, void (*fn)(const struct db_course *c, const char *role, void *arg),
		    void *arg, char *err, size_t n)
{
	/* course_members_by_user, then each course by its key. */
	sqlite3_stmt *st = cached(db,
				  "SELECT m.role, " COURSE_COLUMNS " FROM course_members m JOIN courses c ON c.id = m.course_id "
				  "WHERE m.user_id = ? ORDER BY c.short_name",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_course c;
		char role[16];
		text_col(st, 0, role, sizeof role);
		read_course(st, 1, &c);
		fn(&c, role, arg);
	}
	put(db, st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing a user's courses");
}

/* ---- members ---- */

#define MEMBER_COLUMNS \
	"m.user_id, u.name, m.role, m.full_name, m.student_number, m.section, m.on_roster " \
	"FROM course_members m JOIN users u ON u.id = m.user_id "

static void read_member(sqlite3_stmt *st, struct db_member *m)
{
	m->user_id = sqlite3_column_int64(st, 0);
	text_col(st, 1, m->user, sizeof m->user);
	text_col(st, 2, m->role, sizeof m->role);
	text_col(st, 3, m->full_name, sizeof m->full_name);
	text_col(st, 4, m->student_number, sizeof m->student_number);
	text_col(st, 5, m->section, sizeof m->section);
	m->on_roster = sqlite3_column_int(st, 6);
}

int db_member_get(struct db *db, long long course_id, long long user_id, struct db_member *m, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db, "SELECT " MEMBER_COLUMNS "WHERE m.course_id = ? AND m.user_id = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, course_id);
	sqlite3_bind_int64(st, 2, user_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_member(st, m);
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "reading a course member");
	return rc == SQLITE_ROW;
}

int db_member_list(struct db *db, long long course_id, const char *role,
		   void (*fn)(const struct db_member *m, void *arg), void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT " MEMBER_COLUMNS "WHERE m.course_id = ? AND (? IS NULL OR m.role = ?) "
				   "ORDER BY u.name",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, course_id);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_member m;
		read_member(st, &m);
		fn(&m, arg);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing course members");
}

int db_member_put(struct db *db, long long course_id, const struct db_member *m, int *change, char *err, size_t n)
{
	struct db_member old;
	int had = db_member_get(db, course_id, m->user_id, &old, err, n);
	if (had < 0)
		return -1;
	*change = !had ? 1
		  : strcmp(old.role, m->role) || strcmp(old.full_name, m->full_name) ||
				  strcmp(old.student_number, m->student_number) || strcmp(old.section, m->section) ||
				  !old.on_roster
			  ? 2
			  : 0;
	if (*change == 0)
		return 0;
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO course_members (course_id, user_id, role, full_name, student_number, section, "
				   "on_roster, added_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?) "
				   "ON CONFLICT (course_id, user_id) DO UPDATE SET role = excluded.role, "
				   "full_name = excluded.full_name, student_number = excluded.student_number, "
				   "section = excluded.section, on_roster = 1",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, course_id);
	sqlite3_bind_int64(st, 2, m->user_id);
	sqlite3_bind_text(st, 3, m->role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, m->full_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->student_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, m->section, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, now());
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "enrolling a course member");
}

int db_member_drop(struct db *db, long long course_id, long long user_id, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "UPDATE course_members SET on_roster = 0 WHERE course_id = ? AND user_id = ?", err,
				   n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, course_id);
	sqlite3_bind_int64(st, 2, user_id);
	return update_one(db, st, "taking a member off the roster", err, n) < 0 ? -1 : 0;
}
