/* page_courses.c - my courses, a new course, a course's page (its assignments, with my state and points) and its settings. */
#include "course_view.h"
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "course_grades.h"
#include "db.h"
#include "points.h"
#include "state.h"
#include "zone_time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- the course form (new, settings) ---- */

/* Reads the form into c (the short name only when is_new). Returns NULL,
 * or what is wrong, for the person who sent it (in err). */
static const char *read_form(struct request *r, struct db_course *c, int is_new, char *err, size_t n)
{
	const char *days = http_form(r, "late_days");
	char *end;
	long v = *days ? strtol(days, &end, 10) : 0;
	if (is_new)
		snprintf(c->short_name, sizeof c->short_name, "%s", http_form(r, "short"));
	snprintf(c->title, sizeof c->title, "%s", http_form(r, "title"));
	snprintf(c->term, sizeof c->term, "%s", http_form(r, "term"));
	snprintf(c->zone, sizeof c->zone, "%s", *http_form(r, "zone") ? http_form(r, "zone") : "UTC");
	if (is_new && !state_name_ok(c->short_name))
		return "A course's short name is 1 to 63 letters, digits, '-' or '_'.";
	if (!c->title[0] || strlen(http_form(r, "title")) >= sizeof c->title)
		return "A course needs a title (at most 255 bytes).";
	if (*days && (*end || v < 0 || v > 365))
		return "Late days are a whole number from 0 to 365.";
	c->late_days = (int)v;
	if (zone_time_check(c->zone, err, n) < 0)
		return err;
	return NULL;
}

/* Fills the form's dictionary: course c's values, an error above it. */
static void fill_form(struct tpl_dict *f, const struct db_course *c, const char *action, int is_new, const char *error)
{
	tpl_set(f, "ACTION", action);
	tpl_set(f, "BUTTON", is_new ? "Create the course" : "Save");
	if (is_new)
		tpl_set(tpl_add_section(f, "NEW"), "SHORT", c->short_name);
	tpl_set(f, "TITLE", c->title);
	tpl_set(f, "TERM", c->term);
	tpl_set(f, "ZONE", c->zone);
	tpl_set_int(f, "LATE_DAYS", c->late_days);
	if (error)
		tpl_set(tpl_add_section(f, "ERROR"), "MESSAGE", error);
}

/* ---- my courses ---- */

struct course_rows {
	struct tpl_dict *d, *table;
	int count;
};

static void add_course_row(const struct db_course *c, const char *role, void *arg)
{
	struct course_rows *cr = arg;
	if (!cr->table)
		cr->table = tpl_add_section(cr->d, "TABLE");
	struct tpl_dict *row = tpl_add_section(cr->table, "COURSE");
	cr->count++;
	tpl_set(row, "SHORT", c->short_name);
	tpl_set(row, "TITLE", c->title);
	tpl_set(row, "TERM", c->term);
	tpl_set(row, "ROLE", role);
}

static void add_any_course(const struct db_course *c, void *arg)
{
	add_course_row(c, "admin", arg);
}

static void courses_page(struct request *r, int status, const char *error, const struct db_course *kept)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, "Courses", "courses.tpl", &p);
	if (!d)
		return;
	struct course_rows cr = { d, NULL, 0 };
	char err[512];
	/* A site admin sees every course; anyone else the ones they are in. */
	int rc = strcmp(r->s.role, "admin") == 0 ? db_course_list(r->db, add_any_course, &cr, err, sizeof err)
						 : db_user_courses(r->db, r->s.user_id, add_course_row, &cr, err, sizeof err);
	if (rc < 0) {
		page_discard(p);
		http_error(r, 503, err);
		return;
	}
	if (!cr.count)
		tpl_show_section(d, "NONE");
	if (page_is_staff(r)) {
		struct db_course blank = { .zone = "UTC" };
		struct tpl_dict *create = tpl_add_section(d, "CREATE");
		struct tpl_dict *f = tpl_include(create, "FORM", "course_form.tpl");
		tpl_set(f, "CSRF", r->s.csrf);
		fill_form(f, kept ? kept : &blank, "/courses", 1, error);
	}
	page_send(r, p, status);
}

void page_courses(struct request *r)
{
	courses_page(r, 200, NULL, NULL);
}

/* A site instructor or admin makes a course, and is its first instructor. */
void page_course_add(struct request *r)
{
	struct db_course c = { 0 };
	char err[512];
	const char *why = read_form(r, &c, 1, err, sizeof err);
	if (why) {
		courses_page(r, 400, why, &c);
		return;
	}
	struct db_member m = { .user_id = r->s.user_id };
	snprintf(m.role, sizeof m.role, "instructor");
	snprintf(m.full_name, sizeof m.full_name, "%s", r->s.user);
	int change, rc = db_begin(r->db, err, sizeof err);
	if (rc == 0 && db_course_add(r->db, &c, err, sizeof err) < 0) {
		db_rollback(r->db);
		courses_page(r, 409, err, &c);
		return;
	}
	if (rc == 0)
		rc = db_member_put(r->db, c.id, &m, &change, err, sizeof err);
	if (rc == 0)
		rc = db_commit(r->db, err, sizeof err);
	else
		db_rollback(r->db);
	if (rc < 0) {
		http_error(r, 503, err);
		return;
	}
	char where[128];
	snprintf(where, sizeof where, "/courses/%s", c.short_name);
	http_redirect(r, where);
}

/* ---- a course's page ---- */

struct course_page {
	struct request *r;
	struct tpl_dict *d, *table;
	struct course_grades g; /* the student's own, when not staff */
	int staff, count, failed;
	int64_t now;
};

/* The student's points on a: "80.00 of 100", the raw points and what the
 * late policy took beside them when it took some. */
static void add_points(struct course_page *cp, struct tpl_dict *row, const struct db_assignment *a,
		       const struct course_view *v)
{
	struct tpl_dict *mine = tpl_add_section(row, "MINE");
	if (!v->shows_results) {
		tpl_show_section(mine, "LATER");
		return;
	}
	for (int ai = 0; cp->g.nstudents == 1 && ai < cp->g.nassignments; ai++) {
		const struct course_grades_assignment *ga = &cp->g.assignments[ai];
		if (ga->a.id != a->id)
			continue;
		int64_t raw, final;
		char f[32], m[32], w[32];
		course_grades_total(&cp->g, 0, ai, &raw, &final);
		struct tpl_dict *pts = tpl_add_section(mine, "POINTS");
		tpl_set(pts, "FINAL", points_format(final, f, sizeof f));
		tpl_set(pts, "MAX", points_format_short(ga->max, m, sizeof m));
		if (raw == final)
			return;
		struct tpl_dict *ded = tpl_add_section(pts, "DEDUCTED");
		tpl_set(ded, "RAW", points_format(raw, w, sizeof w));
		char why[400] = "";
		for (int q = 0; q < ga->nproblems; q++) {
			const struct course_grade_cell *c = course_grades_cell(&cp->g, 0, ga->first + q);
			if (c->late && c->explanation[0] && strlen(why) + strlen(c->explanation) + 8 < sizeof why)
				snprintf(why + strlen(why), sizeof why - strlen(why), "%s%s: %s", why[0] ? "; " : "",
					 ga->problems[q].label, c->explanation);
		}
		tpl_set(ded, "WHY", why);
		return;
	}
}

static void add_assignment_row(const struct db_assignment *a, void *arg)
{
	struct course_page *cp = arg;
	struct course_view v;
	if (cp->failed)
		return;
	if (course_view_for(cp->r, a, cp->now, &v) < 0) {
		cp->failed = 1;
		return;
	}
	if (!cp->table)
		cp->table = tpl_add_section(cp->d, "TABLE");
	if (!cp->staff && cp->count == 0)
		tpl_show_section(cp->table, "MINE");
	cp->count++;
	struct tpl_dict *row = tpl_add_section(cp->table, "ASSIGNMENT");
	tpl_set(row, "SHORT", a->short_name);
	tpl_set(row, "STATE", v.state);
	page_zone_time(row, "DUE", v.w.due, a->zone);
	if (v.visible) {
		struct tpl_dict *link = tpl_add_section(row, "LINK");
		tpl_set(link, "COURSE", a->course);
		tpl_set(link, "TITLE", a->title);
		if (a->contest != DB_CONTEST_NONE)
			tpl_show_section(link, "CONTEST");
		tpl_show_section(row, "DUE_AT");
	} else {
		tpl_show_section(row, "NOLINK"); /* its title and problems stay hidden until it opens */
	}
	if (!cp->staff && v.visible)
		add_points(cp, row, a, &v);
	else if (!cp->staff) /* not even its points before it opens */
		tpl_add_section(row, "MINE");
}

void page_course(struct request *r)
{
	const struct db_course *c = &r->course;
	struct page *p;
	struct tpl_dict *d = page_new(r, c->short_name, "course.tpl", &p);
	if (!d)
		return;
	struct course_page cp = { .r = r, .d = d, .staff = page_course_staff(r), .now = (int64_t)time(NULL) };
	char err[512];
	tpl_set(d, "SHORT", c->short_name);
	tpl_set(d, "TITLE", c->title);
	tpl_set(d, "ZONE", c->zone);
	if (c->term[0])
		tpl_set(tpl_add_section(d, "TERM"), "TEXT", c->term);
	if (cp.staff) {
		struct tpl_dict *s = tpl_add_section(d, "STAFF");
		if (strcmp(r->course_role, "ta") != 0)
			tpl_show_section(s, "INSTRUCTOR");
	}
	int here, elsewhere, rc = 0;
	if (!cp.staff && c->late_days > 0 &&
	    (rc = db_late_days(r->db, c->id, r->s.user_id, 0, &here, &elsewhere, err, sizeof err)) == 0) {
		struct tpl_dict *bank = tpl_add_section(d, "BANK");
		tpl_set_int(bank, "LEFT", c->late_days - here - elsewhere);
		tpl_set_int(bank, "DAYS", c->late_days);
	}
	if (rc == 0 && !cp.staff)
		rc = course_grades_load(r->db, c, 0, r->s.user_id, &cp.g, err, sizeof err);
	if (rc == 0)
		rc = db_assignment_list(r->db, c->id, add_assignment_row, &cp, err, sizeof err);
	course_grades_free(&cp.g); /* empty for staff, or when it did not load */
	if (rc < 0 || cp.failed) {
		page_discard(p);
		if (!cp.failed)
			http_error(r, 503, err);
		return;
	}
	if (!cp.count)
		tpl_show_section(d, "NONE");
	page_send(r, p, 200);
}

/* ---- settings ---- */

static void settings_page(struct request *r, int status, const struct db_course *c, const char *error)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, "Course settings", "course_form.tpl", &p);
	if (!d)
		return;
	char heading[128], action[128];
	snprintf(heading, sizeof heading, "%s: settings", r->course.short_name);
	snprintf(action, sizeof action, "/courses/%s/settings", r->course.short_name);
	tpl_set(tpl_add_section(d, "HEADING"), "TEXT", heading);
	fill_form(d, c, action, 0, error);
	page_send(r, p, status);
}

void page_course_settings_form(struct request *r)
{
	settings_page(r, 200, &r->course, NULL);
}

void page_course_settings(struct request *r)
{
	struct db_course c = r->course;
	char err[512];
	const char *why = read_form(r, &c, 0, err, sizeof err);
	if (why) {
		settings_page(r, 400, &c, why);
		return;
	}
	if (db_course_update(r->db, &c, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return;
	}
	char where[128];
	snprintf(where, sizeof where, "/courses/%s", c.short_name);
	http_redirect(r, where);
}
