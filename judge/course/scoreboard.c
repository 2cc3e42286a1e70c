/* scoreboard.c - ICPC and IOI contest standings from a list of submission events, with the freeze.
 *
 * No event is sorted. ICPC takes two passes over the events: the first
 * finds each cell's first visible AC (earliest time; at equal times the
 * earlier event), the second counts, against that AC, the rejections and
 * pending attempts before it. IOI takes one pass, keeping per cell (and per
 * subtask) the best score. Then the participants are sorted once.
 */
#include "scoreboard.h"

#include "points.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define NO_EVENT SIZE_MAX

/* Does the view count this event's result (as opposed to showing it as
 * pending)? */
static int visible(const struct scoreboard_config *cfg, const struct scoreboard_event *e)
{
	if (!e->judged || e->verdict == VERDICT_JE)
		return 0;
	return cfg->staff || cfg->unfrozen || e->time < cfg->freeze;
}

static int check_events(const struct scoreboard_config *cfg, const struct scoreboard_event *ev, size_t n, char *err,
			size_t errn)
{
	for (size_t i = 0; i < n; i++) {
		const struct scoreboard_event *e = &ev[i];
		if (e->participant < 0 || e->participant >= cfg->n_participants || e->problem < 0 ||
		    e->problem >= cfg->n_problems)
			return errf(err, errn, "event %zu names participant %d, problem %d: out of range", i,
				    e->participant, e->problem);
		if (e->time < 0)
			return errf(err, errn, "event %zu is before the participant's start", i);
		if (cfg->kind == SCOREBOARD_ICPC && e->judged && (unsigned)e->verdict >= VERDICT_COUNT)
			return errf(err, errn, "event %zu has no verdict", i);
		if (cfg->kind == SCOREBOARD_IOI && e->judged && cfg->subtasks && cfg->subtasks[e->problem] > 0 &&
		    !e->subtasks)
			return errf(err, errn, "event %zu has no subtask scores", i);
	}
	return 0;
}

/* Is event a (index ia) before the one at index ib? */
static int before(const struct scoreboard_event *ev, size_t ia, size_t ib)
{
	return ev[ia].time != ev[ib].time ? ev[ia].time < ev[ib].time : ia < ib;
}

static int fill_icpc(const struct scoreboard_config *cfg, const struct scoreboard_event *ev, size_t n,
		     struct scoreboard *sb)
{
	size_t ncells = (size_t)cfg->n_participants * (size_t)cfg->n_problems;
	size_t *first = malloc((ncells ? ncells : 1) * sizeof *first);
	if (!first)
		return -1;
	for (size_t c = 0; c < ncells; c++)
		first[c] = NO_EVENT;
	for (size_t i = 0; i < n; i++) {
		size_t c = (size_t)ev[i].participant * (size_t)cfg->n_problems + (size_t)ev[i].problem;
		if (visible(cfg, &ev[i]) && ev[i].verdict == VERDICT_AC && (first[c] == NO_EVENT || before(ev, i, first[c])))
			first[c] = i;
	}
	for (size_t i = 0; i < n; i++) {
		size_t c = (size_t)ev[i].participant * (size_t)cfg->n_problems + (size_t)ev[i].problem;
		if (first[c] != NO_EVENT && !before(ev, i, first[c]))
			continue; /* the solve itself, or after it */
		if (!visible(cfg, &ev[i]))
			sb->cells[c].pending++;
		else if (ev[i].verdict != VERDICT_CE)
			sb->cells[c].rejected++;
	}
	for (int q = 0; q < cfg->n_problems; q++) {
		int64_t earliest = INT64_MAX;
		for (int p = 0; p < cfg->n_participants; p++) {
			size_t c = (size_t)p * (size_t)cfg->n_problems + (size_t)q;
			if (first[c] == NO_EVENT)
				continue;
			sb->cells[c].solved = 1;
			sb->cells[c].solve_time = ev[first[c]].time;
			if (ev[first[c]].time < earliest)
				earliest = ev[first[c]].time;
		}
		for (int p = 0; p < cfg->n_participants; p++) {
			struct scoreboard_cell *cell = &sb->cells[(size_t)p * (size_t)cfg->n_problems + (size_t)q];
			cell->first_to_solve = cell->solved && cell->solve_time == earliest;
		}
	}
	free(first);
	for (int p = 0; p < cfg->n_participants; p++) {
		struct scoreboard_row *r = &sb->rows[p];
		r->last_solve = -1;
		for (int q = 0; q < cfg->n_problems; q++) {
			const struct scoreboard_cell *cell = &r->cells[q];
			if (!cell->solved)
				continue;
			r->solved++;
			r->penalty += cell->solve_time / 60 + (int64_t)cfg->penalty_minutes * cell->rejected;
			if (cell->solve_time / 60 > r->last_solve)
				r->last_solve = cell->solve_time / 60;
		}
	}
	return 0;
}

static int fill_ioi(const struct scoreboard_config *cfg, const struct scoreboard_event *ev, size_t n,
		    struct scoreboard *sb)
{
	/* best[p * stride + offset[q] + k]: participant p's best on subtask k of problem q. */
	int *offset = calloc((size_t)cfg->n_problems + 1, sizeof *offset);
	if (!offset)
		return -1;
	for (int q = 0; q < cfg->n_problems; q++)
		offset[q + 1] = offset[q] + (cfg->subtasks && cfg->subtasks[q] > 0 ? cfg->subtasks[q] : 0);
	size_t stride = (size_t)offset[cfg->n_problems];
	int64_t *best = calloc((size_t)cfg->n_participants * stride + 1, sizeof *best);
	if (!best) {
		free(offset);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct scoreboard_event *e = &ev[i];
		struct scoreboard_cell *cell = &sb->rows[e->participant].cells[e->problem];
		if (!visible(cfg, e)) {
			cell->pending++;
			continue;
		}
		cell->attempts++;
		int64_t *b = best + (size_t)e->participant * stride + (size_t)offset[e->problem];
		int k = offset[e->problem + 1] - offset[e->problem];
		for (int j = 0; j < k; j++) {
			int64_t s = points_cents(e->subtasks[j]);
			if (s > b[j])
				b[j] = s;
		}
		if (k == 0 && points_cents(e->score) > cell->score)
			cell->score = points_cents(e->score);
	}
	for (int p = 0; p < cfg->n_participants; p++) {
		struct scoreboard_row *r = &sb->rows[p];
		for (int q = 0; q < cfg->n_problems; q++) {
			const int64_t *b = best + (size_t)p * stride + (size_t)offset[q];
			for (int j = 0; j < offset[q + 1] - offset[q]; j++)
				r->cells[q].score += b[j];
			r->total += r->cells[q].score;
		}
	}
	free(best);
	free(offset);
	return 0;
}

/* Compares the ranking keys only: 0 means a shared rank. */
static int compare_icpc(const struct scoreboard_row *a, const struct scoreboard_row *b)
{
	if (a->solved != b->solved)
		return a->solved > b->solved ? -1 : 1;
	if (a->penalty != b->penalty)
		return a->penalty < b->penalty ? -1 : 1;
	if (a->last_solve != b->last_solve)
		return a->last_solve < b->last_solve ? -1 : 1;
	return 0;
}

static int compare_ioi(const struct scoreboard_row *a, const struct scoreboard_row *b)
{
	return a->total != b->total ? (a->total > b->total ? -1 : 1) : 0;
}

static int order_icpc(const void *x, const void *y)
{
	const struct scoreboard_row *a = x, *b = y;
	int c = compare_icpc(a, b);
	return c ? c : (a->participant > b->participant) - (a->participant < b->participant);
}

static int order_ioi(const void *x, const void *y)
{
	const struct scoreboard_row *a = x, *b = y;
	int c = compare_ioi(a, b);
	return c ? c : (a->participant > b->participant) - (a->participant < b->participant);
}

static void rank_rows(const struct scoreboard_config *cfg, struct scoreboard *sb)
{
	int icpc = cfg->kind == SCOREBOARD_ICPC;
	qsort(sb->rows, (size_t)sb->n_rows, sizeof *sb->rows, icpc ? order_icpc : order_ioi);
	for (int i = 0; i < sb->n_rows; i++) {
		const struct scoreboard_row *prev = i ? &sb->rows[i - 1] : NULL;
		int same = prev && (icpc ? compare_icpc(prev, &sb->rows[i]) : compare_ioi(prev, &sb->rows[i])) == 0;
		sb->rows[i].rank = same ? prev->rank : i + 1;
	}
}

int scoreboard_build(const struct scoreboard_config *cfg, const struct scoreboard_event *ev, size_t n,
		     struct scoreboard *sb, char *err, size_t errn)
{
	memset(sb, 0, sizeof *sb);
	if (cfg->n_participants < 0 || cfg->n_problems < 0 ||
	    (cfg->kind != SCOREBOARD_ICPC && cfg->kind != SCOREBOARD_IOI))
		return errf(err, errn, "a scoreboard needs a kind and counts of participants and problems");
	if (check_events(cfg, ev, n, err, errn) < 0)
		return -1;
	size_t ncells = (size_t)cfg->n_participants * (size_t)cfg->n_problems;
	sb->n_rows = cfg->n_participants;
	sb->n_problems = cfg->n_problems;
	sb->cells = calloc(ncells ? ncells : 1, sizeof *sb->cells);
	sb->rows = calloc(sb->n_rows ? (size_t)sb->n_rows : 1, sizeof *sb->rows);
	if (!sb->cells || !sb->rows)
		goto oom;
	for (int p = 0; p < sb->n_rows; p++) {
		sb->rows[p].participant = p;
		sb->rows[p].cells = sb->cells + (size_t)p * (size_t)cfg->n_problems;
	}
	if ((cfg->kind == SCOREBOARD_ICPC ? fill_icpc : fill_ioi)(cfg, ev, n, sb) < 0)
		goto oom;
	rank_rows(cfg, sb);
	return 0;
oom:
	scoreboard_free(sb);
	return errf(err, errn, "out of memory for the scoreboard");
}

const struct scoreboard_cell *scoreboard_cell(const struct scoreboard *sb, int p, int q)
{
	return &sb->cells[(size_t)p * (size_t)sb->n_problems + (size_t)q];
}

void scoreboard_free(struct scoreboard *sb)
{
	free(sb->rows);
	free(sb->cells);
	memset(sb, 0, sizeof *sb);
}
