/* package.h - a problem package in the ICPC/Kattis format, legacy or 2025-09, as read from disk. */
#ifndef VERDICT_PACKAGE_H
#define VERDICT_PACKAGE_H

#include "checker_default.h"
#include "grading.h"

#include <limits.h>
#include <stddef.h>

enum package_format { PACKAGE_LEGACY, PACKAGE_2025_09 };

struct validator;

#define PACKAGE_MAX_VALIDATORS 8

struct test_case {
	char name[256];  /* path below data/ without extension: "sample/1", "secret/g1/03" */
	char in[PATH_MAX], ans[PATH_MAX];
	int sample;      /* in data/sample */
	int group;       /* index into package.groups */
	char validator_flags[512]; /* the default validator's flags for this case */
};

#define GROUP_MAX_REQUIRES 16

enum aggregation { AGG_UNSET, AGG_PASS_FAIL, AGG_SUM, AGG_MIN };

struct test_group {
	char name[256];  /* "sample", "secret", "secret/g1" */
	int parent;      /* index, or -1 for sample and secret */
	/* Scoring, as the group's test_group.yaml / testdata.yaml says (-1 or
	 * AGG_UNSET where it says nothing). */
	double max_score;         /* 2025-09; INFINITY: unbounded */
	enum aggregation aggregation;
	struct legacy_grading legacy; /* its testdata.yaml's, with what it inherits */
	/* 2025-09 require_pass: the groups (or sample) it is scored only after;
	 * as written (names, one per line), then their indexes (grading_check). */
	char require_pass[512];
	int requires[GROUP_MAX_REQUIRES];
	int nrequires;
};

struct package {
	char dir[PATH_MAX];
	char short_name[64];   /* the package directory's name: what the problem is called */
	char title[256];       /* problem.yaml name (English), else the short name */
	enum package_format format;
	double time_limit;     /* CPU seconds */
	char time_limit_from[256]; /* "problem.yaml limits.time_limit", ".timelimit", "default", "derived: ..." */
	long memory_mb, output_mb;
	double compilation_time; /* CPU seconds for a validator's build (limits.compilation_time, else 60) */
	/* For a time limit derived from the submissions (time_limit.h):
	 * legacy limits.time_multiplier and time_safety_margin (5, 2); 2025-09
	 * limits.time_multipliers ac_to_time_limit and time_limit_to_tle (2,
	 * 1.5) and time_resolution (1). */
	double ac_to_time_limit, time_limit_to_tle, time_resolution;
	int scoring;           /* type: scoring: every test runs, groups earn points */
	int interactive;       /* type interactive (legacy: validation: custom interactive): the validator
				* runs with the program, each one's stdout the other's stdin */
	int multi_pass;        /* type multi-pass: a validator's nextpass.in is the next run's input */
	int validation_passes; /* multi-pass: the most runs per test (limits.validation_passes, default 2) */
	int submit_answer;     /* type submit-answer: a submission is the answer files, nothing runs */
	const char *submission_entry; /* set by problem verify from submissions.yaml's entrypoint: a directory's entry, NULL: the default */
	int judge_every_test;  /* set by problem verify for submissions.yaml: a pass-fail judging goes on after a failure */
	double max_score;      /* what a fully accepted submission scores (scoring problems); INFINITY: unbounded */
	int legacy_grading;    /* scored by testdata.yaml's legacy keys (grading.h) */
	int draft_2023;        /* problem_format_version 2023-07(-draft): read as 2025-09, but its time
				* limit is inferred as problemtools does, from accepted/ (submission_rules.c) */
	int minimize;          /* legacy grading.objective: min (the best score is the least) */
	int custom_score;      /* score.txt allowed: legacy 'validation: custom score', or a scoring 2025-09 problem */
	int custom_score_required; /* legacy 'custom score': every accepted test needs one */
	struct test_group data_group; /* data/testdata.yaml: the legacy grader's root */
	int custom_validator;  /* output is judged by the package's own validator */
	char validator_dir[PATH_MAX]; /* its program: a directory of sources, or one file */
	/* Legacy output_validators/ may hold several programs: every one must accept. */
	char extra_validator_dirs[PACKAGE_MAX_VALIDATORS - 1][PATH_MAX];
	int nextra_validators;
	char grader_dir[PATH_MAX]; /* legacy graders/: the custom grader's program (a directory of sources), or "" */
	const struct validator *grader; /* that grader built (grader.h), attached by whoever built or opened it; NULL: none */
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
