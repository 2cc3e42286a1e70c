/* points.c - scores as whole hundredths. */
#include "points.h"

#include <math.h>
#include <stdio.h>

int64_t points_cents(double p)
{
	return (int64_t)llround(p * 100.0);
}

int64_t points_scale(int64_t a, int64_t num, int64_t den)
{
	int64_t x = a * num;
	int64_t q = ((x < 0 ? -x : x) + den / 2) / den;
	return x < 0 ? -q : q;
}

const char *points_format(int64_t cents, char *out, size_t n)
{
	int64_t a = cents < 0 ? -cents : cents;
	snprintf(out, n, "%s%lld.%02lld", cents < 0 ? "-" : "", (long long)(a / 100), (long long)(a % 100));
	return out;
}

const char *points_format_short(int64_t cents, char *out, size_t n)
{
	int64_t a = cents < 0 ? -cents : cents;
	const char *sign = cents < 0 ? "-" : "";
	if (a % 100 == 0)
		snprintf(out, n, "%s%lld", sign, (long long)(a / 100));
	else if (a % 10 == 0)
		snprintf(out, n, "%s%lld.%lld", sign, (long long)(a / 100), (long long)(a % 100 / 10));
	else
		snprintf(out, n, "%s%lld.%02lld", sign, (long long)(a / 100), (long long)(a % 100));
	return out;
}
