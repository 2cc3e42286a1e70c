/* page_rejudge.c - rejudging a submission or a whole problem, and what changed. */
#include "course_view.h"
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "db.h"

#include <stdio.h>
#include <string.h>

static void start(struct request *r, long long submission_id, const char *problem)
{
	long long regrade = 0;
	int count = 0;
	char err[512];
	struct db_regrade_filter f = { submission_id, problem, NULL, 0, page_staff_of(r) };
	if (db_regrade_start(r->db, r->s.user_id, &f, &regrade, &count, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return;
	}
	if (count == 0 || regrade == 0) {
		/* Not an error: there is simply nothing judged yet to judge again. */
		struct page *p;
		struct tpl_dict *d = page_new(r, "Rejudge", "rejudge.tpl", &p);
		if (!d)
			return;
		tpl_set(tpl_add_section(d, "NOTHING"), "WHAT",
			submission_id ? "This submission is not judged yet: it will be judged as it is."
				      : "This problem has no judged submissions yet: nothing to rejudge.");
		tpl_set_int(d, "COUNT", 0);
		tpl_set_int(d, "CHANGED", 0);
		tpl_set_int(d, "WAITING", 0);
		page_send(r, p, 200);
		return;
	}
	char where[64];
	snprintf(where, sizeof where, "/rejudges/%lld", regrade);
	http_redirect(r, where);
}

void page_rejudge_submission(struct request *r)
{
	long long id = http_id(r->args[0]);
	struct db_result res;
	char err[512];
	int found = id ? db_result_get(r->db, id, &res, err, sizeof err) : 0;
	if (found <= 0) { /* else "not judged yet" for a submission that does not exist */
		http_error(r, found < 0 ? 503 : 404, found < 0 ? err : "There is no such submission.");
		return;
	}
	/* One made for an assignment: its course's staff only, as its page. */
	struct db_assignment a;
	struct course_view cv;
	int in = course_view_submission(r, res.assignment_id, &a, &cv);
	db_result_free(&res);
	if (in < 0)
		return;
	if (in == 1 && !cv.staff) {
		http_error(r, 404, "There is no such submission.");
		return;
	}
	start(r, id, NULL);
}

void page_rejudge_problem(struct request *r)
{
	struct db_version v;
	if (page_visible_problem(r, r->args[0], &v))
		start(r, 0, v.short_name);
}

struct items {
	struct tpl_dict *d;
	int count, changed, waiting;
};

static void set_points(struct tpl_dict *d, const char *section, double score)
{
	char points[32];
	snprintf(points, sizeof points, "%g", score);
	tpl_set(tpl_add_section(d, section), "POINTS", points);
}

static void add_item(const struct db_regrade_item *it, void *arg)
{
	struct items *s = arg;
	struct tpl_dict *row = tpl_add_section(s->d, "ITEM");
	s->count++;
	int done = strcmp(it->state, "done") == 0;
	s->waiting += !done;
	s->changed += it->changed;
	tpl_set_int(row, "ID", it->submission_id);
	tpl_set(row, "USER", it->user);
	tpl_set(row, "PROBLEM", it->problem);
	tpl_set(row, "OLD", it->old_verdict[0] ? it->old_verdict : "none");
	if (it->old_has_score)
		set_points(row, "OLD_SCORE", it->old_score);
	/* Until its new judging is stored, the submission still holds the old
	 * verdict: show where it is instead. */
	page_set_verdict(row, it->state, done ? it->verdict : "", done && it->has_score, it->score);
	if (it->changed)
		tpl_show_section(row, "CHANGED");
}

void page_rejudge_result(struct request *r)
{
	long long id = http_id(r->args[0]);
	char title[64], err[512];
	snprintf(title, sizeof title, "Rejudge %lld", id);
	struct page *p;
	struct tpl_dict *d = page_new(r, title, "rejudge.tpl", &p);
	if (!d)
		return;
	struct items s = { .d = d };
	int n = id ? db_regrade_items(r->db, id, page_staff_of(r), add_item, &s, err, sizeof err) : 0;
	if (n <= 0) {
		page_discard(p);
		http_error(r, n < 0 ? 503 : 404, n < 0 ? err : "There is no such rejudge.");
		return;
	}
	tpl_set_int(d, "ID", id);
	tpl_set_int(d, "COUNT", s.count);
	tpl_set_int(d, "CHANGED", s.changed);
	tpl_set_int(d, "WAITING", s.waiting);
	if (s.waiting)
		tpl_show_section(d, "PENDING");
	page_send(r, p, 200);
}
