/* gradebook.c - students × problems, each cell the student's best result; CSV export. */
#include "gradebook.h"
#include "db.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct names {
	char (*v)[64];
	int count, cap;
	int failed;
};

static void add_name(struct names *l, const char *name)
{
	if (l->count == l->cap) {
		int cap = l->cap ? 2 * l->cap : 64;
		char(*bigger)[64] = realloc(l->v, (size_t)cap * sizeof *l->v);
		if (!bigger) {
			l->failed = 1;
			return;
		}
		l->v = bigger;
		l->cap = cap;
	}
	snprintf(l->v[l->count++], 64, "%s", name);
}

static void on_user(const char *name, const char *role, void *arg)
{
	(void)role;
	add_name(arg, name);
}

static void on_problem(const struct db_version *v, const char *title, long submissions, void *arg)
{
	(void)title, (void)submissions;
	add_name(arg, v->short_name);
}

static int by_name(const void *key, const void *elem)
{
	return strcmp(key, elem);
}

static void on_best(const struct db_best *b, void *arg)
{
	struct gradebook *g = arg;
	char(*u)[64] = bsearch(b->user, g->users, (size_t)g->nusers, sizeof *g->users, by_name);
	char(*p)[64] = bsearch(b->problem, g->problems, (size_t)g->nproblems, sizeof *g->problems, by_name);
	if (!u || !p) /* not a student (instructors try problems too) */
		return;
	struct grade_cell *c = gradebook_cell(g, (int)(u - g->users), (int)(p - g->problems));
	snprintf(c->verdict, sizeof c->verdict, "%s", b->verdict);
	c->points = b->has_score ? b->score : strcmp(b->verdict, "AC") == 0;
	c->attempts = b->attempts;
}

int gradebook_load(struct db *db, long long staff_of, struct gradebook *g, char *err, size_t n)
{
	memset(g, 0, sizeof *g);
	struct names users = { 0 }, problems = { 0 };
	if ((staff_of > 0 ? db_students_seen_by(db, staff_of, on_user, &users, err, n)
			  : db_user_list(db, "student", on_user, &users, err, n)) < 0 ||
	    db_problem_list(db, 0, on_problem, &problems, err, n) < 0 || users.failed || problems.failed) {
		free(users.v);
		free(problems.v);
		return users.failed || problems.failed ? errf(err, n, "out of memory") : -1;
	}
	/* bsearch needs strcmp order; SQL's ORDER BY is the same for these
	 * ASCII names under SQLite's default BINARY collation. */
	g->users = users.v, g->nusers = users.count;
	g->problems = problems.v, g->nproblems = problems.count;
	g->cells = calloc((size_t)g->nusers * (size_t)g->nproblems + 1, sizeof *g->cells);
	if (!g->cells) {
		gradebook_free(g);
		return errf(err, n, "out of memory");
	}
	if (db_best_results(db, staff_of, on_best, g, err, n) < 0) {
		gradebook_free(g);
		return -1;
	}
	return 0;
}

void gradebook_free(struct gradebook *g)
{
	free(g->users);
	free(g->problems);
	free(g->cells);
	memset(g, 0, sizeof *g);
}

void gradebook_csv_field(const char *name, FILE *out)
{
	int quote = strpbrk(name, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', out);
	if (name[0] && strchr("=+-@", name[0]))
		fputc('\'', out);
	for (const char *c = name; *c; c++) {
		if (*c == '"')
			fputc('"', out);
		fputc(*c, out);
	}
	if (quote)
		fputc('"', out);
}

int gradebook_write_csv(const struct gradebook *g, FILE *out)
{
	fputs("user", out);
	for (int p = 0; p < g->nproblems; p++) {
		fputc(',', out);
		gradebook_csv_field(g->problems[p], out);
		char header[80];
		snprintf(header, sizeof header, "%s verdict", g->problems[p]);
		fputc(',', out);
		gradebook_csv_field(header, out);
	}
	fputs(",total\n", out);
	for (int u = 0; u < g->nusers; u++) {
		double total = 0;
		gradebook_csv_field(g->users[u], out);
		for (int p = 0; p < g->nproblems; p++) {
			const struct grade_cell *c = gradebook_cell(g, u, p);
			if (c->attempts)
				fprintf(out, ",%g,%s", c->points, c->verdict);
			else
				fputs(",,", out);
			total += c->points;
		}
		fprintf(out, ",%g\n", total);
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
