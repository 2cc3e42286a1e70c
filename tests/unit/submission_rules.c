/* submission_rules: what example submissions must do (judge/judging/submission_rules.c),
 * on a hand-made package and judgings: the directories' defaults, and
 * submissions.yaml's globs (braces, parent directories, test groups),
 * permitted, required, score and message. Prints TAP lines. */
#include "submission_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - submission_rules: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

/* A judging with one verdict per test ('A', 'W', 'T', 'R'), and a message. */
static void judged(struct judging *j, struct test_result *t, const char *verdicts, const char *message)
{
	memset(j, 0, sizeof *j);
	for (int i = 0; verdicts[i]; i++) {
		memset(&t[i], 0, sizeof t[i]);
		t[i].verdict = verdicts[i] == 'A' ? VERDICT_AC : verdicts[i] == 'W' ? VERDICT_WA
							    : verdicts[i] == 'T' ? VERDICT_TLE : VERDICT_RE;
		snprintf(t[i].message, sizeof t[i].message, "%s", i == 1 ? message : "");
		if (t[i].verdict != VERDICT_AC && j->verdict == VERDICT_AC)
			j->verdict = t[i].verdict;
		j->nrun++;
	}
	j->tests = t;
}

static int load(struct package *p, const char *yaml, struct submission_rules *r, char *err, size_t n)
{
	char path[PATH_MAX + 64];
	snprintf(path, sizeof path, "%s/submissions/submissions.yaml", p->dir);
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	fputs(yaml, f);
	fclose(f);
	return submission_rules_load(p, r, err, n);
}

int main(void)
{
	struct package p;
	struct test_case tests[4];
	struct test_result results[4];
	struct judging j;
	struct submission_rules r;
	char err[512] = "", why[512] = "", sub[PATH_MAX];
	memset(&p, 0, sizeof p);
	memset(tests, 0, sizeof tests);
	const char *names[] = { "sample/1", "secret/easy/1", "secret/hard/1", "secret/hard/2" };
	for (int i = 0; i < 4; i++)
		snprintf(tests[i].name, sizeof tests[i].name, "%s", names[i]);
	p.tests = tests;
	p.ntests = 4;
	p.format = PACKAGE_2025_09;
	char dir[] = "/tmp/rules-unit-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	snprintf(p.dir, sizeof p.dir, "%s", dir);
	snprintf(sub, sizeof sub, "%s/submissions", dir);
	mkdir(sub, 0755);

	/* Without submissions.yaml: the directories' defaults. */
	check(submission_rules_load(&p, &r, err, sizeof err) == 0 && !r.from_yaml, "no file: the defaults", err);
	judged(&j, results, "AWAA", "");
	check(submission_rules_check(&r, &p, "wrong_answer/x.c", &j, why, sizeof why) == 1, "WA fits wrong_answer/", why);
	check(submission_rules_check(&r, &p, "time_limit_exceeded/x.c", &j, why, sizeof why) == 0 &&
		      strstr(why, "got WA on secret/easy/1, which is not permitted"),
	      "WA does not fit time_limit_exceeded/, and the test is named", why);
	submission_rules_free(&r);

	/* Test groups, braces, parent directories. */
	check(load(&p, "time_limit_exceeded/slow.{c,py}:\n  secret/easy:\n    permitted: [AC]\n  secret/hard:\n"
		       "    required: [TLE]\n",
		   &r, err, sizeof err) == 0 && r.from_yaml,
	      "a file with test globs loads", err);
	judged(&j, results, "AATA", "");
	check(submission_rules_check(&r, &p, "time_limit_exceeded/slow.py", &j, why, sizeof why) == 1,
	      "easy accepted, a hard one too slow: fits", why);
	judged(&j, results, "ATAA", "");
	check(submission_rules_check(&r, &p, "time_limit_exceeded/slow.c", &j, why, sizeof why) == 0 &&
		      strstr(why, "secret/easy: got TLE on secret/easy/1"),
	      "too slow on an easy one: the brace glob matched .c too", why);
	check(submission_rules_check(&r, &p, "time_limit_exceeded/slow.java", &j, why, sizeof why) == 1,
	      ".java is not in the braces: only the directory's default applies", why);
	submission_rules_free(&r);

	/* A directory's own key replaces its default; score and message. */
	check(load(&p, "wrong_answer:\n  permitted: [WA]\naccepted:\n  score: [10, 20]\n  message: fine\n", &r, err,
		   sizeof err) == 0,
	      "directory keys load", err);
	judged(&j, results, "WWWW", "");
	check(submission_rules_check(&r, &p, "wrong_answer/a/b.c", &j, why, sizeof why) == 1,
	      "a file deep in wrong_answer/ is matched by its directory", why);
	judged(&j, results, "AWAA", "");
	check(submission_rules_check(&r, &p, "wrong_answer/x.c", &j, why, sizeof why) == 0 &&
		      strstr(why, "rule 'wrong_answer'"),
	      "permitted: [WA] replaces the default [AC, WA]", why);
	judged(&j, results, "AAAA", "all fine here");
	j.has_score = 1;
	j.score = 15;
	check(submission_rules_check(&r, &p, "accepted/x.c", &j, why, sizeof why) == 1, "score in range, message found",
	      why);
	j.score = 20.5;
	check(submission_rules_check(&r, &p, "accepted/x.c", &j, why, sizeof why) == 0 && strstr(why, "not in [10, 20]"),
	      "score out of range", why);
	submission_rules_free(&r);

	check(load(&p, "accepted:\n  required: [OK]\n", &r, err, sizeof err) < 0 &&
		      strstr(err, "accepted: required must list some of AC, WA, TLE, RTE"),
	      "an unknown verdict is refused", err);
	check(load(&p, "accepted:\n  score: [3, 1]\n", &r, err, sizeof err) < 0 && strstr(err, "the least first"),
	      "a reversed score range is refused", err);
	snprintf(sub, sizeof sub, "%s/submissions/submissions.yaml", dir);
	unlink(sub);
	snprintf(sub, sizeof sub, "%s/submissions", dir);
	rmdir(sub);
	rmdir(dir);
	return failed;
}
