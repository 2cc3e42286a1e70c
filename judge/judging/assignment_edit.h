/* assignment_edit.h - an assignment as typed (the command line's options, the settings page's form), checked as a whole and stored: one path for `assignment add|set` and the web, so that neither can store what the other would refuse.
 *
 * Times are typed as 'YYYY-MM-DD HH:MM' in the course's zone
 * (zone_time_parse: a time the clocks skip is refused, one they pass twice
 * is the earlier) and stored in UTC. Messages name the fields as the
 * command line's options (--late-until), which the form's labels repeat.
 */
#ifndef VERDICT_ASSIGNMENT_EDIT_H
#define VERDICT_ASSIGNMENT_EDIT_H

#include <stddef.h>

#include "db_courses.h"

#define ASSIGNMENT_PROBLEMS_MAX 64

/* What was typed; NULL: not given (set keeps the field as it was). */
struct assignment_given {
	const char *title, *opens, *due, *late_until, *late, *counts, *feedback, *contest, *freeze, *window;
	const char *problems[ASSIGNMENT_PROBLEMS_MAX]; /* "NAME" or "NAME:POINTS", in order */
	int nproblems;                                 /* 0: the problems as they were (set) */
	int unfreeze;
};

/* Adds (is_add: a->course_id, course, zone and short_name set by the
 * caller, the rest defaults) or changes assignment *a with what g gives:
 * each field read, the problems looked up (points default 100; in a
 * contest labelled A, B, ..., relabelled when set moves the assignment
 * into or out of contest mode), the whole checked (opens before due, a
 * late-until not before due, a late policy only with a late-until and the
 * other way round, a freeze only in a contest, a personal window that
 * fits), then stored in one transaction. Returns 0 with *a as stored, or
 * -1 with err (what to fix, or a database error) and nothing stored. */
int assignment_edit_store(struct db *db, struct db_assignment *a, const struct assignment_given *g, int is_add,
			  char *err, size_t n);

#endif
