/* points.h - scores as whole hundredths, so that sums, penalties and ties are exact. */
#ifndef VERDICT_POINTS_H
#define VERDICT_POINTS_H

#include <stddef.h>
#include <stdint.h>

/* p in hundredths, rounded half away from zero (of the double as given:
 * 0.125 is 13, while 1.005, stored as 1.00499..., is 100). */
int64_t points_cents(double p);

/* a × num / den rounded half away from zero; den > 0, and a × num must fit
 * in 64 bits (points of up to 10^14 with num up to 10^4 do). */
int64_t points_scale(int64_t a, int64_t num, int64_t den);

/* "80.00": cents with two decimals. Returns out. */
const char *points_format(int64_t cents, char *out, size_t n);

/* "100", "37.5", "2.25": cents with no trailing zeros (for a maximum or a
 * percentage). Returns out. */
const char *points_format_short(int64_t cents, char *out, size_t n);

#endif
