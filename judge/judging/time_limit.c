/* time_limit.c - a time limit derived from a package's accepted submissions, as the format says, when it gives none.
 *
 * Legacy: "the time limit is the slowest accepted run times
 * time_multiplier (5)"; 2025-09: the smallest multiple of time_resolution
 * (1 s) at least the slowest accepted run times ac_to_time_limit (2).
 * Both round as problemtools does: up to the resolution, at least one
 * step. time_limit_exceeded submissions are held to time_safety_margin /
 * time_limit_to_tle by `problem verify` (cmd_problem.c).
 */
#include "time_limit.h"
#include "judging.h"
#include "language.h"
#include "limit.h"
#include "submission_rules.h"
#include "util.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int time_limit_wanted(const struct package *p)
{
	/* A submit-answer problem runs nothing: no time to derive a limit from. */
	return strcmp(p->time_limit_from, "default") == 0 && !p->submit_answer;
}

double time_limit_ceiling(const struct package *p)
{
	return limit_ranges[LIMIT_TIME].max / p->ac_to_time_limit;
}

double time_limit_from_slowest(const struct package *p, double slowest_sec)
{
	double steps = ceil(slowest_sec * p->ac_to_time_limit / p->time_resolution - 1e-9);
	return (steps < 1 ? 1 : steps) * p->time_resolution;
}

int time_limit_set_derived(struct package *p, double slowest_sec, const char *who, char *err, size_t n)
{
	double limit = time_limit_from_slowest(p, slowest_sec);
	char why[160];
	if (limit_check(LIMIT_TIME, limit, why, sizeof why) < 0)
		return errf(err, n, "the derived time limit, %g s (slowest accepted %s: %.3f s x %g), is out of range: %s",
			    limit, who, slowest_sec, p->ac_to_time_limit, why);
	p->time_limit = limit;
	snprintf(p->time_limit_from, sizeof p->time_limit_from, "derived: %.3f s (%.80s) x %g", slowest_sec, who,
		 p->ac_to_time_limit);
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Judges the submissions in submissions/<dir>, keeping the slowest that
 * bounds the limit in *slowest and its name. 0, or -1 with err set. */
static int judge_dir(const struct package *p, const struct validator *v, const struct submission_rules *rules,
		     const char *dir, const char *work, double *slowest, char *slowest_name, size_t name_len, int *judged,
		     char *err, size_t n)
{
	char sub[PATH_MAX + 64], path[sizeof sub + 256];
	snprintf(sub, sizeof sub, "%s/submissions/%s", p->dir, dir);
	struct dirent **list;
	int count = scandir(sub, &list, visible, by_name), rc = 0, accepted = !strcmp(dir, "accepted");
	for (int i = 0; i < count; i++) {
		const char *name = list[i]->d_name;
		struct stat st;
		char below[PATH_MAX]; /* as submissions.yaml names it */
		snprintf(path, sizeof path, "%s/%s", sub, name);
		snprintf(below, sizeof below, "%s/%.200s", dir, name);
		const struct language *lang = NULL;
		const char *entry = "";
		if (rc == 0 && submission_rules_derive_from(rules, p, below) && lstat(path, &st) == 0 &&
		    (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)) &&
		    submission_rules_program(rules, below, path, S_ISDIR(st.st_mode), &lang, &entry, err, n) < 0)
			rc = -1;
		struct package q = *p;
		q.submission_entry = entry[0] ? entry : NULL;
		struct judging j;
		if (rc == 0 && lang && judge_submission(&q, v, lang, path, name, work, &j, err, n) < 0) {
			rc = -1;
		} else if (rc == 0 && lang) {
			*judged += accepted;
			long ms = submission_rules_slowest_lower(rules, p, below, &j);
			if (accepted && j.verdict != VERDICT_AC)
				rc = errf(err, n, "no time limit given, and accepted/%s got %s, so none can be derived from it "
					  "(each accepted submission must pass within %g s)", name, verdict_name(j.verdict),
					  p->time_limit);
			else if (ms >= 0 && ms / 1000.0 >= *slowest) {
				*slowest = ms / 1000.0;
				snprintf(slowest_name, name_len, "%s/%.200s", dir, name);
			}
			judging_free(&j);
		}
		free(list[i]);
	}
	if (count >= 0)
		free(list);
	return rc;
}

int time_limit_derive(struct package *p, const struct validator *v, const char *work, char *err, size_t n)
{
	static const char *const dirs[] = { "accepted", "wrong_answer", "run_time_error", "time_limit_exceeded",
					    "rejected", "brute_force" };
	char slowest_name[256] = "";
	double slowest = 0;
	int judged = 0;
	struct submission_rules rules; /* which submissions (and tests) bound the limit from below */
	if (submission_rules_load(p, &rules, err, n) < 0)
		return -1;
	p->time_limit = time_limit_ceiling(p);
	int rc = 0;
	for (size_t d = 0; rc == 0 && d < sizeof dirs / sizeof *dirs; d++)
		rc = judge_dir(p, v, &rules, dirs[d], work, &slowest, slowest_name, sizeof slowest_name, &judged, err, n);
	submission_rules_free(&rules);
	if (rc < 0)
		return -1;
	if (!judged)
		return errf(err, n, "no time limit given, and no accepted submission (in a language this judge has) "
				    "to derive one from");
	return time_limit_set_derived(p, slowest, slowest_name, err, n);
}
