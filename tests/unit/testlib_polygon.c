/* testlib_polygon: what a testlib checker's exit codes mean, and which
 * paths and test-path patterns a Polygon problem.xml may give. Prints TAP
 * lines. */
#include "polygon_xml.h"
#include "testlib_checker.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *name;
	int exit_code;
	const char *stderr_text;
	enum verdict want;
	double points;         /* -1: none */
	const char *message;   /* a part of the message */
} exits[] = {
	{ "0 is accepted", 0, "ok 3 numbers\n", VERDICT_AC, -1, "ok 3 numbers" },
	{ "1 is a wrong answer", 1, "wrong answer expected 3, found 4\n", VERDICT_WA, -1, "expected 3, found 4" },
	{ "2 (presentation error) is a wrong answer, said", 2, "wrong output format Unexpected end of file\n",
	  VERDICT_WA, -1, "presentation error" },
	{ "4 (dirt) is a presentation error", 4, "wrong output format Extra information\n", VERDICT_WA, -1,
	  "presentation error" },
	{ "8 (unexpected eof) is a presentation error", 8, "unexpected eof\n", VERDICT_WA, -1, "presentation error" },
	{ "3 (FAIL) is a judge error", 3, "FAIL jury answer is wrong\n", VERDICT_JE, -1, "FAIL" },
	{ "7 with points is accepted with them", 7, "points 0.5 half of it\n", VERDICT_AC, 0.5, "points 0.5" },
	{ "7 with integer points", 7, "points 40\n", VERDICT_AC, 40, "points 40" },
	{ "7 without points is a judge error", 7, "points\n", VERDICT_JE, -1, "without printing" },
	{ "7 with a word for points is a judge error", 7, "points many\n", VERDICT_JE, -1, "without printing" },
	{ "7 with negative points is a judge error", 7, "points -1\n", VERDICT_JE, -1, "without printing" },
	{ "7 with points 'nan' is a judge error", 7, "points nan\n", VERDICT_JE, -1, "without printing" },
	{ "7 with points 'inf' is a judge error", 7, "points inf\n", VERDICT_JE, -1, "without printing" },
	{ "7 with hexadecimal points is a judge error", 7, "points 0x10\n", VERDICT_JE, -1, "without printing" },
	{ "7 with an exponent is a judge error", 7, "points 1e3\n", VERDICT_JE, -1, "without printing" },
	{ "7 with '5.' is a judge error", 7, "points 5.\n", VERDICT_JE, -1, "without printing" },
	{ "7 with points past 10^6 is a judge error", 7, "points 1000001\n", VERDICT_JE, -1, "without printing" },
	{ "7 with 300 digits is a judge error", 7,
	  "points 9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
	  "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
	  "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999\n",
	  VERDICT_JE, -1, "without printing" },
	{ "7 with points 12.5 and a message", 7, "points 12.5 an eighth\n", VERDICT_AC, 12.5, "an eighth" },
	{ "an unknown code is a judge error", 5, "", VERDICT_JE, -1, "never does" },
	{ "only the first line is the message", 1, "wrong answer first\nsecond\n", VERDICT_WA, -1, "first" },
};

static const struct {
	const char *path;
	int ok;
} paths[] = {
	{ "tests/01", 1 },
	{ "files/testlib.h", 1 },
	{ "solutions/a+b_wa.cpp", 1 },
	{ "", 0 },
	{ "/etc/passwd", 0 },
	{ "../secret", 0 },
	{ "tests/../../x", 0 },
	{ "tests/..", 0 },
	{ "./tests/01", 0 },
	{ "tests//01", 0 },
	{ "tests/", 0 },
	{ "tests/01 2", 0 },
	{ "tests\\01", 0 },
	{ "tests/%02d", 0 },
	{ "tests/\t01", 0 },
};

static const struct {
	const char *pattern;
	int i;
	const char *want; /* NULL: refused */
} patterns[] = {
	{ "tests/%02d", 1, "tests/01" },
	{ "tests/%02d.a", 12, "tests/12.a" },
	{ "tests/%02d", 123, "tests/123" },
	{ "tests/%d", 7, "tests/7" },
	{ "tests/%03d.in", 5, "tests/005.in" },
	{ "tests/%s", 1, NULL },
	{ "tests/%n", 1, NULL },
	{ "tests/%02d%d", 1, NULL },
	{ "tests/%2d", 1, NULL },
	{ "tests/%099999d", 1, NULL },
	{ "tests/01", 1, NULL },
	{ "../%02d", 1, NULL },
	{ "/tmp/%02d", 1, NULL },
	{ "tests/%02d", 0, NULL },
};

int main(void)
{
	int failed = 0;
	for (size_t i = 0; i < sizeof exits / sizeof *exits; i++) {
		char msg[512];
		double points;
		enum verdict v = testlib_verdict("checker", exits[i].exit_code, exits[i].stderr_text, &points, msg, sizeof msg);
		int good = v == exits[i].want && points == exits[i].points && strstr(msg, exits[i].message) &&
			   !strchr(msg, '\n');
		printf("%s - testlib exit: %s", good ? "ok" : "not ok", exits[i].name);
		if (!good)
			printf(": got %s, points %g, '%s'", verdict_name(v), points, msg);
		putchar('\n');
		failed |= !good;
	}
	for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
		int good = polygon_path_ok(paths[i].path) == paths[i].ok;
		printf("%s - polygon path %s '%s'\n", good ? "ok" : "not ok", paths[i].ok ? "allowed:" : "refused:",
		       paths[i].path);
		failed |= !good;
	}
	for (size_t i = 0; i < sizeof patterns / sizeof *patterns; i++) {
		char out[POLYGON_PATH_MAX] = "";
		int rc = polygon_test_path(patterns[i].pattern, patterns[i].i, out, sizeof out);
		int good = patterns[i].want ? rc == 0 && !strcmp(out, patterns[i].want) : rc < 0;
		printf("%s - polygon pattern '%s' for test %d: %s\n", good ? "ok" : "not ok", patterns[i].pattern,
		       patterns[i].i, patterns[i].want ? patterns[i].want : "refused");
		failed |= !good;
	}
	return failed;
}
