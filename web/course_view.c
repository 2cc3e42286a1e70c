/* course_view.c - an assignment as the person asking sees it. */
#include "course_view.h"
#include "http.h"
#include "page_util.h"

#include "assignment_window.h"
#include "feedback.h"
#include "zone_time.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The state in words, from where now falls in the window. */
static void set_state(const struct db_assignment *a, int64_t now, struct course_view *v)
{
	char when[96], err[128], left[64];
	switch (v->place.cls) {
	case DUE_EARLY:
		if (zone_time_format(v->w.opens, a->zone, when, sizeof when, err, sizeof err) < 0)
			snprintf(when, sizeof when, "%.90s", err);
		snprintf(v->state, sizeof v->state, "not open yet: opens at %s", when);
		break;
	case DUE_ON_TIME:
		due_window_duration(v->w.due - now, left, sizeof left);
		if (v->needs_start)
			snprintf(v->state, sizeof v->state, "open: your %d-minute window starts when you start it",
				 a->window_minutes);
		else
			snprintf(v->state, sizeof v->state, "open, due in %s", left);
		break;
	case DUE_LATE:
		due_window_duration(v->w.late_until - now, left, sizeof left);
		snprintf(v->state, sizeof v->state, "late: accepted for %s more (%s)", left,
			 a->late.kind == LATE_DAYS ? "late days" : "with a penalty");
		break;
	case DUE_CLOSED:
		snprintf(v->state, sizeof v->state, "closed");
		break;
	}
}

int course_view_for(struct request *r, const struct db_assignment *a, int64_t now, struct course_view *v)
{
	char err[512];
	memset(v, 0, sizeof *v);
	v->staff = page_course_staff(r);
	v->started = DUE_NONE;
	v->w = a->times;
	if (!v->staff) {
		int ext = db_extension_for(r->db, a->id, r->s.user_id, &v->ext, err, sizeof err);
		if (ext < 0 || assignment_window_for(r->db, a, r->s.user_id, &v->w, &v->started, err, sizeof err) < 0) {
			http_error(r, 503, err);
			return -1;
		}
		v->has_extension = ext == 1;
		v->needs_start = a->window_minutes > 0 && v->started == DUE_NONE;
	}
	if (due_window_place(&v->w, now, a->zone, &v->place, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return -1;
	}
	v->closes = due_window_closes(&v->w);
	v->visible = v->staff || now >= a->times.opens;
	v->shows_results = v->staff || feedback_shows_result(a->feedback, now, v->closes);
	set_state(a, now, v);
	return 0;
}

int course_view_find(struct request *r, struct db_assignment *a)
{
	char err[512];
	int found = db_assignment_find(r->db, r->course.short_name, r->args[1], a, err, sizeof err);
	if (found != 1)
		http_error(r, found < 0 ? 503 : 404, found < 0 ? err : "There is no such assignment.");
	return found == 1;
}

int course_view_assignment(struct request *r, struct db_assignment *a, struct course_view *v)
{
	if (!course_view_find(r, a))
		return 0;
	if (course_view_for(r, a, (int64_t)time(NULL), v) < 0)
		return 0;
	if (!v->visible) { /* not even its title before it opens */
		http_error(r, 404, "There is no such assignment.");
		return 0;
	}
	return 1;
}

/* r->course_role in course_id: the member's role, "admin" for a site
 * admin, "" for anyone else. Returns 0, or -1 with err. */
static int set_role(struct request *r, long long course_id, char *err, size_t n)
{
	struct db_member m;
	int member = db_member_get(r->db, course_id, r->s.user_id, &m, err, n);
	if (member < 0)
		return -1;
	snprintf(r->course_role, sizeof r->course_role, "%s",
		 strcmp(r->s.role, "admin") == 0 ? "admin" : member ? m.role : "");
	return 0;
}

int course_view_submission(struct request *r, long long assignment_id, struct db_assignment *a, struct course_view *v)
{
	char err[512];
	int found = assignment_id > 0 ? db_assignment_get(r->db, assignment_id, a, err, sizeof err) : 0;
	if (found == 1 && set_role(r, a->course_id, err, sizeof err) < 0)
		found = -1;
	if (found == 1 && course_view_for(r, a, (int64_t)time(NULL), v) < 0)
		return -1;
	if (found < 0)
		http_error(r, 503, err);
	return found;
}

int course_view_named(struct request *r, long long problem_id, struct db_assignment *a, struct course_view *v)
{
	const char *named = r->is_post ? http_form(r, "assignment") : http_query(r, "assignment");
	if (!named || !*named)
		return 0;
	long long id = http_id(named);
	char err[512];
	int has = 0, found = id ? db_assignment_get(r->db, id, a, err, sizeof err) : 0;
	if (found == 1 && (set_role(r, a->course_id, err, sizeof err) < 0 ||
			   (has = assignment_window_has_problem(r->db, a->id, problem_id, err, sizeof err)) < 0))
		found = -1;
	if (found < 0) {
		http_error(r, 503, err);
		return -1;
	}
	if (found != 1 || !r->course_role[0] || !has) {
		http_error(r, 404, "There is no such assignment, or this problem is not in it.");
		return -1;
	}
	if (course_view_for(r, a, (int64_t)time(NULL), v) < 0)
		return -1;
	if (!v->visible) {
		http_error(r, 404, "There is no such assignment, or this problem is not in it.");
		return -1;
	}
	return 1;
}

int course_view_board_access(struct request *r, struct db_assignment *a, int *live)
{
	struct course_view v;
	if (!course_view_assignment(r, a, &v))
		return 0;
	if (a->contest == DB_CONTEST_NONE) {
		http_error(r, 404, "This assignment is not a contest: it has no scoreboard.");
		return 0;
	}
	const char *pub = http_query(r, "public");
	*live = v.staff && !(pub && !strcmp(pub, "1"));
	return 1;
}

int course_view_board(struct request *r, struct db_assignment *a, struct contest_board *b, int *live)
{
	char err[512];
	if (!course_view_board_access(r, a, live))
		return 0;
	if (contest_board_load(r->db, a, *live, b, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return 0;
	}
	return 1;
}
