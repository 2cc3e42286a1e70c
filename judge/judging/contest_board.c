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

struct event_subtasks {
	int first;    /* its first score in sub, -1: none */
	double scale; /* to the problem's points */
};

struct loading {
	struct contest_board *b;
	int people_cap, problems_cap;
	int64_t *starts;             /* per participant: their start, DUE_NONE before it */
	struct member_index people;  /* b->people by user id */
	struct scoreboard_event *ev;
	int nev, cap;
	/* IOI: every subtask score of the assignment, by submission id, and
	 * for each event where its own start (-1: none) and its scale. */
	struct db_assignment_subtask *sub;
	int nsub, sub_cap;
	struct event_subtasks *ev_sub; /* one per event */
	int nev_sub, ev_sub_cap;
	int *subtasks;               /* per problem: how many (0: scored by the total) */
	int *untold;                 /* per problem: a scored judging without subtask scores (judged before 024) */
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

static void on_subtask(const struct db_assignment_subtask *t, void *arg)
{
	struct loading *l = arg;
	struct db_assignment_subtask *to = array_push((void **)&l->sub, &l->nsub, &l->sub_cap, sizeof *to);
	if (to)
		*to = *t;
	l->failed |= !to;
}

/* The first of submission id's subtask scores in l->sub (in id order), or -1. */
static int first_subtask(const struct loading *l, long long id)
{
	int lo = 0, hi = l->nsub;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (l->sub[mid].submission_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->nsub && l->sub[lo].submission_id == id ? lo : -1;
}

/* IOI: notes where event e's subtask scores are and what scales them to
 * the problem's points; counts the problem's subtasks. */
static void note_subtasks(struct loading *l, const struct db_assignment_submission *s, int q)
{
	int k = s->judged ? first_subtask(l, s->id) : -1;
	struct event_subtasks *at = array_push((void **)&l->ev_sub, &l->nev_sub, &l->ev_sub_cap, sizeof *at);
	if (!at) {
		l->failed = 1;
		return;
	}
	at->first = k;
	at->scale = (double)l->b->problems[q].points / 100 / (s->max_score > 0 ? s->max_score : 100); /* points: hundredths */
	for (int i = k; i >= 0 && i < l->nsub && l->sub[i].submission_id == s->id; i++)
		if (l->sub[i].index >= l->subtasks[q])
			l->subtasks[q] = l->sub[i].index + 1;
	if (s->judged && k < 0 && course_grades_fraction(s) > 0)
		l->untold[q] = 1;
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
	if (l->subtasks)
		note_subtasks(l, s, q);
}

/* IOI: each event's subtask scores in problem points, in one pool; a
 * subtask a judging did not report scores 0. A problem with a scored
 * judging that has none (judged before they were stored) counts totals. */
static double *subtask_points(struct loading *l)
{
	size_t total = 0;
	for (int q = 0; q < l->b->nproblems; q++)
		if (l->untold[q])
			l->subtasks[q] = 0;
	for (int e = 0; e < l->nev; e++)
		total += (size_t)l->subtasks[l->ev[e].problem];
	double *pool = calloc(total + 1, sizeof *pool), *next = pool;
	if (!pool)
		return NULL;
	for (int e = 0; e < l->nev; e++) {
		struct scoreboard_event *ev = &l->ev[e];
		int n = l->subtasks[ev->problem];
		if (!n)
			continue;
		ev->subtasks = next;
		const struct event_subtasks *x = &l->ev_sub[e];
		long long id = x->first >= 0 ? l->sub[x->first].submission_id : 0;
		for (int i = x->first; i >= 0 && i < l->nsub && l->sub[i].submission_id == id; i++)
			if (l->sub[i].index >= 0 && l->sub[i].index < n)
				next[l->sub[i].index] = l->sub[i].score * x->scale;
		next += n;
	}
	return pool;
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
	if (rc == 0 && !l.failed && a->contest == DB_CONTEST_IOI) {
		l.subtasks = calloc((size_t)b->nproblems + 1, sizeof *l.subtasks);
		l.untold = calloc((size_t)b->nproblems + 1, sizeof *l.untold);
		l.failed |= !l.subtasks || !l.untold;
		if (!l.failed)
			rc = db_assignment_subtasks(db, a->id, on_subtask, &l, err, n);
	}
	if (rc == 0 && !l.failed)
		rc = db_assignment_submissions(db, a->id, 0, on_submission, &l, err, n);
	double *pool = NULL;
	if (rc == 0 && !l.failed && l.subtasks)
		l.failed |= !(pool = subtask_points(&l));
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
		.subtasks = l.subtasks,
	};
	if (rc == 0)
		rc = scoreboard_build(&cfg, l.ev, (size_t)l.nev, &b->sb, err, n);
	free(pool);
	free(l.ev);
	free(l.sub);
	free(l.ev_sub);
	free(l.subtasks);
	free(l.untold);
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
