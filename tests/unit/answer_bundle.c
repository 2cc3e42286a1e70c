/* answer_bundle: a submit-answer submission's answer files as one text
 * (judge/judging/answer_bundle.c). Names are checked; a bundle written by
 * answer_bundle_add unpacks to the same files; the judge writes only the
 * answers to the problem's own tests, and refuses malformed text (lengths
 * that lie, a missing header) rather than writing anything outside its
 * directory. Prints TAP lines. */
#include "answer_bundle.h"
#include "fsutil.h"
#include "package.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - answer_bundle: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

static int file_is(const char *dir, const char *name, const char *want)
{
	char path[512], buf[256];
	int cut;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	ssize_t got = read_prefix(path, buf, sizeof buf, &cut);
	return want ? got >= 0 && strcmp(buf, want) == 0 : got < 0;
}

/* A fresh directory for one unpacking. */
static void fresh(char *dir, size_t n, const char *root, int i)
{
	snprintf(dir, n, "%s/u%d", root, i);
	mkdir(dir, 0700);
}

int main(void)
{
	char err[256] = "", root[] = "/tmp/answer_bundle-XXXXXX", dir[256];
	if (!mkdtemp(root)) {
		puts("not ok - answer_bundle: cannot make a scratch directory");
		return 1;
	}
	check(answer_name_ok("secret/01.out") && answer_name_ok("sample/1.out") && answer_name_ok("a-b_c.d.out"),
	      "test-like names are answer names", "");
	check(!answer_name_ok("../x.out") && !answer_name_ok("secret/../../x.out") && !answer_name_ok("/etc/x.out") &&
		      !answer_name_ok("secret//01.out") && !answer_name_ok(".hidden.out") && !answer_name_ok("01.ans") &&
		      !answer_name_ok("a b.out") && !answer_name_ok(".out"),
	      "'..', absolute, empty or hidden components, spaces and other endings are not", "");

	struct test_case tests[3] = { { .name = "sample/1" }, { .name = "secret/01" }, { .name = "secret/g1/01" } };
	struct package p = { .tests = tests, .ntests = 3 };
	struct answer_bundle b = { 0 };
	int rc = answer_bundle_add(&b, "secret/01.out", "2\n", 2, err, sizeof err);
	rc |= answer_bundle_add(&b, "secret/g1/01.out", "x\n== fake 3\n", 12, err, sizeof err);
	rc |= answer_bundle_add(&b, "secret/99.out", "9\n", 2, err, sizeof err);
	check(rc == 0 && b.files == 3, "three files added", err);
	check(answer_bundle_add(&b, "../x.out", "1", 1, err, sizeof err) < 0 && strstr(err, "not an answer file's name"),
	      "a bad name is refused, saying so", err);
	check(answer_bundle_add(&b, "secret/02.out", "a\0b", 3, err, sizeof err) < 0 && strstr(err, "NUL"),
	      "a binary answer is refused", err);
	static char big[130 * 1024];
	memset(big, 'x', sizeof big);
	check(answer_bundle_add(&b, "secret/03.out", big, sizeof big, err, sizeof err) < 0 && strstr(err, "KiB"),
	      "answers past the source limit are refused", err);

	fresh(dir, sizeof dir, root, 1);
	rc = answer_bundle_unpack(b.text, b.len, &p, dir, err, sizeof err);
	check(rc == 0 && file_is(dir, "secret/01.out", "2\n") && file_is(dir, "secret/g1/01.out", "x\n== fake 3\n"),
	      "unpacked: the answers to the problem's tests, as written (a line like a header inside one too)", err);
	check(file_is(dir, "secret/99.out", NULL), "an answer to no test of the problem is not written", "");

	fresh(dir, sizeof dir, root, 2);
	char text[256];
	snprintf(text, sizeof text, "verdict-answers 1\n== secret/01.out 50\n2\n");
	check(answer_bundle_unpack(text, strlen(text), &p, dir, err, sizeof err) < 0 && strstr(err, "malformed"),
	      "a length past the end is refused", err);
	snprintf(text, sizeof text, "verdict-answers 1\n== secret/01.out 1\n22\n");
	check(answer_bundle_unpack(text, strlen(text), &p, dir, err, sizeof err) < 0, "a length that lies is refused",
	      err);
	snprintf(text, sizeof text, "== secret/01.out 1\n2\n");
	check(answer_bundle_unpack(text, strlen(text), &p, dir, err, sizeof err) < 0 && strstr(err, "do not start"),
	      "no header: refused", err);
	snprintf(text, sizeof text, "verdict-answers 1\n== ../../secret/01.out 1\n2\n");
	check(answer_bundle_unpack(text, strlen(text), &p, dir, err, sizeof err) == 0 &&
		      file_is(root, "secret/01.out", NULL),
	      "a name leading out is ignored, nothing written outside", err);
	snprintf(text, sizeof text, "verdict-answers 1\n== secret/01.out 1\n2\n== secret/01.out 1\n3\n");
	check(answer_bundle_unpack(text, strlen(text), &p, dir, err, sizeof err) < 0, "the same answer twice is refused",
	      err);
	answer_bundle_free(&b);
	remove_tree(root);
	return failed;
}
