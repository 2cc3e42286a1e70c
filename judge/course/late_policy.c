/* late_policy.c - what a late submission costs: refused, a penalty on its points, or days from a late-day bank. */
#include "late_policy.h"

#include "points.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define HOUR 3600
#define DAY 86400

int late_policy_check(const struct late_policy *p, char *err, size_t n)
{
	if (p->kind != LATE_NONE && p->kind != LATE_PENALTY && p->kind != LATE_DAYS)
		return errf(err, n, "unknown late policy %d", (int)p->kind);
	if (p->kind == LATE_PENALTY) {
		if (!(p->percent >= 0 && p->percent <= 100))
			return errf(err, n, "the late penalty must be 0 to 100%% per unit, not %g", p->percent);
		if (!(p->floor_percent >= 0 && p->floor_percent <= 100))
			return errf(err, n, "the late penalty's floor must be 0 to 100%%, not %g", p->floor_percent);
		if (p->unit != LATE_PER_HOUR && p->unit != LATE_PER_DAY)
			return errf(err, n, "a late penalty is per hour or per day");
	}
	if (p->kind == LATE_DAYS && p->max_days < 0)
		return errf(err, n, "the most late days for an assignment cannot be negative");
	return 0;
}

/* Started units of unit seconds in s > 0. */
static int64_t started(int64_t s, int64_t unit)
{
	return s / unit + (s % unit != 0);
}

/* "2 days", "1 hour". */
static void units_text(int64_t k, const char *unit, char *out, size_t n)
{
	snprintf(out, n, "%lld %s%s", (long long)k, unit, k == 1 ? "" : "s");
}

/* The penalty: keep (10000 - units × percent) hundredths of a percent of the
 * raw points, but never less than the floor. */
static void apply_penalty(const struct late_policy *p, int64_t raw, int64_t late_seconds, struct late_outcome *out,
			  char *of)
{
	int64_t unit = p->unit == LATE_PER_HOUR ? HOUR : DAY;
	int64_t k = started(late_seconds, unit);
	int64_t per = llround(p->percent * 100), floor_bp = llround(p->floor_percent * 100);
	int64_t off = k >= 10000 ? 10000 * (per > 0) : k * per;
	if (off > 10000)
		off = 10000;
	int floored = 10000 - off < floor_bp;
	if (floored)
		off = 10000 - floor_bp;
	int64_t final = points_scale(raw, 10000 - off, 10000);
	char pct[32], late[48], pts[32];
	units_text(k, p->unit == LATE_PER_HOUR ? "hour" : "day", late, sizeof late);
	points_format_short(off, pct, sizeof pct);
	out->allowed = 1;
	out->units_late = k;
	out->percent_off = (double)off / 100;
	out->points = (double)final / 100;
	snprintf(out->explanation, sizeof out->explanation, "\xe2\x88\x92%s%% (%s late%s), %s of %s", pct, late,
		 floored ? ", held at the floor" : "", points_format(final, pts, sizeof pts), of);
}

/* The bank: the assignment must hold as many days as the submission is
 * late; what it lacks comes from the balance. */
static void spend_days(const struct late_policy *p, const struct late_bank *b, int64_t raw, int64_t late_seconds,
		       struct late_outcome *out, char *of)
{
	int64_t k = started(late_seconds, DAY);
	int64_t more = k > b->spent_here ? k - b->spent_here : 0;
	char late[48], pts[32];
	units_text(k, "day", late, sizeof late);
	out->units_late = k;
	if (p->max_days > 0 && k > p->max_days) {
		snprintf(out->explanation, sizeof out->explanation,
			 "%s late: this assignment takes at most %d late day%s", late, p->max_days,
			 p->max_days == 1 ? "" : "s");
		return;
	}
	if (more > b->balance) {
		snprintf(out->explanation, sizeof out->explanation,
			 "%s late: needs %lld more late day%s, %d left", late, (long long)more, more == 1 ? "" : "s",
			 b->balance);
		return;
	}
	out->allowed = 1;
	out->days_spent = (int)more;
	out->days_here = (int)(k > b->spent_here ? k : b->spent_here);
	out->points = (double)raw / 100;
	snprintf(out->explanation, sizeof out->explanation, "%s late: %d late day%s used here, %lld left, %s of %s",
		 late, out->days_here, out->days_here == 1 ? "" : "s", (long long)(b->balance - more),
		 points_format(raw, pts, sizeof pts), of);
}

int late_policy_apply(const struct late_policy *p, double raw, double max_points, int64_t late_seconds,
		      const struct late_bank *bank, struct late_outcome *out, char *err, size_t n)
{
	if (late_policy_check(p, err, n) < 0)
		return -1;
	if (p->kind == LATE_DAYS && !bank)
		return errf(err, n, "a late-day policy needs the student's bank");
	memset(out, 0, sizeof *out);
	int64_t cents = points_cents(raw);
	char of[32], pts[32];
	points_format_short(points_cents(max_points), of, sizeof of);
	if (late_seconds <= 0) {
		out->allowed = 1;
		out->points = (double)cents / 100;
		out->days_here = bank ? bank->spent_here : 0;
		snprintf(out->explanation, sizeof out->explanation, "on time, %s of %s",
			 points_format(cents, pts, sizeof pts), of);
	} else if (p->kind == LATE_PENALTY) {
		apply_penalty(p, cents, late_seconds, out, of);
	} else if (p->kind == LATE_DAYS) {
		spend_days(p, bank, cents, late_seconds, out, of);
	} else {
		out->units_late = started(late_seconds, DAY);
		snprintf(out->explanation, sizeof out->explanation, "late submissions are not accepted");
	}
	return 0;
}
