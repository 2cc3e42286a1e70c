/* course_view.h - an assignment as the person asking sees it: their window (extension and personal start included), where now falls in it, and whether they may see it, its points and its feedback yet. Shared by the course, assignment, problem and submission pages. */
#ifndef VERDICT_COURSE_VIEW_H
#define VERDICT_COURSE_VIEW_H

#include <stdint.h>

#include "contest_board.h"
#include "db_courses.h"

struct request;

struct course_view {
	int staff;              /* the course's TA, instructor, or a site admin: sees everything */
	struct due_times w;     /* the asker's window (staff: the assignment's) */
	int64_t started;        /* their personal start; DUE_NONE if none */
	int needs_start;        /* a personal window they have not started yet */
	int has_extension;
	struct db_extension ext; /* when has_extension */
	struct due_placement place; /* where now falls in w */
	int64_t closes;         /* when the asker's window closes (feedback after-close waits for it) */
	int visible;            /* the assignment has opened for them (staff: always) */
	int shows_results;      /* the feedback policy shows them verdicts and points now */
	char state[240];        /* "open, due in 2 days 3 h", "late (until …)", "closed", "not open yet: opens at …" */
};

/* Fills *v for the request's user (r->s.user_id, course role
 * r->course_role) and assignment a at now. Returns 0, or -1 after
 * answering 503. */
int course_view_for(struct request *r, const struct db_assignment *a, int64_t now, struct course_view *v);

/* The assignment args[1] of the request's course (r->course), if the user
 * may see it: 1 with *a and *v filled, or 0 after answering (404 for no
 * such assignment, or one not open to this student yet; 503). */
int course_view_assignment(struct request *r, struct db_assignment *a, struct course_view *v);

/* The scoreboard of contest args[1] of the request's course: the staff's
 * live one (unless they ask for ?public=1), the participants' for
 * everyone else. 1 with *a, *b (free with contest_board_free) and *live
 * filled, or 0 after answering (404: not a contest, or not open to the
 * student yet; 503). */
int course_view_board(struct request *r, struct db_assignment *a, struct contest_board *b, int *live);

/* What course_view_board checks before it loads the board: 1 with *a and
 * *live filled, or 0 after answering. */
int course_view_board_access(struct request *r, struct db_assignment *a, int *live);

/* The assignment args[1] of the request's course, for its staff (no
 * window asked): 1 with *a filled, or 0 after answering 404 or 503. */
int course_view_find(struct request *r, struct db_assignment *a);

/* The assignment a submission was made for (assignment_id; 0: none),
 * as the request's user sees it (r->course_role set from their role in
 * its course, "" if none): 1 with *a and *v filled, 0 none, -1 after
 * answering 503. */
int course_view_submission(struct request *r, long long assignment_id, struct db_assignment *a, struct course_view *v);

/* The assignment the problem page or its submit form names (the
 * "assignment" query or form field), for problem_id: 1 with *a and *v
 * filled, and r->course_role set), 0 when none is named, -1 after
 * answering 404 (no such assignment, not in its course, the problem not
 * in it, not open yet) or 503. */
int course_view_named(struct request *r, long long problem_id, struct db_assignment *a, struct course_view *v);

#endif
