/* which_counts.h - of a student's submissions to one problem, the one whose score counts. */
#ifndef VERDICT_WHICH_COUNTS_H
#define VERDICT_WHICH_COUNTS_H

#include <stddef.h>
#include <stdint.h>

enum which_rule {
	WHICH_BEST, /* the highest final points; a tie goes to the earliest */
	WHICH_LAST, /* the last on time; when none was on time, the last in the late window */
};

/* One judged submission, as the late policy left it. The caller leaves out
 * what should never count (not judged yet, judge errors) or marks it not
 * allowed (refused: early, closed, late without late days). */
struct which_entry {
	int64_t time;        /* when it was submitted, UTC seconds */
	double final_points; /* after the late policy */
	int late;            /* 0: on time; 1: in the late window */
	int allowed;         /* 0: refused, never counts */
};

/* "best", "last": the names the database and the command line use. */
const char *which_counts_name(enum which_rule rule);

/* The rule named s, or -1. */
int which_counts_parse(const char *s);

/* The index in subs of the submission that counts under rule, or -1 when
 * none may (n is 0, or every one was refused). The order of subs does not
 * matter: "earliest" and "last" go by time, and between equal times by
 * index (a later index is a later submission). Points are compared as
 * hundredths (points.h), so 80.004 and 80.0 tie. */
ptrdiff_t which_counts_choose(enum which_rule rule, const struct which_entry *subs, size_t n);

#endif
