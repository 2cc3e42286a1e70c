/* assignment_window.h - a student's window in an assignment, and whether a submission fits it: one check for the command line and the web.
 */
#ifndef VERDICT_ASSIGNMENT_WINDOW_H
#define VERDICT_ASSIGNMENT_WINDOW_H

#include <stddef.h>
#include <stdint.h>

#include "due_window.h"

struct db;
struct db_assignment;

/* user_id's window in assignment a: the assignment's times, the personal
 * window they started (*started; DUE_NONE when the assignment has none or
 * they have not started it), and their extension (their own, else their
 * section's) over it (problem_grade_window). Returns 0, or -1 with err. */
int assignment_window_for(struct db *db, const struct db_assignment *a, long long user_id, struct due_times *w,
			  int64_t *started, char *err, size_t n);

/* Is problem_id in the assignment? 1 yes, 0 no, -1 with err. */
int assignment_window_has_problem(struct db *db, long long assignment_id, long long problem_id, char *err, size_t n);

/* May user_id submit problem_id for assignment_id at `now`? Runs inside
 * the caller's transaction, since it may take late days from the
 * student's bank (recorded for the assignment). Staff of the course (ta,
 * instructor) always may; a student on the roster only in their window,
 * and when late only as the late policy allows (under "days,ask", taking
 * late days only with spend_late_days). Returns 1 admitted, 0 refused (why
 * and when, with times in the course's zone, in err), -1 an error. */
int assignment_window_admit(struct db *db, long long assignment_id, long long user_id, long long problem_id,
			    int64_t now, int spend_late_days, char *err, size_t n);

#endif
