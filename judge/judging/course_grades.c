/* course_grades.c - a course's gradebook: students × assignments × problems, points after the late policy beside the raw; CSV exports. */
#include "course_grades.h"

#include "assignment_window.h"
#include "db.h"
#include "gradebook.h"
#include "member_index.h"
#include "points.h"
#include "problem_grade.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* A growable array of fixed-size items, filled by the db callbacks. */
struct list {
	void *v;
	int count, cap;
	size_t size;
	int failed;
};

static void *list_add(struct list *l)
{
	void *item = l->failed ? NULL : array_push(&l->v, &l->count, &l->cap, l->size);
	l->failed |= !item;
	return item;
}

struct student_filter {
	struct list *l;
	long long user_id;
};

static void on_student(const struct db_member *m, void *arg)
{
	struct student_filter *f = arg;
	struct db_member *to = f->user_id <= 0 || m->user_id == f->user_id ? list_add(f->l) : NULL;
	if (to)
		*to = *m;
}

struct assignment_filter {
	struct list *l;
	long long id;
};

static void on_assignment(const struct db_assignment *a, void *arg)
{
	struct assignment_filter *f = arg;
	struct course_grades_assignment *to = f->id <= 0 || a->id == f->id ? list_add(f->l) : NULL;
	if (to) {
		memset(to, 0, sizeof *to);
		to->a = *a;
	}
}

static void on_problem(const struct db_assignment_problem *p, void *arg)
{
	struct db_assignment_problem *to = list_add(arg);
	if (to)
		*to = *p;
}

static void on_submission(const struct db_assignment_submission *s, void *arg)
{
	struct db_assignment_submission *to = list_add(arg);
	if (to)
		*to = *s;
}

double course_grades_fraction(const struct db_assignment_submission *s)
{
	if (s->has_score)
		return s->score / (s->max_score > 0 ? s->max_score : 100);
	return strcmp(s->verdict, "AC") == 0;
}

/* What grading a student's submissions to an assignment needs from the
 * database besides them: their window (extension, personal start) and,
 * under a late-day policy, the days they spent. Read once per student,
 * not once per problem. */
struct student_terms {
	int si;                      /* the student these are for; -1 none yet */
	struct due_times window;
	int late_days_here;
};

static int student_terms_for(struct db *db, const struct course_grades *g, const struct course_grades_assignment *ga,
			     int si, struct student_terms *t, char *err, size_t n)
{
	if (t->si == si)
		return 0;
	int64_t started;
	int elsewhere, rc = assignment_window_for(db, &ga->a, g->students[si].user_id, &t->window, &started, err, n);
	t->late_days_here = 0;
	if (rc == 0 && ga->a.late.kind == LATE_DAYS)
		rc = db_late_days(db, ga->a.course_id, g->students[si].user_id, ga->a.id, &t->late_days_here, &elsewhere,
				  err, n);
	t->si = rc == 0 ? si : -1;
	return rc;
}

/* Grades student si's submissions s[0..count) to problem column col of assignment ga. */
static int grade_group(struct course_grades *g, const struct course_grades_assignment *ga, int si, int col,
		       const struct student_terms *terms, const struct db_assignment_submission *s, int count,
		       char *err, size_t n)
{
	struct course_grade_cell *cell = course_grades_cell(g, si, ga->first + col);
	struct grade_attempt *att = calloc((size_t)count + 1, sizeof *att);
	long long *ids = calloc((size_t)count + 1, sizeof *ids);
	if (!att || !ids) {
		free(att);
		free(ids);
		return errf(err, n, "out of memory");
	}
	size_t na = 0;
	for (int i = 0; i < count; i++) {
		if (!s[i].judged) {
			cell->pending++;
		} else if (strcmp(s[i].verdict, "JE") != 0) {
			att[na] = (struct grade_attempt){ s[i].submitted_at, course_grades_fraction(&s[i]) };
			ids[na++] = s[i].id;
		}
	}
	cell->attempts = (int)na;
	struct grade_rules r = { .late = ga->a.late, .counts = ga->a.counts, .points = ga->problems[col].points,
				 .window = terms->window, .late_days_here = terms->late_days_here };
	struct grade_result out;
	int rc = problem_grade(&r, att, na, &out, err, n);
	if (rc == 0 && out.chosen >= 0) {
		cell->raw = out.raw;
		cell->final = out.final;
		cell->late = out.late;
		cell->submission_id = ids[out.chosen];
		memcpy(cell->explanation, out.explanation, sizeof cell->explanation);
	}
	free(att);
	free(ids);
	return rc;
}

static void on_regrade_item(const struct db_regrade_item *it, void *arg)
{
	struct db_regrade_item *to = list_add(arg);
	if (to)
		*to = *it;
}

static int by_submission(const void *key, const void *item)
{
	long long id = *(const long long *)key, other = ((const struct db_regrade_item *)item)->submission_id;
	return id < other ? -1 : id > other;
}

/* Puts each submission of before (a regrade's items, by submission id)
 * back as it was judged before that regrade. */
static void as_before(struct db_assignment_submission *s, int count, const struct list *before)
{
	for (int i = 0; i < count; i++) {
		const struct db_regrade_item *it =
			bsearch(&s[i].id, before->v, (size_t)before->count, sizeof *it, by_submission);
		if (!it)
			continue;
		s[i].judged = it->old_verdict[0] != 0;
		memcpy(s[i].verdict, it->old_verdict, sizeof s[i].verdict);
		s[i].has_score = it->old_has_score;
		s[i].score = it->old_score;
	}
}

/* Reads assignment ga's submissions (as before a regrade, when before is
 * not NULL) and grades each (student, problem). */
static int grade_assignment(struct db *db, struct course_grades *g, const struct member_index *students,
			    const struct course_grades_assignment *ga, long long user_id, const struct list *before,
			    char *err, size_t n)
{
	struct student_terms terms = { .si = -1 };
	struct list subs = { .size = sizeof(struct db_assignment_submission) };
	int rc = db_assignment_submissions(db, ga->a.id, user_id, on_submission, &subs, err, n);
	if (rc == 0 && subs.failed)
		rc = errf(err, n, "out of memory");
	if (rc == 0 && before)
		as_before(subs.v, subs.count, before);
	const struct db_assignment_submission *s = subs.v;
	for (int i = 0, j; rc == 0 && i < subs.count; i = j) {
		for (j = i; j < subs.count && s[j].user_id == s[i].user_id && s[j].problem_id == s[i].problem_id; j++)
			;
		int si = member_index_find(students, s[i].user_id), col = -1;
		for (int p = 0; p < ga->nproblems; p++)
			if (ga->problems[p].problem_id == s[i].problem_id)
				col = p;
		if (si >= 0 && col >= 0) /* staff, and problems taken out of the assignment, are not graded */
			rc = student_terms_for(db, g, ga, si, &terms, err, n);
		if (rc == 0 && si >= 0 && col >= 0)
			rc = grade_group(g, ga, si, col, &terms, &s[i], j - i, err, n);
	}
	free(subs.v);
	return rc;
}

/* course_grades_load, with before (a regrade's items) for course_grades_load_before. */
static int load(struct db *db, const struct db_course *c, long long assignment_id, long long user_id,
		const struct list *before, struct course_grades *g, char *err, size_t n)
{
	memset(g, 0, sizeof *g);
	g->course = *c;
	struct list students = { .size = sizeof(struct db_member) };
	struct list assignments = { .size = sizeof(struct course_grades_assignment) };
	struct student_filter sf = { &students, user_id };
	struct assignment_filter af = { &assignments, assignment_id };
	int rc = 0;
	if (user_id > 0) { /* one student's: not the whole roster read to find them */
		struct db_member m;
		int is = db_member_get(db, c->id, user_id, &m, err, n);
		if (is < 0)
			rc = -1;
		else if (is && !strcmp(m.role, "student"))
			on_student(&m, &sf);
	} else {
		rc = db_member_list(db, c->id, "student", on_student, &sf, err, n);
	}
	if (rc == 0)
		rc = db_assignment_list(db, c->id, on_assignment, &af, err, n);
	g->students = students.v, g->nstudents = students.count;
	g->assignments = assignments.v, g->nassignments = assignments.count;
	if (rc == 0 && (students.failed || assignments.failed))
		rc = errf(err, n, "out of memory");
	for (int i = 0; rc == 0 && i < g->nassignments; i++) {
		struct course_grades_assignment *ga = &g->assignments[i];
		struct list problems = { .size = sizeof(struct db_assignment_problem) };
		rc = db_assignment_problems(db, ga->a.id, on_problem, &problems, err, n) < 0 ? -1 : 0;
		ga->problems = problems.v;
		ga->nproblems = problems.count;
		ga->first = g->ncolumns;
		g->ncolumns += problems.count;
		for (int p = 0; p < ga->nproblems; p++)
			ga->max += ga->problems[p].points;
		if (rc == 0 && problems.failed)
			rc = errf(err, n, "out of memory");
	}
	if (rc == 0 && !(g->cells = calloc((size_t)g->nstudents * (size_t)g->ncolumns + 1, sizeof *g->cells)))
		rc = errf(err, n, "out of memory");
	struct member_index ix = { 0 };
	if (rc == 0 && member_index_build(&ix, g->students, g->nstudents) < 0)
		rc = errf(err, n, "out of memory");
	for (int i = 0; rc == 0 && i < g->nassignments; i++)
		rc = grade_assignment(db, g, &ix, &g->assignments[i], user_id, before, err, n);
	member_index_free(&ix);
	if (rc < 0)
		course_grades_free(g);
	return rc;
}

int course_grades_load(struct db *db, const struct db_course *c, long long assignment_id, long long user_id,
		       struct course_grades *g, char *err, size_t n)
{
	return load(db, c, assignment_id, user_id, NULL, g, err, n);
}

int course_grades_load_before(struct db *db, const struct db_course *c, long long assignment_id, long long regrade_id,
			      int *matched, struct course_grades *g, char *err, size_t n)
{
	struct list before = { .size = sizeof(struct db_regrade_item) };
	struct list subs = { .size = sizeof(struct db_assignment_submission) };
	int rc = db_regrade_items(db, regrade_id, 0, on_regrade_item, &before, err, n) < 0 ? -1 : 0;
	if (rc == 0)
		rc = db_assignment_submissions(db, assignment_id, 0, on_submission, &subs, err, n);
	if (rc == 0 && (before.failed || subs.failed))
		rc = errf(err, n, "out of memory");
	*matched = 0;
	const struct db_assignment_submission *s = subs.v;
	for (int j = 0; rc == 0 && j < subs.count; j++)
		*matched += bsearch(&s[j].id, before.v, (size_t)before.count, sizeof(struct db_regrade_item), by_submission) != NULL;
	free(subs.v);
	if (rc == 0)
		rc = load(db, c, assignment_id, 0, &before, g, err, n);
	else
		memset(g, 0, sizeof *g);
	free(before.v);
	return rc;
}

const char *course_grades_format(int64_t raw, int64_t final, int attempts, int pending, char *out, size_t n)
{
	char a[32], b[32];
	if (!attempts)
		snprintf(out, n, "%s", pending ? "(judging)" : "-");
	else if (raw != final)
		snprintf(out, n, "%s (%s)", points_format(final, a, sizeof a), points_format(raw, b, sizeof b));
	else
		snprintf(out, n, "%s", points_format(final, a, sizeof a));
	return out;
}

const char *course_grades_total_text(const struct course_grades *g, int s, int ai, int64_t *raw_sum, int64_t *final_sum,
				     char *out, size_t n)
{
	const struct course_grades_assignment *ga = &g->assignments[ai];
	int attempts = 0, pending = 0;
	int64_t raw, final;
	for (int p = 0; p < ga->nproblems; p++) {
		const struct course_grade_cell *c = course_grades_cell(g, s, ga->first + p);
		attempts += c->attempts, pending += c->pending;
	}
	course_grades_total(g, s, ai, &raw, &final);
	*raw_sum += raw, *final_sum += final;
	return course_grades_format(raw, final, attempts, pending, out, n);
}

void course_grades_free(struct course_grades *g)
{
	for (int i = 0; i < g->nassignments; i++)
		free(g->assignments[i].problems);
	free(g->assignments);
	free(g->students);
	free(g->cells);
	memset(g, 0, sizeof *g);
}

void course_grades_total(const struct course_grades *g, int student, int ai, int64_t *raw, int64_t *final)
{
	const struct course_grades_assignment *ga = &g->assignments[ai];
	*raw = *final = 0;
	for (int p = 0; p < ga->nproblems; p++) {
		const struct course_grade_cell *c = course_grades_cell(g, student, ga->first + p);
		*raw += c->raw;
		*final += c->final;
	}
}

/* "student_number,user,full_name" of student s, as CSV fields. */
static void who(const struct db_member *s, FILE *out)
{
	gradebook_csv_field(s->student_number, out);
	fputc(',', out);
	gradebook_csv_field(s->user, out);
	fputc(',', out);
	gradebook_csv_field(s->full_name, out);
}

int course_grades_write_csv(const struct course_grades *g, FILE *out)
{
	fputs("student_number,user,full_name", out);
	for (int a = 0; a < g->nassignments; a++) {
		fputc(',', out);
		gradebook_csv_field(g->assignments[a].a.short_name, out);
	}
	fputc('\n', out);
	for (int s = 0; s < g->nstudents; s++) {
		if (!g->students[s].on_roster)
			continue;
		who(&g->students[s], out);
		for (int a = 0; a < g->nassignments; a++) {
			int64_t raw, final;
			char pts[32];
			course_grades_total(g, s, a, &raw, &final);
			fprintf(out, ",%s", points_format(final, pts, sizeof pts));
		}
		fputc('\n', out);
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

int course_grades_write_detail_csv(const struct course_grades *g, FILE *out)
{
	fputs("student_number,user,full_name,on_roster,assignment,problem,points,raw,final,late,submission,explanation\n",
	      out);
	for (int s = 0; s < g->nstudents; s++)
		for (int a = 0; a < g->nassignments; a++)
			for (int p = 0; p < g->assignments[a].nproblems; p++) {
				const struct course_grades_assignment *ga = &g->assignments[a];
				const struct course_grade_cell *c = course_grades_cell(g, s, ga->first + p);
				char max[32], raw[32], final[32], sub[32] = "";
				if (c->submission_id)
					snprintf(sub, sizeof sub, "%lld", c->submission_id);
				who(&g->students[s], out);
				fprintf(out, ",%d,", g->students[s].on_roster);
				gradebook_csv_field(ga->a.short_name, out);
				fputc(',', out);
				gradebook_csv_field(ga->problems[p].problem, out);
				fprintf(out, ",%s,%s,%s,%d,%s,", points_format_short(ga->problems[p].points, max, sizeof max),
					points_format(c->raw, raw, sizeof raw), points_format(c->final, final, sizeof final),
					c->late, sub);
				gradebook_csv_field(c->explanation, out);
				fputc('\n', out);
			}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
