/* page_util.c - small things several pages share. */
#include "page_util.h"
#include "http.h"
#include "template.h"

#include "db.h"
#include "fsutil.h"
#include "verdict.h"
#include "zone_time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int page_is_staff(const struct request *r)
{
	return r->logged_in && (strcmp(r->s.role, "instructor") == 0 || strcmp(r->s.role, "admin") == 0);
}

long long page_staff_of(const struct request *r)
{
	return strcmp(r->s.role, "admin") == 0 ? 0 : r->s.user_id;
}

int page_course_staff(const struct request *r)
{
	return r->course_role[0] && strcmp(r->course_role, "student") != 0;
}

int page_visible_problem(struct request *r, const char *short_name, struct db_version *v)
{
	char err[512];
	int found = db_problem_current(r->db, short_name, v, err, sizeof err);
	/* A student sees a published problem, or one in an assignment of
	 * their course that has opened; anything else is "no such problem". */
	if (found == 1 && !v->visible && !page_is_staff(r))
		found = db_problem_visible_to(r->db, v->problem_id, r->s.user_id, (int64_t)time(NULL), err, sizeof err);
	if (found < 0) {
		http_error(r, 503, err);
		return 0;
	}
	if (!found) {
		http_error(r, 404, "There is no such problem.");
		return 0;
	}
	return 1;
}

void page_zone_time(struct tpl_dict *d, const char *key, long long t, const char *zone)
{
	if (t == DUE_NONE)
		return;
	char shown[96], iso[32], err[128], iso_key[64];
	if (zone_time_format(t, zone, shown, sizeof shown, err, sizeof err) < 0)
		snprintf(shown, sizeof shown, "%.90s", err);
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || !strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm))
		iso[0] = 0;
	snprintf(iso_key, sizeof iso_key, "%s_ISO", key);
	tpl_set(d, key, shown);
	tpl_set(d, iso_key, iso);
}

void page_time(long long t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || !strftime(out, n, "%Y-%m-%d %H:%M:%S UTC", &tm))
		snprintf(out, n, "%lld", t);
}

/* What a verdict (or the state of one not judged yet) means, in words. */
static const char *meaning(const char *v)
{
	int parsed = verdict_parse(v);
	if (parsed >= 0)
		return verdict_meaning((enum verdict)parsed);
	return strcmp(v, "queued") == 0 ? "waiting to be judged" : strcmp(v, "judging") == 0 ? "being judged" : "";
}

void page_set_verdict(struct tpl_dict *d, const char *state, const char *verdict, int has_score, double score)
{
	const char *shown = verdict && *verdict ? verdict : state;
	tpl_set(d, "VERDICT", shown);
	tpl_set(d, "VCLASS", shown);
	tpl_set(d, "MEANING", meaning(shown));
	if (has_score && verdict && *verdict) {
		char points[32];
		snprintf(points, sizeof points, "%g", score);
		tpl_set(tpl_add_section(d, "SCORE"), "POINTS", points);
	}
}

void page_set_file(struct tpl_dict *d, const char *key, const char *path, size_t max, const char *cut_section)
{
	char *buf = malloc(max + 1);
	int truncated = 0;
	ssize_t got = buf ? read_prefix(path, buf, max, &truncated) : -1;
	if (got >= 0) {
		buf[got] = 0;
		tpl_set(d, key, buf);
		if (truncated && cut_section)
			tpl_set_int(tpl_add_section(d, cut_section), "SHOWN", (long long)max);
	}
	free(buf);
}
