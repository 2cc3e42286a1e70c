/* page_util.c - small things several pages share. */
#include "page_util.h"
#include "http.h"
#include "template.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int page_is_staff(const struct request *r)
{
	return r->logged_in && (strcmp(r->s.role, "instructor") == 0 || strcmp(r->s.role, "admin") == 0);
}

void page_time(long long t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || !strftime(out, n, "%Y-%m-%d %H:%M:%S UTC", &tm))
		snprintf(out, n, "%lld", t);
}

void page_set_verdict(struct tpl_dict *d, const char *state, const char *verdict, int has_score, double score)
{
	const char *shown = verdict && *verdict ? verdict : state;
	tpl_set(d, "VERDICT", shown);
	tpl_set(d, "VCLASS", shown);
	if (has_score && verdict && *verdict) {
		char points[32];
		snprintf(points, sizeof points, "%g", score);
		tpl_set(tpl_add_section(d, "SCORE"), "POINTS", points);
	}
}
