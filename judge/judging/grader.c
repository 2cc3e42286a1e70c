/* grader.c - a legacy package's custom grader (graders/, testdata.yaml grading: custom): built like an output validator, run in the sandbox once per group.
 *
 * The legacy format's graders take a group's results on stdin, one line
 * "VERDICT SCORE" per test case or subgroup in order, and the group's
 * grader_flags as arguments, and print "VERDICT SCORE" for the group
 * (problemtools' judge/grade.py is the reference: exit 0 and that one
 * line, else a judge error). The grader is package code: it is built and
 * run in the sandbox like an output validator, with bounded CPU, memory
 * and output, and what it prints is parsed as hostile text.
 */
#include "grader.h"
#include "fsutil.h"
#include "sandbox.h"
#include "util.h"
#include "validator_scripts.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GRADER_MAX_ARGS 64

/* The legacy format's verdict words (RTE for a run-time error). */
static const struct {
	enum verdict verdict;
	const char *word;
} words[] = {
	{ VERDICT_AC, "AC" },	{ VERDICT_WA, "WA" },	{ VERDICT_TLE, "TLE" }, { VERDICT_RE, "RTE" },
	{ VERDICT_MLE, "MLE" }, { VERDICT_OLE, "OLE" }, { VERDICT_JE, "JE" },
};

static const char *word_of(enum verdict v)
{
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (words[i].verdict == v)
			return words[i].word;
	return "JE";
}

int grader_prepare(const struct package *p, const char *work_root, struct validator *g, char *err, size_t n)
{
	return validator_prepare_program(p, p->grader_dir, "grader", work_root, g, err, n);
}

int grader_build_into(const struct package *p, const char *dir, char *err, size_t n)
{
	return validator_build_program_into(p, p->grader_dir, "grader", dir, err, n);
}

void grader_hook_init(struct grader_hook *hook, struct grader_run *run)
{
	hook->grade = grader_grade;
	hook->arg = run;
}

int grader_parse_output(const char *text, enum verdict *verdict, double *score, char *message, size_t len)
{
	char word[8], number[64], rest[2];
	/* problemtools: ^(AC|WA|TLE|RTE|MLE|OLE|JE)\s+-?[0-9.]+\s*$ */
	if (isspace((unsigned char)text[0]) || sscanf(text, "%7s %63s %1s", word, number, rest) != 2 ||
	    strspn(number + (number[0] == '-'), "0123456789.") != strlen(number + (number[0] == '-'))) {
		snprintf(message, len, "the grader's output is not one line 'VERDICT SCORE' (AC, WA, TLE, RTE, MLE, OLE or JE, "
				       "then a number)");
		return -1;
	}
	size_t i = 0;
	while (i < sizeof words / sizeof *words && strcmp(words[i].word, word) != 0)
		i++;
	char *end;
	errno = 0;
	double v = strtod(number, &end);
	if (i == sizeof words / sizeof *words || errno || end == number || *end || !isfinite(v)) {
		snprintf(message, len, "the grader's output is not one line 'VERDICT SCORE' (AC, WA, TLE, RTE, MLE, OLE or JE, "
				       "then a finite number)");
		return -1;
	}
	*verdict = words[i].verdict;
	*score = v;
	return 0;
}

/* Writes the results, one "VERDICT SCORE" line each, to path. */
static int write_input(const char *path, const enum verdict *verdicts, const double *scores, int n)
{
	FILE *f = fopen(path, "wx");
	if (!f)
		return -1;
	for (int i = 0; i < n; i++)
		fprintf(f, "%s %.17g\n", word_of(verdicts[i]), scores[i]);
	return fclose(f);
}

int grader_grade(void *arg, const char *flags, const enum verdict *verdicts, const double *scores, int n,
		 enum verdict *verdict, double *score, char *message, size_t len)
{
	const struct grader_run *run = arg;
	const struct validator *g = run->grader;
	char in[PATH_MAX], out[PATH_MAX], err[PATH_MAX], words_buf[256], text[128] = "";
	char *argv[GRADER_MAX_ARGS];
	int argc = 0, rc = -1, truncated = 0;
	if (snprintf(in, sizeof in, "%s/grader.in", run->scratch_dir) >= (int)sizeof in ||
	    snprintf(out, sizeof out, "%s/grader.out", run->scratch_dir) >= (int)sizeof out ||
	    snprintf(err, sizeof err, "%s/grader.err", run->scratch_dir) >= (int)sizeof err)
		return snprintf(message, len, "the scratch directory's path is too long"), -1;
	unlink(in);
	if (write_input(in, verdicts, scores, n) < 0) {
		snprintf(message, len, "cannot write the grader's input: %s", strerror(errno));
		goto out;
	}
	for (int i = 0; i < g->nrun; i++)
		argv[argc++] = (char *)g->run[i];
	snprintf(words_buf, sizeof words_buf, "%s", flags);
	char *save = NULL;
	for (char *w = strtok_r(words_buf, " \t\n", &save); w && argc < GRADER_MAX_ARGS - 1; w = strtok_r(NULL, " \t\n", &save))
		argv[argc++] = w;
	argv[argc] = NULL;

	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = GRADER_TIME;
	cfg.mem_mb = GRADER_MEMORY;
	cfg.fsize_mb = GRADER_OUTPUT_MB;
	cfg.stdin_path = in;
	cfg.stdout_path = out;
	cfg.stderr_path = err;
	cfg.binds[0] = (struct sandbox_bind){ g->build.dir, "/val", 0 };
	cfg.nbinds = 1;
	cfg.argv = argv;
	if (!strcmp(g->run[0], "/val/src/" VALIDATOR_RUN_SCRIPT))
		cfg.cwd = "/val/src"; /* a run script finds its files beside it */
	struct sandbox_result res;
	int ran = sandbox_run(&cfg, &res);
	if (ran < 0 || res.status != SANDBOX_OK) {
		char why[160] = "";
		if (read_prefix(err, why, sizeof why, &truncated) < 0)
			why[0] = 0;
		why[strcspn(why, "\n")] = 0;
		snprintf(message, len, "the grader failed: %.200s%s%.150s", ran < 0 ? "the sandbox could not run it" : res.message,
			 why[0] ? ": " : "", why);
		goto out;
	}
	if (read_prefix(out, text, sizeof text, &truncated) < 0 || truncated) {
		snprintf(message, len, "the grader's output is %s, not one line 'VERDICT SCORE'",
			 truncated ? "too long" : "unreadable");
		goto out;
	}
	rc = grader_parse_output(text, verdict, score, message, len);
out:
	unlink(in);
	unlink(out);
	unlink(err);
	return rc;
}
