/* judging.c - judge one submission against a problem package. */
#include "judging.h"
#include "answers.h"
#include "grader.h"
#include "fsutil.h"
#include "score_file.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void judging_free(struct judging *j)
{
	free(j->tests);
	j->tests = NULL;
	j->nrun = 0;
}

int judge_submission(const struct package *p, const struct validator *v, const struct language *lang,
		     const char *source, const char *submitted_name, const char *work_root, struct judging *j, char *err,
		     size_t n)
{
	return judge_submission_with(p, v, lang, source, submitted_name, work_root, NULL, NULL, j, err, n);
}

int judge_submission_with(const struct package *p, const struct validator *v, const struct language *lang,
			  const char *source, const char *submitted_name, const char *work_root,
			  int (*after_test)(void *arg), void *arg, struct judging *j, char *err, size_t n)
{
	memset(j, 0, sizeof *j);
	j->failed_test = -1;
	struct stat st;
	int is_dir = stat(source, &st) == 0 && S_ISDIR(st.st_mode);
	if (p->submit_answer) { /* nothing to compile: source is the answer files */
		if (!is_dir)
			return errf(err, n, "a submission to a submit-answer problem is a directory of answer files");
		j->build.verdict = VERDICT_AC;
	} else if ((is_dir ? compile_submission_dir(&j->build, lang, source, p->submission_entry, work_root, err, n)
			   : compile_submission(&j->build, lang, source, submitted_name, work_root, err, n)) < 0) {
		return -1;
	}
	if (j->build.verdict != VERDICT_AC) {
		j->verdict = j->build.verdict;
		build_remove(&j->build);
		return 0;
	}
	/* Outputs are written by the sandbox (as root, through descriptors it
	 * opens), so the scratch directory stays root's. */
	char scratch[PATH_MAX];
	if (make_work_dir(work_root, "run-", 0, scratch, sizeof scratch) < 0) {
		build_remove(&j->build);
		return errf(err, n, "cannot create a scratch directory in %s: %s", work_root, strerror(errno));
	}
	j->tests = calloc((size_t)p->ntests, sizeof *j->tests);
	if (!j->tests) {
		build_remove(&j->build);
		remove_tree(scratch);
		return errf(err, n, "out of memory");
	}
	struct test_limits lim = { p->time_limit, p->memory_mb, p->output_mb, p->interactive, p->validation_passes };
	j->verdict = VERDICT_AC;
	int rc = 0;
	for (int i = 0; i < p->ntests; i++) {
		const struct test_case *t = &p->tests[i];
		struct test_result *r = &j->tests[j->nrun];
		if (p->submit_answer)
			answers_check(v, t, source, p->output_mb, scratch, r);
		else if (testrun(&j->build, &lim, t, v, scratch, r) < 0) {
			rc = errf(err, n, "test %s: cannot run", t->name);
			break;
		}
		j->nrun++;
		if (r->has_score == SCORE_FILE_POINTS) /* testlib's points: a score where there are scores */
			r->has_score = p->scoring ? SCORE_FILE_SCORE : 0;
		if (r->has_score && !p->scoring) { /* both formats: score.txt belongs to scoring problems */
			r->verdict = VERDICT_JE;
			snprintf(r->message, sizeof r->message, "the output validator wrote a score (score.txt or "
								"score_multiplier.txt), but the problem is not of type scoring");
		}
		if (r->cpu_ms > j->max_cpu_ms)
			j->max_cpu_ms = r->cpu_ms;
		if (r->mem_kb > j->max_mem_kb)
			j->max_mem_kb = r->mem_kb;
		if (r->verdict != VERDICT_AC && j->failed_test < 0) {
			j->verdict = r->verdict;
			j->failed_test = i;
			if (!p->scoring && !p->judge_every_test)
				break;
		}
		if (after_test && after_test(arg) != 0) {
			rc = errf(err, n, "judging stopped after test %s", t->name);
			break;
		}
	}
	if (rc == 0 && p->scoring) {
		struct graded_test *graded = calloc((size_t)(j->nrun ? j->nrun : 1), sizeof *graded);
		if (!graded) {
			rc = errf(err, n, "out of memory");
		} else {
			for (int i = 0; i < j->nrun; i++)
				graded[i] = (struct graded_test){ j->tests[i].verdict, j->tests[i].has_score, j->tests[i].score };
			struct grade g;
			struct grader_run run = { p->grader, scratch };
			struct grader_hook hook;
			grader_hook_init(&hook, &run);
			grading_grade_with(p, graded, j->nrun, p->grader ? &hook : NULL, &g);
			free(graded);
			j->score = g.score;
			j->has_score = 1;
			j->nsubtasks = g.nsubtasks;
			memcpy(j->subtasks, g.subtasks, sizeof g.subtasks[0] * (size_t)g.nsubtasks);
			j->ngroup_scores = g.ngroups;
			memcpy(j->group_scores, g.groups, sizeof g.groups[0] * (size_t)g.ngroups);
			j->verdict = g.verdict;
			if (g.verdict == VERDICT_JE && g.message[0])
				snprintf(j->build.output, sizeof j->build.output, "%s", g.message);
		}
	}
	build_remove(&j->build);
	remove_tree(scratch);
	if (rc < 0)
		judging_free(j);
	return rc;
}
