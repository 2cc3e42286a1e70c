/* polygon_generate.c - a Polygon test's input made by its generator (cmd "gen 5 10"), built and run in the sandbox.
 *
 * A Polygon package that is not a full one lacks the inputs of generated
 * tests: problem.xml gives each one's cmd (the generator's name and its
 * arguments, from the problem's script) and <executables> the generators'
 * sources. The cmd is the package's text, hostile like the rest: it is
 * split into words here, never given to a shell, and its first word must
 * name one of the package's executables. A generator is the package's
 * code: built like a validator (validator_prepare: compiled in the
 * sandbox, testlib.h beside it) and run in the sandbox, bounded in CPU,
 * memory and output, its stdout written by the sandbox's supervisor into
 * root's copy of the package.
 */
#include "polygon_generate.h"
#include "polygon_run.h"
#include "fsutil.h"
#include "sandbox.h"
#include "util.h"
#include "validator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WORD_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-+=:,@/%"

static int shell_syntax(const char *cmd, int test, char c, char *err, size_t n)
{
	char shown[8], quoted[96];
	size_t k = 0;
	snprintf(shown, sizeof shown, (unsigned char)c < 0x20 || (unsigned char)c >= 0x7f ? "\\x%02x" : "%c",
		 (unsigned char)c);
	for (const char *s = cmd; *s && k + 1 < sizeof quoted && s - cmd < 80; s++) /* no control character echoed */
		quoted[k++] = (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s;
	quoted[k] = 0;
	return errf(err, n, "test %d: its cmd '%s' has '%s': generators are run without a shell, so a cmd is "
			    "plain words (letters, digits, \"._-+=:,@/%%\") and at most '> $' at its end", test, quoted, shown);
}

int polygon_cmd_parse(const char *cmd, int test, struct polygon_cmd *out, char *err, size_t n)
{
	memset(out, 0, sizeof *out);
	if (strlen(cmd) >= sizeof out->text)
		return errf(err, n, "test %d: its cmd is longer than %zu bytes", test, sizeof out->text - 1);
	memcpy(out->text, cmd, strlen(cmd) + 1);
	const char *target = NULL; /* after '>' */
	int redirect = 0;
	for (char *word = strtok(out->text, " \t"); word; word = strtok(NULL, " \t")) {
		if (redirect && target)
			return errf(err, n, "test %d: its cmd '%.80s' has words after '> $'", test, cmd);
		if (redirect) {
			target = word;
			continue;
		}
		if (word[0] == '>') {
			if (out->argc == 0)
				return errf(err, n, "test %d: its cmd '%.80s' names no program", test, cmd);
			redirect = 1;
			target = word[1] ? word + 1 : NULL;
			continue;
		}
		size_t len = strspn(word, WORD_CHARS);
		if (word[len])
			return shell_syntax(cmd, test, word[len], err, n);
		if (out->argc >= POLYGON_CMD_ARGS)
			return errf(err, n, "test %d: its cmd has more than %d words", test, POLYGON_CMD_ARGS);
		out->argv[out->argc++] = word;
	}
	if (out->argc == 0)
		return errf(err, n, "test %d: method=\"generated\" without a cmd", test);
	if (redirect) {
		char own[16];
		snprintf(own, sizeof own, "%d", test);
		if (!target)
			return errf(err, n, "test %d: its cmd '%.80s' ends with '>'", test, cmd);
		if (strcmp(target, "$") && strcmp(target, own))
			return errf(err, n, "test %d: its cmd '%.80s' writes to '%.20s': only '> $' (this test) is supported",
				    test, cmd, target);
	}
	return 0;
}

/* Runs the built generator v with cmd's arguments, its stdout into input. */
static int generate_one(const struct validator *v, const struct polygon_cmd *cmd, int test, const char *input,
			char *err, size_t n)
{
	char text[300] = "";
	struct polygon_run r = { cmd->argv + 1, "/dev/null", input, GENERATOR_TIME, GENERATOR_MEMORY, GENERATOR_MAX_MB };
	struct sandbox_result res;
	int rc = polygon_run(v, &r, &res, text, sizeof text);
	if (rc == 0 && res.status == SANDBOX_OK)
		return 0;
	unlink(input);
	if (rc < 0)
		return errf(err, n, "test %d: the sandbox failed running its generator: %s", test, res.message);
	return errf(err, n, "test %d: its generator '%s' failed: %s %s%s%s", test, cmd->argv[0],
		    sandbox_status_name(res.status), res.message, text[0] ? ": " : "", text);
}

/* The index of the generator cmd names, or -1 with err set. */
static int generator_of(const struct polygon_generate_job *job, int k, struct polygon_cmd *cmd, char *err, size_t n)
{
	if (polygon_cmd_parse(job->cmds[job->tests[k] - 1], job->tests[k], cmd, err, n) < 0)
		return -1;
	for (int g = 0; g < job->ngenerators; g++)
		if (!strcmp(job->generators[g].name, cmd->argv[0]))
			return g;
	return errf(err, n, "test %d: its cmd names '%.60s', which is not one of the package's executables "
			    "(files/<executables>)", job->tests[k], cmd->argv[0]);
}

int polygon_generate_inputs(const struct polygon_generate_job *job, char *err, size_t n)
{
	struct polygon_cmd cmd;
	/* Every cmd is checked before anything is built: a bad one is found at once. */
	for (int k = 0; k < job->ntests; k++)
		if (generator_of(job, k, &cmd, err, n) < 0)
			return -1;
	struct validator *built = calloc((size_t)(job->ngenerators ? job->ngenerators : 1), sizeof *built);
	char *ready = calloc((size_t)(job->ngenerators ? job->ngenerators : 1), 1);
	int rc = -1;
	if (!built || !ready) {
		errf(err, n, "out of memory");
		goto out;
	}
	if (sandbox_init(err, n) < 0)
		goto out;
	for (int k = 0; k < job->ntests; k++) {
		int g = generator_of(job, k, &cmd, err, n);
		if (!job->generators[g].dir[0]) {
			errf(err, n, "test %d: its generator '%s' has no source in the package (only the source is "
				     "built: Verdict runs no binary a package brings)", job->tests[k], cmd.argv[0]);
			goto out;
		}
		if (!ready[g]) {
			struct package p;
			char why[1024];
			memset(&p, 0, sizeof p);
			snprintf(p.validator_dir, sizeof p.validator_dir, "%s", job->generators[g].dir);
			if (validator_prepare(&p, job->work_root, &built[g], why, sizeof why) < 0) {
				errf(err, n, "generator '%s' (for test %d) does not build: %s", job->generators[g].name,
				     job->tests[k], why);
				goto out;
			}
			ready[g] = 1;
		}
		char input[PATH_MAX];
		int test = job->tests[k];
		if ((size_t)snprintf(input, sizeof input, "%s/data/%s/%0*d.in", job->package_dir,
				     job->sample[test - 1] ? "sample" : "secret", job->width, test) >= sizeof input) {
			errf(err, n, "the package's path is too long");
			goto out;
		}
		if (generate_one(&built[g], &cmd, test, input, err, n) < 0)
			goto out;
	}
	rc = 0;
out:
	for (int g = 0; ready && g < job->ngenerators; g++)
		if (ready[g])
			validator_free(&built[g]);
	free(built);
	free(ready);
	return rc;
}
