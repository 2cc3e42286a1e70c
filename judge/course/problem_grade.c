/* problem_grade.c - one student's points on one problem of an assignment. */
#include "problem_grade.h"

#include "points.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int problem_grade(const struct grade_rules *r, const struct grade_attempt *a, size_t n, struct grade_result *out,
		  char *err, size_t errn)
{
	memset(out, 0, sizeof *out);
	out->chosen = -1;
	if (late_policy_check(&r->late, err, errn) < 0)
		return -1;
	if (n == 0)
		return 0;
	struct which_entry *w = calloc(n, sizeof *w);
	struct late_outcome *o = calloc(n, sizeof *o);
	int64_t *raw = calloc(n, sizeof *raw);
	if (!w || !o || !raw) {
		free(w);
		free(o);
		free(raw);
		return errf(err, errn, "out of memory");
	}
	/* Late days were taken from the bank when the submissions were made
	 * (assignment_submit.c); here a late one counts if the assignment
	 * holds enough days for it. */
	struct late_bank bank = { .balance = 0, .spent_here = r->late_days_here };
	double max = (double)r->points / 100;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct due_placement place;
		w[i].time = a[i].time;
		if (due_window_place(&r->window, a[i].time, NULL, &place, err, errn) < 0) {
			rc = -1;
			break;
		}
		if (place.cls == DUE_EARLY || place.cls == DUE_CLOSED)
			continue;
		/* the share in millionths, so 2/3 of 100 points is 66.67 */
		double frac = a[i].fraction < 0 ? 0 : a[i].fraction > 1 ? 1 : a[i].fraction;
		raw[i] = points_scale(r->points, points_cents(frac * 10000), 1000000);
		rc = late_policy_apply(&r->late, (double)raw[i] / 100, max, place.late_seconds, &bank, &o[i], err, errn);
		w[i].allowed = o[i].allowed;
		w[i].late = place.cls == DUE_LATE;
		w[i].final_points = o[i].points;
	}
	if (rc == 0) {
		out->chosen = which_counts_choose(r->counts, w, n);
		if (out->chosen >= 0) {
			size_t c = (size_t)out->chosen;
			out->raw = raw[c];
			out->final = points_cents(o[c].points);
			out->late = w[c].late;
			memcpy(out->explanation, o[c].explanation, sizeof out->explanation);
			if (r->late.kind == LATE_DAYS && out->late) {
				/* late_policy's text counts the bank as it was at
				 * submission; here only the days matter */
				char pts[32], of[32];
				snprintf(out->explanation, sizeof out->explanation, "%lld day%s late, on late days, %s of %s",
					 (long long)o[c].units_late, o[c].units_late == 1 ? "" : "s",
					 points_format(out->final, pts, sizeof pts),
					 points_format_short(r->points, of, sizeof of));
			}
		}
	}
	free(w);
	free(o);
	free(raw);
	return rc;
}

int problem_grade_window(const struct due_times *a, int64_t window_seconds, int64_t started,
			 const struct due_extension *ext, struct due_times *out, char *err, size_t n)
{
	struct due_times base = *a;
	if (window_seconds > 0 && started != DUE_NONE) {
		base.opens = started;
		if (started <= a->due - window_seconds)
			base.due = started + window_seconds;
	}
	return due_window_effective(&base, ext, out, err, n);
}
