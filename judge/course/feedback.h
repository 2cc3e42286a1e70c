/* feedback.h - what a student is shown of a judged submission, by the problem's feedback policy.
 *
 * Exact time and memory of a secret test leak its data a bit at a time (a
 * program can spend time or memory in proportion to a value it read), so a
 * policy other than full never shows a secret test's time, memory or
 * verdict on its own row: at most it is counted in "N of M secret tests
 * passed". (Rounding to buckets was considered and left out: it only slows
 * the leak.) Staff always see everything; this is the student's view.
 */
#ifndef VERDICT_FEEDBACK_H
#define VERDICT_FEEDBACK_H

#include <stdint.h>

#include "verdict.h"

enum feedback_policy {
	FEEDBACK_FULL,          /* every test: verdict, time, memory */
	FEEDBACK_SAMPLES,       /* sample tests in full; secret tests only as a pass count */
	FEEDBACK_VERDICT,       /* the submission's verdict and score; no test rows */
	FEEDBACK_AFTER_CLOSE,   /* nothing until the student's window closes, then full */
	FEEDBACK_POLICY_COUNT
};

struct feedback_test {
	int is_sample;
	enum verdict verdict;
	int time_ms;
	int mem_kib;
};

/* What to show of one test. */
struct feedback_shown {
	int row;              /* a row of its own, with the three below */
	enum verdict verdict; /* when row */
	int time_ms, mem_kib; /* when row: exact; -1 otherwise */
	int counted;          /* not a row, but counted in "N of M secret tests passed" */
	int passed;           /* when counted: it passed (AC) */
};

/* "full", "samples", "verdict", "after-close": the names the database and
 * the settings pages use. */
const char *feedback_policy_name(enum feedback_policy p);

/* The policy named s, or -1. */
int feedback_policy_parse(const char *s);

/* closes is when the student's window closes (due_window_closes: the
 * effective late_until, else the effective due), not the due time: a
 * student still allowed to submit late must not see secret results first.
 * Feedback that waits is shown from `closes` on (now >= closes). */

/* Does the student see the submission's verdict and score? Only
 * FEEDBACK_AFTER_CLOSE before closes says no ("judged; results after the
 * deadline"). */
int feedback_shows_result(enum feedback_policy p, int64_t now, int64_t closes);

/* What the student sees of test t. An unknown policy shows nothing. */
struct feedback_shown feedback_test_view(enum feedback_policy p, int64_t now, int64_t closes,
					 const struct feedback_test *t);

#endif
