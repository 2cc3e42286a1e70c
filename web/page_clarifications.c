/* page_clarifications.c - a course's questions and announcements: members ask, staff answer privately or to everyone, or announce. A student reads the public ones and their own. */
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include <stdio.h>
#include <string.h>

#define TEXT_MAX 4000

struct listing {
	struct tpl_dict *d;
	const char *course, *zone;
	int staff, count;
	long long find_id; /* answering: is this question the course's? */
	int found;
};

static void add_item(const struct db_clarification *c, void *arg)
{
	struct listing *l = arg;
	l->found |= c->id == l->find_id && c->question[0];
	if (!l->d)
		return;
	struct tpl_dict *it = tpl_add_section(l->d, "ITEM");
	l->count++;
	tpl_set_int(it, "ID", c->id);
	tpl_set(it, "COURSE", l->course);
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

static void clarifications_page(struct request *r, int status, const char *error)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, "Clarifications", "clarifications.tpl", &p);
	if (!d)
		return;
	int staff = page_course_staff(r);
	char err[512];
	tpl_set(d, "COURSE", r->course.short_name);
	tpl_show_section(d, staff ? "STAFF" : "MEMBER");
	struct tpl_dict *ask = tpl_add_section(d, "ASK");
	tpl_set(ask, "LABEL", staff ? "An announcement to everyone in the course" : "Your question (only the staff see it)");
	tpl_set(ask, "BUTTON", staff ? "Announce" : "Ask");
	if (error)
		tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
	struct listing l = { d, r->course.short_name, r->course.zone, staff, 0, 0, 0 };
	int rc = db_clarification_list(r->db, r->course.id, staff ? 0 : r->s.user_id, add_item, &l, err, sizeof err);
	if (!l.count)
		tpl_show_section(d, "NONE");
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

/* A member asks; staff announce. */
void page_clarification_ask(struct request *r)
{
	const char *text = http_form(r, "text");
	char err[512], where[128];
	long long id;
	if (!text_ok(r, text))
		return;
	int rc = page_course_staff(r) ? db_announcement_add(r->db, r->course.id, 0, r->s.user_id, text, &id, err, sizeof err)
				      : db_clarification_ask(r->db, r->course.id, 0, r->s.user_id, text, &id, err, sizeof err);
	if (rc < 0) {
		http_error(r, 503, err);
		return;
	}
	snprintf(where, sizeof where, "/courses/%s/clarifications", r->course.short_name);
	http_redirect(r, where);
}

/* Staff answer question args[1] of this course. */
void page_clarification_answer(struct request *r)
{
	const char *text = http_form(r, "text");
	long long id = http_id(r->args[1]);
	char err[512], where[128];
	struct listing l = { NULL, NULL, NULL, 1, 0, id, 0 };
	if (!text_ok(r, text))
		return;
	if (db_clarification_list(r->db, r->course.id, 0, add_item, &l, err, sizeof err) < 0) {
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
