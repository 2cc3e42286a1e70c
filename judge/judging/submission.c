/* submission.c - checking and queueing a submission: one path for the CLI and the web. */
#include "submission.h"
#include "answer_bundle.h"
#include "assignment_window.h"
#include "compile.h"
#include "db.h"
#include "language.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A name with no directory part, no control bytes, not "." or "..". */
static int plain_file_name(const char *name)
{
	size_t len = strlen(name);
	if (len == 0 || len > 255 || !strcmp(name, ".") || !strcmp(name, "..") || strchr(name, '/'))
		return 0;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return 0;
	return 1;
}

int submission_limits_from_env(struct submission_limits *l, char *err, size_t n)
{
	*l = (struct submission_limits){ .max_waiting = 3, .max_recent = 20, .window_sec = 600 };
	const char *env = getenv("VERDICT_SUBMIT_LIMITS");
	if (!env || !*env)
		return 0;
	int waiting, recent, window, used = 0;
	if (sscanf(env, "%d,%d/%d%n", &waiting, &recent, &window, &used) != 3 || env[used] || waiting < 1 || recent < 1 ||
	    window < 1)
		return errf(err, n, "VERDICT_SUBMIT_LIMITS=%s: expected WAITING,RECENT/SECONDS with positive numbers, like 3,20/600",
			    env);
	*l = (struct submission_limits){ .max_waiting = waiting, .max_recent = recent, .window_sec = window };
	return 0;
}

int submission_source_ok(const void *source, size_t len, char *err, size_t n)
{
	if (len == 0)
		return errf(err, n, "the source is empty");
	if (len > SUBMISSION_MAX_BYTES)
		return errf(err, n, "the source is larger than %d KiB", SUBMISSION_MAX_BYTES / 1024);
	if (memchr(source, 0, len))
		return errf(err, n, "this looks like a binary file (it contains NUL bytes): submit the source code");
	return 0;
}

/* 1 within the limits, SUBMISSION_THROTTLED over them (reason in err), -1 error. */
static int within_limits(struct db *db, long long user_id, const struct submission_limits *l, char *err, size_t n)
{
	int recent, waiting;
	/* Only the newest max_recent matter: if all of them are recent, the limit is reached. */
	if (db_user_submission_counts(db, user_id, (long long)time(NULL) - l->window_sec, l->max_recent, &recent, &waiting,
				      err, n) < 0)
		return -1;
	if (waiting >= l->max_waiting) {
		errf(err, n, "you already have %d submission%s waiting to be judged: wait for %s verdict before submitting again",
		     waiting, waiting == 1 ? "" : "s", waiting == 1 ? "its" : "their");
		return SUBMISSION_THROTTLED;
	}
	if (recent >= l->max_recent) {
		errf(err, n, "you have made %d submissions in the last %d minutes, the most allowed: try again later", recent,
		     (l->window_sec + 59) / 60);
		return SUBMISSION_THROTTLED;
	}
	return 1;
}

int submission_queue(struct db *db, long long user_id, long long problem_id, long long assignment_id,
		     int spend_late_days, const struct language *lang, const char *file_name, const void *source, size_t len,
		     const struct submission_limits *limits, long long *id, char *err, size_t n)
{
	const char *language = lang ? lang->id : ANSWERS_LANGUAGE;
	if (submission_source_ok(source, len, err, n) < 0)
		return 0;
	if (!plain_file_name(file_name)) {
		errf(err, n, "a file name may not contain '/' or control characters");
		return 0;
	}
	if (lang && !language_installed(lang)) {
		language_missing_text(lang, err, n);
		return 0;
	}
	if (lang && !lang->source_name && !language_class_file_ok(lang, file_name)) {
		errf(err, n, "a %s source must be named after its public class, like Main%s (got %s)", lang->name,
		     lang->extensions[0], file_name);
		return 0;
	}
	if (!limits && assignment_id <= 0)
		return db_submission_add(db, user_id, problem_id, 0, language, file_name, source, len, id, err, n) < 0 ? -1
															 : 1;
	if (db_begin(db, err, n) < 0)
		return -1;
	int ok = limits ? within_limits(db, user_id, limits, err, n) : 1;
	if (ok == 1 && assignment_id > 0 &&
	    (ok = assignment_window_admit(db, assignment_id, user_id, problem_id, (int64_t)time(NULL), spend_late_days, err,
					  n)) == 0)
		ok = SUBMISSION_OUTSIDE_WINDOW;
	if (ok == 1 &&
	    db_submission_add(db, user_id, problem_id, assignment_id, language, file_name, source, len, id, err, n) < 0)
		ok = -1;
	if (ok == 1 && db_commit(db, err, n) < 0)
		ok = -1;
	if (ok != 1)
		db_rollback(db);
	return ok;
}

int submission_claim_ok(const char *language, const char *file_name, const void *source, size_t len,
			const struct language **lang, char *err, size_t n)
{
	*lang = language_by_id(language);
	if (!*lang && strcmp(language, ANSWERS_LANGUAGE) == 0) /* answer files: unpacked by the judge */
		return submission_source_ok(source, len, err, n);
	if (!*lang)
		return errf(err, n, "unknown language '%.20s'", language);
	if (submission_source_ok(source, len, err, n) < 0)
		return -1;
	if (!plain_file_name(file_name) || (!(*lang)->source_name && !language_class_file_ok(*lang, file_name)))
		return errf(err, n, "the submission's file name is not valid");
	return 0;
}
