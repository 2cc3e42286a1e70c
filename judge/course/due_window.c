/* due_window.c - an assignment's times for one student and where a submission time falls in them. */
#include "due_window.h"

#include "util.h"
#include "zone_time.h"

#include <stdio.h>

int due_window_effective(const struct due_times *a, const struct due_extension *ext, struct due_times *out,
			 char *err, size_t n)
{
	struct due_times w = *a;
	if (w.due == DUE_NONE)
		return errf(err, n, "an assignment needs a due time");
	if (a->late_until != DUE_NONE && a->late_until < a->due)
		return errf(err, n, "the late window ends before the due time");
	if (ext && ext->due != DUE_NONE) {
		w.due = ext->due;
		if (w.late_until != DUE_NONE && w.late_until < w.due)
			w.late_until = w.due; /* past the course-wide close: no late window */
	}
	if (ext && ext->late_until != DUE_NONE)
		w.late_until = ext->late_until;
	if (w.opens != DUE_NONE && w.opens > w.due)
		return errf(err, n, "the due time is before the assignment opens");
	if (w.late_until != DUE_NONE && w.late_until < w.due)
		return errf(err, n, "the extension's late window ends before its due time");
	*out = w;
	return 0;
}

int64_t due_window_closes(const struct due_times *w)
{
	return w->late_until != DUE_NONE ? w->late_until : w->due;
}

/* "1 day 2 h 5 min", "3 h", "40 s": how long s seconds is, for people. */
void due_window_duration(int64_t s, char *out, size_t n)
{
	int64_t d = s / 86400, h = s / 3600 % 24, m = s / 60 % 60;
	int len = 0;
	out[0] = 0;
	if (d)
		len += snprintf(out + len, n - (size_t)len, "%lld day%s", (long long)d, d == 1 ? "" : "s");
	if (h && (size_t)len < n)
		len += snprintf(out + len, n - (size_t)len, "%s%lld h", len ? " " : "", (long long)h);
	if (m && (size_t)len < n)
		len += snprintf(out + len, n - (size_t)len, "%s%lld min", len ? " " : "", (long long)m);
	if (len == 0)
		snprintf(out, n, "%lld s", (long long)s);
}

int due_window_place(const struct due_times *w, int64_t t, const char *zone, struct due_placement *out, char *err,
		     size_t n)
{
	char when[96], late[64];
	int64_t closes = due_window_closes(w);
	out->late_seconds = 0;
	if (w->opens != DUE_NONE && t < w->opens) {
		out->cls = DUE_EARLY;
		if (zone_time_format(w->opens, zone, when, sizeof when, err, n) < 0)
			return -1;
		snprintf(out->message, sizeof out->message, "this assignment opens at %s", when);
	} else if (t > closes) {
		out->cls = DUE_CLOSED;
		if (zone_time_format(closes, zone, when, sizeof when, err, n) < 0)
			return -1;
		snprintf(out->message, sizeof out->message, "this assignment closed at %s", when);
	} else if (t > w->due) {
		out->cls = DUE_LATE;
		out->late_seconds = t - w->due;
		if (zone_time_format(w->due, zone, when, sizeof when, err, n) < 0)
			return -1;
		due_window_duration(out->late_seconds, late, sizeof late);
		snprintf(out->message, sizeof out->message, "late by %s (due %s)", late, when);
	} else {
		out->cls = DUE_ON_TIME;
		if (zone_time_format(w->due, zone, when, sizeof when, err, n) < 0)
			return -1;
		snprintf(out->message, sizeof out->message, "on time (due %s)", when);
	}
	return 0;
}
