/* course_late_policy: what a late submission costs (judge/course/late_policy.c):
 * started units, the penalty and its rounding (2 decimals, half away from
 * zero, in exact hundredths), the floor, refusal without a late policy, and
 * the late-day bank: days spent per assignment, not per submission, the
 * balance running out, an assignment's maximum. Expected numbers are worked
 * by hand in the comments. Prints TAP lines. */
#include "course_check.h"
#include "late_policy.h"

#include <math.h>
#include <string.h>

#define AREA "late"
#define HOUR 3600
#define DAY 86400

/* Applies p and checks the points (to the hundredth) and the explanation. */
static void outcome_is(const struct late_policy *p, double raw, double max, int64_t late, double points,
		       const char *explanation, const char *what)
{
	struct late_outcome o;
	char err[256] = "", detail[1024];
	int r = late_policy_apply(p, raw, max, late, NULL, &o, err, sizeof err);
	snprintf(detail, sizeof detail, "%.4f, '%s' %s", o.points, o.explanation, err);
	check(r == 0 && o.allowed && fabs(o.points - points) < 1e-9 && strcmp(o.explanation, explanation) == 0, AREA,
	      what, detail);
}

static void penalty(void)
{
	struct late_policy per_day = { .kind = LATE_PENALTY, .percent = 10, .unit = LATE_PER_DAY };
	outcome_is(&per_day, 100, 100, DAY + 1, 80, "\xe2\x88\x92" "20% (2 days late), 80.00 of 100",
		   "a day and a second late is 2 started days: -20%, 80.00 of 100");
	outcome_is(&per_day, 100, 100, DAY, 90, "\xe2\x88\x92" "10% (1 day late), 90.00 of 100",
		   "exactly 24 hours late is 1 day");
	outcome_is(&per_day, 100, 100, 1, 90, "\xe2\x88\x92" "10% (1 day late), 90.00 of 100",
		   "one second late is a started day");
	outcome_is(&per_day, 100, 100, 0, 100, "on time, 100.00 of 100", "on time: no penalty");
	outcome_is(&per_day, 80.004, 100, -5, 80, "on time, 80.00 of 100", "raw points are taken to 2 decimals");
	/* 33.33 × 0.9 = 29.997 -> 30.00 */
	outcome_is(&per_day, 33.33, 50, 3 * HOUR, 30, "\xe2\x88\x92" "10% (1 day late), 30.00 of 50",
		   "29.997 rounds to 30.00");
	/* 12.50 × 0.89 = 11.125: half away from zero gives 11.13 (half to even would give 11.12) */
	struct late_policy eleven = { .kind = LATE_PENALTY, .percent = 11, .unit = LATE_PER_DAY };
	outcome_is(&eleven, 12.5, 20, HOUR, 11.13, "\xe2\x88\x92" "11% (1 day late), 11.13 of 20",
		   "11.125 rounds half away from zero, to 11.13");
	/* 0.05 × 0.5 = 0.025 -> 0.03 */
	struct late_policy half = { .kind = LATE_PENALTY, .percent = 50, .unit = LATE_PER_DAY };
	outcome_is(&half, 0.05, 1, HOUR, 0.03, "\xe2\x88\x92" "50% (1 day late), 0.03 of 1", "0.025 rounds to 0.03");
	/* 2.5% an hour, 3 h 1 s late = 4 started hours = 10%: 50 × 0.9 = 45 */
	struct late_policy hourly = { .kind = LATE_PENALTY, .percent = 2.5, .unit = LATE_PER_HOUR };
	outcome_is(&hourly, 50, 50, 3 * HOUR + 1, 45, "\xe2\x88\x92" "10% (4 hours late), 45.00 of 50",
		   "per hour: 3 h 1 s late is 4 hours, 10% off");
	outcome_is(&hourly, 50, 50, 10, 48.75, "\xe2\x88\x92" "2.5% (1 hour late), 48.75 of 50",
		   "2.5% is written as 2.5%");
	/* 20% a day, floor 50%: 4 days would be 80% off, the floor holds it at 50%: 90 × 0.5 = 45 */
	struct late_policy floored = { .kind = LATE_PENALTY, .percent = 20, .unit = LATE_PER_DAY, .floor_percent = 50 };
	outcome_is(&floored, 90, 100, 3 * DAY + 1, 45,
		   "\xe2\x88\x92" "50% (4 days late, held at the floor), 45.00 of 100",
		   "the floor: never below 50% of the raw points");
	outcome_is(&floored, 90, 100, 2 * DAY, 54, "\xe2\x88\x92" "40% (2 days late), 54.00 of 100",
		   "above the floor the penalty is the penalty (90 x 0.6)");
	outcome_is(&per_day, 100, 100, 12 * DAY, 0, "\xe2\x88\x92" "100% (12 days late), 0.00 of 100",
		   "without a floor, 12 days at 10% is nothing, not less");
	outcome_is(&per_day, 100, 100, INT64_MAX / 2, 0, "\xe2\x88\x92" "100% (53375995583651 days late), 0.00 of 100",
		   "an absurd lateness does not overflow");

	struct late_policy none = { .kind = LATE_NONE };
	struct late_outcome o;
	char err[256] = "";
	late_policy_apply(&none, 100, 100, 1, NULL, &o, err, sizeof err);
	check(!o.allowed && o.points == 0 && strcmp(o.explanation, "late submissions are not accepted") == 0, AREA,
	      "no late policy: a second late is refused", o.explanation);
	late_policy_apply(&none, 100, 100, 0, NULL, &o, err, sizeof err);
	check(o.allowed && o.points == 100, AREA, "and on time is on time", o.explanation);

	struct late_policy bad = { .kind = LATE_PENALTY, .percent = 120, .unit = LATE_PER_DAY };
	check(late_policy_apply(&bad, 1, 1, 1, NULL, &o, err, sizeof err) < 0 && strstr(err, "0 to 100"), AREA,
	      "a penalty over 100% is refused", err);
	bad = (struct late_policy){ .kind = LATE_PENALTY, .percent = 5, .floor_percent = NAN };
	check(late_policy_check(&bad, err, sizeof err) < 0, AREA, "a NaN floor is refused", err);
}

static void bank(void)
{
	struct late_policy days = { .kind = LATE_DAYS };
	struct late_bank b = { .balance = 3, .spent_here = 0 };
	struct late_outcome o;
	char err[256] = "";
	check(late_policy_apply(&days, 100, 100, 1, NULL, &o, err, sizeof err) < 0, AREA,
	      "late days without the student's bank is an error", err);

	late_policy_apply(&days, 100, 100, DAY + 1, &b, &o, err, sizeof err);
	check(o.allowed && o.days_spent == 2 && o.days_here == 2 && o.points == 100 &&
		      strcmp(o.explanation, "2 days late: 2 late days used here, 1 left, 100.00 of 100") == 0,
	      AREA, "2 started days late spends 2 of 3 days, points untouched", o.explanation);
	b = (struct late_bank){ .balance = 1, .spent_here = 2 };
	late_policy_apply(&days, 70, 100, 10, &b, &o, err, sizeof err);
	check(o.allowed && o.days_spent == 0 && o.days_here == 2 && o.points == 70, AREA,
	      "a later submission 1 day late on the same assignment spends nothing more", o.explanation);
	late_policy_apply(&days, 70, 100, 2 * DAY + 1, &b, &o, err, sizeof err);
	check(o.allowed && o.days_spent == 1 && o.days_here == 3 && strstr(o.explanation, "3 late days used here, 0 left"),
	      AREA, "one 3 days late spends only the 1 day the assignment lacks", o.explanation);
	b = (struct late_bank){ .balance = 0, .spent_here = 3 };
	late_policy_apply(&days, 70, 100, 3 * DAY + 1, &b, &o, err, sizeof err);
	check(!o.allowed && o.points == 0 && strcmp(o.explanation, "4 days late: needs 1 more late day, 0 left") == 0,
	      AREA, "with the balance spent, a fourth day is refused", o.explanation);
	late_policy_apply(&days, 70, 100, 3 * DAY, &b, &o, err, sizeof err);
	check(o.allowed && o.days_spent == 0, AREA, "but 3 days late still fits what the assignment holds",
	      o.explanation);
	b = (struct late_bank){ .balance = 0, .spent_here = 0 };
	late_policy_apply(&days, 100, 100, 1, &b, &o, err, sizeof err);
	check(!o.allowed && strstr(o.explanation, "needs 1 more late day, 0 left"), AREA,
	      "an empty bank refuses even a second late", o.explanation);
	late_policy_apply(&days, 100, 100, 0, &b, &o, err, sizeof err);
	check(o.allowed && o.days_spent == 0, AREA, "and accepts on time", o.explanation);

	struct late_policy capped = { .kind = LATE_DAYS, .max_days = 2 };
	b = (struct late_bank){ .balance = 5, .spent_here = 0 };
	late_policy_apply(&capped, 100, 100, 2 * DAY + 1, &b, &o, err, sizeof err);
	check(!o.allowed && strcmp(o.explanation, "3 days late: this assignment takes at most 2 late days") == 0, AREA,
	      "an assignment's maximum refuses a third day whatever the balance", o.explanation);
	late_policy_apply(&capped, 100, 100, 2 * DAY, &b, &o, err, sizeof err);
	check(o.allowed && o.days_spent == 2, AREA, "and allows the second", o.explanation);
}

int main(void)
{
	penalty();
	bank();
	return failed;
}
