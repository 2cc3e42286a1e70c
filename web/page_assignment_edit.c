/* page_assignment_edit.c - a new assignment and an assignment's settings: the form, read into assignment_edit_store (the same check and store as `verdict assignment add|set`). */
#include "course_view.h"
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "assignment_edit.h"
#include "late_spec.h"
#include "points.h"
#include "state.h"
#include "zone_time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Names the course's own pages take (routes.c): no assignment may have one. */
static const char *const reserved[] = { "settings", "roster", "grades", "new", "clarifications" };

/* The form's fields, as typed, kept to show again with an error. */
struct form {
	char short_name[64];
	struct assignment_given g;
	char *problems; /* a copy of the textarea, cut into lines for g.problems */
};

/* An empty time, freeze or window is "none": the field is always given. */
static const char *or_none(const char *v)
{
	return *v ? v : "none";
}

/* A choice not sent is not given (the assignment's own, or the default). */
static const char *chosen(const char *v)
{
	return *v ? v : NULL;
}

/* Reads the form into f. Returns NULL, or what is wrong. */
static const char *read_form(struct request *r, struct form *f)
{
	memset(f, 0, sizeof *f);
	snprintf(f->short_name, sizeof f->short_name, "%s", http_form(r, "short"));
	f->g.title = http_form(r, "title");
	f->g.opens = http_form(r, "opens");
	f->g.due = http_form(r, "due");
	f->g.late_until = or_none(http_form(r, "late_until"));
	f->g.late = *http_form(r, "late") ? http_form(r, "late") : "none";
	f->g.counts = chosen(http_form(r, "counts"));
	f->g.feedback = chosen(http_form(r, "feedback"));
	f->g.contest = chosen(http_form(r, "contest"));
	f->g.freeze = or_none(http_form(r, "freeze"));
	f->g.window = or_none(http_form(r, "window"));
	f->g.unfreeze = *http_form(r, "unfreeze") != 0;
	f->problems = strdup(http_form(r, "problems"));
	if (!f->problems)
		return "The server is out of memory.";
	for (char *line = f->problems, *next; line; line = next) {
		next = strpbrk(line, "\r\n");
		if (next)
			*next++ = 0;
		line += strspn(line, " \t");
		line[strcspn(line, " \t")] = 0;
		if (!*line)
			continue;
		if (f->g.nproblems == ASSIGNMENT_PROBLEMS_MAX)
			return "An assignment has at most 64 problems.";
		f->g.problems[f->g.nproblems++] = line;
	}
	if (!f->g.nproblems)
		return "List the assignment's problems, one a line (NAME or NAME:POINTS).";
	if (!*f->g.opens || !*f->g.due)
		return "An assignment needs its opening and due times.";
	return NULL;
}

static void options(struct tpl_dict *d, const char *section, const char *const *names, int count, const char *chosen)
{
	for (int i = 0; i < count; i++) {
		struct tpl_dict *o = tpl_add_section(d, section);
		tpl_set(o, "V", names[i]);
		if (chosen && !strcmp(chosen, names[i]))
			tpl_show_section(o, "SELECTED");
	}
}

/* A time as the form types it: "2026-09-14 23:59" in zone; "" for none. */
static void typed_time(int64_t t, const char *zone, char *out, size_t n)
{
	char full[96], err[128];
	out[0] = 0;
	if (t != DUE_NONE && zone_time_format(t, zone, full, sizeof full, err, sizeof err) == 0)
		snprintf(out, n, "%.16s", full);
}

struct problem_lines {
	char text[4096];
};

static void add_problem_line(const struct db_assignment_problem *p, void *arg)
{
	struct problem_lines *pl = arg;
	char pts[32];
	size_t len = strlen(pl->text);
	snprintf(pl->text + len, sizeof pl->text - len, "%s:%s\n", p->problem, points_format_short(p->points, pts, sizeof pts));
}

/* The values of assignment a as the form shows them, in f (problems in pl). */
static void from_assignment(struct request *r, const struct db_assignment *a, struct form *f, char times[3][32],
			    char late[64], char minutes[2][16], struct problem_lines *pl)
{
	char err[256];
	memset(f, 0, sizeof *f);
	snprintf(f->short_name, sizeof f->short_name, "%s", a->short_name);
	typed_time(a->times.opens, a->zone, times[0], 32);
	typed_time(a->times.due, a->zone, times[1], 32);
	typed_time(a->times.late_until, a->zone, times[2], 32);
	snprintf(minutes[0], 16, "%d", a->freeze_minutes);
	snprintf(minutes[1], 16, "%d", a->window_minutes);
	f->g.title = a->title;
	f->g.opens = times[0];
	f->g.due = times[1];
	f->g.late_until = times[2];
	f->g.late = late_spec_format(&a->late, late, 64);
	f->g.counts = which_counts_name(a->counts);
	f->g.feedback = feedback_policy_name(a->feedback);
	f->g.contest = db_contest_name(a->contest);
	f->g.freeze = a->freeze_minutes ? minutes[0] : "";
	f->g.window = a->window_minutes ? minutes[1] : "";
	pl->text[0] = 0;
	if (a->id && db_assignment_problems(r->db, a->id, add_problem_line, pl, err, sizeof err) < 0)
		snprintf(pl->text, sizeof pl->text, "(%s)", err);
}

/* The form page: new (a NULL) or a's settings, with f's values and an error. */
static void form_page(struct request *r, int status, const struct db_assignment *a, const struct form *f,
		      const char *problems, const char *error)
{
	static const char *const counts[] = { "best", "last" };
	static const char *const feedback[] = { "full", "samples", "verdict", "after-close" };
	static const char *const contest[] = { "none", "icpc", "ioi" };
	struct page *p;
	struct tpl_dict *d = page_new(r, a ? "Assignment settings" : "New assignment", "assignment_form.tpl", &p);
	if (!d)
		return;
	char heading[160], action[200];
	const char *course = r->course.short_name;
	if (a) {
		snprintf(heading, sizeof heading, "%s/%s: settings", course, a->short_name);
		snprintf(action, sizeof action, "/courses/%s/%s/settings", course, a->short_name);
	} else {
		snprintf(heading, sizeof heading, "%s: new assignment", course);
		snprintf(action, sizeof action, "/courses/%s/new", course);
	}
	tpl_set(d, "HEADING", heading);
	tpl_set(d, "ACTION", action);
	tpl_set(d, "COURSE", course);
	tpl_set(d, "ZONE", r->course.zone);
	tpl_set(d, "BUTTON", a ? "Save" : "Create the assignment");
	if (!a)
		tpl_set(tpl_add_section(d, "NEW"), "SHORT", f->short_name);
	if (a && a->freeze_minutes && !a->unfrozen)
		tpl_show_section(d, "FROZEN");
	const struct assignment_given *g = &f->g;
	tpl_set(d, "TITLE", g->title ? g->title : "");
	tpl_set(d, "OPENS", g->opens ? g->opens : "");
	tpl_set(d, "DUE", g->due ? g->due : "");
	tpl_set(d, "LATE_UNTIL", g->late_until && strcmp(g->late_until, "none") ? g->late_until : "");
	tpl_set(d, "LATE", g->late ? g->late : "none");
	tpl_set(d, "FREEZE", g->freeze && strcmp(g->freeze, "none") ? g->freeze : "");
	tpl_set(d, "WINDOW", g->window && strcmp(g->window, "none") ? g->window : "");
	tpl_set(d, "PROBLEMS", problems ? problems : "");
	options(d, "COUNTS", counts, 2, g->counts);
	options(d, "FEEDBACK", feedback, 4, g->feedback);
	options(d, "CONTEST", contest, 3, g->contest);
	if (error)
		tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
	page_send(r, p, status);
}

/* The problems as typed, for the form shown again. */
static const char *typed_problems(struct request *r)
{
	return http_form(r, "problems");
}

void page_assignment_new(struct request *r)
{
	struct form f = { 0 };
	form_page(r, 200, NULL, &f, NULL, NULL);
}

static void stored(struct request *r, const struct db_assignment *a)
{
	char where[200];
	snprintf(where, sizeof where, "/courses/%s/%s", a->course, a->short_name);
	http_redirect(r, where);
}

void page_assignment_add(struct request *r)
{
	struct form f;
	char err[512];
	const char *why = read_form(r, &f);
	int reserved_name = 0;
	for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
		reserved_name |= !strcmp(f.short_name, reserved[i]);
	if (!why && (!state_name_ok(f.short_name) || reserved_name))
		why = reserved_name ? "That short name is taken by the course's own pages (settings, roster, grades, new, clarifications)."
				    : "An assignment's short name is 1 to 63 letters, digits, '-' or '_'.";
	struct db_assignment a = { .course_id = r->course.id, .times.late_until = DUE_NONE, .counts = WHICH_BEST,
				   .feedback = FEEDBACK_FULL };
	snprintf(a.course, sizeof a.course, "%s", r->course.short_name);
	snprintf(a.zone, sizeof a.zone, "%s", r->course.zone);
	snprintf(a.short_name, sizeof a.short_name, "%s", f.short_name);
	if (!why && assignment_edit_store(r->db, &a, &f.g, 1, err, sizeof err) < 0)
		why = err;
	if (why)
		form_page(r, 400, NULL, &f, typed_problems(r), why);
	else
		stored(r, &a);
	free(f.problems);
}


void page_assignment_settings_form(struct request *r)
{
	struct db_assignment a;
	struct form f;
	char times[3][32], late[64], minutes[2][16];
	struct problem_lines *pl = malloc(sizeof *pl);
	if (!pl) {
		http_error(r, 503, "The server is out of memory.");
		return;
	}
	if (course_view_find(r, &a)) {
		from_assignment(r, &a, &f, times, late, minutes, pl);
		form_page(r, 200, &a, &f, pl->text, NULL);
	}
	free(pl);
}

void page_assignment_settings(struct request *r)
{
	struct db_assignment a;
	struct form f;
	char err[512];
	if (!course_view_find(r, &a))
		return;
	const char *why = read_form(r, &f);
	struct db_assignment was = a;
	if (!why && assignment_edit_store(r->db, &a, &f.g, 0, err, sizeof err) < 0)
		why = err;
	if (why)
		form_page(r, 400, &was, &f, typed_problems(r), why);
	else
		stored(r, &a);
	free(f.problems);
}
