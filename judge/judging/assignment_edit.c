/* assignment_edit.c - an assignment as typed, checked as a whole and stored. */
#include "assignment_edit.h"

#include "db.h"
#include "late_spec.h"
#include "points.h"
#include "util.h"
#include "zone_time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A time typed in zone, or "none" (DUE_NONE) when none_ok. */
static int read_time(const char *what, const char *text, const char *zone, int none_ok, int64_t *out, char *err,
		     size_t n)
{
	char why[256];
	if (none_ok && !strcmp(text, "none")) {
		*out = DUE_NONE;
		return 0;
	}
	if (zone_time_parse(text, zone, out, why, sizeof why) < 0)
		return errf(err, n, "--%s: %s", what, why);
	return 0;
}

/* Whole minutes 1..1000000, or "none" (0). */
static int read_minutes(const char *what, const char *text, int *out, char *err, size_t n)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (!strcmp(text, "none")) {
		*out = 0;
		return 0;
	}
	if (*end || end == text || v < 1 || v > 1000000)
		return errf(err, n, "--%s must be whole minutes (1 or more) or none, not '%.40s'", what, text);
	*out = (int)v;
	return 0;
}

/* Points with at most two decimals, 0..100000, as hundredths. */
static int read_points(const char *text, int64_t *cents)
{
	char *end;
	double v = strtod(text, &end);
	const char *dot = strchr(text, '.');
	if (*end || end == text || text[0] == '-' || !(v >= 0 && v <= 100000) || (dot && strlen(dot + 1) > 2))
		return -1;
	*cents = points_cents(v);
	return 0;
}

/* Labels p[0..np) in order: A, B, ... in a contest, else by the problem's name. */
static void label(struct db_assignment_problem *p, int np, int contest)
{
	for (int i = 0; i < np; i++) {
		p[i].position = i;
		if (contest)
			snprintf(p[i].label, sizeof p[i].label, "%c%s", 'A' + i % 26, i >= 26 ? "'" : "");
		else
			snprintf(p[i].label, sizeof p[i].label, "%s", p[i].problem);
	}
}

/* The problems of g (NAME[:POINTS]) into p. Returns how many, or -1 with err. */
static int read_problems(struct db *db, const struct assignment_given *g, int contest, struct db_assignment_problem *p,
			 char *err, size_t n)
{
	for (int i = 0; i < g->nproblems; i++) {
		char name[64];
		const char *colon = strchr(g->problems[i], ':');
		size_t len = colon ? (size_t)(colon - g->problems[i]) : strlen(g->problems[i]);
		memset(&p[i], 0, sizeof p[i]);
		p[i].points = 10000;
		if (len >= sizeof name || (colon && read_points(colon + 1, &p[i].points) < 0))
			return errf(err, n, "--problem %.80s: expected NAME or NAME:POINTS (0 to 100000, two decimals)",
				    g->problems[i]);
		snprintf(name, sizeof name, "%.*s", (int)len, g->problems[i]);
		struct db_version v;
		int found = db_problem_current(db, name, &v, err, n);
		if (found == 0)
			errf(err, n, "no problem named '%s' (see: verdict problem list)", name);
		if (found <= 0)
			return -1;
		for (int j = 0; j < i; j++)
			if (p[j].problem_id == v.problem_id)
				return errf(err, n, "--problem %s is given twice", name);
		p[i].problem_id = v.problem_id;
		snprintf(p[i].problem, sizeof p[i].problem, "%s", name);
	}
	label(p, g->nproblems, contest);
	return g->nproblems;
}

/* Applies what was given to a (its other fields as they were). Returns 0 or -1 with err. */
static int apply(const struct assignment_given *g, struct db_assignment *a, char *err, size_t n)
{
	char why[256];
	int v;
	if (g->title)
		snprintf(a->title, sizeof a->title, "%s", g->title);
	if ((g->opens && read_time("opens", g->opens, a->zone, 0, &a->times.opens, err, n) < 0) ||
	    (g->due && read_time("due", g->due, a->zone, 0, &a->times.due, err, n) < 0) ||
	    (g->late_until && read_time("late-until", g->late_until, a->zone, 1, &a->times.late_until, err, n) < 0) ||
	    (g->freeze && read_minutes("freeze", g->freeze, &a->freeze_minutes, err, n) < 0) ||
	    (g->window && read_minutes("window", g->window, &a->window_minutes, err, n) < 0))
		return -1;
	if (g->late && late_spec_parse(g->late, &a->late, why, sizeof why) < 0)
		return errf(err, n, "--late: %s", why);
	if (g->counts && (v = which_counts_parse(g->counts)) < 0)
		return errf(err, n, "--counts is best or last, not '%.40s'", g->counts);
	if (g->counts)
		a->counts = (enum which_rule)v;
	if (g->feedback && (v = feedback_policy_parse(g->feedback)) < 0)
		return errf(err, n, "--feedback is full, samples, verdict or after-close, not '%.40s'", g->feedback);
	if (g->feedback)
		a->feedback = (enum feedback_policy)v;
	if (g->contest && (v = db_contest_parse(g->contest)) < 0)
		return errf(err, n, "--contest is none, icpc or ioi, not '%.40s'", g->contest);
	if (g->contest)
		a->contest = (enum db_contest)v;
	if (g->unfreeze)
		a->unfrozen = 1;
	return 0;
}

/* The whole assignment makes sense (the same check for add and set). */
static int check(const struct db_assignment *a, char *err, size_t n)
{
	const char *why = NULL;
	if (!a->title[0])
		why = "it needs a title";
	else if (a->times.opens > a->times.due)
		why = "it would open after its due time";
	else if (a->times.late_until != DUE_NONE && a->times.late_until < a->times.due)
		why = "--late-until is before the due time";
	else if (a->late.kind != LATE_NONE && a->times.late_until == DUE_NONE)
		why = "a late policy needs --late-until, the end of the late window";
	else if (a->late.kind == LATE_NONE && a->times.late_until != DUE_NONE)
		why = "--late-until needs a late policy (--late penalty:... or days)";
	else if (a->freeze_minutes && a->contest == DB_CONTEST_NONE)
		why = "--freeze is for contests (--contest icpc or ioi)";
	else if (a->window_minutes && (int64_t)a->window_minutes * 60 > a->times.due - a->times.opens)
		why = "--window is longer than the time from opens to due";
	return why ? errf(err, n, "%s: %s", a->short_name, why) : 0;
}

struct kept {
	struct db_assignment_problem *p;
	int count;
};

static void keep_problem(const struct db_assignment_problem *p, void *arg)
{
	struct kept *k = arg;
	if (k->count < ASSIGNMENT_PROBLEMS_MAX)
		k->p[k->count++] = *p;
}

int assignment_edit_store(struct db *db, struct db_assignment *a, const struct assignment_given *g, int is_add,
			  char *err, size_t n)
{
	struct db_assignment_problem *p = calloc(ASSIGNMENT_PROBLEMS_MAX, sizeof *p);
	struct db_assignment edited = *a;
	enum db_contest was = a->contest;
	int np = 0, rc = -1;
	if (!p)
		return errf(err, n, "out of memory");
	if (apply(g, &edited, err, n) < 0 ||
	    (np = read_problems(db, g, edited.contest != DB_CONTEST_NONE, p, err, n)) < 0 || check(&edited, err, n) < 0)
		goto out;
	if (is_add && !np) {
		errf(err, n, "%s: it needs at least one problem", edited.short_name);
		goto out;
	}
	/* Into or out of contest mode: the problems kept, labelled anew. */
	struct kept k = { p, 0 };
	int relabel = !is_add && !g->nproblems && (was == DB_CONTEST_NONE) != (edited.contest == DB_CONTEST_NONE);
	if (relabel && db_assignment_problems(db, edited.id, keep_problem, &k, err, n) < 0)
		goto out;
	if (relabel)
		label(p, np = k.count, edited.contest != DB_CONTEST_NONE);
	if ((is_add ? db_assignment_add(db, &edited, p, np, err, n)
		    : db_assignment_update(db, &edited, g->nproblems || relabel ? p : NULL, np, err, n)) < 0)
		goto out;
	*a = edited;
	rc = 0;
out:
	free(p);
	return rc;
}
