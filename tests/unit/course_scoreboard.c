/* course_scoreboard: ICPC and IOI standings (judge/course/scoreboard.c).
 * ICPC: penalty minutes floored plus 20 per rejection before the solve, CE
 * and JE not rejections, attempts after the solve ignored, the World Finals
 * tie rule (earlier last solve) and shared ranks, first to solve; IOI: the
 * sum of per-subtask bests, exact hundredths, shared ranks; the freeze
 * hiding later submissions as pending, the staff view and the unfreeze
 * showing them. Then 120,000 random events, checked against a plain
 * sort-and-walk of each cell, and timed. Prints TAP lines. */
#include "course_check.h"
#include "scoreboard.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define AREA "scoreboard"
#define ICPC_EV(p, q, t, v) { (p), (q), (t), 1, (v), 0, NULL }

static char detail[512];

/* "B1 A2 D2 C4": the rows in order, each participant as a letter and its rank. */
static const char *order(const struct scoreboard *sb)
{
	size_t len = 0;
	detail[0] = 0;
	for (int i = 0; i < sb->n_rows && len + 8 < sizeof detail; i++)
		len += (size_t)snprintf(detail + len, sizeof detail - len, "%s%c%d", i ? " " : "",
					'A' + sb->rows[i].participant, sb->rows[i].rank);
	return detail;
}

static const struct scoreboard_row *row_of(const struct scoreboard *sb, int participant)
{
	for (int i = 0; i < sb->n_rows; i++)
		if (sb->rows[i].participant == participant)
			return &sb->rows[i];
	return NULL;
}

static void icpc(void)
{
	/* A=0, B=1, C=2, D=3; problems 0..2; the freeze at 4 h (14400 s). */
	const struct scoreboard_event ev[] = {
		ICPC_EV(0, 0, 1230, VERDICT_AC), /* listed before the attempts it follows */
		ICPC_EV(0, 0, 600, VERDICT_WA),   ICPC_EV(0, 0, 720, VERDICT_CE),  ICPC_EV(0, 0, 1500, VERDICT_AC),
		ICPC_EV(0, 0, 1800, VERDICT_WA),  ICPC_EV(0, 1, 6059, VERDICT_AC), ICPC_EV(0, 2, 50, VERDICT_JE),
		ICPC_EV(1, 0, 1800, VERDICT_AC),  ICPC_EV(1, 1, 3000, VERDICT_WA), ICPC_EV(1, 1, 5400, VERDICT_AC),
		{ 1, 2, 100, 0, VERDICT_AC, 0, NULL }, /* not judged yet */
		ICPC_EV(2, 0, 1230, VERDICT_AC),  ICPC_EV(2, 2, 10, VERDICT_RE),   ICPC_EV(2, 2, 20, VERDICT_TLE),
		ICPC_EV(2, 2, 14460, VERDICT_AC), ICPC_EV(2, 1, 15000, VERDICT_WA), ICPC_EV(3, 0, 2400, VERDICT_AC),
		ICPC_EV(3, 1, 6000, VERDICT_AC),  ICPC_EV(3, 2, 14400, VERDICT_WA),
	};
	struct scoreboard_config cfg = { .kind = SCOREBOARD_ICPC, .n_participants = 4, .n_problems = 3,
					 .freeze = 14400, .staff = 1, .penalty_minutes = 20 };
	struct scoreboard sb;
	char err[256] = "";
	size_t n = sizeof ev / sizeof ev[0];

	check(scoreboard_build(&cfg, ev, n, &sb, err, sizeof err) == 0, AREA, "the staff's ICPC board builds", err);
	const struct scoreboard_row *a = row_of(&sb, 0), *c = row_of(&sb, 2);
	const struct scoreboard_cell *a0 = scoreboard_cell(&sb, 0, 0);
	check(a0->solved && a0->solve_time == 1230 && a0->rejected == 1, AREA,
	      "A's problem 0: one WA before the AC; the CE is no rejection, the WA after the AC is ignored", "");
	check(a->solved == 2 && a->penalty == 140 && a->last_solve == 100, AREA,
	      "A: 20 + 20 for problem 0, 6059 s floored to 100 min for problem 1: 140", "");
	check(scoreboard_cell(&sb, 0, 2)->pending == 1 && scoreboard_cell(&sb, 0, 2)->rejected == 0, AREA,
	      "a judge error is pending, not a rejection", "");
	check(scoreboard_cell(&sb, 1, 2)->pending == 1, AREA, "a submission not judged yet is pending", "");
	check(c->solved == 2 && c->penalty == 20 + 241 + 40 && scoreboard_cell(&sb, 2, 1)->rejected == 1, AREA,
	      "C, live: 241 min + 2 rejections for problem 2: 301", "");
	check(strcmp(order(&sb), "B1 A2 D2 C4") == 0, AREA,
	      "B, A, D all 2 and 140: B's last solve (90) wins; A and D (100) share 2nd; C is 4th", detail);
	check(scoreboard_cell(&sb, 0, 0)->first_to_solve && scoreboard_cell(&sb, 2, 0)->first_to_solve &&
		      !scoreboard_cell(&sb, 1, 0)->first_to_solve && scoreboard_cell(&sb, 1, 1)->first_to_solve &&
		      scoreboard_cell(&sb, 2, 2)->first_to_solve && !scoreboard_cell(&sb, 3, 1)->first_to_solve,
	      AREA, "first to solve: A and C both at 1230 s on problem 0, B on 1, C on 2", "");
	scoreboard_free(&sb);

	cfg.staff = 0;
	scoreboard_build(&cfg, ev, n, &sb, err, sizeof err);
	c = row_of(&sb, 2);
	check(c->solved == 1 && c->penalty == 20 && !scoreboard_cell(&sb, 2, 2)->solved, AREA,
	      "frozen: C's solve after the freeze does not count", "");
	check(scoreboard_cell(&sb, 2, 2)->pending == 1 && scoreboard_cell(&sb, 2, 2)->rejected == 2 &&
		      scoreboard_cell(&sb, 2, 1)->pending == 1 && scoreboard_cell(&sb, 2, 1)->rejected == 0,
	      AREA, "it is pending, as is C's WA after the freeze; the rejections before it show", "");
	check(scoreboard_cell(&sb, 3, 2)->pending == 1 && scoreboard_cell(&sb, 3, 2)->rejected == 0, AREA,
	      "a submission at the freeze second itself is hidden", "");
	check(!scoreboard_cell(&sb, 2, 2)->first_to_solve, AREA, "and no first to solve is shown for problem 2", "");
	check(strcmp(order(&sb), "B1 A2 D2 C4") == 0, AREA, "the frozen order", detail);
	scoreboard_free(&sb);

	cfg.unfrozen = 1;
	scoreboard_build(&cfg, ev, n, &sb, err, sizeof err);
	check(row_of(&sb, 2)->penalty == 301 && scoreboard_cell(&sb, 2, 2)->pending == 0 &&
		      scoreboard_cell(&sb, 2, 2)->first_to_solve,
	      AREA, "unfrozen: the public sees C's solve", "");
	scoreboard_free(&sb);

	const struct scoreboard_event wa_first[] = { ICPC_EV(0, 0, 60, VERDICT_WA), ICPC_EV(0, 0, 60, VERDICT_AC) };
	const struct scoreboard_event ac_first[] = { ICPC_EV(0, 0, 60, VERDICT_AC), ICPC_EV(0, 0, 60, VERDICT_WA) };
	cfg = (struct scoreboard_config){ .kind = SCOREBOARD_ICPC, .n_participants = 1, .n_problems = 1,
					  .freeze = SCOREBOARD_NO_FREEZE, .penalty_minutes = 20 };
	scoreboard_build(&cfg, wa_first, 2, &sb, err, sizeof err);
	int64_t p1 = sb.rows[0].penalty;
	scoreboard_free(&sb);
	scoreboard_build(&cfg, ac_first, 2, &sb, err, sizeof err);
	int64_t p2 = sb.rows[0].penalty;
	scoreboard_free(&sb);
	check(p1 == 21 && p2 == 1, AREA, "at the same second, the order given decides what came first", "");

	const struct scoreboard_event bad[] = { ICPC_EV(1, 0, 60, VERDICT_AC) }, early[] = { ICPC_EV(0, 0, -1, VERDICT_AC) };
	check(scoreboard_build(&cfg, bad, 1, &sb, err, sizeof err) < 0 && strstr(err, "out of range") && !sb.rows, AREA,
	      "an event for participant 1 of 1 is refused", err);
	check(scoreboard_build(&cfg, early, 1, &sb, err, sizeof err) < 0, AREA, "an event before the start is refused",
	      err);
}

static void ioi(void)
{
	/* X=0, Y=1, Z=2, W=3, V=4; problem 0 has subtasks worth 40 and 60, problem 1 none; the freeze at 3600 s. */
	static const double x1[] = { 40, 0 }, x2[] = { 0, 60 }, y1[] = { 40, 60 }, z1[] = { 40, 30 }, w1[] = { 0.1, 0.2 },
			    neg[] = { -5, -5 };
	const struct scoreboard_event ev[] = {
		{ 0, 0, 100, 1, VERDICT_WA, 40, x1 },  { 0, 0, 200, 1, VERDICT_WA, 60, x2 },
		{ 0, 1, 300, 1, VERDICT_WA, 30.5, NULL }, { 0, 1, 400, 1, VERDICT_WA, 20, NULL },
		{ 0, 1, 500, 0, VERDICT_AC, 0, NULL },    { 1, 0, 100, 1, VERDICT_AC, 100, y1 },
		{ 1, 1, 50, 1, VERDICT_WA, 30.5, NULL },  { 1, 1, 60, 1, VERDICT_JE, 99, NULL },
		{ 2, 0, 10, 1, VERDICT_WA, 70, z1 },      { 2, 1, 5000, 1, VERDICT_AC, 100, NULL },
		{ 3, 0, 1, 1, VERDICT_WA, 0.3, w1 },      { 3, 0, 2, 1, VERDICT_WA, 0, neg },
		{ 4, 1, 1, 1, VERDICT_WA, 0.3, NULL },
	};
	const int subtasks[] = { 2, 0 };
	struct scoreboard_config cfg = { .kind = SCOREBOARD_IOI, .n_participants = 5, .n_problems = 2,
					 .subtasks = subtasks, .freeze = 3600, .staff = 1 };
	struct scoreboard sb;
	char err[256] = "";
	size_t n = sizeof ev / sizeof ev[0];

	check(scoreboard_build(&cfg, ev, n, &sb, err, sizeof err) == 0, AREA, "the staff's IOI board builds", err);
	check(scoreboard_cell(&sb, 0, 0)->score == 10000 && scoreboard_cell(&sb, 0, 0)->attempts == 2, AREA,
	      "X's problem 0: 40 from one submission and 60 from another make 100 (the best single is 60)", "");
	check(scoreboard_cell(&sb, 0, 1)->score == 3050 && scoreboard_cell(&sb, 0, 1)->pending == 1, AREA,
	      "without subtasks the best submission (30.5) counts; the unjudged one is pending", "");
	check(scoreboard_cell(&sb, 1, 1)->score == 3050 && scoreboard_cell(&sb, 1, 1)->pending == 1, AREA,
	      "a judge error's 99 does not count: it is pending", "");
	check(row_of(&sb, 3)->total == 30 && row_of(&sb, 4)->total == 30, AREA,
	      "0.1 + 0.2 is 0.30 exactly, as is 0.3; negative subtask scores count as 0", "");
	check(strcmp(order(&sb), "C1 A2 B2 D4 E4") == 0, AREA,
	      "staff: Z 170 first, X and Y 130.5 share 2nd, W and V 0.30 share 4th", detail);
	scoreboard_free(&sb);

	cfg.staff = 0;
	scoreboard_build(&cfg, ev, n, &sb, err, sizeof err);
	check(row_of(&sb, 2)->total == 7000 && scoreboard_cell(&sb, 2, 1)->pending == 1, AREA,
	      "frozen: Z's 100 after the freeze is pending, Z has 70", "");
	check(strcmp(order(&sb), "A1 B1 C3 D4 E4") == 0, AREA, "frozen: X and Y share 1st, Z 3rd", detail);
	scoreboard_free(&sb);

	const struct scoreboard_event no_subtasks[] = { { 0, 0, 1, 1, VERDICT_WA, 50, NULL } };
	check(scoreboard_build(&cfg, no_subtasks, 1, &sb, err, sizeof err) < 0 && strstr(err, "subtask"), AREA,
	      "an event for a problem with subtasks but no subtask scores is refused", err);
}

/* The reference: sort each cell's events by (time, index) and walk them. */
static const struct scoreboard_event *ref_ev;

static int by_cell_time(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	const struct scoreboard_event *ea = &ref_ev[a], *eb = &ref_ev[b];
	if (ea->participant != eb->participant)
		return ea->participant - eb->participant;
	if (ea->problem != eb->problem)
		return ea->problem - eb->problem;
	if (ea->time != eb->time)
		return ea->time < eb->time ? -1 : 1;
	return a < b ? -1 : 1;
}

/* Every participant's solved count and penalty, by walking; returns the
 * number of participants that differ from sb. */
static int compare_with_walk(const struct scoreboard_config *cfg, const struct scoreboard_event *ev, size_t n,
			     const struct scoreboard *sb)
{
	size_t *idx = malloc(n * sizeof *idx);
	int *solved = calloc((size_t)cfg->n_participants, sizeof *solved);
	int64_t *penalty = calloc((size_t)cfg->n_participants, sizeof *penalty);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	ref_ev = ev;
	qsort(idx, n, sizeof *idx, by_cell_time);
	int done = 0, rejected = 0;
	for (size_t k = 0; k < n; k++) {
		const struct scoreboard_event *e = &ev[idx[k]];
		if (k == 0 || e->participant != ev[idx[k - 1]].participant || e->problem != ev[idx[k - 1]].problem)
			done = rejected = 0;
		int seen = e->judged && e->verdict != VERDICT_JE && (cfg->staff || e->time < cfg->freeze);
		if (done || !seen || e->verdict == VERDICT_CE)
			continue;
		if (e->verdict == VERDICT_AC) {
			done = 1;
			solved[e->participant]++;
			penalty[e->participant] += e->time / 60 + 20 * rejected;
		} else {
			rejected++;
		}
	}
	int differ = 0;
	for (int i = 0; i < sb->n_rows; i++) {
		const struct scoreboard_row *r = &sb->rows[i];
		differ += r->solved != solved[r->participant] || r->penalty != penalty[r->participant];
		if (i && (r->solved > sb->rows[i - 1].solved || r->rank < sb->rows[i - 1].rank))
			differ++;
	}
	free(idx);
	free(solved);
	free(penalty);
	return differ;
}

static void speed(void)
{
	enum { P = 500, Q = 12, PER = 20, SUB = 4 };
	size_t n = (size_t)P * Q * PER;
	struct scoreboard_event *ev = malloc(n * sizeof *ev);
	double *scores = malloc(n * SUB * sizeof *scores);
	static const enum verdict mix[] = { VERDICT_AC, VERDICT_WA, VERDICT_WA, VERDICT_TLE, VERDICT_CE, VERDICT_RE,
					    VERDICT_WA, VERDICT_MLE };
	uint64_t seed = 12345;
	for (size_t i = 0; i < n; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		uint32_t r = (uint32_t)(seed >> 33);
		double *s = scores + i * SUB;
		for (int k = 0; k < SUB; k++)
			s[k] = (double)((r >> (k * 3)) % 26);
		ev[i] = (struct scoreboard_event){ (int)(r % P), (int)((r / P) % Q), (int64_t)(r % 18000), (r >> 28) != 0,
						   mix[(r >> 20) % 8], s[0], s };
	}
	int subtasks[Q];
	for (int q = 0; q < Q; q++)
		subtasks[q] = SUB;
	struct scoreboard_config cfg = { .kind = SCOREBOARD_ICPC, .n_participants = P, .n_problems = Q, .freeze = 14400,
					 .staff = 1, .penalty_minutes = 20 };
	struct scoreboard sb;
	char err[256] = "";
	int64_t t0 = monotonic_ns();
	int r = scoreboard_build(&cfg, ev, n, &sb, err, sizeof err);
	double icpc_ms = (double)(monotonic_ns() - t0) / 1e6;
	check(r == 0 && compare_with_walk(&cfg, ev, n, &sb) == 0, AREA,
	      "120,000 random events, staff view: each participant as a sort-and-walk finds", err);
	scoreboard_free(&sb);
	cfg.staff = 0;
	scoreboard_build(&cfg, ev, n, &sb, err, sizeof err);
	check(compare_with_walk(&cfg, ev, n, &sb) == 0, AREA, "and the frozen view", err);
	scoreboard_free(&sb);

	cfg = (struct scoreboard_config){ .kind = SCOREBOARD_IOI, .n_participants = P, .n_problems = Q,
					  .subtasks = subtasks, .freeze = 14400 };
	t0 = monotonic_ns();
	r = scoreboard_build(&cfg, ev, n, &sb, err, sizeof err);
	double ioi_ms = (double)(monotonic_ns() - t0) / 1e6;
	scoreboard_free(&sb);
	snprintf(detail, sizeof detail, "ICPC %.2f ms, IOI %.2f ms", icpc_ms, ioi_ms);
	printf("# 500 participants x 12 problems x 20 submissions: %s\n", detail);
	/* A few ms is expected; 50 leaves room for a busy machine. */
	check(r == 0 && icpc_ms < 50 && ioi_ms < 50, AREA, "each board of 120,000 events builds in under 50 ms", detail);
	free(ev);
	free(scores);
}

int main(void)
{
	icpc();
	ioi();
	speed();
	return failed;
}
