/* testlib_checker.c - checkers written with testlib (the Codeforces/Polygon convention): how they are run and what their exit codes mean.
 *
 * testlib (github.com/MikeMirzayanov/testlib, MIT) is the library Polygon
 * and Codeforces checkers are written with. A checker is started as
 * `checker input output answer` and says what it found by its exit code
 * (testlib.h resultExitCode, built without EJUDGE, CONTESTER or TESTSYS:
 * the defaults every Polygon package uses) and by one line on stderr, the
 * result's name then the checker's message ("wrong answer expected 3,
 * found 4"). Verdict runs it in the sandbox exactly as a Kattis validator
 * (same limits, same isolation), only with that command line, and reads
 * what it printed only as a regular file, only its first bytes.
 *
 * Presentation error: Codeforces judges it as a wrong answer (it has no
 * such verdict), and so does the Kattis format; Verdict does the same and
 * says "presentation error" in the message.
 */
#include "testlib_checker.h"
#include "fsutil.h"
#include "sandbox.h"
#include "util.h"
#include "validator.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SOURCE_SCAN_BYTES (1 << 20)

/* testlib's default exit codes (testlib.h: OK_EXIT_CODE ... POINTS_EXIT_CODE). */
enum { TL_OK = 0, TL_WA = 1, TL_PE = 2, TL_FAIL = 3, TL_DIRT = 4, TL_POINTS = 7, TL_UNEXPECTED_EOF = 8 };

/* Does the regular file dir/name hold needle in its first bytes? */
static int file_mentions(int dir, const char *name, const char *needle)
{
	int fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return 0;
	char *buf = malloc(SOURCE_SCAN_BYTES + 1);
	struct stat st;
	ssize_t len = buf && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, buf, SOURCE_SCAN_BYTES) : -1;
	close(fd);
	int found = 0;
	if (len > 0) {
		buf[len] = 0;
		/* (a NUL in the file ends the search early: sources have none) */
		found = strstr(buf, needle) != NULL;
	}
	free(buf);
	return found;
}

enum validator_protocol testlib_protocol_of(const char *src)
{
	DIR *d = opendir(src);
	if (!d)
		return PROTOCOL_KATTIS;
	enum validator_protocol protocol = PROTOCOL_KATTIS;
	struct dirent *e;
	while (protocol == PROTOCOL_KATTIS && (e = readdir(d))) {
		const char *name = e->d_name;
		if (!ends_with(name, ".cpp") && !ends_with(name, ".cc") && !ends_with(name, ".cxx"))
			continue;
		if (file_mentions(dirfd(d), name, "registerTestlibCmd"))
			protocol = PROTOCOL_TESTLIB;
		else if (file_mentions(dirfd(d), name, "registerInteraction"))
			protocol = PROTOCOL_TESTLIB_INTERACTOR;
	}
	closedir(d);
	return protocol;
}

/* "points 0.5 rest" -> 0.5 (testlib prints points as "%.10f" with the
 * trailing zeroes cut, or "%d"); -1 when there is no number. Only that
 * shape is taken: digits, then perhaps a point and digits (no sign,
 * exponent, hex, "nan" or "inf", which strtod would read). */
static double points_of(const char *text)
{
	if (strncmp(text, "points ", 7) != 0)
		return -1;
	const char *digits = text + 7;
	size_t len = strspn(digits, "0123456789"), fraction = 0;
	if (len && digits[len] == '.' && !(fraction = strspn(digits + len + 1, "0123456789")))
		return -1;
	len += fraction ? fraction + 1 : 0;
	if (!len || (digits[len] && digits[len] != ' ' && digits[len] != '\n'))
		return -1;
	char *end;
	errno = 0;
	double v = strtod(digits, &end);
	if (errno || end != digits + len || !isfinite(v) || v > 1e6)
		return -1;
	return v;
}

enum verdict testlib_verdict(const char *who, int exit_code, const char *stderr_text, double *points, char *message,
			     size_t n)
{
	*points = -1;
	char line[400];
	snprintf(line, sizeof line, "%s", stderr_text);
	line[strcspn(line, "\n")] = 0;
	switch (exit_code) {
	case TL_OK:
		snprintf(message, n, "%s", line);
		return VERDICT_AC;
	case TL_WA:
		snprintf(message, n, "%s", line);
		return VERDICT_WA;
	case TL_PE:
	case TL_DIRT:
	case TL_UNEXPECTED_EOF:
		/* testlib says "wrong output format ..." or "unexpected eof ...". */
		snprintf(message, n, "presentation error (judged as a wrong answer): %s", line);
		return VERDICT_WA;
	case TL_POINTS:
		*points = points_of(line);
		if (*points < 0) {
			snprintf(message, n, "the testlib %s exited 7 (points) without printing them: %s", who, line);
			return VERDICT_JE;
		}
		snprintf(message, n, "%s", line);
		return VERDICT_AC;
	case TL_FAIL:
		snprintf(message, n, "the testlib %s failed (its exit code 3, FAIL): %s", who, line);
		return VERDICT_JE;
	default:
		snprintf(message, n, "the testlib %s exited %d, which testlib never does: %s", who, exit_code, line);
		return VERDICT_JE;
	}
}

enum verdict testlib_check(const struct validator *v, const struct test_case *t, const char *output_path,
			   const char *scratch_dir, double *points, char *message, size_t n)
{
	char err_path[PATH_MAX + 32];
	*points = -1;
	snprintf(err_path, sizeof err_path, "%s/checker.stderr", scratch_dir);
	char *argv[8];
	int argc = 0;
	for (int i = 0; i < v->nrun; i++)
		argv[argc++] = (char *)v->run[i];
	argv[argc++] = "/data/test.in";
	argv[argc++] = "/data/test.out";
	argv[argc++] = "/data/test.ans";
	argv[argc] = NULL;

	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = VALIDATOR_TIME;
	cfg.mem_mb = VALIDATOR_MEMORY;
	cfg.stdin_path = "/dev/null";
	cfg.stdout_path = "/dev/null";
	cfg.stderr_path = err_path;
	cfg.binds[0] = (struct sandbox_bind){ v->build.dir, "/val", 0 };
	cfg.binds[1] = (struct sandbox_bind){ t->in, "/data/test.in", 0 };
	cfg.binds[2] = (struct sandbox_bind){ output_path, "/data/test.out", 0 };
	cfg.binds[3] = (struct sandbox_bind){ t->ans, "/data/test.ans", 0 };
	cfg.nbinds = 4;
	cfg.argv = argv;
	struct sandbox_result res;
	int rc = sandbox_run(&cfg, &res);

	char text[512] = "";
	int truncated;
	if (read_prefix(err_path, text, sizeof text, &truncated) < 0)
		text[0] = 0;
	unlink(err_path);
	if (rc < 0 || res.signal || (res.status != SANDBOX_OK && res.status != SANDBOX_RE)) {
		text[strcspn(text, "\n")] = 0;
		snprintf(message, n, "the testlib checker failed: %.200s%s%.200s", res.message, text[0] ? ": " : "",
			 text);
		return VERDICT_JE;
	}
	return testlib_verdict("checker", res.exit_code, text, points, message, n);
}
