/* polygon_answers.h - answers a Polygon package leaves out, made by running its main solution in the sandbox. */
#ifndef VERDICT_POLYGON_ANSWERS_H
#define VERDICT_POLYGON_ANSWERS_H

#include <stddef.h>

struct polygon_answer_job {
	const char *main_path;     /* the main solution's source, in the package copy */
	const char *package_dir;   /* the copy, its tests already in data/{sample,secret}/NN.in */
	const char *work_root;     /* where to compile (a directory the sandbox's user may enter) */
	double time_sec;           /* the problem's limits */
	long mem_mb;
	const int *tests;          /* the test numbers (1-based) that need an answer */
	int ntests;
	int width;                 /* digits of a test's file name */
	const unsigned char *sample; /* sample[i - 1]: test i is in data/sample */
};

/* Compiles the main solution in the sandbox (its language from its file
 * name) and runs it on each test's input with the problem's limits,
 * writing its output as the test's .ans. A solution that does not compile,
 * or fails on a test (crash, time, memory), refuses the package, naming
 * the test. Returns 0, or -1 with err set. */
int polygon_make_answers(const struct polygon_answer_job *job, char *err, size_t n);

#endif
