/* course_check.h - the TAP line and failure count shared by the tests of judge/course/. */
#ifndef VERDICT_COURSE_CHECK_H
#define VERDICT_COURSE_CHECK_H

#include <stdio.h>

static int failed;

/* Prints "ok - AREA: what" or "not ok - AREA: what: detail" and remembers a
 * failure for main's exit status. */
static void check(int ok, const char *area, const char *what, const char *detail)
{
	printf("%s - %s: %s%s%s\n", ok ? "ok" : "not ok", area, what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

#endif
