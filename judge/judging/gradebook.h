/* gradebook.h - students × problems, each cell the student's best result; CSV export. */
#ifndef VERDICT_GRADEBOOK_H
#define VERDICT_GRADEBOOK_H

#include <stdio.h>

struct db;

struct grade_cell {
	char verdict[8]; /* "" when never judged */
	double points;   /* the best score on a scoring problem; else 1 for AC, 0 */
	int attempts;    /* judged submissions */
};

struct gradebook {
	int nusers, nproblems;
	char (*users)[64];       /* students, by name */
	char (*problems)[64];    /* problems, by short name */
	struct grade_cell *cells; /* nusers × nproblems, row by row */
};

/* Reads every student and problem and the students' best results from db
 * (see db_best_results); staff_of > 0: only the students and submissions
 * that site instructor sees (db_students_seen_by). Returns 0, or -1 with
 * err. */
int gradebook_load(struct db *db, long long staff_of, struct gradebook *g, char *err, size_t n);
void gradebook_free(struct gradebook *g);

static inline struct grade_cell *gradebook_cell(const struct gradebook *g, int user, int problem)
{
	return &g->cells[(size_t)user * (size_t)g->nproblems + (size_t)problem];
}

/* The header "user,P,P verdict,...,total" and one line per student: points
 * and verdict per problem (both empty if never judged) and the total of
 * points. Returns 0, or -1 on a write error. */
int gradebook_write_csv(const struct gradebook *g, FILE *out);

/* Writes s as one CSV field (RFC 4180): quoted when it holds a comma,
 * quote or line break; one starting with = + - @ gets an apostrophe first,
 * so that a spreadsheet does not run it as a formula. */
void gradebook_csv_field(const char *s, FILE *out);

#endif
