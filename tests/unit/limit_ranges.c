/* limit_ranges: the one table of limit ranges (judge/core/limit.c): the edges of
 * each problem limit are in, one step past them is out, whole numbers are
 * enforced where they must be, text that is not a number and NaN are
 * refused, and the messages say the range. Prints TAP lines. */
#include "limit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - limit: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

int main(void)
{
	char err[256] = "";
	double v = 0;
	check(limit_check(LIMIT_TIME, 0.1, err, sizeof err) == 0 && limit_check(LIMIT_TIME, 60, err, sizeof err) == 0,
	      "0.1 and 60 s are time limits", err);
	check(limit_check(LIMIT_TIME, 60.01, err, sizeof err) < 0 && strstr(err, "0.1 to 60 s") && strstr(err, "60.01"),
	      "60.01 s is not, and the message gives the range and the value", err);
	check(limit_check(LIMIT_TIME, 3600, err, sizeof err) < 0, "an hour is not (packages could ask for it)", err);
	check(limit_check(LIMIT_TIME, NAN, err, sizeof err) < 0, "NaN is not", err);
	check(limit_check(LIMIT_MEMORY, 16, err, sizeof err) == 0 && limit_check(LIMIT_MEMORY, 4096, err, sizeof err) == 0,
	      "16 and 4096 MB are memory limits", err);
	check(limit_check(LIMIT_MEMORY, 15, err, sizeof err) < 0 && strstr(err, "16 to 4096 MB"), "15 MB is not", err);
	check(limit_check(LIMIT_MEMORY, 1 << 20, err, sizeof err) < 0, "1 TiB is not (packages could ask for it)", err);
	check(limit_check(LIMIT_MEMORY, 64.5, err, sizeof err) < 0 && strstr(err, "whole number"),
	      "64.5 MB is not: memory is whole MB", err);
	check(limit_check(LIMIT_OUTPUT, 1024, err, sizeof err) == 0 && limit_check(LIMIT_OUTPUT, 1025, err, sizeof err) < 0,
	      "1024 MB of output is the most", err);
	check(limit_parse(LIMIT_TIME, " 2.5\n", &v, err, sizeof err) == 0 && v == 2.5, "' 2.5\\n' parses as 2.5 s", err);
	check(limit_parse(LIMIT_TIME, "fast", &v, err, sizeof err) < 0 && strstr(err, "a number, not 'fast'"),
	      "'fast' is not a number", err);
	check(limit_parse(LIMIT_TIME, "2s", &v, err, sizeof err) < 0, "'2s' is not a number either", err);
	check(limit_parse(LIMIT_TIME, "inf", &v, err, sizeof err) < 0, "'inf' is refused", err);
	check(limit_parse(LIMIT_BOX_PIDS, "1048576", &v, err, sizeof err) == 0 &&
		      limit_parse(LIMIT_BOX_PIDS, "1048577", &v, err, sizeof err) < 0,
	      "a box's process count ends at 1048576", err);
	check(limit_check(LIMIT_BOX_TIME, 86400, err, sizeof err) == 0 && limit_check(LIMIT_BOX_TIME, 0, err, sizeof err) < 0,
	      "a box's time is up to a day, and more than 0", err);
	char range[64];
	check(strcmp(limit_range_text(LIMIT_MEMORY, range, sizeof range), "16 to 4096 MB") == 0,
	      "the range as text is what the settings page shows", range);
	return failed;
}
