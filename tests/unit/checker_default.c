/* checker_default: the Kattis default output validator on a table of
 * answers and outputs, flag by flag. Prints TAP lines. */
#include "checker_default.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
	const char *name, *flags, *answer, *output;
	enum verdict want;
} cases[] = {
	{ "identical", "", "3\n", "3\n", VERDICT_AC },
	{ "whitespace is free by default", "", "1 2\n3\n", "  1\n\n2 3", VERDICT_AC },
	{ "missing trailing newline is fine", "", "42\n", "42", VERDICT_AC },
	{ "case is free by default", "", "Yes\n", "YES\n", VERDICT_AC },
	{ "case_sensitive", "case_sensitive", "Yes\n", "YES\n", VERDICT_WA },
	{ "case_sensitive, same case", "case_sensitive", "Yes\n", "Yes\n", VERDICT_AC },
	{ "wrong token", "", "3\n", "4\n", VERDICT_WA },
	{ "output ends early", "", "1 2\n", "1\n", VERDICT_WA },
	{ "trailing output", "", "1\n", "1 2\n", VERDICT_WA },
	{ "empty output for empty answer", "", "", "", VERDICT_AC },
	{ "empty output, answer not empty", "", "7\n", "", VERDICT_WA },
	{ "numbers are strings without a tolerance", "", "1.0\n", "1.00\n", VERDICT_WA },
	{ "float_tolerance: close enough", "float_tolerance 1e-6", "1.0\n", "1.0000005\n", VERDICT_AC },
	{ "float_tolerance: too far", "float_tolerance 1e-6", "1.0\n", "1.00001\n", VERDICT_WA },
	{ "float_tolerance: integers compared as numbers", "float_tolerance 1e-6", "3\n", "3.0000000001\n", VERDICT_AC },
	{ "float_tolerance: words still compared as words", "float_tolerance 1e-6", "impossible\n", "IMPOSSIBLE\n", VERDICT_AC },
	{ "float_tolerance: a word where a number is due", "float_tolerance 1e-6", "2.5\n", "two\n", VERDICT_WA },
	{ "absolute only: small values", "float_absolute_tolerance 0.01", "0.001\n", "0.009\n", VERDICT_AC },
	{ "absolute only: large values fail", "float_absolute_tolerance 0.01", "1000000\n", "1000000.5\n", VERDICT_WA },
	{ "relative only: large values pass", "float_relative_tolerance 1e-6", "1000000\n", "1000000.5\n", VERDICT_AC },
	{ "relative only: zero needs exactness", "float_relative_tolerance 1e-6", "0\n", "0.0000001\n", VERDICT_WA },
	{ "either tolerance suffices", "float_absolute_tolerance 1e-9 float_relative_tolerance 1e-3", "1000\n", "1000.5\n", VERDICT_AC },
	{ "exponent notation", "float_tolerance 1e-6", "0.000001\n", "1e-6\n", VERDICT_AC },
	{ "an answer 'inf' is a word, not a number", "float_tolerance 1e-6", "inf\n", "INF\n", VERDICT_AC },
	{ "an answer 'inf' is not matched by an overflowing number", "float_tolerance 1e-6", "inf\n", "1e999\n", VERDICT_WA },
	{ "a team 'inf' for a number is wrong", "float_tolerance 1e-6", "5\n", "inf\n", VERDICT_WA },
	{ "nan is never close", "float_tolerance 1e-6", "1\n", "nan\n", VERDICT_WA },
	{ "space_change_sensitive: same", "space_change_sensitive", "1 2\n3\n", "1 2\n3\n", VERDICT_AC },
	{ "space_change_sensitive: two spaces", "space_change_sensitive", "1 2\n", "1  2\n", VERDICT_WA },
	{ "space_change_sensitive: missing final newline", "space_change_sensitive", "1\n", "1", VERDICT_WA },
	{ "space_change_sensitive: newline for space", "space_change_sensitive", "1 2\n", "1\n2\n", VERDICT_WA },
	{ "space_change_sensitive keeps case free", "space_change_sensitive", "yes\n", "YES\n", VERDICT_AC },
	{ "long tokens", "", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\n",
	  "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyZ", VERDICT_AC },
	{ "carriage returns are whitespace", "", "1 2\n", "1 2\r\n", VERDICT_AC },
	{ "NUL bytes do not end a token early", "", "ab\n", "a", VERDICT_WA },
};

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

int main(void)
{
	char dir[] = "/tmp/verdict-checker-XXXXXX", ans[64], out[64], msg[512], err[256];
	if (!mkdtemp(dir)) {
		printf("not ok - checker_default: cannot make a temp dir\n");
		return 1;
	}
	snprintf(ans, sizeof ans, "%s/ans", dir);
	snprintf(out, sizeof out, "%s/out", dir);
	int failed = 0;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct checker_flags f;
		checker_flags_defaults(&f);
		if (checker_flags_parse(cases[i].flags, &f, err, sizeof err) < 0) {
			printf("not ok - checker: %s: flags refused: %s\n", cases[i].name, err);
			failed = 1;
			continue;
		}
		write_text(ans, cases[i].answer);
		write_text(out, cases[i].output);
		enum verdict v = checker_default(ans, out, &f, msg, sizeof msg);
		if (v == cases[i].want) {
			printf("ok - checker: %s -> %s%s%s\n", cases[i].name, verdict_name(v), *msg ? " # " : "", msg);
		} else {
			printf("not ok - checker: %s: got %s (%s), want %s\n", cases[i].name, verdict_name(v), msg,
			       verdict_name(cases[i].want));
			failed = 1;
		}
	}
	/* A NUL inside the program's output is part of its token, not its end. */
	FILE *o = fopen(out, "w");
	fwrite("a\0b", 1, 3, o);
	fclose(o);
	write_text(ans, "a\n");
	struct checker_flags f;
	checker_flags_defaults(&f);
	enum verdict v = checker_default(ans, out, &f, msg, sizeof msg);
	printf("%s - checker: a NUL byte cannot hide the rest of a token (%s)\n", v == VERDICT_WA ? "ok" : "not ok",
	       verdict_name(v));
	failed |= v != VERDICT_WA;

	static const char *const bad_flags[] = { "float_tolerance", "float_tolerance -1", "float_tolerance abc",
						 "case_insensitive", "float_relative_tolerance nan" };
	for (size_t i = 0; i < sizeof bad_flags / sizeof *bad_flags; i++) {
		checker_flags_defaults(&f);
		int rc = checker_flags_parse(bad_flags[i], &f, err, sizeof err);
		printf("%s - checker: flags '%s' refused (%s)\n", rc < 0 ? "ok" : "not ok", bad_flags[i], rc < 0 ? err : "accepted");
		failed |= rc == 0;
	}
	checker_flags_defaults(&f);
	v = checker_default("/nonexistent/answer", out, &f, msg, sizeof msg);
	printf("%s - checker: a missing answer file is a judge error (%s)\n", v == VERDICT_JE ? "ok" : "not ok", msg);
	failed |= v != VERDICT_JE;
	unlink(ans);
	unlink(out);
	rmdir(dir);
	return failed;
}
