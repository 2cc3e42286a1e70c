/* course_grades.h - a course's gradebook: students × assignments × problems, each cell the points that count after the late policy, with the raw points beside them; the LMS and detail CSV exports.
 *
 * One loader for every view: the course gradebook (every student, every
 * assignment), one assignment's (for a regrade's old → new), and one
 * student's status on the course page. Cells follow problem_grade.h: each
 * submission is placed in the student's own window (extensions and a
 * personal start included), the late policy applied, and the one that
 * counts chosen (best or last). A submission still waiting for the judge
 * (a regrade's included) is pending and does not count yet; a judge error
 * never counts.
 */
#ifndef VERDICT_COURSE_GRADES_H
#define VERDICT_COURSE_GRADES_H

#include <stdint.h>
#include <stdio.h>

#include "db_courses.h"

struct db;

struct course_grade_cell {
	int64_t raw, final;       /* hundredths; 0 when nothing counts */
	int attempts;             /* judged submissions (judge errors left out) */
	int pending;              /* submissions not judged yet */
	long long submission_id;  /* the one that counts; 0: none */
	int late;                 /* it was in the late window */
	char explanation[160];    /* "−20% (2 days late), 80.00 of 100"; "" when none counts */
};

struct course_grades_assignment {
	struct db_assignment a;
	struct db_assignment_problem *problems; /* by position */
	int nproblems;
	int first;                /* the column of its first problem */
	int64_t max;              /* its points, hundredths */
};

struct course_grades {
	struct db_course course;
	struct db_member *students;   /* the course's students, by user name */
	int nstudents;
	struct course_grades_assignment *assignments; /* by due time */
	int nassignments;
	int ncolumns;                 /* problems over all assignments */
	struct course_grade_cell *cells; /* nstudents × ncolumns */
};

/* The share of its problem's points a judged submission earned: its score
 * over the test data's maximum on a scoring problem (over 100 when the
 * maximum is unknown), else 1 for AC and 0 otherwise. */
double course_grades_fraction(const struct db_assignment_submission *s);

/* Loads course c's gradebook: every assignment, or only assignment_id
 * (> 0); every student (on the roster or not), or only user_id (> 0, if
 * a student). Returns 0 with *g filled (free with course_grades_free), or
 * -1 with err and *g empty. */
int course_grades_load(struct db *db, const struct db_course *c, long long assignment_id, long long user_id,
		       struct course_grades *g, char *err, size_t n);
void course_grades_free(struct course_grades *g);

/* Assignment assignment_id's gradebook as it was before regrade
 * regrade_id: each of that regrade's submissions counts with the verdict
 * and score it had before (the "old" of a rejudge's old -> new points; the
 * test data's maximum is the newest judging's). *matched: how many of the
 * regrade's submissions are the assignment's (0: the regrade is not of
 * this assignment). Returns 0 with *g filled, or -1 with err. */
int course_grades_load_before(struct db *db, const struct db_course *c, long long assignment_id, long long regrade_id,
			      int *matched, struct course_grades *g, char *err, size_t n);

static inline struct course_grade_cell *course_grades_cell(const struct course_grades *g, int student, int column)
{
	return &g->cells[(size_t)student * (size_t)g->ncolumns + (size_t)column];
}

/* A student's points on assignment index ai, summed over its problems. */
void course_grades_total(const struct course_grades *g, int student, int ai, int64_t *raw, int64_t *final);

/* A cell or total as the gradebooks show it: "80.00 (100.00)" when the
 * late policy took points, "100.00" when not, "-" with nothing judged,
 * "(judging)" while something waits for the judge. Returns out. */
const char *course_grades_format(int64_t raw, int64_t final, int attempts, int pending, char *out, size_t n);

/* Student s's points on assignment ai as course_grades_format writes
 * them, its raw and final points also added to *raw_sum and *final_sum.
 * Returns out. */
const char *course_grades_total_text(const struct course_grades *g, int s, int ai, int64_t *raw_sum, int64_t *final_sum,
				     char *out, size_t n);

/* The LMS import: "student_number,user,full_name,A1,A2,..." and one line
 * per student on the roster, each assignment's points after the late
 * policy (2 decimals). Returns 0, or -1 on a write error. */
int course_grades_write_csv(const struct course_grades *g, FILE *out);

/* The detail: one line per student, assignment and problem:
 * "student_number,user,full_name,on_roster,assignment,problem,points,raw,final,late,submission,explanation". */
int course_grades_write_detail_csv(const struct course_grades *g, FILE *out);

#endif
