/* problem_grade.h - one student's points on one problem of an assignment: each submission placed in the student's window, the late policy applied, the one that counts chosen.
 *
 * Composes due_window.h, late_policy.h and which_counts.h; nothing here
 * reads the database or the clock. Points are hundredths (points.h).
 */
#ifndef VERDICT_PROBLEM_GRADE_H
#define VERDICT_PROBLEM_GRADE_H

#include <stddef.h>
#include <stdint.h>

#include "due_window.h"
#include "late_policy.h"
#include "which_counts.h"

/* One judged submission (leave out those not judged yet and judge errors). */
struct grade_attempt {
	int64_t time;    /* when it was submitted, UTC seconds */
	double fraction; /* the share of the problem's points it earned, 0..1 (AC is 1) */
};

struct grade_rules {
	struct late_policy late;
	enum which_rule counts;
	struct due_times window; /* the student's own (student_window) */
	int64_t points;          /* the problem's points, hundredths */
	int late_days_here;      /* LATE_DAYS: days the assignment holds for the student (recorded at submission) */
};

struct grade_result {
	ptrdiff_t chosen;     /* the index of the submission that counts, or -1 (none may) */
	int64_t raw, final;   /* hundredths: before and after the late policy (0 when none counts) */
	int late;             /* the chosen one was in the late window */
	char explanation[160]; /* the late policy's, for the chosen one ("on time, 80.00 of 100") */
};

/* Grades attempts a[0..n) under r. A submission outside the window, or
 * late under a policy that refuses it (late days beyond what the
 * assignment holds), never counts. Returns 0 with *out set, or -1 with err
 * (an unsound late policy, out of memory). */
int problem_grade(const struct grade_rules *r, const struct grade_attempt *a, size_t n, struct grade_result *out,
		  char *err, size_t errn);

/* The window one student submits in. With a personal window
 * (window_seconds > 0, an exam the participant starts), it runs from
 * started for window_seconds, but never past the assignment's due;
 * otherwise it is the assignment's. An extension (ext, NULL for none)
 * then applies as due_window_effective says. Returns 0, or -1 with err.
 * A personal window not started yet (started DUE_NONE) is the
 * assignment's: the caller refuses submissions until it is started. */
int problem_grade_window(const struct due_times *a, int64_t window_seconds, int64_t started,
			 const struct due_extension *ext, struct due_times *out, char *err, size_t n);

#endif
