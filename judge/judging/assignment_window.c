/* assignment_window.c - a student's window in an assignment, and whether a submission fits it. */
#include "assignment_window.h"

#include "db.h"
#include "db_courses.h"
#include "problem_grade.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

int assignment_window_for(struct db *db, const struct db_assignment *a, long long user_id, struct due_times *w,
			  int64_t *started, char *err, size_t n)
{
	struct db_extension e;
	int has_ext = db_extension_for(db, a->id, user_id, &e, err, n);
	if (has_ext < 0)
		return -1;
	*started = DUE_NONE;
	if (a->window_minutes > 0 && db_contest_started(db, a->id, user_id, started, err, n) < 0)
		return -1;
	return problem_grade_window(&a->times, (int64_t)a->window_minutes * 60, *started, has_ext ? &e.times : NULL, w,
				    err, n);
}

struct has_problem {
	long long id;
	int found;
};

static void find_problem(const struct db_assignment_problem *p, void *arg)
{
	struct has_problem *h = arg;
	h->found |= p->problem_id == h->id;
}

int assignment_window_has_problem(struct db *db, long long assignment_id, long long problem_id, char *err, size_t n)
{
	struct has_problem h = { problem_id, 0 };
	if (db_assignment_problems(db, assignment_id, find_problem, &h, err, n) < 0)
		return -1;
	return h.found;
}

/* A late submission under a's late policy: 1 allowed (late days taken
 * from the bank and recorded), 0 refused (why in err), -1 error. Under
 * "days,ask", days are taken only when spend says so. */
static int admit_late(struct db *db, const struct db_assignment *a, long long user_id,
		      const struct due_placement *p, int spend, char *err, size_t n)
{
	struct db_course c = { 0 };
	int here = 0, elsewhere = 0;
	if (a->late.kind == LATE_DAYS &&
	    (db_course_find(db, a->course, &c, err, n) != 1 ||
	     db_late_days(db, a->course_id, user_id, a->id, &here, &elsewhere, err, n) < 0))
		return -1;
	struct late_bank bank = { .balance = c.late_days - elsewhere - here, .spent_here = here };
	if (bank.balance < 0)
		bank.balance = 0;
	struct late_outcome o;
	if (late_policy_apply(&a->late, 0, 0, p->late_seconds, &bank, &o, err, n) < 0)
		return -1;
	if (!o.allowed) {
		errf(err, n, "%s: %s; %s", a->short_name, o.explanation, p->message);
		return 0;
	}
	if (a->late.kind == LATE_DAYS && a->late.ask && o.days_here > here && !spend) {
		int more = o.days_here - here;
		errf(err, n, "%s: not submitted: this late submission takes %d more late day%s from your bank (%d left); "
			     "tick \"Spend late days\" (verdict submit --spend-late-days) to spend them; %s",
		     a->short_name, more, more == 1 ? "" : "s", bank.balance, p->message);
		return 0;
	}
	if (a->late.kind == LATE_DAYS && o.days_here != here &&
	    db_late_days_set(db, a->course_id, user_id, a->id, o.days_here, err, n) < 0)
		return -1;
	return 1;
}

int assignment_window_admit(struct db *db, long long assignment_id, long long user_id, long long problem_id,
			    int64_t now, int spend_late_days, char *err, size_t n)
{
	struct db_assignment a;
	struct db_member m;
	int found = db_assignment_get(db, assignment_id, &a, err, n);
	if (found <= 0) {
		if (found == 0)
			errf(err, n, "no such assignment");
		return found;
	}
	found = db_member_get(db, a.course_id, user_id, &m, err, n);
	if (found <= 0 || !m.on_roster) {
		if (found >= 0)
			errf(err, n, "%s: you are not %s course %s", a.short_name, found ? "on the roster of" : "in",
			     a.course);
		return found < 0 ? -1 : 0;
	}
	int has = assignment_window_has_problem(db, a.id, problem_id, err, n);
	if (has < 0)
		return -1;
	if (!has) {
		errf(err, n, "%s: this problem is not part of the assignment", a.short_name);
		return 0;
	}
	if (strcmp(m.role, "student") != 0) /* staff try things out at any time */
		return 1;
	struct due_times w;
	int64_t started;
	if (assignment_window_for(db, &a, user_id, &w, &started, err, n) < 0)
		return -1;
	if (a.window_minutes > 0 && started == DUE_NONE) {
		errf(err, n, "%s: this assignment runs %d minutes from when you start it: start it first", a.short_name,
		     a.window_minutes);
		return 0;
	}
	struct due_placement p;
	if (due_window_place(&w, now, a.zone, &p, err, n) < 0)
		return -1;
	if (p.cls == DUE_EARLY || p.cls == DUE_CLOSED) {
		errf(err, n, "%s: %s", a.short_name, p.message);
		return 0;
	}
	return p.cls == DUE_ON_TIME ? 1 : admit_late(db, &a, user_id, &p, spend_late_days, err, n);
}
