/* page_clarifications.c - a course's questions and announcements, about the whole course or one assignment: members ask, staff answer privately or to everyone, or announce. A student reads the public ones and their own, except those about an assignment not open to them yet. */
#include "course_view.h"
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TEXT_MAX 4000

/* The course's assignments as the reader sees them: what a question may
 * be about, and which questions they may read. */
struct abouts {
	struct db_assignment *a;
	int *visible;
	int n, cap;
};

static void on_assignment(const struct db_assignment *a, void *arg)
{
	struct abouts *l = arg;
	struct db_assignment *to = array_push((void **)&l->a, &l->n, &l->cap, sizeof *to);
	if (to)
		*to = *a;
}

/* Fills *l for the request's user. Returns 0, or -1 after answering 503. */
static int abouts_load(struct request *r, struct abouts *l)
{
	char err[512];
	memset(l, 0, sizeof *l);
	if (db_assignment_list(r->db, r->course.id, on_assignment, l, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return -1;
	}
	if (!(l->visible = calloc((size_t)l->n + 1, sizeof *l->visible))) {
		http_error(r, 503, "out of memory");
		return -1;
	}
	int64_t now = (int64_t)time(NULL);
	for (int i = 0; i < l->n; i++) {
		struct course_view v;
		if (course_view_for(r, &l->a[i], now, &v) < 0)
			return -1;
		l->visible[i] = v.visible;
	}
	return 0;
}

static void abouts_free(struct abouts *l)
{
	free(l->a);
	free(l->visible);
	memset(l, 0, sizeof *l);
}

/* The assignment id of the reader's: its index, or -1 (none, or hidden). */
static int about_by_id(const struct abouts *l, long long id)
{
	for (int i = 0; i < l->n; i++)
		if (l->a[i].id == id)
			return l->visible[i] ? i : -1;
	return -1;
}

static int about_by_name(const struct abouts *l, const char *name)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->a[i].short_name, name) == 0)
			return l->visible[i] ? i : -1;
	return -1;
}

struct listing {
	struct tpl_dict *d;
	const char *course, *zone;
	int staff, count;
	const struct abouts *about;
	long long only;    /* an assignment's id: list only what is about it */
	long long find_id; /* answering: is this question the course's? */
	int found;
};

static void add_item(const struct db_clarification *c, void *arg)
{
	struct listing *l = arg;
	int about = c->assignment_id ? about_by_id(l->about, c->assignment_id) : -1;
	if (c->assignment_id && about < 0) /* about an assignment not open to the reader yet */
		return;
	l->found |= c->id == l->find_id && c->question[0];
	if (!l->d || (l->only && c->assignment_id != l->only))
		return;
	struct tpl_dict *it = tpl_add_section(l->d, "ITEM");
	l->count++;
	tpl_set_int(it, "ID", c->id);
	tpl_set(it, "COURSE", l->course);
	if (about >= 0) {
		struct tpl_dict *ab = tpl_add_section(it, "ABOUT");
		tpl_set(ab, "COURSE", l->course);
		tpl_set(ab, "ASSIGNMENT", l->about->a[about].short_name);
		tpl_set(ab, "TITLE", l->about->a[about].title);
	}
	if (c->question[0]) {
		struct tpl_dict *q = tpl_add_section(it, "QUESTION");
		tpl_set(q, "AUTHOR", c->author);
		tpl_set(q, "TEXT", c->question);
		page_zone_time(q, "ASKED", c->asked_at, l->zone);
	}
	if (c->answered_at) {
		struct tpl_dict *a = tpl_add_section(it, "ANSWER");
		tpl_set(a, "BY", c->question[0] ? c->answered_by : c->author);
		tpl_set(a, "TEXT", c->answer);
		page_zone_time(a, "AT", c->answered_at, l->zone);
		tpl_show_section(a, c->question[0] ? "ANSWERED" : "ANNOUNCED");
		if (c->public_ && c->question[0])
			tpl_show_section(a, "PUBLIC");
	} else {
		tpl_show_section(it, "OPEN");
		if (l->staff)
			tpl_show_section(it, "REPLY");
	}
}

/* The page; ?about=A (or the form's about) lists only what is about
 * assignment A and asks about it. */
static void clarifications_page(struct request *r, int status, const char *error)
{
	struct abouts ab;
	if (abouts_load(r, &ab) < 0)
		return;
	const char *want = status == 200 ? http_query(r, "about") : http_form(r, "about");
	if (!want)
		want = "";
	int only = *want ? about_by_name(&ab, want) : -1;
	if (*want && only < 0) {
		abouts_free(&ab);
		http_error(r, 404, "There is no such assignment in this course, or it is not open yet.");
		return;
	}
	struct page *p;
	struct tpl_dict *d = page_new(r, "Clarifications", "clarifications.tpl", &p);
	if (!d) {
		abouts_free(&ab);
		return;
	}
	int staff = page_course_staff(r);
	char err[512];
	tpl_set(d, "COURSE", r->course.short_name);
	tpl_show_section(d, staff ? "STAFF" : "MEMBER");
	if (only >= 0) {
		struct tpl_dict *f = tpl_add_section(d, "FILTER");
		tpl_set(f, "COURSE", r->course.short_name);
		tpl_set(f, "ASSIGNMENT", ab.a[only].short_name);
		tpl_set(f, "TITLE", ab.a[only].title);
	}
	struct tpl_dict *ask = tpl_add_section(d, "ASK");
	tpl_set(ask, "LABEL", staff ? "An announcement to everyone in the course" : "Your question (only the staff see it)");
	tpl_set(ask, "BUTTON", staff ? "Announce" : "Ask");
	tpl_set(ask, "COURSE", r->course.short_name);
	for (int i = 0; i < ab.n; i++) {
		if (!ab.visible[i])
			continue;
		struct tpl_dict *o = tpl_add_section(ask, "OPTION");
		tpl_set(o, "ASSIGNMENT", ab.a[i].short_name);
		tpl_set(o, "TITLE", ab.a[i].title);
		if (i == only)
			tpl_show_section(o, "SELECTED");
	}
	if (error)
		tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
	struct listing l = { d, r->course.short_name, r->course.zone, staff, 0, &ab, only >= 0 ? ab.a[only].id : 0, 0, 0 };
	int rc = db_clarification_list(r->db, r->course.id, staff ? 0 : r->s.user_id, add_item, &l, err, sizeof err);
	if (!l.count)
		tpl_show_section(d, "NONE");
	abouts_free(&ab);
	page_send_or_error(r, p, status, rc, err);
}

void page_clarifications(struct request *r)
{
	clarifications_page(r, 200, NULL);
}

/* The form's text: 1, or 0 after showing the page again with why. */
static int text_ok(struct request *r, const char *text)
{
	if (!*text || strlen(text) > TEXT_MAX) {
		clarifications_page(r, 400, "Write 1 to 4,000 bytes.");
		return 0;
	}
	return 1;
}

/* A member asks; staff announce; about the course, or about an
 * assignment the asker can see (the form's about). */
void page_clarification_ask(struct request *r)
{
	const char *text = http_form(r, "text"), *about = http_form(r, "about");
	char err[512], where[256];
	long long id, assignment_id = 0;
	if (!text_ok(r, text))
		return;
	if (*about) {
		struct abouts ab;
		if (abouts_load(r, &ab) < 0)
			return;
		int i = about_by_name(&ab, about);
		assignment_id = i >= 0 ? ab.a[i].id : 0;
		abouts_free(&ab);
		if (i < 0) {
			http_error(r, 400, "There is no such assignment in this course, or it is not open yet: ask about the "
					   "course, or about an assignment in the list.");
			return;
		}
	}
	int rc = page_course_staff(r)
			 ? db_announcement_add(r->db, r->course.id, assignment_id, r->s.user_id, text, &id, err, sizeof err)
			 : db_clarification_ask(r->db, r->course.id, assignment_id, r->s.user_id, text, &id, err, sizeof err);
	if (rc < 0) {
		http_error(r, 503, err);
		return;
	}
	/* about matched an assignment's short name: letters, digits, - and _ */
	snprintf(where, sizeof where, "/courses/%s/clarifications%s%s", r->course.short_name, *about ? "?about=" : "",
		 about);
	http_redirect(r, where);
}

/* Staff answer question args[1] of this course. */
void page_clarification_answer(struct request *r)
{
	const char *text = http_form(r, "text");
	long long id = http_id(r->args[1]);
	char err[512], where[128];
	if (!text_ok(r, text))
		return;
	struct abouts ab;
	if (abouts_load(r, &ab) < 0)
		return;
	struct listing l = { NULL, NULL, NULL, 1, 0, &ab, 0, id, 0 };
	int listed = db_clarification_list(r->db, r->course.id, 0, add_item, &l, err, sizeof err);
	abouts_free(&ab);
	if (listed < 0) {
		http_error(r, 503, err);
		return;
	}
	if (!id || !l.found) { /* another course's question is no question of this one */
		http_error(r, 404, "There is no such question.");
		return;
	}
	int rc = db_clarification_answer(r->db, id, r->s.user_id, text, *http_form(r, "public") != 0, err, sizeof err);
	if (rc <= 0) {
		http_error(r, rc < 0 ? 503 : 404, rc < 0 ? err : "There is no such question.");
		return;
	}
	snprintf(where, sizeof where, "/courses/%s/clarifications", r->course.short_name);
	http_redirect(r, where);
}
