/* page_api.c - the read-only JSON API: my courses, a course's assignments (with my state and points), a course's gradebook (staff), a contest's scoreboard. The same access rules as the pages (routes.c); a script uses a per-user token (page_tokens.c, server.c). web/openapi.yaml describes it. */
#include "course_view.h"
#include "http.h"
#include "page_util.h"
#include "pages.h"

#include "contest_board.h"
#include "course_grades.h"

#include <cjson/cJSON.h>
#include <string.h>
#include <time.h>

/* Answers o as JSON (and frees it), or 503 when out of memory. */
static void send_json(struct request *r, cJSON *o)
{
	char *json = o ? cJSON_PrintUnformatted(o) : NULL;
	cJSON_Delete(o);
	if (!json) {
		http_error(r, 503, "out of memory");
		return;
	}
	http_respond(r, 200, "application/json", json, strlen(json));
}

/* t as ISO 8601 UTC, or null for DUE_NONE. */
static void add_time(cJSON *o, const char *key, int64_t t)
{
	char iso[32];
	time_t tt = (time_t)t;
	struct tm tm;
	if (t == DUE_NONE || !gmtime_r(&tt, &tm) || !strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm))
		cJSON_AddNullToObject(o, key);
	else
		cJSON_AddStringToObject(o, key, iso);
}

static void add_points(cJSON *o, const char *key, int64_t cents)
{
	cJSON_AddNumberToObject(o, key, (double)cents / 100);
}

/* ---- my courses ---- */

static void add_course(const struct db_course *c, const char *role, void *arg)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "short_name", c->short_name);
	cJSON_AddStringToObject(o, "title", c->title);
	cJSON_AddStringToObject(o, "term", c->term);
	cJSON_AddStringToObject(o, "zone", c->zone);
	cJSON_AddStringToObject(o, "role", role);
	cJSON_AddItemToArray(arg, o);
}

static void add_any_course(const struct db_course *c, void *arg)
{
	add_course(c, "admin", arg);
}

void page_api_courses(struct request *r)
{
	cJSON *list = cJSON_CreateArray();
	char err[512];
	int rc = strcmp(r->s.role, "admin") == 0 ? db_course_list(r->db, add_any_course, list, err, sizeof err)
						 : db_user_courses(r->db, r->s.user_id, add_course, list, err, sizeof err);
	if (rc < 0) {
		cJSON_Delete(list);
		http_error(r, 503, err);
		return;
	}
	send_json(r, list);
}

/* ---- a course's assignments ---- */

struct assignments {
	struct request *r;
	cJSON *list;
	struct course_grades g; /* a student's own */
	int failed;
	int64_t now;
};

static void add_mine(struct assignments *as, cJSON *o, const struct db_assignment *a, const struct course_view *v)
{
	cJSON *mine = cJSON_AddObjectToObject(o, "mine");
	cJSON_AddBoolToObject(mine, "results_shown", v->shows_results);
	for (int ai = 0; v->shows_results && as->g.nstudents == 1 && ai < as->g.nassignments; ai++)
		if (as->g.assignments[ai].a.id == a->id) {
			int64_t raw, final;
			course_grades_total(&as->g, 0, ai, &raw, &final);
			add_points(mine, "points", final);
			add_points(mine, "raw", raw);
		}
}

static void add_assignment(const struct db_assignment *a, void *arg)
{
	struct assignments *as = arg;
	struct course_view v;
	if (as->failed || (as->failed = course_view_for(as->r, a, as->now, &v) < 0))
		return;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "short_name", a->short_name);
	cJSON_AddStringToObject(o, "state", v.state);
	add_time(o, "opens", v.w.opens);
	if (v.visible) { /* before it opens, a student learns only when it will */
		cJSON_AddStringToObject(o, "title", a->title);
		add_time(o, "due", v.w.due);
		add_time(o, "late_until", v.w.late_until);
		cJSON_AddStringToObject(o, "feedback", feedback_policy_name(a->feedback));
		cJSON_AddStringToObject(o, "contest", db_contest_name(a->contest));
		if (!v.staff)
			add_mine(as, o, a, &v);
	}
	cJSON_AddItemToArray(as->list, o);
}

void page_api_course(struct request *r)
{
	const struct db_course *c = &r->course;
	cJSON *o = cJSON_CreateObject();
	struct assignments as = { .r = r, .now = (int64_t)time(NULL) };
	char err[512];
	cJSON_AddStringToObject(o, "short_name", c->short_name);
	cJSON_AddStringToObject(o, "title", c->title);
	cJSON_AddStringToObject(o, "term", c->term);
	cJSON_AddStringToObject(o, "zone", c->zone);
	cJSON_AddStringToObject(o, "role", r->course_role);
	as.list = cJSON_AddArrayToObject(o, "assignments");
	int rc = page_course_staff(r) ? 0 : course_grades_load(r->db, c, 0, r->s.user_id, &as.g, err, sizeof err);
	if (rc == 0)
		rc = db_assignment_list(r->db, c->id, add_assignment, &as, err, sizeof err);
	course_grades_free(&as.g);
	if (rc < 0 || as.failed) {
		cJSON_Delete(o);
		if (!as.failed)
			http_error(r, 503, err);
		return;
	}
	send_json(r, o);
}

/* ---- the gradebook (staff) ---- */

void page_api_grades(struct request *r)
{
	struct course_grades g;
	char err[512];
	if (course_grades_load(r->db, &r->course, 0, 0, &g, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return;
	}
	cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, "assignments");
	for (int a = 0; a < g.nassignments; a++) {
		cJSON *ao = cJSON_CreateObject();
		cJSON_AddStringToObject(ao, "short_name", g.assignments[a].a.short_name);
		add_points(ao, "max", g.assignments[a].max);
		cJSON_AddItemToArray(list, ao);
	}
	cJSON *students = cJSON_AddArrayToObject(o, "students");
	for (int s = 0; s < g.nstudents; s++) {
		cJSON *so = cJSON_CreateObject(), *pts;
		cJSON_AddStringToObject(so, "user", g.students[s].user);
		cJSON_AddStringToObject(so, "full_name", g.students[s].full_name);
		cJSON_AddStringToObject(so, "student_number", g.students[s].student_number);
		cJSON_AddBoolToObject(so, "on_roster", g.students[s].on_roster);
		pts = cJSON_AddObjectToObject(so, "points");
		for (int a = 0; a < g.nassignments; a++) {
			int64_t raw, final;
			cJSON *p = cJSON_AddObjectToObject(pts, g.assignments[a].a.short_name);
			course_grades_total(&g, s, a, &raw, &final);
			add_points(p, "points", final);
			add_points(p, "raw", raw);
		}
		cJSON_AddItemToArray(students, so);
	}
	course_grades_free(&g);
	send_json(r, o);
}

/* ---- a contest's scoreboard ---- */

void page_api_scoreboard(struct request *r)
{
	struct db_assignment a;
	struct contest_board b;
	char text[64];
	int live;
	if (!course_view_board(r, &a, &b, &live))
		return;
	int ioi = a.contest == DB_CONTEST_IOI;
	cJSON *o = cJSON_CreateObject(), *problems = cJSON_AddArrayToObject(o, "problems");
	cJSON_AddStringToObject(o, "kind", ioi ? "ioi" : "icpc");
	cJSON_AddBoolToObject(o, "live", live || !a.freeze_minutes || a.unfrozen);
	for (int q = 0; q < b.nproblems; q++)
		cJSON_AddItemToArray(problems, cJSON_CreateString(b.problems[q].label));
	cJSON *rows = cJSON_AddArrayToObject(o, "rows");
	for (int i = 0; i < b.sb.n_rows; i++) {
		const struct scoreboard_row *row = &b.sb.rows[i];
		cJSON *ro = cJSON_CreateObject(), *cells;
		cJSON_AddNumberToObject(ro, "rank", row->rank);
		cJSON_AddStringToObject(ro, "user", b.people[row->participant].user);
		if (ioi) {
			add_points(ro, "total", row->total);
		} else {
			cJSON_AddNumberToObject(ro, "solved", row->solved);
			cJSON_AddNumberToObject(ro, "penalty", (double)row->penalty);
		}
		cells = cJSON_AddArrayToObject(ro, "cells");
		for (int q = 0; q < b.nproblems; q++)
			cJSON_AddItemToArray(cells, cJSON_CreateString(contest_board_cell_text(&row->cells[q], ioi, text,
											      sizeof text)));
		cJSON_AddItemToArray(rows, ro);
	}
	contest_board_free(&b);
	send_json(r, o);
}
