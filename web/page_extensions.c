/* page_extensions.c - an assignment's extensions for its staff, and granting one (extension_grant.c, as `verdict extension add`). Students see only their own, on the assignment's page. */
#include "course_view.h"
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "extension_grant.h"

#include <stdio.h>
#include <string.h>

struct listing {
	struct tpl_dict *d, *table;
	const struct db_assignment *a;
};

static void add_extension(const struct db_extension *e, void *arg)
{
	struct listing *l = arg;
	if (!l->table)
		l->table = tpl_add_section(l->d, "TABLE");
	struct tpl_dict *row = tpl_add_section(l->table, "EXTENSION");
	char who[96];
	if (e->user[0])
		snprintf(who, sizeof who, "%s", e->user);
	else
		snprintf(who, sizeof who, "section %s", e->section);
	tpl_set(row, "WHO", who);
	page_zone_time(row, "DUE", e->times.due, l->a->zone);
	if (e->times.late_until != DUE_NONE)
		page_zone_time(tpl_add_section(row, "UNTIL"), "LATE_UNTIL", e->times.late_until, l->a->zone);
	else
		tpl_show_section(row, "KEEPS");
	tpl_set(row, "REASON", e->reason);
	tpl_set(row, "BY", e->granted_by[0] ? e->granted_by : "the command line");
}

static void extensions_page(struct request *r, int status, const struct db_assignment *a, const char *error)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, "Extensions", "extensions.tpl", &p);
	if (!d)
		return;
	char err[512];
	tpl_set(d, "COURSE", a->course);
	tpl_set(d, "SHORT", a->short_name);
	tpl_set(d, "TITLE", a->title);
	tpl_set(d, "ZONE", a->zone);
	page_zone_time(d, "DUE", a->times.due, a->zone);
	if (error)
		tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
	if (strcmp(r->course_role, "ta") != 0)
		tpl_show_section(d, "GRANT");
	struct listing l = { d, NULL, a };
	int rc = db_extension_list(r->db, a->id, add_extension, &l, err, sizeof err);
	if (!l.table)
		tpl_show_section(d, "NONE");
	page_send_or_error(r, p, status, rc, err);
}


void page_extensions(struct request *r)
{
	struct db_assignment a;
	if (course_view_find(r, &a))
		extensions_page(r, 200, &a, NULL);
}

void page_extension_add(struct request *r)
{
	struct db_assignment a;
	if (!course_view_find(r, &a))
		return;
	const char *user = http_form(r, "user"), *section = http_form(r, "section");
	char err[512];
	long long id;
	struct due_extension t;
	if (!*user == !*section) {
		extensions_page(r, 400, &a, "Name one student, or one section.");
		return;
	}
	if (extension_grant(r->db, &a, user, *section ? section : NULL, http_form(r, "due"), http_form(r, "late_until"),
			    http_form(r, "reason"), r->s.user_id, &id, &t, err, sizeof err) < 0) {
		extensions_page(r, 400, &a, err);
		return;
	}
	char where[200];
	snprintf(where, sizeof where, "/courses/%s/%s/extensions", a.course, a.short_name);
	http_redirect(r, where);
}
