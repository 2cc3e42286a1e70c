/* page_settings.c - a problem's visibility and limits. */
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "db.h"

#include <math.h>
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

/* A number from a form field, or NAN if it is not one. */
static double number(const char *s)
{
	char *end;
	double v = strtod(s, &end);
	return end == s || *end || !isfinite(v) ? NAN : v;
}

void page_settings(struct request *r)
{
	const char *name = r->args[0];
	double time_limit = number(http_form(r, "time_limit"));
	double memory = number(http_form(r, "memory_mb"));
	int visible = strcmp(http_form(r, "visible"), "1") == 0;
	if (isnan(time_limit) || time_limit < 0.1 || time_limit > 60) {
		settings_page(r, 400, "The time limit is a number of seconds from 0.1 to 60.", 0);
		return;
	}
	if (isnan(memory) || memory != floor(memory) || memory < 16 || memory > 4096) {
		settings_page(r, 400, "The memory limit is a whole number of MB from 16 to 4096.", 0);
		return;
	}
	char err[512];
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
