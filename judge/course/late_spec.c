/* late_spec.c - a late policy written as one word: "none", "penalty:10/day,floor:50", "days:2". */
#include "late_spec.h"

#include "points.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FORMS "none, penalty:PCT/hour, penalty:PCT/day[,floor:PCT] or days[:N][,ask]"

/* A percentage 0..100 with at most two decimals, the whole of s up to end
 * (end NULL: to the string's end). Returns 0 or -1. */
static int percent(const char *s, const char *end, double *out)
{
	char buf[32];
	size_t len = end ? (size_t)(end - s) : strlen(s);
	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = 0;
	char *stop;
	double v = strtod(buf, &stop);
	const char *dot = strchr(buf, '.');
	if (*stop || buf[0] == '-' || buf[0] == '+' || !(v >= 0 && v <= 100) || (dot && strlen(dot + 1) > 2) ||
	    strspn(buf, "0123456789.") != len)
		return -1;
	*out = v;
	return 0;
}

static int penalty(const char *s, struct late_policy *p)
{
	const char *slash = strchr(s, '/');
	if (!slash || percent(s, slash, &p->percent) < 0)
		return -1;
	const char *unit = slash + 1, *comma = strchr(unit, ',');
	size_t ulen = comma ? (size_t)(comma - unit) : strlen(unit);
	if (ulen == 4 && !strncmp(unit, "hour", 4))
		p->unit = LATE_PER_HOUR;
	else if (ulen == 3 && !strncmp(unit, "day", 3))
		p->unit = LATE_PER_DAY;
	else
		return -1;
	if (comma && (strncmp(comma + 1, "floor:", 6) != 0 || percent(comma + 7, NULL, &p->floor_percent) < 0))
		return -1;
	p->kind = LATE_PENALTY;
	return 0;
}

int late_spec_parse(const char *spec, struct late_policy *out, char *err, size_t n)
{
	struct late_policy p = { .kind = LATE_NONE };
	int bad = 0;
	if (!strcmp(spec, "none")) {
		p.kind = LATE_NONE;
	} else if (!strncmp(spec, "penalty:", 8)) {
		bad = penalty(spec + 8, &p) < 0;
	} else if (!strcmp(spec, "days") || !strcmp(spec, "days,ask")) {
		p.kind = LATE_DAYS;
		p.ask = spec[4] == ',';
	} else if (!strncmp(spec, "days:", 5)) {
		char *end;
		long d = strtol(spec + 5, &end, 10);
		p.ask = !strcmp(end, ",ask");
		bad = (*end && !p.ask) || end == spec + 5 || spec[5] == '-' || spec[5] == '+' || d < 0 || d > 365;
		p.kind = LATE_DAYS;
		p.max_days = (int)d;
	} else {
		bad = 1;
	}
	if (bad)
		return errf(err, n, "late policy '%s' is not one of %s (PCT from 0 to 100, N from 0 to 365)", spec, FORMS);
	if (late_policy_check(&p, err, n) < 0)
		return -1;
	*out = p;
	return 0;
}

const char *late_spec_format(const struct late_policy *p, char *out, size_t n)
{
	char pct[32], floor[32];
	if (p->kind == LATE_PENALTY) {
		points_format_short(points_cents(p->percent), pct, sizeof pct);
		points_format_short(points_cents(p->floor_percent), floor, sizeof floor);
		snprintf(out, n, "penalty:%s/%s%s%s", pct, p->unit == LATE_PER_HOUR ? "hour" : "day",
			 p->floor_percent > 0 ? ",floor:" : "", p->floor_percent > 0 ? floor : "");
	} else if (p->kind == LATE_DAYS && p->max_days > 0) {
		snprintf(out, n, "days:%d%s", p->max_days, p->ask ? ",ask" : "");
	} else if (p->kind == LATE_DAYS) {
		snprintf(out, n, "days%s", p->ask ? ",ask" : "");
	} else {
		snprintf(out, n, "%s", p->kind == LATE_DAYS ? "days" : "none");
	}
	return out;
}
