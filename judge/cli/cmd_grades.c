/* cmd_grades.c - `verdict grades [--csv] [--out FILE]`: the gradebook, students × problems.
 *
 * Each cell is the student's best judged submission (an AC first, then the
 * highest score): its points (the score on a scoring problem, else 1 for
 * AC and 0 otherwise) and its verdict. The table is for reading; --csv is
 * for a spreadsheet or a course's grading system.
 */
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "state.h"
#include "gradebook.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
	"usage: verdict grades [--csv] [--out FILE] [--state DIR | --db FILE]\n"
	"\n"
	"Prints each student's best result on each problem: points (the score on a\n"
	"scoring problem, else 1 for AC, 0 otherwise) and verdict, and the total.\n"
	"--csv writes CSV (user,P,P verdict,...,total); --out writes to FILE.\n";

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
						 { "out", required_argument, NULL, 'o' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { "help", no_argument, NULL, 'h' },
						 { NULL, 0, NULL, 0 } };
	const char *db_opt = NULL, *state_opt = NULL, *out_path = NULL;
	int csv = 0, opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'c': csv = 1; break;
		case 'o': out_path = optarg; break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		case 'h': fputs(usage_text, stdout); return 0;
		default: fputs(usage_text, stderr); return 2;
		}
	}
	if (optind != argc) {
		fputs(usage_text, stderr);
		return 2;
	}
	struct db *db = cli_open_db("grades", cli_state(state_opt, db_opt)->db);
	if (!db)
		return 1;
	struct gradebook g;
	char err[512];
	int rc = gradebook_load(db, &g, err, sizeof err);
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
