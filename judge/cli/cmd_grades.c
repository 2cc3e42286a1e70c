/* cmd_grades.c - `verdict grades`: the gradebook, students × problems; or a course's, students × assignments after their late policies.
 *
 * Without --course each cell is the student's best judged submission (an
 * AC first, then the highest score): its points (the score on a scoring
 * problem, else 1 for AC and 0 otherwise) and its verdict. With --course
 * (course_grades.c) each cell is an assignment's points after its late
 * policy, with the raw points beside them when they differ; with
 * --assignment, that assignment's problems. The table is for reading;
 * --csv is the LMS import (one row per student on the roster, one column
 * per assignment), --detail one row per student, assignment and problem.
 */
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "state.h"
#include "course_grades.h"
#include "gradebook.h"
#include "points.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
	"usage: verdict grades [--csv] [--out FILE] [--state DIR | --db FILE]\n"
	"       verdict grades --course C [--assignment A] [--csv | --detail] [--out FILE] [--state DIR | --db FILE]\n"
	"\n"
	"Prints each student's best result on each problem: points (the score on a\n"
	"scoring problem, else 1 for AC, 0 otherwise) and verdict, and the total.\n"
	"--csv writes CSV (user,P,P verdict,...,total); --out writes to FILE.\n"
	"\n"
	"With --course: each student's points per assignment after its late policy,\n"
	"with the raw points in brackets where they differ (--assignment: per problem\n"
	"of that assignment). --csv writes the LMS import, student_number,user,\n"
	"full_name and a column per assignment, for the students on the roster;\n"
	"--detail writes one line per student, assignment and problem.\n";

/* The course table: a column per assignment, or per problem of the one assignment. */
static void print_course(const struct course_grades *g, int per_problem, FILE *out)
{
	fprintf(out, "%-16s %-20s", "user", "name");
	for (int a = 0; a < g->nassignments; a++) {
		const struct course_grades_assignment *ga = &g->assignments[a];
		for (int p = 0; per_problem && p < ga->nproblems; p++)
			fprintf(out, " %18.18s", ga->problems[p].label);
		if (!per_problem)
			fprintf(out, " %18.18s", ga->a.short_name);
	}
	fprintf(out, " %18s\n", "total");
	for (int s = 0; s < g->nstudents; s++) {
		int64_t raw_total = 0, final_total = 0;
		char cell[64];
		fprintf(out, "%-16s %-20.20s", g->students[s].user, g->students[s].full_name);
		for (int a = 0; a < g->nassignments; a++) {
			const struct course_grades_assignment *ga = &g->assignments[a];
			for (int p = 0; per_problem && p < ga->nproblems; p++) {
				const struct course_grade_cell *c = course_grades_cell(g, s, ga->first + p);
				fprintf(out, " %18s", course_grades_format(c->raw, c->final, c->attempts, c->pending, cell, sizeof cell));
			}
			course_grades_total_text(g, s, a, &raw_total, &final_total, cell, sizeof cell);
			if (!per_problem)
				fprintf(out, " %18s", cell);
		}
		course_grades_format(raw_total, final_total, 1, 0, cell, sizeof cell);
		fprintf(out, " %18s%s\n", cell, g->students[s].on_roster ? "" : "  (not on the roster)");
	}
}

/* The course's gradebook (--course), in the form asked for. Returns the exit code. */
static int course_grades(struct db *db, const char *course, const char *assignment, int csv, int detail, FILE *out)
{
	struct db_course c;
	struct db_assignment a = { 0 };
	struct course_grades g;
	char err[512];
	if (cli_course(db, "grades", course, &c) < 0 || (assignment && cli_assignment(db, "grades", course, assignment, &a) < 0))
		return 1;
	if (course_grades_load(db, &c, a.id, 0, &g, err, sizeof err) < 0) {
		fprintf(stderr, "verdict grades: %s\n", err);
		return 1;
	}
	int rc = 0;
	if (csv)
		rc = course_grades_write_csv(&g, out);
	else if (detail)
		rc = course_grades_write_detail_csv(&g, out);
	else
		print_course(&g, assignment != NULL, out);
	course_grades_free(&g);
	return rc < 0 ? -1 : 0;
}

static void print_table(const struct gradebook *g, FILE *out)
{
	fprintf(out, "%-20s", "user");
	for (int p = 0; p < g->nproblems; p++)
		fprintf(out, " %14.14s", g->problems[p]);
	fprintf(out, " %8s\n", "total");
	for (int u = 0; u < g->nusers; u++) {
		double total = 0;
		fprintf(out, "%-20s", g->users[u]);
		for (int p = 0; p < g->nproblems; p++) {
			const struct grade_cell *c = gradebook_cell(g, u, p);
			char cell[32] = "-";
			if (c->attempts)
				snprintf(cell, sizeof cell, "%g %s", c->points, c->verdict);
			fprintf(out, " %14s", cell);
			total += c->points;
		}
		fprintf(out, " %8g\n", total);
	}
}

int cmd_grades(int argc, char **argv)
{
	static const struct option options[] = { { "csv", no_argument, NULL, 'c' },
						 { "detail", no_argument, NULL, 'D' },
						 { "course", required_argument, NULL, 'C' },
						 { "assignment", required_argument, NULL, 'a' },
						 { "out", required_argument, NULL, 'o' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { "help", no_argument, NULL, 'h' },
						 { NULL, 0, NULL, 0 } };
	const char *db_opt = NULL, *state_opt = NULL, *out_path = NULL, *course = NULL, *assignment = NULL;
	int csv = 0, detail = 0, opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'c': csv = 1; break;
		case 'D': detail = 1; break;
		case 'C': course = optarg; break;
		case 'a': assignment = optarg; break;
		case 'o': out_path = optarg; break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		case 'h': fputs(usage_text, stdout); return 0;
		default: fputs(usage_text, stderr); return 2;
		}
	}
	if (optind != argc || (assignment && !course) || (detail && (csv || !course))) {
		fputs(usage_text, stderr);
		return 2;
	}
	struct db *db = cli_open_db("grades", cli_state(state_opt, db_opt)->db);
	if (!db)
		return 1;
	if (course) {
		FILE *out = out_path ? fopen(out_path, "we") : stdout;
		int rc = out ? course_grades(db, course, assignment, csv, detail, out) : -1;
		db_close(db);
		if (out && (fflush(out) != 0 || ferror(out)))
			rc = -1;
		if (out && out != stdout && fclose(out) != 0)
			rc = -1;
		if (rc < 0)
			fprintf(stderr, "verdict grades: cannot write %s: %s\n", out_path ? out_path : "the output",
				strerror(errno));
		return rc ? 1 : 0;
	}
	struct gradebook g;
	char err[512];
	int rc = gradebook_load(db, 0, &g, err, sizeof err);
	db_close(db);
	if (rc < 0) {
		fprintf(stderr, "verdict grades: %s\n", err);
		return 1;
	}
	FILE *out = out_path ? fopen(out_path, "we") : stdout;
	if (!out) {
		fprintf(stderr, "verdict grades: cannot write %s: %s\n", out_path, strerror(errno));
		gradebook_free(&g);
		return 1;
	}
	if (csv)
		rc = gradebook_write_csv(&g, out);
	else
		print_table(&g, out);
	if (fflush(out) != 0 || ferror(out))
		rc = -1;
	if (out != stdout && fclose(out) != 0)
		rc = -1;
	if (rc < 0)
		fprintf(stderr, "verdict grades: cannot write %s: %s\n", out_path ? out_path : "the output", strerror(errno));
	gradebook_free(&g);
	return rc < 0 ? 1 : 0;
}
