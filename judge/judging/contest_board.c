/* contest_board.c - a contest's scoreboard from the database. */
#include "contest_board.h"

#include "course_grades.h"
#include "db.h"
#include "member_index.h"
#include "points.h"
#include "util.h"
#include "verdict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct loading {
	struct contest_board *b;
	int people_cap, problems_cap;
	int64_t *starts;             /* per participant: their start, DUE_NONE before it */
	struct member_index people;  /* b->people by user id */
	struct scoreboard_event *ev;
	int nev, cap;
	int failed;
};

static void on_person(const struct db_member *m, void *arg)
{
	struct loading *l = arg;
	struct db_member *to = array_push((void **)&l->b->people, &l->b->npeople, &l->people_cap, sizeof *to);
	if (to)
		*to = *m;
	l->failed |= !to;
}

static void on_problem(const struct db_assignment_problem *p, void *arg)
{
	struct loading *l = arg;
	struct db_assignment_problem *to =
		array_push((void **)&l->b->problems, &l->b->nproblems, &l->problems_cap, sizeof *to);
	if (to)
		*to = *p;
	l->failed |= !to;
}

static void on_start(long long user_id, int64_t started, void *arg)
{
	struct loading *l = arg;
	int i = member_index_find(&l->people, user_id);
	if (i >= 0)
		l->starts[i] = started;
}

static void on_submission(const struct db_assignment_submission *s, void *arg)
{
	struct loading *l = arg;
	int p = member_index_find(&l->people, s->user_id), q = -1;
	for (int i = 0; i < l->b->nproblems; i++)
		if (l->b->problems[i].problem_id == s->problem_id)
			q = i;
	if (p < 0 || q < 0 || l->starts[p] == DUE_NONE || l->failed) /* staff; a problem taken out */
		return;
	struct scoreboard_event *e = array_push((void **)&l->ev, &l->nev, &l->cap, sizeof *e);
	if (!e) {
		l->failed = 1;
		return;
	}
	int v = s->judged ? verdict_parse(s->verdict) : -1;
	*e = (struct scoreboard_event){
		.participant = p,
		.problem = q,
		.time = s->submitted_at > l->starts[p] ? s->submitted_at - l->starts[p] : 0,
		.judged = s->judged,
		.verdict = v < 0 ? VERDICT_JE : (enum verdict)v,
		.score = s->judged ? course_grades_fraction(s) * (double)l->b->problems[q].points / 100 : 0,
	};
}

int contest_board_load(struct db *db, const struct db_assignment *a, int staff, struct contest_board *b, char *err,
		       size_t n)
{
	memset(b, 0, sizeof *b);
	if (a->contest == DB_CONTEST_NONE)
		return errf(err, n, "%s is not a contest (assignment set --contest icpc|ioi)", a->short_name);
	struct loading l = { .b = b };
	int rc = db_member_list(db, a->course_id, "student", on_person, &l, err, n);
	if (rc == 0)
		rc = db_assignment_problems(db, a->id, on_problem, &l, err, n) < 0 ? -1 : 0;
	if (rc == 0 && (!(l.starts = calloc((size_t)b->npeople + 1, sizeof *l.starts)) ||
			member_index_build(&l.people, b->people, b->npeople) < 0))
		l.failed = 1;
	for (int i = 0; rc == 0 && !l.failed && i < b->npeople; i++)
		l.starts[i] = a->window_minutes ? DUE_NONE : a->times.opens;
	if (rc == 0 && !l.failed && a->window_minutes)
		rc = db_contest_starts(db, a->id, on_start, &l, err, n);
	if (rc == 0 && !l.failed)
		rc = db_assignment_submissions(db, a->id, 0, on_submission, &l, err, n);
	if (rc == 0 && l.failed)
		rc = errf(err, n, "out of memory");
	int64_t length = a->window_minutes ? (int64_t)a->window_minutes * 60 : a->times.due - a->times.opens;
	struct scoreboard_config cfg = {
		.kind = a->contest == DB_CONTEST_IOI ? SCOREBOARD_IOI : SCOREBOARD_ICPC,
		.n_participants = b->npeople,
		.n_problems = b->nproblems,
		.freeze = a->freeze_minutes ? length - (int64_t)a->freeze_minutes * 60 : SCOREBOARD_NO_FREEZE,
		.staff = staff,
		.unfrozen = a->unfrozen,
		.penalty_minutes = 20,
	};
	if (rc == 0)
		rc = scoreboard_build(&cfg, l.ev, (size_t)l.nev, &b->sb, err, n);
	free(l.ev);
	free(l.starts);
	member_index_free(&l.people);
	if (rc < 0)
		contest_board_free(b);
	return rc;
}

void contest_board_free(struct contest_board *b)
{
	scoreboard_free(&b->sb);
	free(b->people);
	free(b->problems);
	memset(b, 0, sizeof *b);
}

const char *contest_board_cell_text(const struct scoreboard_cell *c, int ioi, char *out, size_t n)
{
	char pts[32], pending[16] = "";
	if (c->pending)
		snprintf(pending, sizeof pending, " ?%d", c->pending);
	if (ioi)
		snprintf(out, n, "%s%s", c->attempts ? points_format(c->score, pts, sizeof pts) : "-", pending);
	else if (c->solved)
		snprintf(out, n, "+%.0d (%lld)%s%s", c->rejected, (long long)(c->solve_time / 60),
			 c->first_to_solve ? "*" : "", pending);
	else
		snprintf(out, n, "%s%.0d%s", c->rejected ? "-" : c->pending ? "" : ".", c->rejected, pending);
	return out;
}
