/* course_deadline: time zones (judge/course/zone_time.c) and an assignment's
 * window (judge/course/due_window.c): local times across the DST changes of
 * Europe/Amsterdam and America/New_York, a skipped local time refused, a
 * repeated one read as the earlier instant, the boundaries of the window,
 * extensions overriding it, and lateness counted in real hours across DST.
 * Expected instants come from glibc's timegm (UTC, no zone rules) and the
 * 2026 EU and US DST dates. Prints TAP lines. */
#include "course_check.h"
#include "due_window.h"
#include "zone_time.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define AREA "deadline"

static int64_t utc(int y, int mo, int d, int h, int mi)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi };
	return (int64_t)timegm(&tm);
}

/* Each row: a UTC instant (year, month, day, hour, minute, plus seconds),
 * a zone and what zone_time_format must write. */
static const struct format_case {
	int y, mo, d, h, mi, plus;
	const char *zone, *want, *what;
} format_cases[] = {
	{ 2026, 3, 29, 0, 30, 0, "Europe/Amsterdam", "2026-03-29 01:30 CET (UTC+01:00)",
	  "00:30 UTC on 29 March 2026 is 01:30 CET in Amsterdam" },
	{ 2026, 3, 29, 1, 30, 0, "Europe/Amsterdam", "2026-03-29 03:30 CEST (UTC+02:00)",
	  "an hour later it is 03:30 CEST: the clocks went forward at 01:00 UTC" },
	{ 2026, 10, 25, 0, 30, 0, "Europe/Amsterdam", "2026-10-25 02:30 CEST (UTC+02:00)",
	  "00:30 UTC on 25 October is the first 02:30 (CEST)" },
	{ 2026, 10, 25, 1, 30, 0, "Europe/Amsterdam", "2026-10-25 02:30 CET (UTC+01:00)",
	  "01:30 UTC is the second 02:30 (CET)" },
	{ 2026, 7, 1, 16, 0, 0, "America/New_York", "2026-07-01 12:00 EDT (UTC-04:00)", "a negative offset is written out" },
	{ 2026, 1, 1, 0, 0, 0, "Asia/Kolkata", "2026-01-01 05:30 IST (UTC+05:30)", "a half-hour offset is written out" },
	{ 2026, 3, 29, 0, 30, 59, NULL, "2026-03-29 00:30 UTC (UTC+00:00)",
	  "no zone is UTC, and seconds are dropped, not rounded" },
};

/* Each row: local text in a zone and the UTC instant zone_time_parse must give. */
static const struct parse_case {
	const char *text, *zone;
	int y, mo, d, h, mi;
	const char *what;
} parse_cases[] = {
	{ "2026-03-29 01:59", "Europe/Amsterdam", 2026, 3, 29, 0, 59, "01:59 CET, just before the gap" },
	{ "2026-03-29 03:00", "Europe/Amsterdam", 2026, 3, 29, 1, 0, "03:00 CEST, just after it" },
	{ "2026-10-25 02:30", "Europe/Amsterdam", 2026, 10, 25, 0, 30,
	  "02:30 on 25 October happens twice: the earlier (CEST) is taken" },
	{ "2026-10-25 03:00", "Europe/Amsterdam", 2026, 10, 25, 2, 0, "03:00 after the change is CET" },
	{ "2026-11-01 01:30", "America/New_York", 2026, 11, 1, 5, 30,
	  "01:30 on 1 November happens twice in New York: EDT, the earlier, is taken" },
	{ "2026-12-31 23:59", "Asia/Kolkata", 2026, 12, 31, 18, 29, "a half-hour zone" },
	{ "2028-02-29 12:00", "UTC", 2028, 2, 29, 12, 0, "29 February of a leap year" },
};

static void zone_tables(void)
{
	char out[96], err[256], detail[320];
	for (size_t i = 0; i < sizeof format_cases / sizeof format_cases[0]; i++) {
		const struct format_case *c = &format_cases[i];
		int64_t t = utc(c->y, c->mo, c->d, c->h, c->mi) + c->plus;
		int r = zone_time_format(t, c->zone, out, sizeof out, err, sizeof err);
		check(r == 0 && strcmp(out, c->want) == 0, AREA, c->what, r == 0 ? out : err);
	}
	for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
		const struct parse_case *c = &parse_cases[i];
		int64_t t = 0, want = utc(c->y, c->mo, c->d, c->h, c->mi);
		err[0] = 0;
		int r = zone_time_parse(c->text, c->zone, &t, err, sizeof err);
		snprintf(detail, sizeof detail, "got %lld, want %lld; %s", (long long)t, (long long)want, err);
		check(r == 0 && t == want, AREA, c->what, detail);
	}
}

static void zones(void)
{
	char err[256] = "", out[96];
	int64_t t;
	int r = zone_time_parse("2026-03-29 02:30", "Europe/Amsterdam", &t, err, sizeof err);
	check(r < 0 && strstr(err, "does not exist in Europe/Amsterdam") && strstr(err, "UTC+01:00 to UTC+02:00"), AREA,
	      "02:30 on 29 March 2026 does not exist in Amsterdam, and the message says so", err);
	r = zone_time_parse("2026-03-08 02:15", "America/New_York", &t, err, sizeof err);
	check(r < 0 && strstr(err, "does not exist"), AREA, "02:15 on 8 March 2026 does not exist in New York", err);
	check(zone_time_parse("2026-02-29 12:00", "UTC", &t, err, sizeof err) < 0 && strstr(err, "exists"), AREA,
	      "29 February 2026 is refused", err);
	check(zone_time_parse("2026-3-29 12:00", "UTC", &t, err, sizeof err) < 0 && strstr(err, "YYYY-MM-DD HH:MM"),
	      AREA, "a date not in the form is refused, naming the form", err);
	check(zone_time_parse("2026-03-29 24:00", "UTC", &t, err, sizeof err) < 0, AREA, "24:00 is refused", err);
	check(zone_time_format(0, "Mars/Olympus", out, sizeof out, err, sizeof err) < 0 &&
		      strstr(err, "unknown time zone 'Mars/Olympus'"),
	      AREA, "an unknown zone is refused (glibc would quietly use UTC)", err);
	check(zone_time_check("../../../etc/passwd", err, sizeof err) < 0 &&
		      zone_time_check("/etc/localtime", err, sizeof err) < 0 &&
		      zone_time_check("Europe/../../../etc/passwd", err, sizeof err) < 0,
	      AREA, "a zone name cannot climb out of the zone database", err);
	check(zone_time_check("America/Argentina/Buenos_Aires", err, sizeof err) == 0 &&
		      zone_time_check("Etc/GMT+5", err, sizeof err) == 0,
	      AREA, "deeper names and Etc/GMT+5 are zones", err);
}

static void place_is(const struct due_times *w, int64_t t, enum due_class cls, int64_t late, const char *what)
{
	struct due_placement p;
	char err[256] = "", detail[1024];
	int r = due_window_place(w, t, "UTC", &p, err, sizeof err);
	snprintf(detail, sizeof detail, "class %d late %lld (%s) %s", r == 0 ? (int)p.cls : -1,
		 (long long)p.late_seconds, p.message, err);
	check(r == 0 && p.cls == cls && p.late_seconds == late, AREA, what, detail);
}

static void window(void)
{
	const int64_t day = 86400, opens = utc(2026, 3, 1, 9, 0), due = utc(2026, 3, 15, 23, 59);
	struct due_times a = { opens, due, due + 3 * day }, w;
	struct due_extension ext;
	struct due_placement p;
	char err[256] = "";

	check(due_window_effective(&a, NULL, &w, err, sizeof err) == 0 && w.due == due && w.late_until == due + 3 * day,
	      AREA, "without an extension the window is the assignment's", err);
	place_is(&w, opens - 1, DUE_EARLY, 0, "a second before it opens is early");
	place_is(&w, opens, DUE_ON_TIME, 0, "the second it opens is on time");
	place_is(&w, due, DUE_ON_TIME, 0, "the due second itself is on time");
	place_is(&w, due + 1, DUE_LATE, 1, "a second after the due time is late by 1 s");
	place_is(&w, due + 3 * day, DUE_LATE, 3 * day, "the last second of the late window is late");
	place_is(&w, due + 3 * day + 1, DUE_CLOSED, 0, "after the late window it is closed");

	struct due_times no_late = { DUE_NONE, due, DUE_NONE };
	check(due_window_effective(&no_late, NULL, &w, err, sizeof err) == 0, AREA, "opens and late_until may be unset",
	      err);
	place_is(&w, INT64_MIN + 1, DUE_ON_TIME, 0, "without opens, any time before the due is on time");
	place_is(&w, due + 1, DUE_CLOSED, 0, "without late_until it closes at the due time");

	ext = (struct due_extension){ due + 2 * day, DUE_NONE };
	due_window_effective(&a, &ext, &w, err, sizeof err);
	check(w.due == due + 2 * day && w.late_until == due + 3 * day, AREA,
	      "an extension of the due keeps the assignment's late_until", err);
	place_is(&w, due + 2 * day, DUE_ON_TIME, 0, "with a 2-day extension, 2 days after the due is on time");
	place_is(&w, due + 2 * day + 7200, DUE_LATE, 7200, "and lateness counts from the extended due");

	ext = (struct due_extension){ due + 5 * day, DUE_NONE };
	due_window_effective(&a, &ext, &w, err, sizeof err);
	check(w.due == due + 5 * day && w.late_until == due + 5 * day, AREA,
	      "an extension past late_until leaves no late window", err);
	place_is(&w, due + 5 * day + 1, DUE_CLOSED, 0, "so a second after the extended due is closed");

	ext = (struct due_extension){ due + 5 * day, due + 6 * day };
	due_window_effective(&a, &ext, &w, err, sizeof err);
	place_is(&w, due + 5 * day + 100, DUE_LATE, 100, "an extension's own late_until gives a late window");
	check(due_window_closes(&w) == due + 6 * day, AREA, "and the window closes at it", "");

	ext = (struct due_extension){ DUE_NONE, due + 10 * day };
	due_window_effective(&a, &ext, &w, err, sizeof err);
	check(w.due == due && w.late_until == due + 10 * day, AREA, "an extension of late_until alone keeps the due",
	      err);

	struct due_times bad = { due + 1, due, DUE_NONE };
	check(due_window_effective(&bad, NULL, &w, err, sizeof err) < 0, AREA, "a due before the opening is refused",
	      err);
	ext = (struct due_extension){ due + 5 * day, due + 4 * day };
	check(due_window_effective(&a, &ext, &w, err, sizeof err) < 0 && strstr(err, "extension"), AREA,
	      "an extension whose late_until is before its due is refused", err);

	/* Messages in the student's zone. */
	struct due_times ams = { utc(2026, 3, 29, 0, 30), utc(2026, 4, 5, 10, 0), utc(2026, 4, 8, 10, 0) };
	due_window_place(&ams, ams.opens - 60, "Europe/Amsterdam", &p, err, sizeof err);
	check(strcmp(p.message, "this assignment opens at 2026-03-29 01:30 CET (UTC+01:00)") == 0, AREA,
	      "an early submission is told when it opens, in the zone", p.message);
	due_window_place(&ams, ams.late_until + 1, "Europe/Amsterdam", &p, err, sizeof err);
	check(strcmp(p.message, "this assignment closed at 2026-04-08 12:00 CEST (UTC+02:00)") == 0, AREA,
	      "a closed one is told when it closed", p.message);
	due_window_place(&ams, ams.due + day + 2 * 3600 + 5 * 60 + 7, "Europe/Amsterdam", &p, err, sizeof err);
	check(p.cls == DUE_LATE && strcmp(p.message, "late by 1 day 2 h 5 min (due 2026-04-05 12:00 CEST (UTC+02:00))") == 0,
	      AREA, "a late one is told by how much", p.message);
	check(due_window_place(&ams, 0, "Nowhere/Land", &p, err, sizeof err) < 0, AREA, "an unknown zone is an error",
	      err);
}

/* A due typed in Amsterdam the day before a DST change: lateness is real
 * time, so the local clock says 24 h later while 23 (or 25) have passed. */
static void across_dst(void)
{
	int64_t due, t;
	char err[256] = "";
	struct due_times w;
	struct due_placement p;
	zone_time_parse("2026-03-28 12:00", "Europe/Amsterdam", &due, err, sizeof err);
	w = (struct due_times){ DUE_NONE, due, due + 7 * 86400 };
	zone_time_parse("2026-03-29 12:00", "Europe/Amsterdam", &t, err, sizeof err);
	due_window_place(&w, t, "Europe/Amsterdam", &p, err, sizeof err);
	check(due == utc(2026, 3, 28, 11, 0) && p.late_seconds == 23 * 3600 && strstr(p.message, "late by 23 h (due"),
	      AREA, "12:00 to 12:00 across the spring change is 23 hours late", p.message);
	zone_time_parse("2026-10-24 12:00", "Europe/Amsterdam", &due, err, sizeof err);
	w = (struct due_times){ DUE_NONE, due, due + 7 * 86400 };
	zone_time_parse("2026-10-25 12:00", "Europe/Amsterdam", &t, err, sizeof err);
	due_window_place(&w, t, "Europe/Amsterdam", &p, err, sizeof err);
	check(p.late_seconds == 25 * 3600, AREA, "and across the autumn change 25 hours", p.message);
	zone_time_parse("2026-03-07 23:00", "America/New_York", &due, err, sizeof err);
	zone_time_parse("2026-03-08 23:00", "America/New_York", &t, err, sizeof err);
	check(t - due == 23 * 3600 && due == utc(2026, 3, 8, 4, 0), AREA, "New York's spring day has 23 hours too",
	      err);
}

/* Four threads, each in its own zone, formatting the same instant: the
 * lock must keep each from seeing another's TZ. */
static const char *const thread_zones[4][2] = {
	{ "Europe/Amsterdam", "2026-03-29 03:30 CEST (UTC+02:00)" },
	{ "America/New_York", "2026-03-28 21:30 EDT (UTC-04:00)" },
	{ "Asia/Kolkata", "2026-03-29 07:00 IST (UTC+05:30)" },
	{ "UTC", "2026-03-29 01:30 UTC (UTC+00:00)" },
};

static void *format_many(void *arg)
{
	const char *const *z = arg;
	char out[96], err[128];
	long wrong = 0;
	for (int i = 0; i < 500; i++)
		wrong += zone_time_format(utc(2026, 3, 29, 1, 30), z[0], out, sizeof out, err, sizeof err) < 0 ||
			 strcmp(out, z[1]) != 0;
	return (void *)wrong;
}

static void threads(void)
{
	pthread_t t[4];
	long wrong = 0;
	zone_time_prepare();
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, format_many, (void *)thread_zones[i]);
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		wrong += (long)r;
	}
	char detail[64];
	snprintf(detail, sizeof detail, "%ld of 2000 wrong", wrong);
	check(wrong == 0, AREA, "four threads in four zones at once each get their own zone", detail);
	check(getenv("TZ") && strncmp(getenv("TZ"), ":/usr/share/zoneinfo/", 21) == 0, AREA,
	      "and TZ is left naming the last zone used (no zone file read again for the next call in it)",
	      getenv("TZ") ? getenv("TZ") : "unset");
}

int main(void)
{
	unsetenv("TZ");
	threads();
	zone_tables();
	zones();
	window();
	across_dst();
	return failed;
}
