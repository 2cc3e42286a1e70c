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

#define LIMIT_MS 1000 /* the time limit the judgings below are held to */

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
	struct test_group groups[4];
	memset(groups, 0, sizeof groups);
	const char *group_names[] = { "sample", "secret", "secret/easy", "secret/hard" };
	for (int g = 0; g < 4; g++) {
		snprintf(groups[g].name, sizeof groups[g].name, "%s", group_names[g]);
		groups[g].parent = g < 2 ? -1 : 1;
	}
	for (int i = 0; i < 4; i++)
		tests[i].group = i == 0 ? 0 : i == 1 ? 2 : 3;
	p.groups = groups;
	p.ngroups = 4;
	p.tests = tests;
	p.ntests = 4;
	p.format = PACKAGE_2025_09;
	p.scoring = 1;
	char dir[] = "/tmp/rules-unit-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	snprintf(p.dir, sizeof p.dir, "%s", dir);
	snprintf(sub, sizeof sub, "%s/submissions", dir);
	mkdir(sub, 0755);

	/* Without submissions.yaml: the directories' defaults. */
	check(submission_rules_load(&p, &r, err, sizeof err) == 0 && !r.from_yaml, "no file: the defaults", err);
	judged(&j, results, "AWAA", "");
	check(submission_rules_check(&r, &p, "wrong_answer/x.c", &j, LIMIT_MS, why, sizeof why) == 1, "WA fits wrong_answer/", why);
	check(submission_rules_check(&r, &p, "time_limit_exceeded/x.c", &j, LIMIT_MS, why, sizeof why) == 0 &&
		      strstr(why, "got WA on secret/easy/1, which is not permitted"),
	      "WA does not fit time_limit_exceeded/, and the test is named", why);
	submission_rules_free(&r);

	/* Test groups, braces, parent directories. */
	check(load(&p, "time_limit_exceeded/slow.{c,py}:\n  secret/easy:\n    permitted: [AC]\n  secret/hard:\n"
		       "    required: [TLE]\n",
		   &r, err, sizeof err) == 0 && r.from_yaml,
	      "a file with test globs loads", err);
	judged(&j, results, "AATA", "");
	check(submission_rules_check(&r, &p, "time_limit_exceeded/slow.py", &j, LIMIT_MS, why, sizeof why) == 1,
	      "easy accepted, a hard one too slow: fits", why);
	judged(&j, results, "ATAA", "");
	check(submission_rules_check(&r, &p, "time_limit_exceeded/slow.c", &j, LIMIT_MS, why, sizeof why) == 0 &&
		      strstr(why, "secret/easy: got TLE on secret/easy/1"),
	      "too slow on an easy one: the brace glob matched .c too", why);
	check(submission_rules_check(&r, &p, "time_limit_exceeded/slow.java", &j, LIMIT_MS, why, sizeof why) == 1,
	      ".java is not in the braces: only the directory's default applies", why);
	submission_rules_free(&r);

	/* A directory's own key replaces its default; score and message. */
	check(load(&p, "wrong_answer:\n  permitted: [WA]\naccepted:\n  score: [10, 20]\n  message: fine\n", &r, err,
		   sizeof err) == 0,
	      "directory keys load", err);
	judged(&j, results, "WWWW", "");
	check(submission_rules_check(&r, &p, "wrong_answer/a/b.c", &j, LIMIT_MS, why, sizeof why) == 1,
	      "a file deep in wrong_answer/ is matched by its directory", why);
	judged(&j, results, "AWAA", "");
	check(submission_rules_check(&r, &p, "wrong_answer/x.c", &j, LIMIT_MS, why, sizeof why) == 0 &&
		      strstr(why, "rule 'wrong_answer'"),
	      "permitted: [WA] replaces the default [AC, WA]", why);
	judged(&j, results, "AAAA", "all fine here");
	j.has_score = 1;
	j.score = 15;
	check(submission_rules_check(&r, &p, "accepted/x.c", &j, LIMIT_MS, why, sizeof why) == 1, "score in range, message found",
	      why);
	j.score = 20.5;
	check(submission_rules_check(&r, &p, "accepted/x.c", &j, LIMIT_MS, why, sizeof why) == 0 && strstr(why, "not in [10, 20]"),
	      "score out of range", why);
	submission_rules_free(&r);

	check(load(&p, "accepted:\n  required: [OK]\n", &r, err, sizeof err) < 0 &&
		      strstr(err, "accepted: required must list some of AC, WA, TLE, RTE"),
	      "an unknown verdict is refused", err);
	check(load(&p, "accepted:\n  score: [3, 1]\n", &r, err, sizeof err) < 0 && strstr(err, "the least first"),
	      "a reversed score range is refused", err);

	/* Timelimit inference: which tests bound the limit, and how. */
	check(load(&p, "time_limit_exceeded/mixed.c:\n  secret/easy:\n    permitted: [AC]\n", &r, err, sizeof err) == 0,
	      "a test glob under a time_limit_exceeded submission loads", err);
	check(submission_rules_bounds(&r, &p, "accepted/a.c", -1) == BOUND_LOWER &&
		      submission_rules_bounds(&r, &p, "wrong_answer/w.c", 2) == BOUND_LOWER &&
		      submission_rules_bounds(&r, &p, "time_limit_exceeded/t.c", -1) == BOUND_UPPER &&
		      submission_rules_bounds(&r, &p, "brute_force/b.c", -1) == 0 &&
		      submission_rules_bounds(&r, &p, "rejected/r.c", -1) == 0,
	      "defaults: accepted/ and wrong_answer/ bound from below, time_limit_exceeded/ from above, brute_force/ "
	      "and rejected/ not", "");
	check(submission_rules_bounds(&r, &p, "time_limit_exceeded/mixed.c", 1) == (BOUND_LOWER | BOUND_UPPER) &&
		      submission_rules_bounds(&r, &p, "time_limit_exceeded/mixed.c", 2) == BOUND_UPPER,
	      "permitted: [AC] under a test glob bounds from below on those tests only", "");
	check(submission_rules_derive_from(&r, &p, "accepted/a.c") && !submission_rules_derive_from(&r, &p, "time_limit_exceeded/mixed.c"),
	      "a submission bounding from both sides is not one a limit is derived from", "");
	judged(&j, results, "AAAT", "");
	for (int i = 0; i < 4; i++)
		results[i].cpu_ms = 100 * (i + 1);
	check(submission_rules_slowest_lower(&r, &p, "time_limit_exceeded/mixed.c", &j) == 200 &&
		      submission_rules_slowest_lower(&r, &p, "accepted/a.c", &j) == 300,
	      "the slowest lower-bounding run is over the rule's tests, TLE left out", "");
	results[1].cpu_ms = 1500; /* run with the upper bound's margin: slower than the limit */
	check(submission_rules_check(&r, &p, "time_limit_exceeded/mixed.c", &j, LIMIT_MS, why, sizeof why) == 0 &&
		      strstr(why, "secret/easy: got TLE on secret/easy/1 (slower than the limit)"),
	      "a run slower than the limit is TLE for a requirement that does not bound from above", why);
	submission_rules_free(&r);

	check(load(&p, "accepted:\n  use_for_time_limit: false\naccepted/fast.c:\n  permitted: [AC]\n"
		       "brute_force/b.py:\n  use_for_time_limit: lower\nrejected/r.c:\n  use_for_time_limit: upper\n",
		   &r, err, sizeof err) == 0,
	      "use_for_time_limit false, lower and upper load", err);
	check(submission_rules_bounds(&r, &p, "accepted/slow.c", -1) == 0 &&
		      submission_rules_bounds(&r, &p, "accepted/fast.c", -1) == BOUND_LOWER &&
		      submission_rules_bounds(&r, &p, "brute_force/b.py", -1) == BOUND_LOWER &&
		      submission_rules_bounds(&r, &p, "rejected/r.c", -1) == BOUND_UPPER,
	      "false opts a requirement out, lower and upper opt in", "");
	judged(&j, results, "AATA", "");
	check(submission_rules_check(&r, &p, "brute_force/b.py", &j, LIMIT_MS, why, sizeof why) == 0 &&
		      strstr(why, "not permitted (use_for_time_limit: lower)"),
	      "lower is also permitted: [AC, WA, RTE]", why);
	judged(&j, results, "AWAA", "");
	check(submission_rules_check(&r, &p, "rejected/r.c", &j, LIMIT_MS, why, sizeof why) == 0 &&
		      strstr(why, "no test was too slow (use_for_time_limit: upper)"),
	      "upper is also required: [TLE]", why);
	submission_rules_free(&r);
	check(load(&p, "rejected/r.c:\n  required: [TLE]\n  use_for_time_limit: lower\n", &r, err, sizeof err) < 0 &&
		      strstr(err, "rejected/r.c: no verdict is both permitted and required (use_for_time_limit: lower"),
	      "lower with required: [TLE] is inconsistent", err);
	check(load(&p, "accepted:\n  secret:\n    use_for_time_limit: maybe\n", &r, err, sizeof err) < 0 &&
		      strstr(err, "accepted: secret: use_for_time_limit must be false, lower or upper"),
	      "an unknown use_for_time_limit is refused", err);

	/* A group's score. */
	check(load(&p, "accepted:\n  secret/easy:\n    score: [0, 40]\n  secret/*:\n    score: [20, 60]\n", &r, err,
		   sizeof err) == 0,
	      "score under test globs loads", err);
	judged(&j, results, "AAAA", "");
	j.ngroup_scores = 3;
	j.group_scores[0] = (struct grade_subtask){ 2, 30, 50 };
	j.group_scores[1] = (struct grade_subtask){ 3, 50, 50 };
	j.group_scores[2] = (struct grade_subtask){ 1, 80, 100 };
	check(submission_rules_check(&r, &p, "accepted/a.c", &j, LIMIT_MS, why, sizeof why) == 1,
	      "each group a test glob names scored in range", why);
	j.group_scores[1].score = 10;
	check(submission_rules_check(&r, &p, "accepted/a.c", &j, LIMIT_MS, why, sizeof why) == 0 &&
		      strstr(why, "secret/*: group secret/hard scored 10, not in [20, 60] (rule 'accepted')"),
	      "a group scored outside its range is named", why);
	submission_rules_free(&r);
	check(load(&p, "accepted:\n  sample:\n    score: 1\n", &r, err, sizeof err) == 0, "score under sample loads", err);
	check(submission_rules_check(&r, &p, "accepted/a.c", &j, LIMIT_MS, why, sizeof why) == 0 &&
		      strstr(why, "sample: no group with a score matches"),
	      "a glob naming no scored group is reported", why);
	submission_rules_free(&r);
	p.scoring = 0;
	check(load(&p, "accepted:\n  score: 1\n", &r, err, sizeof err) < 0 &&
		      strstr(err, "accepted: score is only for scoring problems"),
	      "score on a pass-fail problem is refused", err);
	p.scoring = 1;

	/* language and entrypoint. */
	const struct language *lang;
	const char *entry;
	check(load(&p, "accepted/x:\n  language: python3\n  entrypoint: solve.py\naccepted/y.txt:\n  language: c\n"
		       "accepted/{y,z}.txt:\n  language: cpp\naccepted/one.py:\n  entrypoint: other.py\n",
		   &r, err, sizeof err) == 0,
	      "language and entrypoint load", err);
	check(submission_rules_program(&r, "accepted/x", "/nonexistent/x", 1, &lang, &entry, err, sizeof err) == 0 && lang &&
		      !strcmp(lang->id, "python3") && !strcmp(entry, "solve.py"),
	      "a directory gets the rule's language and entry point", err);
	check(submission_rules_program(&r, "accepted/y.txt", "/nonexistent/y.txt", 0, &lang, &entry, err, sizeof err) < 0 &&
		      strstr(err, "rules 'accepted/y.txt' and 'accepted/{y,z}.txt' give accepted/y.txt two languages, c and cpp"),
	      "two rules giving one submission two languages are refused", err);
	check(submission_rules_program(&r, "accepted/one.py", "/nonexistent/one.py", 0, &lang, &entry, err, sizeof err) <
			      0 &&
		      strstr(err, "gives accepted/one.py the entry point other.py, but it is one file"),
	      "a one-file submission's entry point must be that file", err);
	submission_rules_free(&r);
	check(load(&p, "accepted:\n  language: cobol9\n", &r, err, sizeof err) < 0 &&
		      strstr(err, "accepted: language 'cobol9' is not one this judge has (c, "),
	      "an unknown language id is refused, with the ids there are", err);
	check(load(&p, "accepted:\n  entrypoint: ../x\n", &r, err, sizeof err) < 0 &&
		      strstr(err, "accepted: entrypoint must be the name of a file"),
	      "an entry point with a directory is refused", err);
	check(load(&p, "accepted:\n  lanugage: c\n", &r, err, sizeof err) < 0 &&
		      strstr(err, "accepted: unknown key 'lanugage'"),
	      "a misspelt key is refused, not taken for a test glob", err);
	check(load(&p, "accepted:\n  secret:\n    language: c\n", &r, err, sizeof err) < 0 &&
		      strstr(err, "accepted: secret: unknown key 'language'"),
	      "language under a test glob is refused", err);
	check(load(&p, "accepted: [AC]\n", &r, err, sizeof err) < 0 && strstr(err, "accepted must be a map"),
	      "a glob mapped to a list is refused", err);
	check(load(&p, "accepted:\n  permitted: [AC\n", &r, err, sizeof err) < 0 && strstr(err, "submissions.yaml"),
	      "malformed YAML is refused, naming the file", err);
	snprintf(sub, sizeof sub, "%s/submissions/submissions.yaml", dir);
	unlink(sub);
	snprintf(sub, sizeof sub, "%s/submissions", dir);
	rmdir(sub);
	rmdir(dir);
	return failed;
}
