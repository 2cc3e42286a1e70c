/* late_policy.h - what a late submission costs: refused, a penalty on its points, or days from a late-day bank.
 *
 * Lateness comes in whole started units counted from the student's
 * effective due time (due_window.h): 1 second late is 1 hour or 1 day late;
 * a day is 86,400 seconds, not a calendar day, so a DST change does not
 * lengthen or shorten it.
 *
 * Points are exact hundredths (points.h): raw points are first rounded to
 * 2 decimals, the penalty is applied in integer arithmetic, and the result
 * is rounded to 2 decimals, half away from zero.
 */
#ifndef VERDICT_LATE_POLICY_H
#define VERDICT_LATE_POLICY_H

#include <stddef.h>
#include <stdint.h>

enum late_kind {
	LATE_NONE,    /* a late submission is refused */
	LATE_PENALTY, /* percent off per started hour or day, down to a floor */
	LATE_DAYS,    /* whole days from the student's bank for the course */
};

enum late_unit { LATE_PER_HOUR, LATE_PER_DAY };

struct late_policy {
	enum late_kind kind;
	double percent;       /* LATE_PENALTY: percent of the points off per started unit, 0..100, to 0.01 */
	enum late_unit unit;  /* LATE_PENALTY */
	double floor_percent; /* LATE_PENALTY: the points never go below this percent of the raw points, 0..100 */
	int max_days;         /* LATE_DAYS: the most late days one assignment may take; 0: no limit but the bank */
	int ask;              /* LATE_DAYS: days are spent only when the student says so (late_spec "days,ask") */
};

/* LATE_DAYS: the student's bank as it stands before this submission. */
struct late_bank {
	int balance;    /* days left in the course (what this assignment already took is not in it) */
	int spent_here; /* days this assignment has already taken, from earlier late submissions */
};

struct late_outcome {
	int allowed;          /* 0: refused; the explanation says why, points is 0 */
	double points;        /* the final points, 2 decimals */
	int64_t units_late;   /* started hours or days (days for LATE_DAYS and LATE_NONE); 0 when on time */
	double percent_off;   /* LATE_PENALTY: the penalty applied, after the floor */
	int days_spent;       /* LATE_DAYS: days to take from the balance now */
	int days_here;        /* LATE_DAYS: the days this assignment holds after it */
	char explanation[160]; /* "−20% (2 days late), 80.00 of 100" */
};

/* Is p sound (percentages in 0..100 and not NaN, max_days >= 0)? Returns
 * 0, or -1 with err. */
int late_policy_check(const struct late_policy *p, char *err, size_t n);

/* The outcome of a submission late_seconds after the effective due (0 or
 * less: on time) scoring raw of max_points. bank is needed for LATE_DAYS
 * (NULL otherwise).
 *
 * Late days are spent automatically and per assignment, not per
 * submission: a submission N started days late needs the assignment to
 * hold N days; it takes N - spent_here more from the balance (none if the
 * assignment already holds N), and is refused if the balance is short or N
 * is over max_days. The caller records days_here for the assignment and
 * subtracts days_spent from the balance once the submission is accepted.
 * Returns 0 with *out set, or -1 with err for an unsound policy. */
int late_policy_apply(const struct late_policy *p, double raw, double max_points, int64_t late_seconds,
		      const struct late_bank *bank, struct late_outcome *out, char *err, size_t n);

#endif
