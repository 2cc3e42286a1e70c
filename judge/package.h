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

struct test_group {
	char name[256];  /* "sample", "secret", "secret/g1" */
	int parent;      /* index, or -1 for sample and secret */
};

struct package {
	char dir[PATH_MAX];
	char short_name[64];   /* the package directory's name: what the problem is called */
	char title[256];       /* problem.yaml name (English), else the short name */
	enum package_format format;
	double time_limit;     /* CPU seconds */
	char time_limit_from[64]; /* "problem.yaml limits.time_limit", ".timelimit", ... */
	long memory_mb, output_mb;
	int scoring;           /* type: scoring */
	int custom_validator;  /* output is judged by the package's own validator */
	char validator_dir[PATH_MAX]; /* its program: a directory of sources, or one file */
	char statement[PATH_MAX]; /* the statement file, or "" */
	struct test_case *tests;
	int ntests;
	struct test_group *groups;
	int ngroups;
	char warnings[2048];   /* things a person should fix, one per line; not fatal */
};

/* Reads the package in directory dir. A malformed package gets an error
 * naming the file (and the problem); nothing is left allocated then.
 * Returns 0 or -1. */
int package_load(const char *dir, struct package *p, char *err, size_t n);
void package_free(struct package *p);

#endif
