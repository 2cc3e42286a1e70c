/* page_settings.c - a problem's visibility and limits. */
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "db.h"
#include "limit.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void settings_page(struct request *r, int status, const char *error, int saved)
{
	struct db_version v;
	if (!page_visible_problem(r, r->args[0], &v))
		return;
	struct page *p;
	struct tpl_dict *d = page_new(r, "Settings", "settings.tpl", &p);
	if (!d)
		return;
	tpl_set(d, "TITLE", v.title);
	tpl_set(d, "SHORT", v.short_name);
	tpl_set_int(d, "VERSION", v.version);
	tpl_set_int(d, "TESTS", v.test_count);
	tpl_set(d, "FORMAT", v.format);
	char num[32];
	snprintf(num, sizeof num, "%g", v.time_limit);
	tpl_set(d, "TIME", num);
	tpl_set_int(d, "MEMORY", v.memory_mb);
	char range[64];
	tpl_set(d, "TIME_RANGE", limit_range_text(LIMIT_TIME, range, sizeof range));
	tpl_set(d, "MEMORY_RANGE", limit_range_text(LIMIT_MEMORY, range, sizeof range));
	if (v.visible)
		tpl_show_section(d, "VISIBLE");
	if (error)
		tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
	if (saved)
		tpl_show_section(d, "SAVED");
	page_send(r, p, status);
}

void page_settings_form(struct request *r)
{
	const char *saved = http_query(r, "saved");
	settings_page(r, 200, NULL, saved && strcmp(saved, "1") == 0);
}

void page_settings(struct request *r)
{
	const char *name = r->args[0];
	double time_limit, memory;
	int visible = strcmp(http_form(r, "visible"), "1") == 0;
	char err[512];
	/* The ranges of judge/core/limit.c; db_problem_set_limits checks them again. */
	if (limit_parse(LIMIT_TIME, http_form(r, "time_limit"), &time_limit, err, sizeof err) < 0 ||
	    limit_parse(LIMIT_MEMORY, http_form(r, "memory_mb"), &memory, err, sizeof err) < 0) {
		err[0] = (char)toupper((unsigned char)err[0]);
		settings_page(r, 400, err, 0);
		return;
	}
	int rc = db_problem_set_limits(r->db, name, time_limit, (long)memory, err, sizeof err);
	if (rc == 1)
		rc = db_problem_set_visible(r->db, name, visible, err, sizeof err);
	if (rc <= 0) {
		http_error(r, rc < 0 ? 503 : 404, rc < 0 ? err : "There is no such problem.");
		return;
	}
	char where[400];
	snprintf(where, sizeof where, "/problems/%s/settings?saved=1", name);
	http_redirect(r, where);
}
