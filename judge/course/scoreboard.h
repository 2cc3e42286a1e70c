/* scoreboard.h - ICPC and IOI contest standings from a list of submission events, with the freeze.
 *
 * Times are seconds since the participant's start: the contest's start, or
 * each participant's own start in a contest with personal windows. The
 * freeze is on the same clock (e.g. duration - 3600), so in a windowed
 * contest everyone's last hour is hidden.
 *
 * ICPC. A problem is solved by its first accepted submission; its time is
 * the minutes of that submission, floored, plus penalty_minutes (20) for
 * each rejected submission before it. A compile error is not a rejection
 * (ICPC rules); neither is a judge error, which is pending until rejudged.
 * Submissions after the first AC change nothing. Order: more solved, then
 * less penalty, then the earlier last solve (in whole minutes, as World
 * Finals rules); rows equal in all three share a rank. The first to solve
 * a problem (earliest first AC, to the second; a tie marks both) is marked.
 *
 * IOI. A problem with subtasks scores the sum over its subtasks of the
 * best score that subtask had in any submission (IOI since 2017), so two
 * submissions may together score more than either alone; a problem
 * without subtasks scores its best submission. Scores below 0 count as 0.
 * Points are exact hundredths. Order: total; equal totals share a rank.
 *
 * Freeze. Unless the view is staff or the contest is unfrozen, only
 * submissions before the freeze (time < freeze) count; later ones are
 * shown as pending: a count per cell of attempts not yet known. Not
 * judged yet, or a judge error (verdict JE), is pending in every view. In
 * ICPC, pending counts only submissions before the cell's first visible AC
 * (an attempt after a solve is not news). Rows equal in rank keep the
 * participants' order (pass them sorted by name, say).
 *
 * Cost: O(events + participants × problems + participants log
 * participants); no sort of events. 120,000 events (500 participants × 12
 * problems × 20) take about 4 ms (tests/unit/course_scoreboard.c).
 */
#ifndef VERDICT_SCOREBOARD_H
#define VERDICT_SCOREBOARD_H

#include <stddef.h>
#include <stdint.h>

#include "verdict.h"

#define SCOREBOARD_NO_FREEZE INT64_MAX

enum scoreboard_kind { SCOREBOARD_ICPC, SCOREBOARD_IOI };

struct scoreboard_event {
	int participant;        /* 0 .. n_participants - 1 */
	int problem;            /* 0 .. n_problems - 1 */
	int64_t time;           /* seconds since the participant's start, >= 0 */
	int judged;             /* 0: waiting for the judge (pending) */
	enum verdict verdict;   /* ICPC; in IOI only JE matters (pending) */
	double score;           /* IOI, a problem without subtasks: the submission's points */
	const double *subtasks; /* IOI, a problem with subtasks: a score per subtask (read only when judged) */
};

struct scoreboard_config {
	enum scoreboard_kind kind;
	int n_participants, n_problems;
	const int *subtasks;  /* IOI: subtasks per problem (0: scored by score); NULL: none has any */
	int64_t freeze;       /* on the events' clock; SCOREBOARD_NO_FREEZE for none */
	int staff;            /* the staff's view: live, whatever the freeze */
	int unfrozen;         /* the freeze was lifted: the public view is live too */
	int penalty_minutes;  /* ICPC: per rejected attempt before the solve; 20 */
};

struct scoreboard_cell {
	int solved;          /* ICPC */
	int64_t solve_time;  /* ICPC: seconds of the first AC, when solved */
	int rejected;        /* ICPC: rejected attempts before it (all of them when unsolved) */
	int first_to_solve;  /* ICPC */
	int64_t score;       /* IOI: hundredths of a point */
	int attempts;        /* IOI: submissions counted */
	int pending;         /* attempts hidden by the freeze or not judged yet */
};

struct scoreboard_row {
	int participant;
	int rank;                      /* from 1; equal rows share it */
	int solved;                    /* ICPC */
	int64_t penalty;               /* ICPC: minutes */
	int64_t last_solve;            /* ICPC: minutes of the last solve; -1 when none */
	int64_t total;                 /* IOI: hundredths of a point */
	struct scoreboard_cell *cells; /* n_problems, in problem order (points into the board's cells) */
};

struct scoreboard {
	int n_rows, n_problems;
	struct scoreboard_row *rows;   /* in rank order */
	struct scoreboard_cell *cells; /* n_rows × n_problems, by participant then problem */
};

/* Builds the standings of n events under cfg into *sb (freed with
 * scoreboard_free). Events need no order; two at the same second are in
 * the order given. Returns 0, or -1 with err (an event naming a
 * participant or problem out of range, a negative time, an IOI event
 * without its subtask scores, out of memory), and *sb empty. */
int scoreboard_build(const struct scoreboard_config *cfg, const struct scoreboard_event *ev, size_t n,
		     struct scoreboard *sb, char *err, size_t errn);

/* The cell of participant p for problem q. */
const struct scoreboard_cell *scoreboard_cell(const struct scoreboard *sb, int p, int q);

void scoreboard_free(struct scoreboard *sb);

#endif
