/* cmd_submit.c - `verdict submit --user U --problem P [--lang L] [--assignment A] FILE`: queue a submission.
 *
 * Everything is checked before anything is stored: the user and problem
 * exist, the language is known (from --lang, else the file's extension, as
 * Kattis does), and the source is a non-empty text file of at most 128 KiB
 * (the format's usual code limit). For an assignment, the student must be
 * in its course and the problem in it, and the time must fit their window
 * (assignment_window_admit): refused outside it, saying why and when. On
 * any error nothing is written and the exit status is non-zero. On
 * success the submission's id is printed.
 */
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "db_courses.h"
#include "state.h"
#include "language.h"
#include "submission.h"
#include "answer_bundle.h"
#include "test_data.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage_text[] =
	"usage: verdict submit --user USER --problem PROBLEM [--lang LANG] [--assignment [COURSE/]A [--course C]\n"
	"                      [--spend-late-days]] [--state DIR | --db FILE] FILE|DIR\n"
	"\n"
	"Queues FILE and prints the submission's id. LANG is a language's id\n"
	"(`verdict languages` lists them); without --lang it comes from FILE's\n"
	"extension. With --assignment the submission is made for it, now: a student\n"
	"is refused outside their window (extensions included), and a late one is\n"
	"accepted only as the assignment's late policy allows (under days,ask, late\n"
	"days are spent only with --spend-late-days). A submit-answer problem\n"
	"takes DIR, its answer files named like the tests (sample/1.out, secret/01.out).\n";

static int fail(const char *fmt, const char *a, const char *b)
{
	fputs("verdict submit: ", stderr);
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	return 1;
}

/* Reads the whole source, refusing a file too large to be one before
 * reading it; submission_queue() checks the text itself. */
static char *read_source(const char *path, size_t *len)
{
	struct stat st;
	FILE *f = fopen(path, "rbe");
	if (!f) {
		fail("cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		fail("%s is not a regular file%s", path, "");
		return NULL;
	}
	if (st.st_size == 0 || st.st_size > SUBMISSION_MAX_BYTES) {
		fclose(f);
		fail(st.st_size ? "%s is larger than 128 KiB%s" : "%s is empty%s", path, "");
		return NULL;
	}
	char *buf = malloc((size_t)st.st_size + 1);
	size_t got = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
	fclose(f);
	if (!buf || got != (size_t)st.st_size) {
		free(buf);
		fail("cannot read %s%s", path, "");
		return NULL;
	}
	buf[got] = 0;
	*len = got;
	return buf;
}

/* A directory's answer files (*.out, by their paths in it) as one bundle. */
static char *read_answers(const char *dir, size_t *len)
{
	struct answer_bundle b = { 0 };
	char err[512];
	int added = answer_bundle_add_dir(&b, dir, err, sizeof err);
	if (added <= 0) {
		answer_bundle_free(&b);
		if (added == 0)
			fail("%s holds no answer files (named like the tests: sample/1.out, secret/01.out, ...)%s", dir, "");
		else
			fail("%s%s", err, "");
		return NULL;
	}
	*len = b.len;
	return b.text;
}

/* Does the problem take what is submitted: answer files for a
 * submit-answer problem, a program for any other? 1, or -1 (said why). */
static int problem_takes(const struct state *st, const struct db_version *v, const char *problem, int answers)
{
	struct test_data td;
	char err[512];
	if (test_data_open(st->data, v, 0, &td, err, sizeof err) < 0) {
		fail("%s%s", err, "");
		return -1;
	}
	int submit_answer = td.pkg.submit_answer;
	test_data_close(&td);
	if (submit_answer && !answers)
		return fail("problem %s is submit-answer: submit a directory of answer files named like its tests "
			    "(sample/1.out, secret/01.out, ...)%s", problem, ""), -1;
	if (!submit_answer && answers)
		return fail("problem %s takes a program, not a directory of answer files%s", problem, ""), -1;
	return 1;
}

int cmd_submit(int argc, char **argv)
{
	static const struct option options[] = { { "user", required_argument, NULL, 'u' },
						 { "problem", required_argument, NULL, 'p' },
						 { "lang", required_argument, NULL, 'l' },
						 { "assignment", required_argument, NULL, 'a' },
						 { "course", required_argument, NULL, 'c' },
						 { "spend-late-days", no_argument, NULL, 's' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { "help", no_argument, NULL, 'h' },
						 { NULL, 0, NULL, 0 } };
	const char *user = NULL, *problem = NULL, *lang_id = NULL, *db_opt = NULL, *state_opt = NULL,
		   *assignment = NULL, *course = NULL;
	int opt, spend = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'u': user = optarg; break;
		case 'p': problem = optarg; break;
		case 'l': lang_id = optarg; break;
		case 'a': assignment = optarg; break;
		case 'c': course = optarg; break;
		case 's': spend = 1; break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		case 'h': fputs(usage_text, stdout); return 0;
		default: fputs(usage_text, stderr); return 2;
		}
	}
	if (!user || !problem || argc - optind != 1 || (course && !assignment)) {
		fputs(usage_text, stderr);
		return 2;
	}
	const char *path = argv[optind];
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct stat pst;
	const int answers = stat(path, &pst) == 0 && S_ISDIR(pst.st_mode);
	const struct language *lang = answers ? NULL : lang_id ? language_by_id(lang_id) : language_detect_file(path, base);
	char ids[256];
	if (!lang && !answers)
		return lang_id ? fail("unknown language '%s' (%s)", lang_id, language_ids(ids, sizeof ids))
			       : fail("cannot tell the language of %s from its extension: give --lang (%s)", base,
				      language_ids(ids, sizeof ids));
	size_t len;
	char *source = answers ? read_answers(path, &len) : read_source(path, &len);
	if (!source)
		return 1;
	if (answers)
		base = ANSWERS_FILE_NAME;
	const struct state *st = cli_state(state_opt, db_opt);
	struct db *db = cli_open_db("submit", st->db);
	if (!db) {
		free(source);
		return 1;
	}
	char err[512] = "";
	long long user_id, id;
	struct db_version v;
	struct db_assignment a = { 0 };
	if (assignment && cli_assignment(db, "submit", course, assignment, &a) < 0) {
		db_close(db);
		free(source);
		return 1;
	}
	int rc = 1, found = db_user_find(db, user, &user_id, err, sizeof err);
	if (found == 0)
		fail("no user named '%s' (add one with: verdict user add %s)", user, user);
	else if (found > 0 && (found = db_problem_current(db, problem, &v, err, sizeof err)) == 0)
		fail("no problem named '%s' (see: verdict problem list)%s", problem, "");
	else if (found > 0 && (found = problem_takes(st, &v, problem, answers)) <= 0)
		found = found < 0 ? 0 : found, err[0] = 0;
	else if (found > 0 && (found = submission_queue(db, user_id, v.problem_id, a.id, spend, lang, base, source, len, NULL, &id, err,
							 sizeof err)) == 1) {
		printf("%lld\n", id);
		rc = 0;
	}
	if ((found == 0 || found == SUBMISSION_OUTSIDE_WINDOW) && err[0])
		fail("%s: %s", base, err);
	else if (found < 0)
		fail("%s%s", err, "");
	db_close(db);
	free(source);
	return rc;
}
