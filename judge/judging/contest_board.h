/* contest_board.h - a contest's scoreboard from the database: its participants, problems and submissions, made into scoreboard events.
 *
 * The participants are the course's students; the problems the
 * assignment's, in order. An event's time is counted from the
 * participant's start: the assignment's opening, or their personal start
 * when it has personal windows (a participant who has not started has no
 * events). The freeze is on the same clock: freeze_minutes before the end
 * of the window. In an IOI contest a submission scores its share of the
 * problem's points (course_grades_fraction); a problem with subtasks
 * (schema 024) scores the sum of each subtask's best, scaled the same way.
 * A problem one of whose scored judgings has no subtask scores (judged
 * before they were stored: rejudge it) counts its best submission.
 */
#ifndef VERDICT_CONTEST_BOARD_H
#define VERDICT_CONTEST_BOARD_H

#include <stddef.h>

#include "db_courses.h"
#include "scoreboard.h"

struct db;

struct contest_board {
	struct db_member *people;            /* participant i of the scoreboard, by user name */
	int npeople;
	struct db_assignment_problem *problems; /* problem q, by position */
	int nproblems;
	struct scoreboard sb;
};

/* Builds a's board: the staff's live one (staff), or the public one, frozen
 * unless a is unfrozen. Returns 0 (free with contest_board_free), or -1
 * with err (a is not a contest, a database error, out of memory). */
int contest_board_load(struct db *db, const struct db_assignment *a, int staff, struct contest_board *b, char *err,
		       size_t n);
void contest_board_free(struct contest_board *b);

/* One cell as the boards write it: ICPC "+R (M)" (solved at minute M after
 * R rejected attempts; "*" after it for the first to solve), "-R" (not
 * solved), "." (not tried); IOI its points or "-"; " ?N" after it for N
 * attempts pending (frozen, or not judged yet). Returns out. */
const char *contest_board_cell_text(const struct scoreboard_cell *c, int ioi, char *out, size_t n);

#endif
