/* page_submissions.c - lists of submissions, one submission's page, and its JSON for live updates. */
#include "course_view.h"
#include "http.h"
#include "log.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "db.h"
#include "language.h"
#include "feedback.h"
#include "verdict.h"
#include "zone_time.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PAGE_ROWS 50


struct rows {
	struct tpl_dict *table;
	int all, count;
	long long last_id;
};

static void add_row(const struct db_submission_row *s, void *arg)
{
	struct rows *rs = arg;
	struct tpl_dict *row = tpl_add_section(rs->table, "ROW");
	if (!row)
		return;
	rs->count++;
	rs->last_id = s->id;
	char when[32];
	page_time(s->submitted_at, when, sizeof when);
	tpl_set_int(row, "ID", s->id);
	tpl_set(row, "WHEN", when);
	tpl_set(row, "PROBLEM", s->problem);
	const struct language *l = language_by_id(s->language);
	tpl_set(row, "LANGUAGE", l ? l->name : s->language);
	page_set_verdict(row, s->state, s->verdict, s->has_score, s->score);
	if (rs->all) {
		tpl_set(tpl_add_section(row, "ALL"), "USER", s->user);
	}
}

/* A filter from the query string: at most 63 bytes, else ignored. */
static const char *filter(struct request *r, const char *name)
{
	const char *v = http_query(r, name);
	return v && *v && strlen(v) < 64 ? v : NULL;
}

void page_submissions(struct request *r)
{
	int staff = page_is_staff(r);
	struct db_submission_filter f = { .limit = PAGE_ROWS };
	if (staff) {
		f.staff_of = page_staff_of(r);
		f.user = filter(r, "user");
		f.problem = filter(r, "problem");
		f.language = filter(r, "lang");
		f.verdict = filter(r, "verdict");
	} else {
		f.user = r->s.user; /* a student sees their own, whatever the query says */
		f.problem = filter(r, "problem");
	}
	const char *before = http_query(r, "before");
	f.before_id = before ? http_id(before) : 0;
	struct page *p;
	struct tpl_dict *d = page_new(r, staff ? "All submissions" : "My submissions", "submissions.tpl", &p);
	if (!d)
		return;
	tpl_set(d, "HEADING", staff ? "All submissions" : "My submissions");
	if (staff) {
		struct tpl_dict *fd = tpl_add_section(d, "FILTERS");
		tpl_set(fd, "PROBLEM", f.problem ? f.problem : "");
		tpl_set(fd, "USER", f.user ? f.user : "");
		for (const struct language *l = language_all(); l->id; l++) {
			struct tpl_dict *o = tpl_add_section(fd, "LANG");
			tpl_set(o, "ID", l->id);
			tpl_set(o, "NAME", l->name);
			if (f.language && strcmp(f.language, l->id) == 0)
				tpl_show_section(o, "SELECTED");
		}
		for (int v = 0; v < VERDICT_COUNT; v++) {
			struct tpl_dict *o = tpl_add_section(fd, "VERDICT_OPTION");
			tpl_set(o, "V", verdict_name((enum verdict)v));
			if (f.verdict && strcmp(f.verdict, verdict_name((enum verdict)v)) == 0)
				tpl_show_section(o, "SELECTED");
		}
	}
	struct rows rs = { .table = tpl_add_section(d, "TABLE"), .all = staff };
	if (staff)
		tpl_show_section(rs.table, "ALL");
	char err[512];
	if (db_submission_list(r->db, &f, add_row, &rs, err, sizeof err) < 0) {
		page_discard(p);
		http_error(r, 503, err);
		return;
	}
	if (rs.count == 0) {
		struct tpl_dict *none = tpl_add_section(d, "NONE");
		if (f.problem || f.language || f.verdict || (staff && f.user) || f.before_id)
			tpl_show_section(none, "FILTERED");
	}
	if (rs.count == PAGE_ROWS) {
		struct tpl_dict *older = tpl_add_section(d, "OLDER");
		tpl_set_int(older, "BEFORE", rs.last_id);
		tpl_set(older, "PROBLEM", f.problem ? f.problem : "");
		tpl_set(older, "USER", staff && f.user ? f.user : "");
		tpl_set(older, "LANG", f.language ? f.language : "");
		tpl_set(older, "VERDICT", f.verdict ? f.verdict : "");
	}
	page_send(r, p, 200);
}

/* ---- one submission ---- */

/* What the viewer may see of a submission: everything (the site's staff
 * for practice, the course's for a submission made for an assignment), or, for its
 * student, what the assignment's feedback policy shows (feedback.h). */
struct viewer {
	int staff;
	int policy;               /* the feedback policy applies */
	enum feedback_policy feedback;
	int64_t now, closes;
	int shows_result;         /* the verdict, score, compiler output and tests */
	char after[96];           /* when they show, in the course's zone */
};

/* The submission if this user may see it: 1 (*vw filled), or 0 after
 * answering 404 (a student asking for another's learns nothing, not even
 * that it exists). */
static int load(struct request *r, struct db_result *res, struct viewer *vw)
{
	long long id = http_id(r->args[0]);
	char err[512];
	struct db_assignment a;
	struct course_view cv;
	int found = id ? db_result_get(r->db, id, res, err, sizeof err) : 0;
	if (found < 0) {
		http_error(r, 503, err);
		return 0;
	}
	int in = found ? course_view_submission(r, res->assignment_id, &a, &cv) : 0;
	memset(vw, 0, sizeof *vw);
	/* One made for an assignment is its course's business: its TAs and
	 * instructors (and site admins) see it, not another course's staff. */
	vw->staff = in == 1 ? cv.staff : page_is_staff(r);
	vw->shows_result = 1;
	if (in < 0 || !found || (!vw->staff && res->user_id != r->s.user_id)) {
		if (found)
			db_result_free(res);
		if (in >= 0)
			http_error(r, 404, "There is no such submission.");
		return 0;
	}
	if (in == 1 && !vw->staff) {
		vw->policy = 1;
		vw->feedback = a.feedback;
		vw->now = (int64_t)time(NULL);
		vw->closes = cv.closes;
		vw->shows_result = cv.shows_results;
		if (zone_time_format(cv.closes, a.zone, vw->after, sizeof vw->after, err, sizeof err) < 0)
			snprintf(vw->after, sizeof vw->after, "the deadline");
	}
	return 1;
}

/* What the viewer sees of test tr: everything, or the policy's view. */
static struct feedback_shown test_shown(const struct viewer *vw, const struct db_test_row *tr)
{
	int v = verdict_parse(tr->verdict);
	struct feedback_test t = { tr->sample, v < 0 ? VERDICT_JE : (enum verdict)v, (int)tr->cpu_ms, (int)tr->mem_kb };
	if (!vw->policy)
		return (struct feedback_shown){ .row = 1, .verdict = t.verdict, .time_ms = t.time_ms, .mem_kib = t.mem_kib };
	return feedback_test_view(vw->feedback, vw->now, vw->closes, &t);
}

/* A scoring problem's subtask scores show where every test's verdict
 * does (full feedback, after-close once closed, staff): under samples or
 * verdict-only a group's score would tell which secret tests failed. */
static int subtasks_shown(const struct viewer *vw)
{
	return vw->shows_result && (!vw->policy || vw->feedback == FEEDBACK_FULL || vw->feedback == FEEDBACK_AFTER_CLOSE);
}

/* "Subtask 2" for a student (a group's name could describe its data),
 * "Subtask 2: secret/2-medium" for staff. */
static void subtask_label(const struct viewer *vw, int i, const struct db_subtask_row *t, char *out, size_t n)
{
	if (vw->staff)
		snprintf(out, n, "Subtask %d: %s", i + 1, t->name);
	else
		snprintf(out, n, "Subtask %d", i + 1);
}

static void add_subtasks(struct tpl_dict *d, const struct db_result *res, const struct viewer *vw)
{
	if (!res->nsubtasks || !subtasks_shown(vw))
		return;
	struct tpl_dict *s = tpl_add_section(d, "SUBTASKS");
	for (int i = 0; i < res->nsubtasks; i++) {
		const struct db_subtask_row *t = &res->subtasks[i];
		struct tpl_dict *row = tpl_add_section(s, "SUBTASK");
		char label[320], points[64];
		subtask_label(vw, i, t, label, sizeof label);
		tpl_set(row, "NAME", label);
		if (isfinite(t->max))
			snprintf(points, sizeof points, "%g of %g", t->score, t->max);
		else
			snprintf(points, sizeof points, "%g", t->score);
		tpl_set(row, "POINTS", points);
	}
}

static void add_tests(struct tpl_dict *d, const struct db_result *res, const struct viewer *vw)
{
	if (res->ntests == 0 || !vw->shows_result)
		return;
	struct tpl_dict *t = NULL;
	int secret = 0, passed = 0;
	for (int i = 0; i < res->ntests; i++) {
		const struct db_test_row *tr = &res->tests[i];
		struct feedback_shown sh = test_shown(vw, tr);
		secret += sh.counted;
		passed += sh.counted && sh.passed;
		if (!sh.row)
			continue;
		if (!t) {
			t = tpl_add_section(d, "TESTS");
			if (vw->staff)
				tpl_show_section(t, "DETAILS");
		}
		struct tpl_dict *row = tpl_add_section(t, "TEST");
		/* Students see a sample's name and message; a secret test is a
		 * number: its name and the checker's message could give its data away. */
		char name[300];
		if (vw->staff || tr->sample)
			snprintf(name, sizeof name, "%s%s", tr->name, tr->sample && !vw->staff ? " (sample)" : "");
		else
			snprintf(name, sizeof name, "Test %d", i + 1);
		tpl_set(row, "NAME", name);
		tpl_set(row, "VERDICT", tr->verdict);
		tpl_set_int(row, "TIME", sh.time_ms);
		tpl_set_int(row, "MEMORY", sh.mem_kib);
		if (vw->staff) {
			tpl_set(tpl_add_section(row, "DETAILS"), "MESSAGE", tr->message);
		}
	}
	if (secret) {
		struct tpl_dict *sp = tpl_add_section(d, "SECRET");
		tpl_set_int(sp, "PASSED", passed);
		tpl_set_int(sp, "OF", secret);
	}
}

static void add_source(struct tpl_dict *d, const char *src, size_t len)
{
	const char *end = src + len;
	while (src < end) {
		const char *nl = memchr(src, '\n', (size_t)(end - src));
		size_t line = nl ? (size_t)(nl - src) : (size_t)(end - src);
		char *text = strndup(src, line);
		struct tpl_dict *row = tpl_add_section(d, "LINE");
		if (text && row)
			tpl_set(row, "TEXT", text);
		free(text);
		src += line + (nl ? 1 : 0);
	}
}

struct history {
	struct tpl_dict *staff, *table; /* the table is added with the first judging */
};

static void add_judging(const struct db_judging_row *j, void *arg)
{
	struct history *h = arg;
	if (!h->table)
		h->table = tpl_add_section(h->staff, "HISTORY");
	struct tpl_dict *row = tpl_add_section(h->table, "JUDGING");
	char when[32];
	page_time(j->finished_at, when, sizeof when);
	tpl_set_int(row, "ID", j->id);
	tpl_set(row, "WHEN", when);
	tpl_set_int(row, "VERSION", j->version);
	tpl_set_int(row, "TIME", j->max_cpu_ms);
	tpl_set_int(row, "MEMORY", j->max_mem_kb);
	tpl_set(row, "JUDGE", j->judge);
	page_set_verdict(row, "done", j->verdict, j->has_score, j->score);
}

void page_submission(struct request *r)
{
	struct db_result res;
	struct viewer vw;
	if (!load(r, &res, &vw))
		return;
	char title[64], err[512];
	snprintf(title, sizeof title, "Submission %lld", res.id);
	void *src = NULL;
	size_t len = 0;
	long long submitted_at = 0;
	if (db_submission_source(r->db, res.id, &src, &len, &submitted_at, err, sizeof err) < 0) {
		db_result_free(&res);
		http_error(r, 503, err);
		return;
	}
	struct page *p;
	struct tpl_dict *d = page_new(r, title, "submission.tpl", &p);
	if (!d) {
		free(src);
		db_result_free(&res);
		return;
	}
	char when[32];
	page_time(submitted_at, when, sizeof when);
	tpl_set_int(d, "ID", res.id);
	tpl_set(d, "STATE", res.state);
	tpl_set_int(d, "DONE", res.tests_done);
	tpl_set(d, "PROBLEM", res.problem);
	tpl_set(d, "USER", res.user);
	tpl_set(d, "WHEN", when);
	tpl_set(d, "FILE", res.file_name);
	const struct language *l = language_by_id(res.language);
	tpl_set(d, "LANGUAGE", l ? l->name : res.language);
	tpl_set(d, "LANGUAGE_ID", res.language); /* the editor's highlighting (web/editor) */
	tpl_set(d, "EXT", l && l->extensions[0] ? l->extensions[0] : "");
	if (vw.shows_result)
		page_set_verdict(d, res.state, res.verdict, res.has_score, res.score);
	else /* after-close: not even the verdict until the window closes */
		page_set_verdict(d, strcmp(res.state, "done") ? res.state : "judged", "", 0, 0);
	if (!vw.shows_result && !strcmp(res.state, "done"))
		tpl_set(tpl_add_section(d, "LATER"), "AFTER", vw.after);
	if (strcmp(res.state, "done") != 0) {
		struct tpl_dict *w = tpl_add_section(d, "WAITING");
		struct db_version v;
		char progress[128];
		if (strcmp(res.state, "queued") == 0)
			snprintf(progress, sizeof progress, "Waiting for a judge.");
		else if (res.tests_done == 0 || (vw.policy && vw.feedback != FEEDBACK_FULL))
			/* how far it got would tell which secret test failed */
			snprintf(progress, sizeof progress, "Compiling and starting the first test.");
		else if (db_problem_current(r->db, res.problem, &v, err, sizeof err) == 1 && v.test_count > 0)
			snprintf(progress, sizeof progress, "%d of at most %d tests run.", res.tests_done, v.test_count);
		else
			snprintf(progress, sizeof progress, "%d tests run.", res.tests_done);
		tpl_set(w, "PROGRESS", progress);
	}
	if (res.compile_output && *res.compile_output && vw.shows_result)
		tpl_set(tpl_add_section(d, "COMPILE"), "OUTPUT", res.compile_output);
	add_tests(d, &res, &vw);
	add_subtasks(d, &res, &vw);
	if (page_is_staff(r)) { /* the rejudge button is the site staff's */
		struct tpl_dict *sd = tpl_add_section(d, "STAFF");
		tpl_set_int(sd, "ID", res.id);
		tpl_set(sd, "CSRF", r->s.csrf);
		/* Every judging, a regrade's and the ones before it. */
		struct history h = { sd, NULL };
		if (db_judging_history(r->db, res.id, add_judging, &h, err, sizeof err) < 0)
			log_error("verdict serve: %s", err);
	}
	add_source(d, src, len);
	free(src);
	db_result_free(&res);
	page_send(r, p, 200);
}

void page_submission_json(struct request *r)
{
	struct db_result res;
	struct viewer vw;
	if (!load(r, &res, &vw))
		return;
	int staff = vw.staff;
	cJSON *o = cJSON_CreateObject(), *tests = cJSON_CreateArray();
	cJSON_AddNumberToObject(o, "id", (double)res.id);
	cJSON_AddStringToObject(o, "state", res.state);
	if (res.verdict[0] && vw.shows_result)
		cJSON_AddStringToObject(o, "verdict", res.verdict);
	else
		cJSON_AddNullToObject(o, "verdict");
	if (res.has_score && vw.shows_result)
		cJSON_AddNumberToObject(o, "score", res.score);
	else
		cJSON_AddNullToObject(o, "score");
	if (vw.policy)
		cJSON_AddStringToObject(o, "feedback", feedback_policy_name(vw.feedback));
	if (!vw.shows_result)
		cJSON_AddStringToObject(o, "results_after", vw.after);
	/* while judging: how far it got (but for the full policy, that tells
	 * which secret test failed) */
	cJSON_AddNumberToObject(o, "tests_done", vw.policy && vw.feedback != FEEDBACK_FULL ? 0 : res.tests_done);
	int secret = 0, passed = 0;
	for (int i = 0; vw.shows_result && i < res.ntests; i++) {
		const struct db_test_row *tr = &res.tests[i];
		struct feedback_shown sh = test_shown(&vw, tr);
		secret += sh.counted;
		passed += sh.counted && sh.passed;
		if (!sh.row)
			continue;
		cJSON *t = cJSON_CreateObject();
		cJSON_AddNumberToObject(t, "n", i + 1);
		if (staff || tr->sample)
			cJSON_AddStringToObject(t, "name", tr->name);
		cJSON_AddBoolToObject(t, "sample", tr->sample);
		cJSON_AddStringToObject(t, "verdict", tr->verdict);
		cJSON_AddNumberToObject(t, "time_ms", (double)sh.time_ms);
		cJSON_AddNumberToObject(t, "memory_kb", (double)sh.mem_kib);
		cJSON_AddItemToArray(tests, t);
	}
	cJSON_AddItemToObject(o, "tests", tests);
	cJSON *subtasks = cJSON_AddArrayToObject(o, "subtasks");
	for (int i = 0; subtasks_shown(&vw) && i < res.nsubtasks; i++) {
		cJSON *t = cJSON_CreateObject();
		char label[320];
		subtask_label(&vw, i, &res.subtasks[i], label, sizeof label);
		cJSON_AddStringToObject(t, "name", label);
		cJSON_AddNumberToObject(t, "score", res.subtasks[i].score);
		isfinite(res.subtasks[i].max) ? cJSON_AddNumberToObject(t, "max_score", res.subtasks[i].max)
					      : cJSON_AddNullToObject(t, "max_score");
		cJSON_AddItemToArray(subtasks, t);
	}
	if (secret) {
		cJSON *sp = cJSON_AddObjectToObject(o, "secret_tests");
		cJSON_AddNumberToObject(sp, "passed", passed);
		cJSON_AddNumberToObject(sp, "total", secret);
	}
	char *json = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	db_result_free(&res);
	if (!json) {
		http_error(r, 503, "out of memory");
		return;
	}
	http_respond(r, 200, "application/json", json, strlen(json));
}
