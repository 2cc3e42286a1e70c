/* grading: a scoring problem's score from its tests (judge/package/grading.c),
 * the derived time limit's rounding (judge/judging/time_limit.c) and
 * score.txt's reading (judge/judging/score_file.c), on hand-made packages
 * and files. Prints TAP lines. */
#include "grader.h"
#include "grading.h"
#include "package.h"
#include "score_file.h"
#include "time_limit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - grading: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

/* A package of one sample test and n secret tests, directly in secret. */
static void flat(struct package *p, struct test_group *groups, struct test_case *tests, int n, int legacy)
{
	memset(p, 0, sizeof *p);
	memset(groups, 0, 2 * sizeof *groups);
	strcpy(groups[0].name, "sample");
	strcpy(groups[1].name, "secret");
	for (int g = 0; g < 2; g++) {
		groups[g].parent = -1;
		groups[g].max_score = -1;
	}
	for (int i = 0; i <= n; i++) {
		memset(&tests[i], 0, sizeof tests[i]);
		snprintf(tests[i].name, sizeof tests[i].name, i ? "secret/%d" : "sample/1", i);
		tests[i].sample = i == 0;
		tests[i].group = i ? 1 : 0;
	}
	p->scoring = 1;
	p->legacy_grading = legacy;
	p->format = legacy ? PACKAGE_LEGACY : PACKAGE_2025_09;
	p->custom_score = 1;
	p->groups = groups;
	p->ngroups = 2;
	p->tests = tests;
	p->ntests = n + 1;
	grading_inherit(&p->data_group.legacy, NULL);
	for (int g = 0; g < 2; g++)
		grading_inherit(&groups[g].legacy, &p->data_group.legacy);
}

static void grade(const struct package *p, const char *verdicts, const double *scores, struct grade *g)
{
	struct graded_test t[16];
	memset(t, 0, sizeof t);
	for (int i = 0; verdicts[i]; i++) {
		t[i].verdict = verdicts[i] == 'A' ? VERDICT_AC : verdicts[i] == 'W' ? VERDICT_WA : VERDICT_TLE;
		t[i].has_score = scores && !isnan(scores[i]);
		t[i].score = scores ? scores[i] : 0;
	}
	grading_grade(p, t, (int)strlen(verdicts), g);
}

int main(void)
{
	struct package p;
	struct test_group groups[2];
	struct test_case tests[8];
	struct grade g;
	char detail[512];

	/* Legacy: the default grader everywhere. */
	flat(&p, groups, tests, 3, 1);
	grade(&p, "AAAA", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g", verdict_name(g.verdict), g.score);
	check(g.verdict == VERDICT_AC && g.score == 4, "legacy defaults: every accepted test scores 1, samples too", detail);
	grade(&p, "AWAT", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g", verdict_name(g.verdict), g.score);
	check(g.verdict == VERDICT_WA && g.score == 0, "legacy defaults: break at the first rejection, which scores 0",
	      detail);
	p.data_group.legacy.on_reject_continue = groups[1].legacy.on_reject_continue = 1;
	grade(&p, "AWAT", NULL, &g);
	check(g.verdict == VERDICT_TLE, "worst_error: TLE is worse than WA", verdict_name(g.verdict));
	groups[1].legacy.verdicts = GRADER_FIRST_ERROR;
	grade(&p, "AWAT", NULL, &g);
	check(g.verdict == VERDICT_WA, "first_error: the first rejection", verdict_name(g.verdict));
	groups[1].legacy.verdicts = GRADER_ALWAYS_ACCEPT;
	groups[1].legacy.reject_score = 0.5;
	grade(&p, "AWAT", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g", verdict_name(g.verdict), g.score);
	check(g.verdict == VERDICT_AC && g.score == 3, "always_accept, reject_score 0.5: 1 (sample) + 0.5 + 1 + 0.5", detail);
	groups[1].legacy.on_reject_continue = 0;
	grade(&p, "AWAT", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g", verdict_name(g.verdict), g.score);
	check(g.score == 1.5, "on_reject: break leaves the tests after a rejection ungraded: 1 + 0.5", detail);
	groups[1].legacy.on_reject_continue = 1;
	groups[1].legacy.verdicts = GRADER_WORST_ERROR;
	groups[1].legacy.accept_if_any_accepted = 1;
	groups[1].legacy.scores = GRADER_MIN;
	p.data_group.legacy.ignore_sample = 1;
	grade(&p, "WWAT", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g", verdict_name(g.verdict), g.score);
	check(g.verdict == VERDICT_AC && g.score == 0.5, "ignore_sample, accept_if_any_accepted, min", detail);
	double scores[] = { NAN, 7, 3, 9 };
	groups[1].legacy.scores = GRADER_AVG;
	grade(&p, "AAAA", scores, &g);
	snprintf(detail, sizeof detail, "%s %g", verdict_name(g.verdict), g.score);
	check(g.score == (7 + 3 + 9) / 3.0, "score.txt replaces accept_score; avg", detail);
	p.custom_score = 0;
	grade(&p, "AAAA", scores, &g);
	check(g.verdict == VERDICT_JE && strstr(g.message, "validation: custom score"),
	      "score.txt without 'validation: custom score' is JE", g.message);

	/* Legacy grading.objective: min: the best score is the range's least. */
	p.custom_score = 1;
	p.minimize = 1;
	p.data_group.legacy.range_lo = 2;
	p.data_group.legacy.range_hi = 50;
	check(grading_check(&p, detail, sizeof detail) == 0 && p.max_score == 2, "objective min: the best is range's 2",
	      detail);

	/* 2025-09: secret's max_score 100 and sum by default. */
	flat(&p, groups, tests, 4, 0);
	check(grading_check(&p, detail, sizeof detail) == 0 && p.max_score == 100, "2025-09: the best score is 100", detail);
	grade(&p, "AAWAA", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g", verdict_name(g.verdict), g.score);
	check(g.verdict == VERDICT_WA && g.score == 75, "2025-09: each test its share, 3 of 4 accepted", detail);
	double s25[] = { 99, 10, 10, 10, 10 };
	grade(&p, "AAAAA", s25, &g);
	snprintf(detail, sizeof detail, "%s %g", verdict_name(g.verdict), g.score);
	check(g.verdict == VERDICT_AC && g.score == 40, "2025-09: score.txt per test (the sample's ignored)", detail);
	s25[2] = 25.5;
	grade(&p, "AAAAA", s25, &g);
	check(g.verdict == VERDICT_JE && strstr(g.message, "above the test's maximum 25"), "2025-09: above a test's share is JE",
	      g.message);
	groups[1].max_score = INFINITY;
	grade(&p, "AAAAA", NULL, &g);
	check(g.verdict == VERDICT_JE && strstr(g.message, "unbounded"), "2025-09: unbounded without score.txt is JE",
	      g.message);
	groups[1].aggregation = AGG_PASS_FAIL;
	check(grading_check(&p, detail, sizeof detail) < 0 && strstr(detail, "pass-fail"),
	      "2025-09: an unbounded secret cannot be pass-fail", detail);

	/* Subtasks: the groups under secret, when secret sums them. */
	struct test_group sg[4];
	struct test_case st[5];
	memset(&p, 0, sizeof p);
	memset(sg, 0, sizeof sg);
	memset(st, 0, sizeof st);
	const char *gname[] = { "sample", "secret", "secret/a", "secret/b" };
	int gparent[] = { -1, -1, 1, 1 }, tgroup[] = { 0, 2, 2, 3, 3 };
	for (int i = 0; i < 4; i++) {
		strcpy(sg[i].name, gname[i]);
		sg[i].parent = gparent[i];
		sg[i].max_score = i == 2 ? 40 : i == 3 ? 60 : -1;
	}
	for (int i = 0; i < 5; i++) {
		snprintf(st[i].name, sizeof st[i].name, "t%d", i);
		st[i].group = tgroup[i];
		st[i].sample = i == 0;
	}
	p.scoring = 1;
	p.format = PACKAGE_2025_09;
	p.groups = sg;
	p.ngroups = 4;
	p.tests = st;
	p.ntests = 5;
	grade(&p, "AAWAA", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g: %d subtasks %g %g", verdict_name(g.verdict), g.score, g.nsubtasks,
		 g.subtasks[0].score, g.subtasks[1].score);
	check(g.score == 60 && g.nsubtasks == 2 && g.subtasks[0].group == 2 && g.subtasks[0].score == 0 &&
		      g.subtasks[0].max == 40 && g.subtasks[1].score == 60 && g.subtasks[1].max == 60,
	      "2025-09 subtasks: a rejected test costs its pass-fail group, the other keeps its 60", detail);
	/* require_pass: secret/b is scored only when secret/a was accepted. */
	sg[3].requires[0] = 2;
	sg[3].nrequires = 1;
	grade(&p, "AAWAA", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g: %d subtasks %g %g", verdict_name(g.verdict), g.score, g.nsubtasks,
		 g.subtasks[0].score, g.subtasks[1].score);
	check(g.verdict == VERDICT_WA && g.score == 0 && g.nsubtasks == 2 && g.subtasks[0].score == 0 &&
		      g.subtasks[1].score == 0,
	      "require_pass: secret/a rejected, so secret/b scores 0 though accepted, its subtask too", detail);
	grade(&p, "AAAAA", NULL, &g);
	check(g.verdict == VERDICT_AC && g.score == 100 && g.subtasks[1].score == 60,
	      "require_pass: secret/a accepted, secret/b scores its 60", detail);
	sg[3].requires[0] = 0; /* sample */
	grade(&p, "WAAAA", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g: %d subtasks %g %g", verdict_name(g.verdict), g.score, g.nsubtasks,
		 g.subtasks[0].score, g.subtasks[1].score);
	check(g.verdict == VERDICT_WA && g.score == 40 && g.subtasks[0].score == 40 && g.subtasks[1].score == 0,
	      "require_pass: sample rejected, so the group requiring it scores 0, the other its 40", detail);
	sg[3].nrequires = 0;
	sg[1].requires[0] = 0;
	sg[1].nrequires = 1;
	grade(&p, "WAAAA", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g: %d subtasks %g %g", verdict_name(g.verdict), g.score, g.nsubtasks,
		 g.subtasks[0].score, g.subtasks[1].score);
	check(g.score == 0 && g.nsubtasks == 2 && g.subtasks[0].score == 0 && g.subtasks[1].score == 0,
	      "require_pass on secret: sample rejected, every subtask and the total are 0", detail);
	grade(&p, "AAAAA", NULL, &g);
	check(g.score == 100, "require_pass on secret: sample accepted, 100", detail);
	sg[1].nrequires = 0;
	sg[1].aggregation = AGG_MIN;
	grade(&p, "AAWAA", NULL, &g);
	check(g.nsubtasks == 0, "2025-09: a secret that takes the least of its groups has no subtasks", "");
	sg[1].aggregation = AGG_UNSET;
	p.legacy_grading = 1;
	p.format = PACKAGE_LEGACY;
	p.custom_score = 1;
	grading_inherit(&p.data_group.legacy, NULL);
	for (int i = 0; i < 4; i++)
		grading_inherit(&sg[i].legacy, i < 2 ? &p.data_group.legacy : &sg[1].legacy);
	/* As Kattis' scoring problems have it: the root ignores the samples,
	 * secret goes on past a rejected group and accepts if any group did. */
	p.data_group.legacy.ignore_sample = 1;
	sg[1].legacy.on_reject_continue = 1;
	sg[1].legacy.accept_if_any_accepted = 1;
	grade(&p, "AAWAA", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g: %d subtasks %g %g", verdict_name(g.verdict), g.score, g.nsubtasks,
		 g.subtasks[0].score, g.subtasks[1].score);
	check(g.verdict == VERDICT_AC && g.score == 3 && g.nsubtasks == 2 && g.subtasks[0].score == 1 &&
		      g.subtasks[1].score == 2 && isnan(g.subtasks[1].max),
	      "legacy subtasks: secret sums its groups' grades (1 + 0 for the rejected one, 1 + 1)", detail);
	sg[1].legacy.accept_if_any_accepted = 0;
	grade(&p, "AAWAA", NULL, &g);
	snprintf(detail, sizeof detail, "%s %g: %d subtasks %g %g", verdict_name(g.verdict), g.score, g.nsubtasks,
		 g.subtasks[0].score, g.subtasks[1].score);
	check(g.verdict == VERDICT_WA && g.score == 0 && g.nsubtasks == 2 && g.subtasks[1].score == 0,
	      "legacy: a rejected judging's score is ignored, and so are its subtasks'", detail);

	/* A custom grader's output (grader.c), as problemtools' pattern has it. */
	static const struct {
		const char *text;
		int ok;
		enum verdict verdict;
		double score;
	} outputs[] = {
		{ "AC 5\n", 1, VERDICT_AC, 5 },    { "RTE 0", 1, VERDICT_RE, 0 },    { "WA -1.5 \n", 1, VERDICT_WA, -1.5 },
		{ " AC 5", 0, 0, 0 },		   { "AC 5 6", 0, 0, 0 },	     { "AC 5\nWA 3\n", 0, 0, 0 },
		{ "AC 1e3", 0, 0, 0 },		   { "AC inf", 0, 0, 0 },	     { "ac 5", 0, 0, 0 },
		{ "RE 1", 0, 0, 0 },		   { "AC", 0, 0, 0 },		     { "AC 1.2.3", 0, 0, 0 },
		{ "", 0, 0, 0 },		   { "AC -", 0, 0, 0 },
	};
	for (size_t i = 0; i < sizeof outputs / sizeof *outputs; i++) {
		enum verdict v = VERDICT_CE;
		double score = NAN;
		int rc = grader_parse_output(outputs[i].text, &v, &score, detail, sizeof detail);
		char what[96];
		snprintf(what, sizeof what, "grader output '%.40s' is %s", outputs[i].text, outputs[i].ok ? "read" : "refused");
		for (char *c = what; *c; c++)
			*c = *c == '\n' ? '|' : *c;
		check(outputs[i].ok ? rc == 0 && v == outputs[i].verdict && score == outputs[i].score : rc < 0, what, detail);
	}

	/* The derived time limit's rounding. */
	memset(&p, 0, sizeof p);
	p.ac_to_time_limit = 5;
	p.time_resolution = 1;
	check(time_limit_from_slowest(&p, 0.392) == 2, "0.392 s x 5 is 2 s", "");
	check(time_limit_from_slowest(&p, 0) == 1, "at least one step", "");
	check(time_limit_from_slowest(&p, 0.2) == 1, "exactly a step stays that step", "");
	p.ac_to_time_limit = 2;
	p.time_resolution = 0.5;
	check(time_limit_from_slowest(&p, 0.6) == 1.5, "0.6 s x 2 in steps of 0.5 is 1.5 s", "");

	/* score.txt as a validator might leave it. */
	char dir[] = "/tmp/grading-unit-XXXXXX", path[64];
	double v = -1;
	if (!mkdtemp(dir))
		return 1;
	check(score_file_read(dir, &v, detail, sizeof detail) == 0, "no score.txt: none", detail);
	snprintf(path, sizeof path, "%s/score.txt", dir);
	FILE *f = fopen(path, "w");
	fputs(" 12.5\n", f);
	fclose(f);
	check(score_file_read(dir, &v, detail, sizeof detail) == 1 && v == 12.5, "' 12.5\\n' is 12.5", detail);
	f = fopen(path, "w");
	fputs("1e999", f);
	fclose(f);
	check(score_file_read(dir, &v, detail, sizeof detail) < 0, "1e999 (infinite) is refused", "");
	unlink(path);
	check(symlink("/etc/hostname", path) == 0 && score_file_read(dir, &v, detail, sizeof detail) < 0 &&
		      strstr(detail, "not a regular file"),
	      "a link is refused, never followed", detail);
	unlink(path);
	rmdir(dir);
	return failed;
}
