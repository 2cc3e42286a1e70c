/* page_util.c - small things several pages share. */
#include "page_util.h"
#include "http.h"
#include "template.h"

#include "fsutil.h"

#include <stdio.h>
#include <stdlib.h>
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

/* What a verdict means, for people who do not know the codes. */
static const char *verdict_meaning(const char *v)
{
	static const char *const names[][2] = {
		{ "AC", "accepted" }, { "WA", "wrong answer" }, { "TLE", "time limit exceeded" },
		{ "MLE", "memory limit exceeded" }, { "RE", "run-time error" }, { "OLE", "output limit exceeded" },
		{ "CE", "compile error" }, { "JE", "judge error: the course staff will look into it" },
		{ "queued", "waiting to be judged" }, { "judging", "being judged" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(v, names[i][0]) == 0)
			return names[i][1];
	return "";
}

void page_set_verdict(struct tpl_dict *d, const char *state, const char *verdict, int has_score, double score)
{
	const char *shown = verdict && *verdict ? verdict : state;
	tpl_set(d, "VERDICT", shown);
	tpl_set(d, "VCLASS", shown);
	tpl_set(d, "MEANING", verdict_meaning(shown));
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
