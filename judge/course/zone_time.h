/* zone_time.h - UTC instants shown in, and read from, a named time zone (IANA: "Europe/Amsterdam").
 *
 * Every instant is int64 seconds since the epoch, UTC. The zone rules come
 * from the system's tz database (/usr/share/zoneinfo, Debian's tzdata).
 * Nothing here reads the clock.
 */
#ifndef VERDICT_ZONE_TIME_H
#define VERDICT_ZONE_TIME_H

#include <stddef.h>
#include <stdint.h>

/* Call once at start-up, before any thread starts (verdict serve's main):
 * makes sure TZ is in the environment (":/etc/localtime", the same as
 * unset, when it was not). The functions below change TZ's value and leave
 * it naming the last zone used (zone_time.c says why); changing a value
 * never moves the environment, but adding a variable can, under a getenv()
 * on another thread. */
void zone_time_prepare(void);

/* Is zone a name in the tz database ("Europe/Amsterdam", "UTC")? Only
 * letters, digits and "_+-/" are allowed, no part may start with '.', and
 * the file must be a TZif file. Returns 0, or -1 with err ("unknown time
 * zone 'Mars/Olympus'"). */
int zone_time_check(const char *zone, char *err, size_t n);

/* Writes t as local time in zone, to the minute (seconds dropped, not
 * rounded), with the abbreviation and the offset written out:
 * "2026-03-29 01:30 CET (UTC+01:00)". A NULL zone means "UTC". Returns 0,
 * or -1 with err (unknown zone, a year past 9999). */
int zone_time_format(int64_t t, const char *zone, char *out, size_t outn, char *err, size_t n);

/* Reads text, exactly "YYYY-MM-DD HH:MM", as a local time in zone and
 * stores the UTC instant in *out. A local time that does not exist (the
 * hour skipped when clocks go forward) is refused with a message saying so;
 * a local time that exists twice (the hour repeated when clocks go back) is
 * the earlier of the two instants, so a deadline typed as "02:30" on that
 * night falls at the first 02:30. Returns 0, or -1 with err. */
int zone_time_parse(const char *text, const char *zone, int64_t *out, char *err, size_t n);

#endif
