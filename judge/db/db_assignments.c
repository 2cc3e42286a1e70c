/* db_assignments.c - assignments (contests too) and their problems, extensions, late days, personal contest starts.
 */
#include "db_courses.h"
#include "db_internal.h"

#include <math.h>

/* The enums as the schema's CHECK lists spell them. */
static const char *const late_kinds[] = { [LATE_NONE] = "none", [LATE_PENALTY] = "penalty", [LATE_DAYS] = "days" };
static const char *const late_units[] = { [LATE_PER_HOUR] = "hour", [LATE_PER_DAY] = "day" };
static const char *const contests[] = { [DB_CONTEST_NONE] = "none", [DB_CONTEST_ICPC] = "icpc",
					[DB_CONTEST_IOI] = "ioi" };
#define COUNT(a) ((int)(sizeof a / sizeof *a))

const char *db_contest_name(enum db_contest c)
{
	return (unsigned)c < (unsigned)COUNT(contests) ? contests[c] : "?";
}

int db_contest_parse(const char *s)
{
	return name_index(contests, COUNT(contests), s);
}

/* ---- assignments ---- */

#define ASSIGNMENT_COLUMNS \
	"a.id, a.course_id, c.short_name, c.time_zone, a.short_name, a.title, a.opens_at, a.due_at, a.late_until, " \
	"a.late_kind, a.late_percent, a.late_unit, a.late_floor, a.late_max_days, a.which_counts, a.feedback, " \
	"a.contest, a.freeze_minutes, a.unfrozen, a.window_minutes, a.late_ask FROM assignments a " \
	"JOIN courses c ON c.id = a.course_id "

static int named(const char *const *names, int count, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	int i = t ? name_index(names, count, (const char *)t) : -1;
	return i < 0 ? 0 : i; /* the schema's CHECK keeps others out */
}

static void read_assignment(sqlite3_stmt *st, struct db_assignment *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->course_id = sqlite3_column_int64(st, 1);
	text_col(st, 2, a->course, sizeof a->course);
	text_col(st, 3, a->zone, sizeof a->zone);
	text_col(st, 4, a->short_name, sizeof a->short_name);
	text_col(st, 5, a->title, sizeof a->title);
	a->times.opens = sqlite3_column_int64(st, 6);
	a->times.due = sqlite3_column_int64(st, 7);
	a->times.late_until = time_col(st, 8);
	a->late.kind = (enum late_kind)named(late_kinds, COUNT(late_kinds), st, 9);
	a->late.percent = (double)sqlite3_column_int64(st, 10) / 100;
	a->late.unit = (enum late_unit)named(late_units, COUNT(late_units), st, 11);
	a->late.floor_percent = (double)sqlite3_column_int64(st, 12) / 100;
	a->late.max_days = sqlite3_column_int(st, 13);
	const unsigned char *t = sqlite3_column_text(st, 14);
	a->counts = t && which_counts_parse((const char *)t) == WHICH_LAST ? WHICH_LAST : WHICH_BEST;
	t = sqlite3_column_text(st, 15);
	int f = t ? feedback_policy_parse((const char *)t) : -1;
	a->feedback = f < 0 ? FEEDBACK_FULL : (enum feedback_policy)f;
	a->contest = (enum db_contest)named(contests, COUNT(contests), st, 16);
	a->freeze_minutes = sqlite3_column_int(st, 17);
	a->unfrozen = sqlite3_column_int(st, 18);
	a->window_minutes = sqlite3_column_int(st, 19);
	a->late.ask = sqlite3_column_int(st, 20);
}

/* Binds a's fields as ?1..?17 and ?19, in the order the INSERT and UPDATE below name them. */
static void bind_assignment(sqlite3_stmt *st, const struct db_assignment *a)
{
	sqlite3_bind_int64(st, 1, a->course_id);
	sqlite3_bind_text(st, 2, a->short_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, a->times.opens == DUE_NONE ? 0 : a->times.opens);
	sqlite3_bind_int64(st, 5, a->times.due);
	bind_time(st, 6, a->times.late_until);
	sqlite3_bind_text(st, 7, late_kinds[a->late.kind], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, llround(a->late.percent * 100));
	sqlite3_bind_text(st, 9, late_units[a->late.unit], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, llround(a->late.floor_percent * 100));
	sqlite3_bind_int(st, 11, a->late.max_days);
	sqlite3_bind_text(st, 12, which_counts_name(a->counts), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, feedback_policy_name(a->feedback), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, db_contest_name(a->contest), -1, SQLITE_STATIC);
	bind_positive(st, 15, a->freeze_minutes);
	sqlite3_bind_int(st, 16, a->unfrozen ? 1 : 0);
	bind_positive(st, 17, a->window_minutes);
	sqlite3_bind_int(st, 19, a->late.kind == LATE_DAYS && a->late.ask);
}

/* Replaces the assignment's problems with p[0..np), inside the caller's transaction. */
static int put_problems(struct db *db, long long assignment_id, const struct db_assignment_problem *p, int np,
			char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db, "DELETE FROM assignment_problems WHERE assignment_id = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assignment_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "replacing an assignment's problems");
	st = prepare(db,
		     "INSERT INTO assignment_problems (assignment_id, problem_id, position, label, points) "
		     "VALUES (?, ?, ?, ?, ?)",
		     err, n);
	if (!st)
		return -1;
	for (int i = 0; i < np; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, assignment_id);
		sqlite3_bind_int64(st, 2, p[i].problem_id);
		sqlite3_bind_int(st, 3, i);
		sqlite3_bind_text(st, 4, p[i].label, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, p[i].points);
		rc = sqlite3_step(st);
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(st);
			return rc == SQLITE_CONSTRAINT ? errf(err, n, "problem %s is in the list twice", p[i].problem)
						       : sql_error(db, err, n, "adding an assignment's problem");
		}
	}
	sqlite3_finalize(st);
	return 0;
}

int db_assignment_add(struct db *db, struct db_assignment *a, const struct db_assignment_problem *p, int np, char *err,
		      size_t n)
{
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	int ok = 0;
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO assignments (course_id, short_name, title, opens_at, due_at, late_until, "
				   "late_kind, late_percent, late_unit, late_floor, late_max_days, which_counts, feedback, "
				   "contest, freeze_minutes, unfrozen, window_minutes, created_at, late_ask) "
				   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
				   err, n);
	if (st) {
		bind_assignment(st, a);
		sqlite3_bind_int64(st, 18, now());
		int rc = sqlite3_step(st);
		if (rc == SQLITE_CONSTRAINT)
			errf(err, n, "course %s already has an assignment named '%s' (change it with: verdict assignment set)",
			     a->course, a->short_name);
		else if (rc != SQLITE_DONE)
			sql_error(db, err, n, "adding an assignment");
		else
			ok = 1;
		sqlite3_finalize(st);
	}
	if (ok) {
		a->id = sqlite3_last_insert_rowid(db->h);
		ok = put_problems(db, a->id, p, np, err, n) == 0;
	}
	return end_transaction(db, ok, err, n) < 0 || !ok ? -1 : 0;
}

int db_assignment_update(struct db *db, const struct db_assignment *a, const struct db_assignment_problem *p, int np,
			 char *err, size_t n)
{
	if (exec(db, "BEGIN IMMEDIATE", err, n) < 0)
		return -1;
	int ok = 0;
	sqlite3_stmt *st = prepare(db,
				   "UPDATE assignments SET course_id = ?1, short_name = ?2, title = ?3, opens_at = ?4, "
				   "due_at = ?5, late_until = ?6, late_kind = ?7, late_percent = ?8, late_unit = ?9, "
				   "late_floor = ?10, late_max_days = ?11, which_counts = ?12, feedback = ?13, contest = ?14, "
				   "freeze_minutes = ?15, unfrozen = ?16, window_minutes = ?17, late_ask = ?19 WHERE id = ?18",
				   err, n);
	if (st) {
		bind_assignment(st, a);
		sqlite3_bind_int64(st, 18, a->id);
		int changed = update_one(db, st, "changing an assignment", err, n);
		if (changed == 0)
			errf(err, n, "no assignment %lld", a->id);
		ok = changed == 1;
	}
	if (ok && p)
		ok = put_problems(db, a->id, p, np, err, n) == 0;
	return end_transaction(db, ok, err, n) < 0 || !ok ? -1 : 0;
}

int db_assignment_find(struct db *db, const char *course, const char *short_name, struct db_assignment *a, char *err,
		       size_t n)
{
	sqlite3_stmt *st = cached(db,
				  "SELECT " ASSIGNMENT_COLUMNS "WHERE a.short_name = ?1 AND (?2 IS NULL OR c.short_name = ?2) "
				  "ORDER BY a.id LIMIT 2",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, short_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, course, -1, SQLITE_STATIC);
	int rc, found = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (++found == 1)
			read_assignment(st, a);
	put(db, st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "finding an assignment");
	return found;
}

int db_assignment_get(struct db *db, long long id, struct db_assignment *a, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db, "SELECT " ASSIGNMENT_COLUMNS "WHERE a.id = ?", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_assignment(st, a);
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "reading an assignment");
	return rc == SQLITE_ROW;
}

int db_assignment_list(struct db *db, long long course_id, void (*fn)(const struct db_assignment *a, void *arg),
		       void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db, "SELECT " ASSIGNMENT_COLUMNS "WHERE a.course_id = ? ORDER BY a.due_at, a.short_name",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, course_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_assignment a;
		read_assignment(st, &a);
		fn(&a, arg);
	}
	put(db, st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing assignments");
}

int db_assignment_problems(struct db *db, long long assignment_id,
			   void (*fn)(const struct db_assignment_problem *p, void *arg), void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				  "SELECT ap.problem_id, p.short_name, ap.label, ap.points, ap.position, p.visible "
				  "FROM assignment_problems ap JOIN problems p ON p.id = ap.problem_id "
				  "WHERE ap.assignment_id = ? ORDER BY ap.position",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assignment_id);
	int rc, count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_assignment_problem p;
		p.problem_id = sqlite3_column_int64(st, 0);
		text_col(st, 1, p.problem, sizeof p.problem);
		text_col(st, 2, p.label, sizeof p.label);
		p.points = sqlite3_column_int64(st, 3);
		p.position = sqlite3_column_int(st, 4);
		p.visible = sqlite3_column_int(st, 5);
		fn(&p, arg);
		count++;
	}
	put(db, st);
	return rc == SQLITE_DONE ? count : sql_error(db, err, n, "reading an assignment's problems");
}

/* ---- extensions ---- */

int db_extension_add(struct db *db, long long assignment_id, long long user_id, const char *section,
		     const struct due_extension *t, const char *reason, long long granted_by, long long *id, char *err,
		     size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO extensions (assignment_id, user_id, section, due_at, late_until, reason, "
				   "granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assignment_id);
	bind_positive(st, 2, user_id);
	sqlite3_bind_text(st, 3, section, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, t->due);
	bind_time(st, 5, t->late_until);
	sqlite3_bind_text(st, 6, reason, -1, SQLITE_STATIC);
	bind_positive(st, 7, granted_by);
	sqlite3_bind_int64(st, 8, now());
	return insert_row(db, st, "adding an extension",
			  "an extension needs one person or one section, and a late-until not before its due time", id, err,
			  n);
}

#define EXTENSION_COLUMNS \
	"SELECT e.id, COALESCE(e.user_id, 0), COALESCE(u.name, ''), COALESCE(e.section, ''), e.due_at, e.late_until, " \
	"e.reason, COALESCE(g.name, ''), e.granted_at FROM extensions e LEFT JOIN users u ON u.id = e.user_id " \
	"LEFT JOIN users g ON g.id = e.granted_by "

static void read_extension(sqlite3_stmt *st, struct db_extension *e)
{
	e->id = sqlite3_column_int64(st, 0);
	e->user_id = sqlite3_column_int64(st, 1);
	text_col(st, 2, e->user, sizeof e->user);
	text_col(st, 3, e->section, sizeof e->section);
	e->times.due = sqlite3_column_int64(st, 4);
	e->times.late_until = time_col(st, 5);
	text_col(st, 6, e->reason, sizeof e->reason);
	text_col(st, 7, e->granted_by, sizeof e->granted_by);
	e->granted_at = sqlite3_column_int64(st, 8);
}

int db_extension_list(struct db *db, long long assignment_id, void (*fn)(const struct db_extension *e, void *arg),
		      void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db, EXTENSION_COLUMNS "WHERE e.assignment_id = ? ORDER BY e.id", err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assignment_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_extension e;
		read_extension(st, &e);
		fn(&e, arg);
	}
	put(db, st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "listing extensions");
}

int db_extension_for(struct db *db, long long assignment_id, long long user_id, struct db_extension *e, char *err,
		     size_t n)
{
	/* The student's own (1) before their section's (2); then the newest. */
	sqlite3_stmt *st = cached(db,
				  EXTENSION_COLUMNS
				  "JOIN assignments a ON a.id = e.assignment_id "
				  "LEFT JOIN course_members m ON m.course_id = a.course_id AND m.user_id = ?2 "
				  "WHERE e.assignment_id = ?1 AND (e.user_id = ?2 OR e.section = m.section) "
				  "ORDER BY CASE WHEN e.user_id = ?2 THEN 1 ELSE 2 END, e.id DESC LIMIT 1",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assignment_id);
	sqlite3_bind_int64(st, 2, user_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_extension(st, e);
	put(db, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(db, err, n, "finding an extension");
	return rc == SQLITE_ROW;
}

/* ---- late days and personal starts ---- */

int db_late_days(struct db *db, long long course_id, long long user_id, long long assignment_id, int *here,
		 int *elsewhere, char *err, size_t n)
{
	sqlite3_stmt *st = cached(db,
				  "SELECT COALESCE(SUM(CASE WHEN assignment_id = ?3 THEN days ELSE 0 END), 0), "
				  "COALESCE(SUM(CASE WHEN assignment_id <> ?3 THEN days ELSE 0 END), 0) "
				  "FROM late_days_used WHERE course_id = ?1 AND user_id = ?2",
				  err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, course_id);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_int64(st, 3, assignment_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*here = sqlite3_column_int(st, 0);
		*elsewhere = sqlite3_column_int(st, 1);
	}
	put(db, st);
	return rc == SQLITE_ROW ? 0 : sql_error(db, err, n, "reading late days");
}

int db_late_days_set(struct db *db, long long course_id, long long user_id, long long assignment_id, int days,
		     char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO late_days_used (course_id, user_id, assignment_id, days) VALUES (?, ?, ?, ?) "
				   "ON CONFLICT (course_id, user_id, assignment_id) DO UPDATE SET days = excluded.days",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, course_id);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_int64(st, 3, assignment_id);
	sqlite3_bind_int(st, 4, days);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "recording late days");
}

int db_contest_start(struct db *db, long long assignment_id, long long user_id, int64_t at, int64_t *started,
		     char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "INSERT INTO contest_starts (assignment_id, user_id, started_at) VALUES (?, ?, ?) "
				   "ON CONFLICT (assignment_id, user_id) DO NOTHING",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assignment_id);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_int64(st, 3, at);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, err, n, "starting a personal window");
	return db_contest_started(db, assignment_id, user_id, started, err, n);
}

int db_contest_started(struct db *db, long long assignment_id, long long user_id, int64_t *started, char *err,
		       size_t n)
{
	sqlite3_stmt *st = cached(db, "SELECT started_at FROM contest_starts WHERE assignment_id = ? AND user_id = ?", err,
				  n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assignment_id);
	sqlite3_bind_int64(st, 2, user_id);
	int rc = sqlite3_step(st);
	*started = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : DUE_NONE;
	put(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "reading a personal start");
}

int db_contest_starts(struct db *db, long long assignment_id, void (*fn)(long long user_id, int64_t started, void *arg),
		      void *arg, char *err, size_t n)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT user_id, started_at FROM contest_starts WHERE assignment_id = ? ORDER BY user_id",
				   err, n);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assignment_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), arg);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_error(db, err, n, "reading personal starts");
}
