/* cmd_problem.c - `verdict problem add|list|verify`: import packages, list them, check them.
 *
 * add: problem_import.c does the work (the judge uses it too, for the
 * imports the web queues).
 *
 * verify:
 * Like Kattis' verifyproblem: every file in submissions/<dir>/ is judged
 * (compiled and run on the test data in the sandbox), and its result must
 * fit the directory it is in. The rules are the format's defaults: a
 * directory permits some outcomes and (but for accepted) requires one of
 * them (they differ a little between the legacy format and 2025-09, which
 * also has rejected/ and brute_force/). The judging stops at the first failing test, so the outcome is that
 * test's verdict, or AC. MLE counts as a run-time error and OLE as a wrong
 * answer, as the format only knows AC, WA, TLE and RTE; CE and JE never fit.
 */
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "state.h"
#include "grader.h"
#include "judging.h"
#include "language.h"
#include "limit.h"
#include "package.h"
#include "package_archive.h"
#include "problem_import.h"
#include "sandbox.h"
#include "submission_rules.h"
#include "time_limit.h"
#include "fsutil.h"
#include "validator.h"

#include <dirent.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const struct rule {
	const char *dir;
	unsigned permitted, required; /* required 0: none needed */
	const char *meaning;
} rules_2025[] = {
	/* 2025-09's default rules for the submission directories. */
	{ "accepted", OUT_AC, 0, "accepted on every test" },
	{ "wrong_answer", OUT_AC | OUT_WA, OUT_WA, "a wrong answer, never too slow nor crashing" },
	{ "time_limit_exceeded", OUT_AC | OUT_TLE, OUT_TLE, "too slow, never wrong nor crashing" },
	{ "run_time_error", OUT_AC | OUT_RTE, OUT_RTE, "a crash, never too slow nor wrong" },
	{ "rejected", OUT_AC | OUT_WA | OUT_TLE | OUT_RTE, OUT_WA | OUT_TLE | OUT_RTE, "rejected somehow" },
	{ "brute_force", OUT_AC | OUT_TLE | OUT_RTE, OUT_TLE | OUT_RTE, "too slow or crashing, never wrong" },
	{ "partially_accepted", OUT_AC, 0, "accepted, short of the best score" },
}, rules_legacy[] = {
	/* The legacy text: TLE "may also WA but must not crash"; RTE "crashes
	 * on some test case", with nothing forbidden. */
	{ "accepted", OUT_AC, 0, "accepted on every test" },
	{ "wrong_answer", OUT_AC | OUT_WA, OUT_WA, "a wrong answer, never too slow nor crashing" },
	{ "time_limit_exceeded", OUT_AC | OUT_WA | OUT_TLE, OUT_TLE, "too slow, never crashing" },
	{ "run_time_error", OUT_AC | OUT_WA | OUT_TLE | OUT_RTE, OUT_RTE, "a crash on some test" },
	{ "partially_accepted", OUT_AC, 0, "accepted, short of the best score" },
};

static const char usage_text[] =
	"usage: verdict problem add PATH|ARCHIVE [--publish] [--state DIR | --db FILE]\n"
	"       verdict problem list [--state DIR | --db FILE]\n"
	"       verdict problem verify [--work DIR] PATH\n"
	"       verdict problem set NAME [--visible | --hidden] [--time-limit SEC] [--memory-mb MB] [--state DIR | --db FILE]\n"
	"\n"
	"add imports a problem package (Kattis format, legacy or 2025-09, or a Polygon\n"
	"package with package.xml, converted to 2025-09), a directory or\n"
	"a .zip/.kpp/.tar.gz/.tgz/.tar archive, as the problem named after the directory\n"
	"or the archive's base name; adding it again makes a new test data\n"
	"version. The database is --db, else $VERDICT_DB, else ./verdict.db; packages\n"
	"are kept in $VERDICT_DATA, else <database>.data/. A new problem is hidden from\n"
	"students until it is published (--publish, or set --visible) or in an open\n"
	"assignment of theirs.\n"
	"\n"
	"verify judges every submission in the package's submissions/ directories and reports\n"
	"each whose result does not fit its directory (accepted, wrong_answer,\n"
	"time_limit_exceeded, run_time_error, rejected, brute_force). Exits 1 if any\n"
	"does not, 2 if the package cannot be read.\n"
	"\n"
	"set shows or hides a problem from students and sets the time (CPU seconds) and\n"
	"memory (MB) limits the judge uses from then on (the problem's settings page on\n"
	"the web does the same), in the ranges of judge/core/limit.c, which packages obey too.\n"
	"  --work DIR   where compiled programs and outputs are kept meanwhile (default: $TMPDIR or /tmp)\n";

struct tally {
	int total, agree, disagree, skipped;
	double slowest_ac;      /* CPU seconds of the slowest accepted/ submission that was accepted */
	char slowest_name[256];
};

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static void verify_one(const struct package *p, const struct validator *v, const struct rule *rule,
		       const struct submission_rules *rules, const char *dir, const char *file, const char *work,
		       struct tally *t)
{
	char path[PATH_MAX + 512], sub[PATH_MAX]; /* sub: below submissions/, as submissions.yaml names it */
	snprintf(path, sizeof path, "%s/%s", dir, file);
	snprintf(sub, sizeof sub, "%s/%.200s", rule->dir, file);
	struct stat st;
	if (stat(path, &st) < 0)
		return;
	t->total++;
	/* A directory is one submission of several files (DOMjudge exports
	 * put every submission in one); submissions.yaml may name its language
	 * and entry point. */
	const struct language *lang;
	const char *entry;
	char err[512];
	if (submission_rules_program(rules, sub, path, S_ISDIR(st.st_mode), &lang, &entry, err, sizeof err) < 0) {
		printf("FAIL %s/%s: %s\n", rule->dir, file, err);
		t->disagree++;
		return;
	}
	if (p->submit_answer && !S_ISDIR(st.st_mode)) {
		printf("skip %s/%s: a submit-answer problem's submission is a directory of answer files\n", rule->dir,
		       file);
		t->total--;
		t->skipped++;
		return;
	}
	const char *kind = p->submit_answer ? "answer files" : lang ? lang->name : "";
	if (!lang && !p->submit_answer) {
		printf("skip %s/%s: no language has %s extension\n", rule->dir, file,
		       S_ISDIR(st.st_mode) ? "any of its files'" : "this file's");
		t->total--;
		t->skipped++;
		return;
	}
	if (lang && !language_installed(lang)) { /* the host's lack, not the package's fault */
		char why[128];
		printf("skip %s/%s: %s\n", rule->dir, file, language_missing_text(lang, why, sizeof why));
		t->total--;
		t->skipped++;
		return;
	}
	/* Submissions that bound the limit from above are held to the safety
	 * margin: still too slow with the limit times time_safety_margin
	 * (legacy) or time_limit_to_tle (2025-09). */
	struct package q = *p;
	unsigned bounds = submission_rules_bounds(rules, p, sub, -1);
	if (bounds & BOUND_UPPER)
		q.time_limit = p->time_limit * p->time_limit_to_tle;
	q.judge_every_test = rules->from_yaml; /* its rules speak of every test */
	q.submission_entry = entry[0] ? entry : NULL;
	struct judging j;
	if (judge_submission(&q, v, lang, path, file, work, &j, err, sizeof err) < 0) {
		printf("FAIL %s/%s (%s): the judge could not judge it: %s\n", rule->dir, file, kind, err);
		t->disagree++;
		return;
	}
	unsigned got = outcome_of(j.verdict);
	int fits = got && (got & rule->permitted) && (!rule->required || (got & rule->required));
	char why[512] = "";
	if (rules->from_yaml) /* submissions.yaml: test by test */
		fits = submission_rules_check(rules, p, sub, &j, lround(p->time_limit * 1000), why, sizeof why);
	/* On a scoring problem, accepted means the best score too (when there
	 * is one), partially accepted anything less. */
	int partial = !strcmp(rule->dir, "partially_accepted");
	int best = j.has_score && (!isfinite(p->max_score) || j.score == p->max_score ||
				   (p->minimize ? j.score < p->max_score : j.score > p->max_score));
	if (fits && partial && (!j.has_score || (best && isfinite(p->max_score))))
		fits = 0;
	else if (fits && !partial && j.has_score && !rule->required && !best)
		fits = 0;
	/* The slowest run that bounds the limit from below, over the tests
	 * its rules say (by default accepted/'s, and in 2025-09 wrong_answer/'s
	 * and run_time_error/'s), those not too slow. */
	long lower_ms = submission_rules_slowest_lower(rules, p, sub, &j);
	if (lower_ms >= 0 && lower_ms / 1000.0 >= t->slowest_ac) {
		t->slowest_ac = lower_ms / 1000.0;
		snprintf(t->slowest_name, sizeof t->slowest_name, "%s/%.200s", rule->dir, file);
	}
	const char *where = j.failed_test >= 0 ? p->tests[j.failed_test].name : NULL;
	if (fits) {
		printf("ok   %s/%s (%s): %s", rule->dir, file, kind, verdict_name(j.verdict));
		if (where)
			printf(" on %s", where);
		if (j.has_score)
			printf(", score %g of %g", j.score, p->max_score);
		printf(" (%d of %d tests run, max %ld ms CPU, %ld kB", j.nrun, p->ntests, j.max_cpu_ms, j.max_mem_kb);
		if (q.time_limit != p->time_limit)
			printf("; limit %g s = %g s x %g", q.time_limit, p->time_limit, p->time_limit_to_tle);
		printf(")\n");
		t->agree++;
	} else {
		printf("FAIL %s/%s (%s): got %s", rule->dir, file, kind, verdict_name(j.verdict));
		if (where)
			printf(" on %s (%s)", where, j.tests[j.failed_test].message);
		if (j.has_score)
			printf(", score %g of %g", j.score, p->max_score);
		if (why[0])
			printf(": %s\n", why);
		else
			printf(", but %s/ means %s\n", rule->dir, rule->meaning);
		if (j.verdict == VERDICT_CE || j.verdict == VERDICT_JE)
			printf("     %.600s\n", j.build.output);
		t->disagree++;
	}
	judging_free(&j);
}

static int verify_copy(const char *pkg_path, const char *work)
{
	struct package p;
	char err[1024];
	if (package_load(pkg_path, &p, err, sizeof err) < 0) {
		fprintf(stderr, "verdict problem verify: %s\n", err);
		return 2;
	}
	if (p.warnings[0])
		fprintf(stderr, "warnings for problem %s:\n%s", p.short_name, p.warnings);
	int derive = time_limit_wanted(&p);
	if (derive)
		p.time_limit = time_limit_ceiling(&p);
	printf("problem %s (%s, %s format): %d test cases, ", p.short_name, p.title,
	       p.format == PACKAGE_LEGACY ? "legacy" : "2025-09", p.ntests);
	if (derive)
		printf("time limit to be derived (accepted/ runs with %g s)", p.time_limit);
	else
		printf("time limit %g s (%s)", p.time_limit, p.time_limit_from);
	printf(", memory %ld MB, output %ld MB", p.memory_mb, p.output_mb);
	if (p.scoring)
		printf(", scoring (best score %g)", p.max_score);
	putchar('\n');
	struct validator val;
	if (p.custom_validator) {
		if (validator_prepare(&p, work, &val, err, sizeof err) < 0) {
			fprintf(stderr, "verdict problem verify: problem %s: %s\n", p.short_name, err);
			package_free(&p);
			return 2;
		}
		printf("output validator: %s (built)\n", p.validator_dir);
	}
	struct validator grader;
	if (p.grader_dir[0]) {
		if (grader_prepare(&p, work, &grader, err, sizeof err) < 0) {
			fprintf(stderr, "verdict problem verify: problem %s: %s\n", p.short_name, err);
			if (p.custom_validator)
				validator_free(&val);
			package_free(&p);
			return 2;
		}
		p.grader = &grader;
		printf("grader: %s (built)\n", p.grader_dir);
	}
	struct submission_rules sub_rules;
	if (submission_rules_load(&p, &sub_rules, err, sizeof err) < 0) {
		fprintf(stderr, "verdict problem verify: problem %s: %s\n", p.short_name, err);
		if (p.custom_validator)
			validator_free(&val);
		if (p.grader)
			validator_free(&grader);
		package_free(&p);
		return 2;
	}
	if (sub_rules.from_yaml)
		printf("submissions/submissions.yaml: its rules apply, every test judged\n");
	struct tally t = { 0 };
	const struct rule *rules = p.format == PACKAGE_2025_09 ? rules_2025 : rules_legacy;
	size_t nrules = p.format == PACKAGE_2025_09 ? sizeof rules_2025 / sizeof *rules_2025
						   : sizeof rules_legacy / sizeof *rules_legacy;
	/* When the limit is to be derived, the directories that bound it from
	 * below are judged first (at the ceiling), the rest at the limit. */
	for (int pass = derive ? 0 : 1; pass < 2; pass++) {
		for (size_t r = 0; r < nrules; r++) {
			char dir[PATH_MAX + 64], sub[PATH_MAX + 64];
			snprintf(dir, sizeof dir, "%s/submissions/%s", p.dir, rules[r].dir);
			struct dirent **list;
			int n = scandir(dir, &list, visible, by_name);
			for (int i = 0; i < n; i++) {
				snprintf(sub, sizeof sub, "%s/%.200s", rules[r].dir, list[i]->d_name);
				int bounds = submission_rules_derive_from(&sub_rules, &p, sub);
				if (!derive || bounds == (pass == 0))
					verify_one(&p, p.custom_validator ? &val : NULL, &rules[r], &sub_rules, dir,
						   list[i]->d_name, work, &t);
				free(list[i]);
			}
			if (n >= 0)
				free(list);
		}
		if (pass == 0) {
			if (!t.slowest_name[0] || time_limit_set_derived(&p, t.slowest_ac, t.slowest_name, err, sizeof err) < 0) {
				printf("FAIL time limit: %s\n", t.slowest_name[0] ? err : "none given, and no submission that "
							     "bounds it from below (accepted/, or as use_for_time_limit says) ran "
							     "to derive one from");
				t.disagree++;
				break;
			}
			printf("time limit %g s (%s)\n", p.time_limit, p.time_limit_from);
		}
	}
	/* A limit the package gives must leave the slowest run that bounds it
	 * from below its margin: an error in 2025-09 ("time_limit must satisfy
	 * T_ac * ac_to_time_limit <= time_limit"); legacy packages have no such
	 * rule for a limit from .timelimit or DOMjudge's ini, so a warning. A
	 * derived limit is checked too: a submission that bounds it from both
	 * sides ran after it was derived. */
	if (!derive && sub_rules.from_yaml && t.agree + t.disagree > 0 && !t.slowest_name[0]) {
		printf("FAIL time limit: no submission bounds it from below (\"It is required that at least one "
		       "submission is used to lower bound the time limit\"; see use_for_time_limit)\n");
		t.disagree++;
	}
	if (t.slowest_name[0] && (!derive || !strncmp(p.time_limit_from, "derived", 7)) && t.slowest_ac * p.ac_to_time_limit > p.time_limit + 1e-9) {
		int error = p.format == PACKAGE_2025_09;
		printf("%s time limit %g s (%s) is tighter than %s's %.3f s x %g\n", error ? "FAIL" : "warning:",
		       p.time_limit, p.time_limit_from, t.slowest_name, t.slowest_ac, p.ac_to_time_limit);
		t.disagree += error;
	}
	submission_rules_free(&sub_rules);
	if (p.custom_validator)
		validator_free(&val);
	if (p.grader)
		validator_free(&grader);
	package_free(&p);
	if (t.total == 0 || t.agree == 0) {
		printf("no submission was judged: a package needs at least one in submissions/accepted/\n");
		return 1;
	}
	printf("%d submissions: %d as expected, %d not%s\n", t.total, t.agree, t.disagree,
	       t.skipped ? " (some files skipped)" : "");
	return t.disagree ? 1 : 0;
}

/* The package is an instructor's: verified from a copy of it in work
 * (problem_import_copy), as it would be imported. */
static int verify(const char *pkg_path, const char *work)
{
	char scratch[PATH_MAX], copy[PATH_MAX], err[1024], warnings[2048];
	int copied = problem_import_copy(work, pkg_path, scratch, copy, warnings, sizeof warnings, err, sizeof err);
	if (warnings[0])
		fprintf(stderr, "warnings from converting the package:\n%s", warnings);
	if (copied < 0) {
		fprintf(stderr, "verdict problem verify: %s\n", err);
		return 2;
	}
	int rc = verify_copy(copy, work);
	remove_tree(scratch);
	return rc;
}

/* problem add: a directory, or an archive (archive set), imported by
 * problem_import. Prints what was added (stdout), or why not (stderr);
 * exits 0, 1 when the system failed, 2 when the package is at fault. */
static int add(const char *path, int archive, int publish, const struct state *s)
{
	char err[2048];
	if (state_data_ready(s, err, sizeof err) < 0) {
		fprintf(stderr, "verdict problem add: %s\n", err);
		return 1;
	}
	struct db *db = cli_open_db("problem add", s->db);
	if (!db)
		return 1;
	struct problem_import_result r;
	int rc = archive ? problem_import_archive(db, s->data, path, path, &r, err, sizeof err)
			 : problem_import_dir(db, s->data, path, &r, err, sizeof err);
	if (rc == 0 && publish && db_problem_set_visible(db, r.short_name, 1, err, sizeof err) != 1) {
		fprintf(stderr, "verdict problem add: added, but not published: %s\n", err);
		db_close(db);
		return 1;
	}
	db_close(db);
	if (r.warnings[0])
		fprintf(stderr, "warnings for problem %s:\n%s", r.short_name, r.warnings);
	if (rc < 0) {
		fprintf(stderr, "verdict problem add: %s\n", err);
		return r.bad_package ? 2 : 1;
	}
	char line[1024];
	problem_import_describe(&r, line, sizeof line);
	printf("%s%s\n", line, publish ? "; published" : "");
	return 0;
}

static void list_row(const struct db_version *v, const char *title, long submissions, void *arg)
{
	(void)arg;
	printf("%-20s %-30.30s v%-3d %3d tests %6gs %5ld MB %6ld submissions%s\n", v->short_name, title, v->version,
	       v->test_count, v->time_limit, v->memory_mb, submissions, v->visible ? "" : "  (hidden)");
}

static int list(const char *db_path)
{
	struct db *db = cli_open_db("problem list", db_path);
	if (!db)
		return 1;
	char err[512];
	int rc = db_problem_list(db, 1, list_row, NULL, err, sizeof err);
	db_close(db);
	if (rc < 0) {
		fprintf(stderr, "verdict problem list: %s\n", err);
		return 1;
	}
	return 0;
}

/* `problem set NAME [--visible|--hidden] [--time-limit S] [--memory-mb M]` */
static int set(int argc, char **argv)
{
	static const struct option options[] = { { "visible", no_argument, NULL, 'v' },
						 { "hidden", no_argument, NULL, 'H' },
						 { "time-limit", required_argument, NULL, 't' },
						 { "memory-mb", required_argument, NULL, 'm' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { NULL, 0, NULL, 0 } };
	const char *db_opt = NULL, *state_opt = NULL, *time_arg = NULL, *mem_arg = NULL;
	int visible = -1, opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'v': visible = 1; break;
		case 'H': visible = 0; break;
		case 't': time_arg = optarg; break;
		case 'm': mem_arg = optarg; break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		default: fputs(usage_text, stderr); return 2;
		}
	}
	if (optind != argc - 1 || (visible < 0 && !time_arg && !mem_arg)) {
		fputs(usage_text, stderr);
		return 2;
	}
	const char *name = argv[optind];
	double time_limit = 0, memory = 0;
	char err[512];
	if (time_arg && limit_parse(LIMIT_TIME, time_arg, &time_limit, err, sizeof err) < 0) {
		fprintf(stderr, "verdict problem set: --time-limit %s: %s\n", time_arg, err);
		return 2;
	}
	if (mem_arg && limit_parse(LIMIT_MEMORY, mem_arg, &memory, err, sizeof err) < 0) {
		fprintf(stderr, "verdict problem set: --memory-mb %s: %s\n", mem_arg, err);
		return 2;
	}
	struct db *db = cli_open_db("problem set", cli_state(state_opt, db_opt)->db);
	if (!db)
		return 1;
	struct db_version v;
	int rc = db_problem_current(db, name, &v, err, sizeof err);
	if (rc == 1 && (time_arg || mem_arg))
		rc = db_problem_set_limits(db, name, time_arg ? time_limit : v.time_limit, mem_arg ? (long)memory : v.memory_mb,
					   err, sizeof err);
	if (rc == 1 && visible >= 0)
		rc = db_problem_set_visible(db, name, visible, err, sizeof err);
	if (rc == 1)
		rc = db_problem_current(db, name, &v, err, sizeof err);
	db_close(db);
	if (rc == 0) {
		fprintf(stderr, "verdict problem set: no problem named %s\n", name);
		return 1;
	}
	if (rc < 0) {
		fprintf(stderr, "verdict problem set: %s\n", err);
		return strstr(err, "limit") ? 2 : 1;
	}
	printf("problem %s: %s, time limit %g s, memory %ld MB\n", name, v.visible ? "visible" : "hidden", v.time_limit,
	       v.memory_mb);
	return 0;
}

int cmd_problem(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		fputs(usage_text, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *sub = argv[1];
	if (!strcmp(sub, "set"))
		return set(argc - 1, argv + 1);
	if (strcmp(sub, "verify") && strcmp(sub, "add") && strcmp(sub, "list")) {
		fprintf(stderr, "verdict problem: unknown subcommand '%s'\n%s", sub, usage_text);
		return 2;
	}
	static const struct option options[] = { { "work", required_argument, NULL, 'w' },
						 { "publish", no_argument, NULL, 'P' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { "help", no_argument, NULL, 'h' },
						 { NULL, 0, NULL, 0 } };
	const char *work = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", *db_opt = NULL, *state_opt = NULL;
	int opt, publish = 0;
	optind = 1;
	while ((opt = getopt_long(argc - 1, argv + 1, "", options, NULL)) != -1) {
		if (opt == 'w') {
			work = optarg;
		} else if (opt == 'P' && !strcmp(sub, "add")) {
			publish = 1;
		} else if (opt == 'd') {
			db_opt = optarg;
		} else if (opt == 'S') {
			state_opt = optarg;
		} else if (opt == 'h') {
			fputs(usage_text, stdout);
			return 0;
		} else {
			fputs(usage_text, stderr);
			return 2;
		}
	}
	int want_path = strcmp(sub, "list") != 0;
	if (argc - 1 - optind != want_path) { /* add and verify take one PATH, list none */
		fputs(usage_text, stderr);
		return 2;
	}
	if (!strcmp(sub, "list"))
		return list(cli_state(state_opt, db_opt)->db);
	if (!strcmp(sub, "add")) {
		char name[64];
		int is_archive = package_archive_name(argv[1 + optind], name, sizeof name);
		if (is_archive < 0) {
			fprintf(stderr, "verdict problem add: the archive's name is too long\n");
			return 2;
		}
		return add(argv[1 + optind], is_archive, publish, cli_state(state_opt, db_opt));
	}
	char err[256];
	if (sandbox_init(err, sizeof err) < 0) {
		fprintf(stderr, "verdict problem verify: %s\n", err);
		return 2;
	}
	return verify(argv[1 + optind], work);
}
