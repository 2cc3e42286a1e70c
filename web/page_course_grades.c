/* page_course_grades.c - a course's gradebook for its staff: students × assignments (or one assignment's problems), points after the late policy with the raw points beside them; the LMS and per-problem CSV exports (course_grades.c, as `verdict grades --course`). */
#include "course_view.h"
#include "fragment_cache.h"
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "course_grades.h"
#include "db.h"
#include "points.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_column(struct tpl_dict *d, const char *name, const char *href, int64_t max)
{
	struct tpl_dict *col = tpl_add_section(d, "COLUMN");
	char m[32];
	tpl_set(col, "MAX", points_format_short(max, m, sizeof m));
	if (href) {
		struct tpl_dict *l = tpl_add_section(col, "LINK");
		tpl_set(l, "NAME", name);
		tpl_set(l, "HREF", href);
	} else {
		tpl_set(tpl_add_section(col, "PLAIN"), "NAME", name);
	}
}

/* One row: a cell per assignment, or per problem of the one assignment;
 * with before (a rejudge's), the old total beside the new. Returns 1 when
 * the total changed. */
static int add_row(struct tpl_dict *t, const struct course_grades *g, int s, int per_problem,
		   const struct course_grades *before)
{
	const struct db_member *m = &g->students[s];
	struct tpl_dict *row = tpl_add_section(t, "ROW");
	char text[80];
	int64_t raw_total = 0, final_total = 0;
	tpl_set(row, "USER", m->user);
	tpl_set(row, "FULL_NAME", m->full_name);
	tpl_set(row, "NUMBER", m->student_number);
	if (!m->on_roster)
		tpl_show_section(row, "OFF");
	for (int a = 0; a < g->nassignments; a++) {
		const struct course_grades_assignment *ga = &g->assignments[a];
		for (int p = 0; per_problem && p < ga->nproblems; p++) {
			const struct course_grade_cell *c = course_grades_cell(g, s, ga->first + p);
			struct tpl_dict *cell = tpl_add_section(row, "CELL");
			tpl_set(cell, "TEXT", course_grades_format(c->raw, c->final, c->attempts, c->pending, text, sizeof text));
			if (c->explanation[0])
				tpl_set(tpl_add_section(cell, "EXPLAIN"), "WHY", c->explanation);
		}
		course_grades_total_text(g, s, a, &raw_total, &final_total, text, sizeof text);
		if (!per_problem)
			tpl_set(tpl_add_section(row, "CELL"), "TEXT", text);
	}
	course_grades_format(raw_total, final_total, 1, 0, text, sizeof text);
	tpl_set(row, "TOTAL", text);
	if (!before || s >= before->nstudents)
		return 0;
	int64_t old_raw = 0, old_final = 0;
	char old[80];
	for (int a = 0; a < before->nassignments; a++)
		course_grades_total_text(before, s, a, &old_raw, &old_final, old, sizeof old);
	course_grades_format(old_raw, old_final, 1, 0, old, sizeof old);
	int pending = 0;
	for (int c = 0; c < g->ncolumns; c++)
		pending += course_grades_cell(g, s, c)->pending;
	struct tpl_dict *o = tpl_add_section(row, "OLD");
	tpl_set(o, "TEXT", old);
	tpl_set(o, "NEW", pending ? "(judging)" : text); /* not news until all of it is judged */
	int changed = !pending && (old_final != final_total || old_raw != raw_total);
	if (changed)
		tpl_show_section(row, "CHANGED");
	return changed;
}

/* Submissions of g still waiting for the judge. */
static int waiting(const struct course_grades *g)
{
	int count = 0;
	for (size_t i = 0; i < (size_t)g->nstudents * (size_t)g->ncolumns; i++)
		count += g->cells[i].pending;
	return count;
}

/* The gradebook's table (the #gradebook part of the page) as HTML,
 * malloc'd: the course's (a NULL) or one assignment's; with regrade_id,
 * that rejudge's old -> new points beside it (*refresh set while some of
 * it waits for the judge). NULL after answering. */
static char *grades_table(struct request *r, const struct db_assignment *a, long long regrade_id, size_t *len,
			  int *refresh)
{
	struct course_grades g, before = { 0 };
	char err[512], href[300];
	int matched = 0;
	if (regrade_id && course_grades_load_before(r->db, &r->course, a->id, regrade_id, &matched, &before, err,
						    sizeof err) < 0) {
		http_error(r, 503, err);
		return NULL;
	}
	if (regrade_id && !matched) { /* another assignment's rejudge, or none */
		course_grades_free(&before);
		http_error(r, 404, "There is no such rejudge of this assignment.");
		return NULL;
	}
	if (course_grades_load(r->db, &r->course, a ? a->id : 0, 0, &g, err, sizeof err) < 0) {
		course_grades_free(&before);
		http_error(r, 503, err);
		return NULL;
	}
	char *html = NULL;
	struct tpl_dict *d = tpl_dict_new();
	struct tpl_dict *t = d && g.nstudents ? tpl_add_section(d, "TABLE") : NULL;
	if (d && !t)
		tpl_show_section(d, "NONE");
	for (int i = 0; t && i < g.nassignments; i++) {
		const struct course_grades_assignment *ga = &g.assignments[i];
		for (int q = 0; a && q < ga->nproblems; q++) {
			snprintf(href, sizeof href, "/problems/%s", ga->problems[q].problem);
			add_column(t, ga->problems[q].label, href, ga->problems[q].points);
		}
		snprintf(href, sizeof href, "/courses/%s/%s/grades", r->course.short_name, ga->a.short_name);
		if (!a)
			add_column(t, ga->a.short_name, href, ga->max);
	}
	if (regrade_id && t)
		tpl_show_section(t, "BEFORE");
	int changed = 0;
	for (int s = 0; t && s < g.nstudents; s++)
		changed += add_row(t, &g, s, a != NULL, regrade_id ? &before : NULL);
	if (d && regrade_id) {
		struct tpl_dict *rj = tpl_add_section(d, "REJUDGE");
		tpl_set_int(rj, "ID", regrade_id);
		tpl_set_int(rj, "CHANGED", changed);
		tpl_set_int(rj, "STUDENTS", g.nstudents);
		if (waiting(&g))
			tpl_set_int(tpl_add_section(rj, "WAITING"), "N", waiting(&g));
	}
	*refresh = regrade_id && waiting(&g);
	if (d && tpl_expand("course_grades_table.tpl", d, &html, len) < 0)
		html = NULL;
	tpl_dict_free(d);
	course_grades_free(&g);
	course_grades_free(&before);
	if (!html)
		http_error(r, 500, "cannot make the gradebook's page");
	return html;
}

/* The gradebook page. The table without a rejudge is the same for all the
 * course's staff and reads every submission of the course (10,000 for
 * 1,000 students and 5 problems): it is kept (fragment_cache.c) until the
 * database changes. */
static void grades_page(struct request *r, const struct db_assignment *a, long long regrade_id)
{
	char heading[200], key[64];
	int refresh = 0;
	struct db_data_version now;
	struct fragment table;
	snprintf(key, sizeof key, "grades/%lld/%lld", r->course.id, a ? a->id : 0);
	if (regrade_id || !fragment_cache_get(r->db, key, &now, &table)) {
		size_t len;
		char *made = grades_table(r, a, regrade_id, &len, &refresh);
		if (!made)
			return;
		/* A rejudge's table (its old points beside the new) is kept only
		 * until this page is sent. */
		fragment_cache_put(regrade_id ? NULL : key, &now, made, len, &table);
	}
	struct page *p;
	struct tpl_dict *d = page_new(r, "Gradebook", "course_grades.tpl", &p);
	if (!d)
		return;
	if (a)
		snprintf(heading, sizeof heading, "%s/%s: grades", r->course.short_name, a->short_name);
	else
		snprintf(heading, sizeof heading, "%s: gradebook", r->course.short_name);
	tpl_set(d, "HEADING", heading);
	tpl_set(d, "COURSE", r->course.short_name);
	if (!a)
		tpl_show_section(d, "CSV");
	if (a && strcmp(r->course_role, "ta") != 0)
		tpl_set(tpl_add_section(d, "REJUDGE_FORM"), "SHORT", a->short_name);
	if (refresh)
		tpl_show_section(d, "REFRESH");
	page_fragment(p, d, "TABLE", &table);
	page_send(r, p, 200);
}

void page_course_grades(struct request *r)
{
	int began = db_read_begin(r->db); /* its reads in one transaction: it writes nothing */
	grades_page(r, NULL, 0);
	db_read_end(r->db, began);
}

void page_assignment_grades(struct request *r)
{
	struct db_assignment a;
	const char *rejudge = http_query(r, "rejudge");
	long long regrade_id = rejudge ? http_id(rejudge) : 0;
	if (rejudge && !regrade_id) {
		http_error(r, 404, "There is no such rejudge of this assignment.");
		return;
	}
	if (course_view_find(r, &a))
		grades_page(r, &a, regrade_id);
}

/* Every judged submission of the assignment judged again; the grades page
 * then shows each student's points before and now. */
void page_assignment_rejudge(struct request *r)
{
	struct db_assignment a;
	long long regrade = 0;
	int count = 0;
	char err[512], where[300];
	if (!course_view_find(r, &a))
		return;
	struct db_regrade_filter f = { .assignment_id = a.id };
	if (db_regrade_start(r->db, r->s.user_id, &f, &regrade, &count, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return;
	}
	if (!regrade)
		snprintf(where, sizeof where, "/courses/%s/%s/grades", a.course, a.short_name);
	else
		snprintf(where, sizeof where, "/courses/%s/%s/grades?rejudge=%lld", a.course, a.short_name, regrade);
	http_redirect(r, where);
}

/* The whole course's gradebook as CSV: the LMS import or the detail. */
static void grades_csv(struct request *r, int detail)
{
	struct course_grades g;
	char err[512], disposition[200];
	if (course_grades_load(r->db, &r->course, 0, 0, &g, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return;
	}
	char *csv = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&csv, &len);
	int rc = f ? (detail ? course_grades_write_detail_csv(&g, f) : course_grades_write_csv(&g, f)) : -1;
	if (f && fclose(f) != 0)
		rc = -1;
	course_grades_free(&g);
	if (rc < 0) {
		free(csv);
		http_error(r, 503, "The gradebook could not be written (out of memory).");
		return;
	}
	snprintf(disposition, sizeof disposition, "attachment; filename=\"%s-%s.csv\"", r->course.short_name,
		 detail ? "detail" : "grades");
	http_header(r, "Content-Disposition", disposition);
	http_respond(r, 200, "text/csv; charset=utf-8", csv, len);
}

void page_course_grades_csv(struct request *r)
{
	grades_csv(r, 0);
}

void page_course_grades_detail_csv(struct request *r)
{
	grades_csv(r, 1);
}
