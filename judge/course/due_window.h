/* due_window.h - an assignment's times for one student (extensions included) and where a submission time falls in them.
 *
 * All times are int64 seconds since the epoch, UTC; "now" is always a
 * parameter. The rules, boundaries included:
 *   before opens               DUE_EARLY    refused
 *   opens <= t <= due          DUE_ON_TIME
 *   due < t <= late_until      DUE_LATE     late_seconds = t - due
 *   after late_until           DUE_CLOSED   refused
 * Without a late_until there is no late window: the assignment closes at
 * its due time. Whether a late submission is accepted, and at what cost, is
 * the late policy's business (late_policy.h).
 */
#ifndef VERDICT_DUE_WINDOW_H
#define VERDICT_DUE_WINDOW_H

#include <stddef.h>
#include <stdint.h>

/* "Not set": an assignment without late_until, an extension that leaves a
 * time as it is, an assignment open from the start. */
#define DUE_NONE INT64_MIN

struct due_times {
	int64_t opens;      /* DUE_NONE: open from the start */
	int64_t due;        /* required */
	int64_t late_until; /* DUE_NONE: no late window */
};

/* One student's extension; either time may be DUE_NONE. */
struct due_extension {
	int64_t due;
	int64_t late_until;
};

enum due_class {
	DUE_EARLY,   /* before the assignment opens: refused */
	DUE_ON_TIME,
	DUE_LATE,    /* in the late window */
	DUE_CLOSED,  /* after the late window (or the due time, without one): refused */
};

struct due_placement {
	enum due_class cls;
	int64_t late_seconds; /* t - effective due when DUE_LATE, else 0 */
	char message[200];    /* for the student: "late by 1 day 2 h 5 min (due 2026-...)" */
};

/* The student's window: ext (NULL for none) overrides the assignment's due
 * and late_until time by time. An extension of the due time alone keeps the
 * assignment's late_until, but never earlier than the new due: the late
 * window is a course-wide close (often when solutions are published), so a
 * student whose extension runs past it gets none unless the extension also
 * sets a late_until. Refuses (-1 with err) a window where opens > due or
 * late_until < due. Returns 0 with *out set. */
int due_window_effective(const struct due_times *a, const struct due_extension *ext, struct due_times *out,
			 char *err, size_t n);

/* When nothing more is accepted from the student: late_until, or due when
 * there is no late window. (What feedback_test_view wants as "closes".) */
int64_t due_window_closes(const struct due_times *w);

/* A span of s seconds in words, as the messages write it: "1 day 2 h
 * 5 min" (seconds dropped), "40 s" under a minute. */
void due_window_duration(int64_t s, char *out, size_t n);

/* Where submission time t falls in the effective window w (from
 * due_window_effective), with a message whose times are written in zone
 * (NULL: UTC), e.g. "this assignment opens at 2026-03-29 01:30 CET
 * (UTC+01:00)". Returns 0, or -1 with err for an unknown zone. */
int due_window_place(const struct due_times *w, int64_t t, const char *zone, struct due_placement *out, char *err,
		     size_t n);

#endif
