/* package.h - a problem package in the ICPC/Kattis format, legacy or 2025-09, as read from disk. */
#ifndef VERDICT_PACKAGE_H
#define VERDICT_PACKAGE_H

#include "checker_default.h"

#include <limits.h>
#include <stddef.h>

enum package_format { PACKAGE_LEGACY, PACKAGE_2025_09 };

struct test_case {
	char name[256];  /* path below data/ without extension: "sample/1", "secret/g1/03" */
	char in[PATH_MAX], ans[PATH_MAX];
	int sample;      /* in data/sample */
	int group;       /* index into package.groups */
	char validator_flags[512]; /* the default validator's flags for this case */
};

enum aggregation { AGG_UNSET, AGG_PASS_FAIL, AGG_SUM, AGG_MIN };

struct test_group {
	char name[256];  /* "sample", "secret", "secret/g1" */
	int parent;      /* index, or -1 for sample and secret */
	/* Scoring, as the group's test_group.yaml / testdata.yaml says (-1 or
	 * AGG_UNSET where it says nothing). */
	double max_score;         /* 2025-09 */
	enum aggregation aggregation;
	double accept_score;      /* legacy: points of each accepted test case */
};

struct package {
	char dir[PATH_MAX];
	char short_name[64];   /* the package directory's name: what the problem is called */
	char title[256];       /* problem.yaml name (English), else the short name */
	enum package_format format;
	double time_limit;     /* CPU seconds */
	char time_limit_from[64]; /* "problem.yaml limits.time_limit", ".timelimit", ... */
	long memory_mb, output_mb;
	int scoring;           /* type: scoring: every test runs, groups earn points */
	double max_score;      /* what a fully accepted submission scores (scoring problems) */
	int interactive;       /* type interactive (legacy: validation: custom interactive): the validator
				* runs with the program, each one's stdout the other's stdin */
	int multi_pass;        /* type multi-pass: a validator's nextpass.in is the next run's input */
	int validation_passes; /* multi-pass: the most runs per test (limits.validation_passes, default 2) */
	int submit_answer;     /* type submit-answer: a submission is the answer files, nothing runs */
	int custom_validator;  /* output is judged by the package's own validator */
	char validator_dir[PATH_MAX]; /* its program: a directory of sources, or one file */
	char statement[PATH_MAX]; /* the statement file, or "" */
	struct test_case *tests;
	int ntests;
	struct test_group *groups;
	int ngroups;
	char warnings[2048];   /* things a person should fix, one per line; not fatal */
};

/* The score of a scoring problem's judging, given the verdicts of its
 * tests in order (nrun of them; those not run count as failed). Samples
 * never count. 2025-09: each group directly under secret earns its
 * max_score if every test passes (pass-fail, the default) or its share per
 * accepted test (sum); legacy: each accepted secret test earns its
 * group's accept_score (default 1). */
double package_score(const struct package *p, const int *verdicts, int nrun);

/* Reads the package in directory dir. A malformed package gets an error
 * naming the file (and the problem); nothing is left allocated then.
 * Returns 0 or -1. */
int package_load(const char *dir, struct package *p, char *err, size_t n);
void package_free(struct package *p);

#endif
