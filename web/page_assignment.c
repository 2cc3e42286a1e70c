/* page_assignment.c - an assignment's page: its times in the course's zone (the student's own due, extension and personal window included), its rules, its problems with my status; starting a personal window. */
#include "course_view.h"
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "course_grades.h"
#include "late_spec.h"
#include "points.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

struct problems {
	struct tpl_dict *d;
	const struct course_grades *g; /* the student's own; NULL for staff */
	const struct course_view *v;
};

/* The student's status on problem p: points (raw and the late policy's
 * explanation when it took some), attempts, submissions waiting. */
static void add_status(struct tpl_dict *row, const struct problems *ps, const struct db_assignment_problem *p)
{
	struct tpl_dict *mine = tpl_add_section(row, "MINE");
	const struct course_grades *g = ps->g;
	if (g->nstudents != 1 || g->nassignments != 1 || p->position >= g->assignments[0].nproblems)
		return;
	const struct course_grade_cell *c = course_grades_cell(g, 0, g->assignments[0].first + p->position);
	char a[32], b[32];
	if (c->pending)
		tpl_set_int(tpl_add_section(mine, "PENDING"), "N", c->pending);
	if (!c->attempts) {
		if (!c->pending)
			tpl_show_section(mine, "UNTRIED");
		return;
	}
	struct tpl_dict *s = tpl_add_section(mine, ps->v->shows_results ? "POINTS" : "LATER");
	tpl_set_int(s, "ATTEMPTS", c->attempts);
	if (!ps->v->shows_results)
		return;
	tpl_set(s, "FINAL", points_format(c->final, a, sizeof a));
	if (c->raw != c->final) {
		struct tpl_dict *ded = tpl_add_section(s, "DEDUCTED");
		tpl_set(ded, "RAW", points_format(c->raw, b, sizeof b));
		tpl_set(ded, "WHY", c->explanation);
	}
}

static void add_problem(const struct db_assignment_problem *p, void *arg)
{
	struct problems *ps = arg;
	struct tpl_dict *row = tpl_add_section(ps->d, "PROBLEM");
	char max[32];
	tpl_set(row, "NAME", p->problem);
	tpl_set(row, "MAX", points_format_short(p->points, max, sizeof max));
	if (strcmp(p->label, p->problem) != 0)
		tpl_set(tpl_add_section(row, "LABELLED"), "LABEL", p->label);
	if (ps->v->staff && !p->visible)
		tpl_show_section(row, "HIDDEN");
	if (ps->g)
		add_status(row, ps, p);
}

/* The times, each in the course's zone with a <time> for the reader's. */
static void add_times(struct tpl_dict *d, const struct db_assignment *a, const struct course_view *v)
{
	page_zone_time(d, "OPENS", v->w.opens, a->zone);
	page_zone_time(d, "DUE", v->w.due, a->zone);
	if (v->w.late_until != DUE_NONE)
		page_zone_time(tpl_add_section(d, "LATE_UNTIL"), "LATE_UNTIL", v->w.late_until, a->zone);
	if (v->has_extension) {
		struct tpl_dict *e = tpl_add_section(d, "EXTENDED");
		if (v->ext.reason[0])
			tpl_set(tpl_add_section(e, "REASON"), "TEXT", v->ext.reason);
	}
	if (a->window_minutes) {
		struct tpl_dict *w = tpl_add_section(d, "WINDOW");
		tpl_set_int(w, "MINUTES", a->window_minutes);
		if (v->started != DUE_NONE)
			page_zone_time(tpl_add_section(w, "STARTED"), "AT", v->started, a->zone);
	}
}

void page_assignment(struct request *r)
{
	struct db_assignment a;
	struct course_view v;
	if (!course_view_assignment(r, &a, &v))
		return;
	struct page *p;
	struct tpl_dict *d = page_new(r, a.title, "assignment.tpl", &p);
	if (!d)
		return;
	char late[64], err[512];
	tpl_set(d, "TITLE", a.title);
	tpl_set(d, "COURSE", a.course);
	tpl_set(d, "SHORT", a.short_name);
	tpl_set_int(d, "AID", a.id);
	tpl_set(d, "STATE", v.state);
	tpl_set(d, "LATE", late_spec_format(&a.late, late, sizeof late));
	tpl_set(d, "COUNTS", which_counts_name(a.counts));
	tpl_set(d, "FEEDBACK", feedback_policy_name(a.feedback));
	if (a.contest != DB_CONTEST_NONE)
		tpl_set(tpl_add_section(d, "CONTEST"), "KIND", db_contest_name(a.contest));
	add_times(d, &a, &v);
	if (v.needs_start && v.place.cls == DUE_ON_TIME)
		tpl_set_int(tpl_add_section(d, "START"), "MINUTES", a.window_minutes);
	if (v.staff) {
		struct tpl_dict *s = tpl_add_section(d, "STAFF");
		if (strcmp(r->course_role, "ta") != 0)
			tpl_show_section(s, "INSTRUCTOR");
	} else {
		tpl_show_section(d, "MINE");
	}
	struct course_grades g = { 0 };
	struct problems ps = { d, v.staff ? NULL : &g, &v };
	int rc = v.staff ? 0 : course_grades_load(r->db, &r->course, a.id, r->s.user_id, &g, err, sizeof err);
	if (rc == 0)
		rc = db_assignment_problems(r->db, a.id, add_problem, &ps, err, sizeof err) < 0 ? -1 : 0;
	course_grades_free(&g);
	if (rc < 0) {
		page_discard(p);
		http_error(r, 503, err);
		return;
	}
	page_send(r, p, 200);
}

/* A participant starts their personal window (an exam): once, between the
 * assignment's opening and its due time. */
void page_assignment_start(struct request *r)
{
	struct db_assignment a;
	struct course_view v;
	if (!course_view_assignment(r, &a, &v))
		return;
	int64_t now = (int64_t)time(NULL), started;
	char err[512], where[160];
	if (!a.window_minutes || v.staff) {
		http_error(r, 400, "This assignment has no personal window to start.");
		return;
	}
	if (now < a.times.opens || now > a.times.due) {
		http_error(r, 403, "A personal window can be started only between the assignment's opening and due times.");
		return;
	}
	if (db_contest_start(r->db, a.id, r->s.user_id, now, &started, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return;
	}
	snprintf(where, sizeof where, "/courses/%s/%s", a.course, a.short_name);
	http_redirect(r, where);
}
