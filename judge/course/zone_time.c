/* zone_time.c - UTC instants shown in, and read from, a named time zone.
 *
 * glibc reads zone rules only for the zone named by the TZ environment
 * variable: to use "Europe/Amsterdam" we set TZ, call tzset() and then
 * localtime_r(). TZ is process-wide, and the web server runs pages on many
 * threads, so every use of it here happens inside zone_enter()/zone_leave(),
 * under one mutex. That is the one piece of shared mutable state in
 * judge/course/, and the reason for it. (Parsing TZif files ourselves would
 * avoid it, but is far more code than a lock.)
 * TZ is left naming the last zone used: glibc reads a zone's file again
 * only when TZ changes, so calls for one course's zone read nothing. (Put
 * back after each call, it cost two file reads, about 35 µs, a sixth of a
 * scoreboard request.) The zones found valid are remembered too. So code
 * elsewhere must not call localtime_r() for the host's own time in a
 * process that uses these: nothing in the web process or the judge does
 * (`verdict submissions`, which does, uses none of them).
 * zone_time_prepare() puts TZ in the environment before threads start, so
 * that later calls only ever change its value (see zone_time.h).
 */
#include "zone_time.h"

#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ZONEINFO "/usr/share/zoneinfo"

static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;

/* Zones found valid (under tz_lock): their files are not opened again. */
#define KNOWN_ZONES 16
static char known[KNOWN_ZONES][128];
static int nknown;

static int zone_known(const char *zone)
{
	pthread_mutex_lock(&tz_lock);
	int found = 0;
	for (int i = 0; i < nknown && !found; i++)
		found = strcmp(known[i], zone) == 0;
	pthread_mutex_unlock(&tz_lock);
	return found;
}

static void zone_remember(const char *zone)
{
	pthread_mutex_lock(&tz_lock);
	if (nknown < KNOWN_ZONES)
		snprintf(known[nknown++], sizeof known[0], "%s", zone);
	pthread_mutex_unlock(&tz_lock);
}

int zone_time_check(const char *zone, char *err, size_t n)
{
	size_t len = strlen(zone);
	int ok = len > 0 && len < 128 && zone[0] != '/';
	for (size_t i = 0; ok && i < len; i++) {
		char c = zone[i];
		ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
		     c == '+' || c == '-' || c == '/' || (c == '.' && i > 0 && zone[i - 1] != '/');
	}
	if (!ok)
		return errf(err, n, "'%.60s' is not a time zone name (like Europe/Amsterdam)", zone);
	char path[256], magic[4];
	snprintf(path, sizeof path, ZONEINFO "/%s", zone);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t got = fd < 0 ? -1 : read(fd, magic, sizeof magic);
	if (fd >= 0)
		close(fd);
	if (got != (ssize_t)sizeof magic || memcmp(magic, "TZif", 4) != 0)
		return errf(err, n, "unknown time zone '%s' (not in " ZONEINFO ")", zone);
	zone_remember(zone);
	return 0;
}

void zone_time_prepare(void)
{
	pthread_mutex_lock(&tz_lock);
	if (!getenv("TZ"))
		setenv("TZ", ":/etc/localtime", 1);
	pthread_mutex_unlock(&tz_lock);
}

/* Takes the lock and points TZ at zone's file (if it is not already).
 * Returns 0 with the lock held, or -1 with err and no lock. */
static int zone_enter(const char *zone, char *err, size_t n)
{
	if (!zone_known(zone) && zone_time_check(zone, err, n) < 0)
		return -1;
	pthread_mutex_lock(&tz_lock);
	char value[160];
	snprintf(value, sizeof value, ":" ZONEINFO "/%s", zone);
	const char *now = getenv("TZ");
	if (now && strcmp(now, value) == 0)
		return 0; /* already this zone's, rules read */
	if (setenv("TZ", value, 1) < 0) {
		pthread_mutex_unlock(&tz_lock);
		return errf(err, n, "cannot set TZ: %s", strerror(errno));
	}
	tzset();
	return 0;
}

/* TZ stays the zone's (see the top). */
static void zone_leave(void)
{
	pthread_mutex_unlock(&tz_lock);
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* "+01:00" (and ":SS" for the odd historical offset). */
static void format_offset(long off, char *out, size_t n)
{
	char sign = off < 0 ? '-' : '+';
	int a = (int)((off < 0 ? -off : off) % 360000); /* offsets are under 26 h */
	if (a % 60)
		snprintf(out, n, "%c%02d:%02d:%02d", sign, a / 3600, a / 60 % 60, a % 60);
	else
		snprintf(out, n, "%c%02d:%02d", sign, a / 3600, a / 60 % 60);
}

/* Local time of t under the current TZ (lock held): the fields, offset and
 * abbreviation, copied (tm_zone points into glibc's zone data, which the
 * next tzset() frees). Returns 0 or -1. */
static int local_at(int64_t t, struct tm *tm, char *abbr, size_t n)
{
	time_t tt = (time_t)t;
	if (!localtime_r(&tt, tm) || tm->tm_year + 1900 > 9999 || tm->tm_year + 1900 < 0)
		return -1;
	if (abbr)
		snprintf(abbr, n, "%s", tm->tm_zone ? tm->tm_zone : "");
	return 0;
}

int zone_time_format(int64_t t, const char *zone, char *out, size_t outn, char *err, size_t n)
{
	char abbr[16], off[16];
	struct tm tm;
	if (zone_enter(zone ? zone : "UTC", err, n) < 0)
		return -1;
	int r = local_at(t, &tm, abbr, sizeof abbr);
	zone_leave();
	if (r < 0)
		return errf(err, n, "the time %lld is out of range", (long long)t);
	format_offset(tm.tm_gmtoff, off, sizeof off);
	snprintf(out, outn, "%04d-%02d-%02d %02d:%02d %s (UTC%s)", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		 tm.tm_hour, tm.tm_min, abbr, off);
	return 0;
}

/* Reads the fixed-width number text[at..at+len). Returns it, or -1. */
static int digits(const char *text, int at, int len)
{
	int v = 0;
	for (int i = at; i < at + len; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -1;
		v = v * 10 + (text[i] - '0');
	}
	return v;
}

/* The seconds "YYYY-MM-DD HH:MM" would be if the zone were UTC, or -1 with
 * err. */
static int parse_fields(const char *text, int64_t *wall, char *err, size_t n)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = -1, mo = -1, d = -1, h = -1, mi = -1;
	if (strlen(text) == 16 && text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':') {
		y = digits(text, 0, 4);
		mo = digits(text, 5, 2);
		d = digits(text, 8, 2);
		h = digits(text, 11, 2);
		mi = digits(text, 14, 2);
	}
	if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0)
		return errf(err, n, "'%.40s' is not a time written as YYYY-MM-DD HH:MM", text);
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || (mo == 2 && d == 29 && !leap) || h > 23 || mi > 59)
		return errf(err, n, "'%s' is not a date and time that exists", text);
	*wall = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
	return 0;
}

/* An offset can be at most 26 hours, so an instant whose local time is
 * `wall` lies within 27 hours of it. The offsets in force 27 hours before,
 * at, and 27 hours after `wall` (read as UTC) are therefore every offset
 * that can apply, as long as a zone changes its offset at most once in 27
 * hours (true of every zone; a whole skipped day, as Pacific/Apia in 2011,
 * is a gap like any other). Each gives one candidate; the candidates whose
 * own local time is `wall` are the answers. */
int zone_time_parse(const char *text, const char *zone, int64_t *out, char *err, size_t n)
{
	int64_t wall = 0;
	if (parse_fields(text, &wall, err, n) < 0)
		return -1;
	if (zone_enter(zone, err, n) < 0)
		return -1;
	long offs[3];
	int64_t best = INT64_MAX;
	int r = 0;
	for (int i = 0; i < 3 && r == 0; i++) {
		struct tm tm;
		r = local_at(wall + (i - 1) * 27 * 3600, &tm, NULL, 0);
		offs[i] = tm.tm_gmtoff;
	}
	for (int i = 0; i < 3 && r == 0; i++) {
		struct tm tm;
		int64_t t = wall - offs[i];
		r = local_at(t, &tm, NULL, 0);
		if (r == 0 && t + tm.tm_gmtoff == wall && t < best)
			best = t;
	}
	zone_leave();
	if (r < 0)
		return errf(err, n, "'%s' is out of range", text);
	if (best == INT64_MAX) {
		char before[16], after[16];
		format_offset(offs[0], before, sizeof before);
		format_offset(offs[2], after, sizeof after);
		return errf(err, n,
			    "%s does not exist in %s: the clocks jump past it (from UTC%s to UTC%s); choose a time "
			    "outside the gap",
			    text, zone, before, after);
	}
	*out = best;
	return 0;
}
