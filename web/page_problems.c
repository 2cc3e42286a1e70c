/* page_problems.c - the problem list (with my best result) and a problem's page. */
#include "course_view.h"
#include "http.h"
#include "interaction.h"
#include "page_answers.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "db.h"
#include "state.h"
#include "util.h"
#include "fsutil.h"
#include "language.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SAMPLE_SHOW_MAX (64 * 1024) /* bytes of a sample shown on the page */
#define SAMPLES_MAX 20
#define STATEMENT_MAX (4 * 1024 * 1024)

struct list_state {
	struct request *r;
	struct tpl_dict *d;
	struct db_best *best; /* this user's, by problem name */
	int nbest, shown, staff;
};

static void add_best(const struct db_best *b, void *arg)
{
	struct list_state *ls = arg;
	struct db_best *grown = realloc(ls->best, (size_t)(ls->nbest + 1) * sizeof *grown);
	if (!grown)
		return;
	ls->best = grown;
	ls->best[ls->nbest++] = *b;
}

static void add_problem(const struct db_version *v, const char *title, long submissions, void *arg)
{
	struct list_state *ls = arg;
	if (!v->visible && !ls->staff)
		return;
	struct tpl_dict *row = tpl_add_section(ls->d, "PROBLEM");
	if (!row)
		return;
	ls->shown++;
	tpl_set(row, "SHORT", v->short_name);
	tpl_set(row, "TITLE", title);
	char time[32];
	snprintf(time, sizeof time, "%g", v->time_limit);
	tpl_set(row, "TIME", time);
	if (ls->staff) {
		tpl_show_section(row, "STAFF");
		tpl_set_int(row, "SUBMISSIONS", submissions);
		tpl_set(row, "VISIBLE", v->visible ? "yes" : "no");
	}
	for (int i = 0; i < ls->nbest; i++)
		if (strcmp(ls->best[i].problem, v->short_name) == 0) {
			struct tpl_dict *b = tpl_add_section(row, "BEST");
			tpl_set(b, "VERDICT", ls->best[i].verdict);
			if (ls->best[i].has_score) {
				struct tpl_dict *s = tpl_add_section(b, "SCORE");
				char points[32];
				snprintf(points, sizeof points, "%g", ls->best[i].score);
				tpl_set(s, "POINTS", points);
			}
			return;
		}
	tpl_show_section(row, "UNTRIED");
}

void page_problems(struct request *r)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, "Problems", "problems.tpl", &p);
	if (!d)
		return;
	struct list_state ls = { .r = r, .staff = page_is_staff(r) };
	char err[512];
	struct tpl_dict *table = tpl_add_section(d, "TABLE");
	ls.d = table;
	if (ls.staff)
		tpl_show_section(table, "STAFF");
	/* Students' list is asked for most: it counts nothing. */
	if (db_user_best(r->db, r->s.user_id, add_best, &ls, err, sizeof err) < 0 ||
	    db_problem_list(r->db, ls.staff, add_problem, &ls, err, sizeof err) < 0) {
		free(ls.best);
		page_discard(p);
		http_error(r, 503, err);
		return;
	}
	free(ls.best);
	if (ls.shown == 0) {
		struct tpl_dict *none = tpl_add_section(d, "NONE");
		if (none && ls.staff)
			tpl_show_section(none, "STAFF");
	}
	page_send(r, p, 200);
}

/* ---- one problem ---- */

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* X.in, or X.interaction (an interactive sample may have no .in). */
static int is_input(const struct dirent *e)
{
	size_t len = strlen(e->d_name);
	return e->d_name[0] != '.' && ((len > 3 && strcmp(e->d_name + len - 3, ".in") == 0) ||
				       (len > 12 && strcmp(e->d_name + len - 12, ".interaction") == 0));
}

/* The samples of a package, in name order: X.interaction as a transcript
 * (the format: it replaces X.in and X.ans on the page), else X.in with
 * X.ans, except for an interactive problem. */
static void add_samples(struct tpl_dict *d, const char *package_dir, int interactive)
{
	char dir[PATH_MAX + 16];
	if ((size_t)snprintf(dir, sizeof dir, "%s/data/sample", package_dir) >= sizeof dir)
		return;
	struct dirent **list;
	int count = scandir(dir, &list, is_input, by_name);
	if (count <= 0) {
		if (count == 0)
			free(list);
		return;
	}
	struct tpl_dict *samples = tpl_add_section(d, "SAMPLES");
	for (int i = 0, shown = 0; i < count; i++) {
		char in[PATH_MAX + 300], ans[PATH_MAX + 300], log[PATH_MAX + 300];
		const char *name = list[i]->d_name;
		size_t base = strlen(name) - (ends_with(name, ".in") ? 3 : 12);
		snprintf(in, sizeof in, "%s/%.*s.in", dir, (int)base, name);
		snprintf(ans, sizeof ans, "%s/%.*s.ans", dir, (int)base, name);
		snprintf(log, sizeof log, "%s/%.*s.interaction", dir, (int)base, name);
		int has_log = access(log, R_OK) == 0;
		/* X.in and X.interaction both list X: show it once, at the .in. */
		int once = ends_with(name, ".in") || access(in, F_OK) != 0;
		/* An interactive problem's .in is the interactor's secret: shown
		 * only through a transcript (the legacy format forbids it). */
		if (samples && shown < SAMPLES_MAX && once && (has_log || (!interactive && access(ans, R_OK) == 0))) {
			struct tpl_dict *s = tpl_add_section(samples, "SAMPLE");
			struct tpl_dict *part = s ? tpl_add_section(s, has_log ? "TRANSCRIPT" : "FILES") : NULL;
			if (part) {
				tpl_set_int(part, "N", ++shown);
				if (has_log) {
					interaction_add(part, log, SAMPLE_SHOW_MAX);
				} else {
					page_set_file(part, "INPUT", in, SAMPLE_SHOW_MAX, NULL);
					page_set_file(part, "OUTPUT", ans, SAMPLE_SHOW_MAX, NULL);
				}
			}
		}
		free(list[i]);
	}
	free(list);
}

/* Puts the statement's HTML on the page; 0 when there is none. */
static int add_statement(struct tpl_dict *d, const char *path)
{
	char *html = malloc(STATEMENT_MAX + 1);
	int truncated = 0;
	ssize_t got = html ? read_prefix(path, html, STATEMENT_MAX, &truncated) : -1;
	int shown = got > 0 && !truncated;
	if (shown) {
		html[got] = 0;
		/* Made at import from the package's Markdown or LaTeX (pandoc,
		 * raw HTML escaped: judge/package/statement.c): trusted HTML. */
		struct tpl_dict *s = tpl_add_section(d, "STATEMENT");
		if (s)
			tpl_set(s, "HTML", html);
	}
	free(html);
	return shown;
}

int page_problem_form(struct request *r, const char *short_name, int status, const char *error, const char *language,
		      const char *code)
{
	struct db_version v;
	struct db_assignment a;
	struct course_view cv;
	int in;
	if (!page_visible_problem(r, short_name, &v) || (in = course_view_named(r, v.problem_id, &a, &cv)) < 0)
		return -1;
	int staff = page_is_staff(r);
	struct page *p;
	struct tpl_dict *d = page_new(r, v.title, "problem.tpl", &p);
	if (!d)
		return -1;
	if (in) { /* submitted for the assignment: its state and the student's own due */
		struct tpl_dict *ad = tpl_add_section(d, "ASSIGNMENT");
		tpl_set(ad, "COURSE", a.course);
		tpl_set(ad, "SHORT", a.short_name);
		tpl_set(ad, "TITLE", a.title);
		tpl_set_int(ad, "AID", a.id);
		tpl_set(ad, "STATE", cv.state);
		page_zone_time(ad, "DUE", cv.w.due, a.zone);
		/* Late under "days,ask": late days are spent only when ticked. */
		if (a.late.kind == LATE_DAYS && a.late.ask && cv.place.cls == DUE_LATE && !cv.staff)
			tpl_show_section(ad, "SPEND");
	}
	tpl_set(d, "TITLE", v.title);
	tpl_set(d, "SHORT", v.short_name);
	char num[32];
	snprintf(num, sizeof num, "%g", v.time_limit);
	tpl_set(d, "TIME", num);
	if (!strncmp(v.time_limit_from, "derived", 7)) /* how, when the package gave none */
		tpl_set(tpl_add_section(d, "TIME_DERIVED"), "HOW", v.time_limit_from);
	tpl_set_int(d, "MEMORY", v.memory_mb);
	if (!v.visible)
		tpl_show_section(d, "HIDDEN");
	if (staff)
		tpl_show_section(d, "STAFF");
	char path[PATH_MAX], pdf[PATH_MAX], err[256];
	int has_pdf = state_version_path(r->cfg->data_dir, v.short_name, v.version, VERSION_STATEMENT_PDF, pdf, sizeof pdf,
					 err, sizeof err) == 0 &&
		      access(pdf, F_OK) == 0;
	if (has_pdf)
		tpl_show_section(d, "PDF");
	if (state_version_path(r->cfg->data_dir, v.short_name, v.version, VERSION_STATEMENT, path, sizeof path, err,
			       sizeof err) < 0 ||
	    !add_statement(d, path))
		tpl_show_section(d, has_pdf ? "PDF_ONLY" : "NO_STATEMENT");
	struct problem_kind kind = { 0, 0 };
	struct package pkg;
	int loaded = 0;
	if (page_problem_kind(r, &v, &kind) == 0 && kind.submit_answer) /* its tests are named in the form */
		loaded = page_problem_package(r, &v, &pkg) == 0;
	if (state_version_path(r->cfg->data_dir, v.short_name, v.version, VERSION_PACKAGE, path, sizeof path, err,
			       sizeof err) == 0)
		add_samples(d, path, kind.interactive);
	if (loaded && pkg.submit_answer) { /* answer files, one per test: named in the form */
		struct tpl_dict *af = tpl_add_section(d, "ANSWER_FORM");
		for (int i = 0; af && i < pkg.ntests; i++)
			tpl_set(tpl_add_section(af, "ANSWER_TEST"), "NAME", pkg.tests[i].name);
	} else {
		/* The judge records its toolchains' versions (language_versions): a
		 * language it found missing is not offered; one it has not looked at
		 * yet is, without a version. */
		struct tpl_dict *cf = tpl_add_section(d, "CODE_FORM");
		struct tpl_dict *versions = NULL;
		for (const struct language *l = language_all(); cf && l->id; l++) {
			char version[256];
			int installed = 1;
			int found = db_language_version_get(r->db, l->id, version, sizeof version, &installed, NULL, 0,
							    err, sizeof err);
			if ((found == 1 && !installed) || l->disabled)
				continue;
			struct tpl_dict *o = tpl_add_section(cf, "LANGUAGE");
			tpl_set(o, "ID", l->id);
			tpl_set(o, "NAME", l->name);
			tpl_set(o, "EXT", l->extensions[0] ? l->extensions[0] : "");
			if (language && strcmp(language, l->id) == 0)
				tpl_show_section(o, "SELECTED");
			if (found == 1) {
				if (!versions)
					versions = tpl_add_section(d, "VERSIONS");
				struct tpl_dict *row = tpl_add_section(versions, "VERSION");
				tpl_set(row, "NAME", l->name);
				tpl_set(row, "TEXT", version);
			}
		}
		char draft[128]; /* the editor's key for this user's draft of this problem (web/editor) */
		snprintf(draft, sizeof draft, "%lld/%s", (long long)r->s.user_id, v.short_name);
		if (cf)
			tpl_set(cf, "DRAFT", draft);
		if (code && cf)
			tpl_set(cf, "CODE", code);
	}
	if (loaded)
		package_free(&pkg);
	if (error) {
		struct tpl_dict *e = tpl_add_section(d, "ERROR");
		tpl_set(e, "MESSAGE", error);
	}
	page_send(r, p, status);
	return 0;
}

void page_problem(struct request *r)
{
	page_problem_form(r, r->args[0], 200, NULL, NULL, NULL);
}
