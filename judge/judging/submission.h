/* submission.h - checking and queueing a submission: one path for the CLI and the web. */
#ifndef VERDICT_SUBMISSION_H
#define VERDICT_SUBMISSION_H

#include <stddef.h>

struct db;
struct language;

#define SUBMISSION_MAX_BYTES (128 * 1024) /* the package format's usual code limit */

/* How much one user may submit, so that one student cannot flood the
 * queue. The web applies these to students; the CLI is an operator's tool. */
struct submission_limits {
	int max_waiting; /* queued or being judged at once */
	int max_recent;  /* submitted within the last window_sec seconds */
	int window_sec;
};

/* Defaults (3 waiting; 20 per 10 minutes), or $VERDICT_SUBMIT_LIMITS as
 * "WAITING,RECENT/SECONDS" (e.g. "3,20/600"). Returns 0, or -1 with a
 * message when the variable is malformed. */
int submission_limits_from_env(struct submission_limits *l, char *err, size_t n);

/* Is this plausible program text: not empty, at most SUBMISSION_MAX_BYTES,
 * no NUL bytes? 0, or -1 with a message for the student. */
int submission_source_ok(const void *source, size_t len, char *err, size_t n);

/* What the judge checks again, as root, before it acts on a queued
 * submission: the row was written by the web account, which is trusted no
 * more than a student. Sets *lang (NULL for an answer bundle, which the
 * judge parses as untrusted text); 0, or -1 with the reason. */
int submission_claim_ok(const char *language, const char *file_name, const void *source, size_t len,
			const struct language **lang, char *err, size_t n);

#define SUBMISSION_THROTTLED 2
#define SUBMISSION_OUTSIDE_WINDOW 3

/* Checks the source and file name for lang (NULL: source is an answer
 * bundle for a submit-answer problem, answer_bundle.h) and queues it for user_id on
 * problem_id, for assignment_id (0: none, practice). With limits, the
 * check and the insert are one transaction, so concurrent requests cannot
 * both slip under the limit; so are an assignment's window check, the
 * late days it takes (assignment_window_admit: spend_late_days is the
 * student's say-so under a "days,ask" policy) and the insert. Returns 1
 * (queued, *id set), 0 (refused: the reason, for people, in err),
 * SUBMISSION_OUTSIDE_WINDOW (the assignment refused it: why and when in
 * err), SUBMISSION_THROTTLED (over the limits: the reason in err), or -1
 * (a database error, in err). */
int submission_queue(struct db *db, long long user_id, long long problem_id, long long assignment_id,
		     int spend_late_days, const struct language *lang, const char *file_name, const void *source, size_t len,
		     const struct submission_limits *limits, long long *id, char *err, size_t n);

#endif
