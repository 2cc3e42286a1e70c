/* grading.c - a scoring problem's score and verdict from its tests' results, as the package's format says.
 *
 * The legacy model is Kattis' default grader (legacy spec, "Graders"),
 * run over the group tree: each group grades its children (test cases and
 * subgroups, in the package's order) and hands one verdict and score up;
 * with on_reject: break a group stops at its first rejected child. Verdict
 * runs every test of a scoring problem anyway, so break only decides which
 * results the grader sees. The 2025-09 model is that spec's "Scoring
 * problems" section.
 */
#include "grading.h"
#include "package.h"
#include "score_file.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	SET_ON_REJECT = 1,
	SET_ACCEPT = 2,
	SET_REJECT = 4,
	SET_RANGE = 8,
	SET_FLAGS = 16, /* grader_flags is one property: inherited whole */
	SET_GRADING = 32,
};

#define SCORE_EPS 1e-6 /* slack for scores summed in floating point */

static int parse_number(const char *s, double *out, int allow_inf)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || isnan(v) || (!allow_inf && isinf(v)))
		return -1;
	*out = v;
	return 0;
}

/* grader_flags: words, the last of each kind winning (legacy spec); the
 * first word the default grader does not know is noted (unknown_flag). */
static void read_flags(const char *flags, struct legacy_grading *g)
{
	const struct {
		const char *word;
		int *field, value;
	} words[] = {
		{ "worst_error", &g->verdicts, GRADER_WORST_ERROR }, { "no_errors", &g->verdicts, GRADER_WORST_ERROR },
		{ "first_error", &g->verdicts, GRADER_FIRST_ERROR }, { "always_accept", &g->verdicts, GRADER_ALWAYS_ACCEPT },
		{ "sum", &g->scores, GRADER_SUM },		     { "avg", &g->scores, GRADER_AVG },
		{ "min", &g->scores, GRADER_MIN },		     { "max", &g->scores, GRADER_MAX },
		{ "ignore_sample", &g->ignore_sample, 1 },		     { "accept_if_any_accepted", &g->accept_if_any_accepted, 1 },
	};
	char word[64];
	g->set |= SET_FLAGS;
	g->unknown_flag[0] = 0;
	g->verdicts = GRADER_WORST_ERROR;
	g->scores = GRADER_SUM;
	g->ignore_sample = g->accept_if_any_accepted = 0;
	for (const char *s = flags; sscanf(s, "%63s", word) == 1; s = strstr(s, word) + strlen(word)) {
		size_t i = 0;
		while (i < sizeof words / sizeof *words && strcmp(words[i].word, word) != 0)
			i++;
		if (i == sizeof words / sizeof *words) { /* checked once grading: custom is known (grading_check) */
			if (!g->unknown_flag[0])
				snprintf(g->unknown_flag, sizeof g->unknown_flag, "%.63s", word);
			continue;
		}
		*words[i].field = words[i].value;
	}
}

static int grading_read_scores(struct yaml_doc *y, yaml_node_t *root, struct legacy_grading *g, char *err, size_t n);
static int read_rest(struct yaml_doc *y, yaml_node_t *root, struct legacy_grading *g, char *err, size_t n);

int grading_read_legacy(struct yaml_doc *y, yaml_node_t *root, struct legacy_grading *g, char *err, size_t n)
{
	yaml_node_t *node;
	const char *v;
	if ((node = yaml_doc_get(y, root, "on_reject"))) {
		v = yaml_doc_scalar(node);
		if (!v || (strcmp(v, "break") != 0 && strcmp(v, "continue") != 0)) {
			snprintf(err, n, "on_reject must be break or continue");
			return -1;
		}
		g->on_reject_continue = strcmp(v, "continue") == 0;
		g->set |= SET_ON_REJECT;
	}
	return grading_read_scores(y, root, g, err, n) < 0 ? -1 : read_rest(y, root, g, err, n);
}

/* accept_score, reject_score and range, where testdata.yaml and the legacy
 * problem.yaml grading map spell them alike. */
static int grading_read_scores(struct yaml_doc *y, yaml_node_t *root, struct legacy_grading *g, char *err, size_t n)
{
	yaml_node_t *node;
	const char *v;
	static const struct {
		const char *key;
		unsigned set;
		size_t offset;
	} scores[] = {
		{ "accept_score", SET_ACCEPT, offsetof(struct legacy_grading, accept_score) },
		{ "reject_score", SET_REJECT, offsetof(struct legacy_grading, reject_score) },
	};
	for (size_t i = 0; i < 2; i++) {
		if (!(node = yaml_doc_get(y, root, scores[i].key)))
			continue;
		v = yaml_doc_scalar(node);
		if (!v || parse_number(v, (double *)((char *)g + scores[i].offset), 0) < 0) {
			snprintf(err, n, "%s must be a number", scores[i].key);
			return -1;
		}
		g->set |= scores[i].set;
	}
	if ((node = yaml_doc_get(y, root, "range"))) {
		char lo[64], hi[64], extra[2];
		v = yaml_doc_scalar(node);
		if (!v || sscanf(v, "%63s %63s %1s", lo, hi, extra) != 2 || parse_number(lo, &g->range_lo, 1) < 0 ||
		    parse_number(hi, &g->range_hi, 1) < 0 || g->range_lo > g->range_hi) {
			snprintf(err, n, "range must be two numbers, the least first ('-inf' and 'inf' allowed)");
			return -1;
		}
		g->set |= SET_RANGE;
	}
	return 0;
}

static int read_rest(struct yaml_doc *y, yaml_node_t *root, struct legacy_grading *g, char *err, size_t n)
{
	yaml_node_t *node;
	const char *v;
	if ((node = yaml_doc_get(y, root, "grading"))) {
		v = yaml_doc_scalar(node);
		if (!v || (strcmp(v, "default") != 0 && strcmp(v, "custom") != 0)) {
			snprintf(err, n, "grading must be default or custom (a grader in graders/)");
			return -1;
		}
		g->custom = !strcmp(v, "custom");
		g->set |= SET_GRADING;
	}
	if ((node = yaml_doc_get(y, root, "grader_flags"))) {
		v = yaml_doc_scalar(node);
		if (!v || strlen(v) >= sizeof g->grader_flags) {
			snprintf(err, n, "grader_flags must be a string of flags (at most %zu bytes)", sizeof g->grader_flags - 1);
			return -1;
		}
		snprintf(g->grader_flags, sizeof g->grader_flags, "%s", v);
		read_flags(v, g);
	}
	return 0;
}

int grading_read_require_pass(struct yaml_doc *y, yaml_node_t *root, struct test_group *g, char *err, size_t n)
{
	yaml_node_t *node = yaml_doc_get(y, root, "require_pass");
	if (!node)
		return 0;
	int count = node->type == YAML_SEQUENCE_NODE ? 0 : 1;
	while (node->type == YAML_SEQUENCE_NODE && yaml_doc_item(y, node, count))
		count++;
	for (int i = 0; i < count; i++) {
		const char *name = yaml_doc_scalar(node->type == YAML_SEQUENCE_NODE ? yaml_doc_item(y, node, i) : node);
		size_t len = strlen(g->require_pass);
		if (!name || !*name || strchr(name, '\n'))
			return snprintf(err, n, "require_pass must be a group's name or a list of them (sample, "
						"secret/group1)"), -1;
		if (len + strlen(name) + 2 > sizeof g->require_pass)
			return snprintf(err, n, "require_pass names more than %zu bytes of groups", sizeof g->require_pass - 1),
			       -1;
		snprintf(g->require_pass + len, sizeof g->require_pass - len, "%s\n", name);
	}
	return 0;
}

int grading_read_problem(struct yaml_doc *y, yaml_node_t *grading, struct legacy_grading *g, int *minimize, char *err,
			 size_t n)
{
	memset(g, 0, sizeof *g);
	*minimize = 0;
	if (!grading)
		return 0;
	const char *v;
	yaml_node_t *node = yaml_doc_get(y, grading, "objective");
	if (node) {
		if (!(v = yaml_doc_scalar(node)) || (strcmp(v, "min") != 0 && strcmp(v, "max") != 0))
			return snprintf(err, n, "grading.objective must be min or max"), -1;
		*minimize = strcmp(v, "min") == 0;
	}
	/* The keys that predate testdata.yaml: on_reject here is first_error
	 * (break), worst_error or grade (continue), as problemtools reads it. */
	if ((node = yaml_doc_get(y, grading, "on_reject"))) {
		v = yaml_doc_scalar(node);
		if (!v || (strcmp(v, "first_error") != 0 && strcmp(v, "worst_error") != 0 && strcmp(v, "grade") != 0))
			return snprintf(err, n, "grading.on_reject must be first_error, worst_error or grade"), -1;
		if (strcmp(v, "worst_error") != 0) {
			g->set |= SET_ON_REJECT;
			g->on_reject_continue = strcmp(v, "grade") == 0;
		}
	}
	struct legacy_grading keys = { 0 };
	char why[200];
	if (grading_read_scores(y, grading, &keys, why, sizeof why) < 0)
		return snprintf(err, n, "grading.%s", why), -1;
	g->set |= keys.set;
	g->accept_score = keys.accept_score;
	g->reject_score = keys.reject_score;
	g->range_lo = keys.range_lo;
	g->range_hi = keys.range_hi;
	return 0;
}

void grading_override(struct legacy_grading *g, const struct legacy_grading *problem)
{
	if (problem->set & SET_ON_REJECT)
		g->on_reject_continue = problem->on_reject_continue;
	if (problem->set & SET_ACCEPT)
		g->accept_score = problem->accept_score;
	if (problem->set & SET_REJECT)
		g->reject_score = problem->reject_score;
	if (problem->set & SET_RANGE) {
		g->range_lo = problem->range_lo;
		g->range_hi = problem->range_hi;
	}
}

void grading_inherit(struct legacy_grading *g, const struct legacy_grading *parent)
{
	static const struct legacy_grading defaults = {
		.set = ~0u, .accept_score = 1, .range_lo = -INFINITY, .range_hi = INFINITY,
	};
	if (!parent)
		parent = &defaults;
	if (!(g->set & SET_ON_REJECT))
		g->on_reject_continue = parent->on_reject_continue;
	if (!(g->set & SET_ACCEPT))
		g->accept_score = parent->accept_score;
	if (!(g->set & SET_REJECT))
		g->reject_score = parent->reject_score;
	if (!(g->set & SET_RANGE)) {
		g->range_lo = parent->range_lo;
		g->range_hi = parent->range_hi;
	}
	if (!(g->set & SET_GRADING))
		g->custom = parent->custom;
	if (!(g->set & SET_FLAGS)) {
		memcpy(g->grader_flags, parent->grader_flags, sizeof g->grader_flags);
		memcpy(g->unknown_flag, parent->unknown_flag, sizeof g->unknown_flag);
		g->verdicts = parent->verdicts;
		g->scores = parent->scores;
		g->ignore_sample = parent->ignore_sample;
		g->accept_if_any_accepted = parent->accept_if_any_accepted;
	}
}

/* Keeps group g's aggregated score (submissions.yaml checks it). */
static void note_group(struct grade *out, int g, double score, double max)
{
	if (out->ngroups < GRADE_MAX_SUBTASKS)
		out->groups[out->ngroups++] = (struct grade_subtask){ g, score, max };
}

/* ---- the legacy model: the default grader over the group tree ---- */

struct tree {
	const struct package *p;
	const struct graded_test *tests;
	int nrun;
	const struct grader_hook *grader; /* for grading: custom; NULL: none */
	struct grade *out; /* the first rule broken goes in its message */
};

struct result {
	enum verdict verdict;
	double score;
};

/* Secret's children, as subtasks, when secret sums groups and nothing else. */
static void note_subtasks(struct tree *T, int g, const struct legacy_grading *cfg, const struct result *kids,
			  const int *kid_group, int n)
{
	const struct package *p = T->p;
	if (g < 0 || p->groups[g].parent >= 0 || strcmp(p->groups[g].name, "secret") != 0 || cfg->scores != GRADER_SUM ||
	    cfg->custom || n > GRADE_MAX_SUBTASKS)
		return;
	for (int k = 0; k < n; k++)
		if (kid_group[k] < 0)
			return;
	for (int k = 0; k < n; k++)
		T->out->subtasks[k] = (struct grade_subtask){ kid_group[k], kids[k].score, NAN };
	T->out->nsubtasks = n;
}

/* The default grader's order of badness for worst_error (JE first). */
static int badness(enum verdict v)
{
	static const enum verdict order[] = { VERDICT_JE, VERDICT_RE, VERDICT_MLE, VERDICT_TLE, VERDICT_OLE, VERDICT_WA };
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		if (order[i] == v)
			return (int)i;
	return 100;
}

static struct result aggregate(const struct legacy_grading *g, struct result *r, int n)
{
	struct result out = { VERDICT_AC, 0 };
	if (n == 0)
		return out;
	if (g->ignore_sample) { /* root only: its last child is secret */
		r += n - 1;
		n = 1;
	}
	int any_ac = 0;
	for (int i = 0; i < n; i++) {
		any_ac |= r[i].verdict == VERDICT_AC;
		if (r[i].verdict == VERDICT_JE) /* a judge error is never graded away */
			return r[i];
		if (r[i].verdict != VERDICT_AC && g->verdicts == GRADER_FIRST_ERROR && out.verdict == VERDICT_AC)
			out.verdict = r[i].verdict;
		if (g->verdicts == GRADER_WORST_ERROR && badness(r[i].verdict) < badness(out.verdict))
			out.verdict = r[i].verdict;
	}
	if (g->verdicts == GRADER_ALWAYS_ACCEPT || (g->accept_if_any_accepted && any_ac))
		out.verdict = VERDICT_AC;
	double s = r[0].score;
	for (int i = 1; i < n; i++)
		s = g->scores == GRADER_MIN ? fmin(s, r[i].score) : g->scores == GRADER_MAX ? fmax(s, r[i].score) : s + r[i].score;
	out.score = g->scores == GRADER_AVG ? s / n : s;
	return out;
}

/* A group with grading: custom: its grader's verdict and score. As in
 * problemtools, a group with no results is AC 0 and a judge error among
 * them is the group's without asking the grader. */
static struct result custom_grade(struct tree *T, int g, const struct legacy_grading *cfg, const struct result *r,
				  int n)
{
	struct result out = { VERDICT_AC, 0 };
	for (int i = 0; i < n; i++)
		if (r[i].verdict == VERDICT_JE)
			return r[i];
	if (n == 0)
		return out;
	enum verdict *verdicts = malloc(sizeof *verdicts * (size_t)n);
	double *scores = malloc(sizeof *scores * (size_t)n);
	char message[200] = "no grader was built";
	int rc = -1;
	if (verdicts && scores && T->grader) {
		for (int i = 0; i < n; i++) {
			verdicts[i] = r[i].verdict;
			scores[i] = r[i].score;
		}
		rc = T->grader->grade(T->grader->arg, cfg->grader_flags, verdicts, scores, n, &out.verdict, &out.score,
				      message, sizeof message);
	} else if (!verdicts || !scores) {
		snprintf(message, sizeof message, "out of memory");
	}
	free(verdicts);
	free(scores);
	if (rc == 0 && out.verdict == VERDICT_JE)
		snprintf(message, sizeof message, "the grader's verdict is JE");
	if (rc < 0 || out.verdict == VERDICT_JE) {
		out = (struct result){ VERDICT_JE, 0 };
		if (!T->out->message[0])
			snprintf(T->out->message, sizeof T->out->message, "group %.100s: %.140s",
				 g >= 0 ? T->p->groups[g].name : "data", message);
	}
	return out;
}

/* Is group g (or the data root, -1) an ancestor of, or, group c? */
static int within(const struct package *p, int c, int g)
{
	if (g < 0)
		return 1;
	for (; c >= 0; c = p->groups[c].parent)
		if (c == g)
			return 1;
	return 0;
}

/* Grades group g (-1: data/) from test *i on, leaving *i past its tests. */
static struct result grade_group(struct tree *T, int g, int *i)
{
	const struct package *p = T->p;
	const struct legacy_grading *cfg = g >= 0 ? &p->groups[g].legacy : &p->data_group.legacy;
	int cap = 16, n = 0, stopped = 0;
	struct result *kids = malloc(sizeof *kids * (size_t)cap), r;
	int *kid_group = malloc(sizeof *kid_group * (size_t)cap); /* the child group each came from, -1: a test */
	if (!kids || !kid_group) {
		free(kids);
		free(kid_group);
		return (struct result){ VERDICT_JE, 0 };
	}
	while (*i < p->ntests && within(p, p->tests[*i].group, g)) {
		int t = *i, child = p->tests[t].group;
		while (child >= 0 && p->groups[child].parent != g)
			child = p->groups[child].parent;
		if (stopped) { /* on_reject: break: the rest is not graded */
			(*i)++;
			continue;
		}
		int from = child >= 0 && child != g ? child : -1;
		if (from >= 0) {
			r = grade_group(T, child, i);
		} else {
			(*i)++;
			if (t >= T->nrun)
				continue; /* not run: not judged */
			const struct graded_test *x = &T->tests[t];
			r.verdict = x->verdict;
			r.score = x->has_score ? x->score : x->verdict == VERDICT_AC ? cfg->accept_score : cfg->reject_score;
		}
		if (n == cap) {
			cap *= 2;
			struct result *more = realloc(kids, sizeof *kids * (size_t)cap);
			if (more)
				kids = more;
			int *more_groups = more ? realloc(kid_group, sizeof *kid_group * (size_t)cap) : NULL;
			if (!more_groups) {
				free(kids);
				free(kid_group);
				return (struct result){ VERDICT_JE, 0 };
			}
			kid_group = more_groups;
		}
		kid_group[n] = from;
		kids[n++] = r;
		stopped = r.verdict != VERDICT_AC && !cfg->on_reject_continue;
	}
	note_subtasks(T, g, cfg, kids, kid_group, n);
	r = cfg->custom ? custom_grade(T, g, cfg, kids, n) : aggregate(cfg, kids, n);
	if (g >= 0)
		note_group(T->out, g, r.score, NAN);
	free(kids);
	free(kid_group);
	return r;
}

static void grade_legacy(const struct package *p, const struct graded_test *tests, int nrun,
			 const struct grader_hook *grader, struct grade *out)
{
	for (int i = 0; i < nrun && i < p->ntests; i++) {
		if (!tests[i].has_score)
			continue;
		if (tests[i].has_score == SCORE_FILE_MULTIPLIER) {
			out->verdict = VERDICT_JE;
			snprintf(out->message, sizeof out->message, "test %.120s: the output validator wrote "
				 "score_multiplier.txt, which only 2025-09 packages have", p->tests[i].name);
			return;
		}
		if (!p->custom_score) {
			out->verdict = VERDICT_JE;
			snprintf(out->message, sizeof out->message, "test %.120s: the output validator wrote score.txt, but "
				 "problem.yaml does not say 'validation: custom score'", p->tests[i].name);
			return;
		}
	}
	for (int i = 0; p->custom_score_required && i < nrun && i < p->ntests; i++)
		if (tests[i].verdict == VERDICT_AC && !tests[i].has_score) {
			out->verdict = VERDICT_JE;
			snprintf(out->message, sizeof out->message, "test %.120s: 'validation: custom score', but the output "
				 "validator accepted without writing score.txt", p->tests[i].name);
			return;
		}
	struct tree T = { p, tests, nrun, grader, out };
	int i = 0;
	struct result r = grade_group(&T, -1, &i);
	out->verdict = r.verdict;
	/* "For non-Accepted verdicts on scoring problems, the score provided
	 * by the grader will always be ignored." So are its subtasks'. */
	out->score = r.verdict == VERDICT_AC ? r.score : 0;
	for (int k = 0; r.verdict != VERDICT_AC && k < out->nsubtasks; k++)
		out->subtasks[k].score = 0;
}

/* ---- the 2025-09 model ---- */

static int is_secret(const struct package *p, int g)
{
	return p->groups[g].parent < 0 && strcmp(p->groups[g].name, "secret") == 0;
}

static int secret_index(const struct package *p)
{
	for (int g = 0; g < p->ngroups; g++)
		if (is_secret(p, g))
			return g;
	return -1;
}

/* The group that scores test t: the one directly under secret, or secret. */
static int scoring_group(const struct package *p, int t)
{
	int g = p->tests[t].group;
	while (p->groups[g].parent >= 0 && !is_secret(p, p->groups[g].parent))
		g = p->groups[g].parent;
	return g;
}

static double max_of(const struct package *p, int g)
{
	return p->groups[g].max_score >= 0 ? p->groups[g].max_score : is_secret(p, g) ? 100 : INFINITY;
}

static enum aggregation aggregation_of(const struct package *p, int g)
{
	return p->groups[g].aggregation != AGG_UNSET ? p->groups[g].aggregation : is_secret(p, g) ? AGG_SUM : AGG_PASS_FAIL;
}

static int fail(struct grade *out, const char *test, const char *why)
{
	out->verdict = VERDICT_JE;
	snprintf(out->message, sizeof out->message, "test %.120s: %.120s", test, why);
	return -1;
}

/* Were every test of group g (sample: every sample) run and accepted? */
static int accepted_all(const struct package *p, const struct graded_test *tests, int nrun, int g)
{
	int sample = p->groups[g].parent < 0 && !strcmp(p->groups[g].name, "sample");
	for (int i = 0; i < p->ntests; i++) {
		int in_g = sample ? p->tests[i].sample : !p->tests[i].sample && scoring_group(p, i) == g;
		if (in_g && (i >= nrun || tests[i].verdict != VERDICT_AC))
			return 0;
	}
	return 1;
}

/* require_pass: are the groups g names (and the ones they name) all
 * accepted? A group not scored for want of them counts as not accepted.
 * Each names only groups that sort before it, so this ends. */
static int requirements_met(const struct package *p, const struct graded_test *tests, int nrun, int g)
{
	for (int k = 0; k < p->groups[g].nrequires; k++) {
		int h = p->groups[g].requires[k];
		if (!accepted_all(p, tests, nrun, h) || !requirements_met(p, tests, nrun, h))
			return 0;
	}
	return 1;
}

static void grade_2025(const struct package *p, const struct graded_test *tests, int nrun, struct grade *out)
{
	int secret = secret_index(p);
	double total = 0;
	int all_ac = 1, first = 1, subtasks = secret >= 0 && aggregation_of(p, secret) == AGG_SUM;
	for (int g = 0; g < p->ngroups; g++) {
		if (g != secret && p->groups[g].parent != secret)
			continue;
		enum aggregation agg = aggregation_of(p, g);
		double max = max_of(p, g), sum = 0, least = INFINITY;
		int count = 0, passed = 0;
		for (int i = 0; i < p->ntests; i++)
			if (!p->tests[i].sample && scoring_group(p, i) == g)
				count++;
		if (!count)
			continue;
		for (int i = 0; i < p->ntests; i++) {
			if (p->tests[i].sample || scoring_group(p, i) != g)
				continue;
			const struct graded_test *x = i < nrun ? &tests[i] : NULL;
			int ac = x && x->verdict == VERDICT_AC;
			double test_max = agg == AGG_MIN ? max : max / count, s = 0;
			passed += ac;
			if (x && x->has_score && agg == AGG_PASS_FAIL) {
				fail(out, p->tests[i].name, "the output validator wrote a score in a pass-fail group");
				return;
			}
			if (ac && x->has_score == SCORE_FILE_MULTIPLIER && isinf(test_max)) {
				fail(out, p->tests[i].name, "score_multiplier.txt in an unbounded group (score.txt is needed)");
				return;
			}
			if (ac && x->has_score == SCORE_FILE_SCORE && x->score > test_max + SCORE_EPS) {
				char why[160];
				snprintf(why, sizeof why, "the output validator's score.txt says %g, above the test's maximum %g",
					 x->score, test_max);
				fail(out, p->tests[i].name, why);
				return;
			}
			if (ac && !x->has_score && isinf(test_max)) {
				fail(out, p->tests[i].name, "the group's max_score is unbounded, but the output validator "
							    "accepted without writing score.txt");
				return;
			}
			if (ac)
				s = x->has_score == SCORE_FILE_MULTIPLIER ? x->score * test_max : x->has_score ? x->score : test_max;
			sum += s;
			least = fmin(least, s);
		}
		double score = agg == AGG_PASS_FAIL ? (passed == count ? max : 0) : agg == AGG_SUM ? sum : least;
		if (!requirements_met(p, tests, nrun, g)) { /* "the group score is 0" */
			score = 0;
			passed = -1;
		}
		if (g != secret)
			note_group(out, g, score, max);
		if (g == secret) {
			total += score;
			subtasks = 0; /* tests of its own: not only subtasks */
		} else {
			if (subtasks && out->nsubtasks < GRADE_MAX_SUBTASKS)
				out->subtasks[out->nsubtasks++] = (struct grade_subtask){ g, score, max };
			else
				subtasks = 0;
			all_ac &= passed == count;
			/* secret aggregates its groups as it would its tests. */
			enum aggregation top = aggregation_of(p, secret);
			total = top == AGG_MIN ? (first ? score : fmin(total, score)) : total + score;
			first = 0;
		}
	}
	if (secret >= 0 && aggregation_of(p, secret) == AGG_PASS_FAIL)
		total = all_ac ? max_of(p, secret) : 0;
	if (secret >= 0 && !requirements_met(p, tests, nrun, secret)) { /* secret's require_pass: sample */
		total = 0;
		for (int k = 0; k < out->nsubtasks; k++)
			out->subtasks[k].score = 0;
	}
	if (secret >= 0 && total > max_of(p, secret) + SCORE_EPS) {
		out->verdict = VERDICT_JE;
		snprintf(out->message, sizeof out->message, "the score %g is above secret's max_score %g", total,
			 max_of(p, secret));
		return;
	}
	out->score = total;
	if (secret >= 0)
		note_group(out, secret, total, max_of(p, secret));
	if (!subtasks)
		out->nsubtasks = 0;
}

void grading_grade(const struct package *p, const struct graded_test *tests, int nrun, struct grade *out)
{
	grading_grade_with(p, tests, nrun, NULL, out);
}

void grading_grade_with(const struct package *p, const struct graded_test *tests, int nrun,
			const struct grader_hook *grader, struct grade *out)
{
	memset(out, 0, sizeof *out);
	out->verdict = VERDICT_AC;
	for (int i = 0; i < nrun && i < p->ntests; i++)
		if (tests[i].verdict != VERDICT_AC && tests[i].has_score) {
			fail(out, p->tests[i].name, "the output validator rejected the output but wrote a score");
			return;
		}
	if (p->legacy_grading) {
		grade_legacy(p, tests, nrun, grader, out);
		if (out->verdict == VERDICT_JE)
			out->nsubtasks = out->ngroups = 0;
		return;
	}
	/* 2025-09: the verdict is the first rejection's; samples are not scored
	 * (a score.txt written for one is ignored, as the spec says). */
	for (int i = 0; i < nrun && i < p->ntests; i++)
		if (tests[i].verdict != VERDICT_AC) {
			out->verdict = tests[i].verdict;
			break;
		}
	grade_2025(p, tests, nrun, out);
	if (out->verdict == VERDICT_JE)
		out->nsubtasks = out->ngroups = 0;
}

/* The group called name that require_pass may name: sample or a group
 * directly under secret; -1 if there is none. */
static int requirable(const struct package *p, const char *name)
{
	int secret = secret_index(p);
	for (int h = 0; h < p->ngroups; h++)
		if (!strcmp(p->groups[h].name, name) &&
		    ((p->groups[h].parent < 0 && !strcmp(name, "sample")) || (secret >= 0 && p->groups[h].parent == secret)))
			return h;
	return -1;
}

/* Resolves each group's require_pass into indexes, as the format says:
 * only in a scoring problem graded by 2025-09's keys, only on secret (which
 * may require sample alone) and the groups under it, naming sample or
 * pass-fail groups that sort before it (so there is no cycle). */
static int check_requires(struct package *p, char *err, size_t n)
{
	int secret = secret_index(p);
	for (int g = 0; g < p->ngroups; g++) {
		struct test_group *grp = &p->groups[g];
		char names[sizeof grp->require_pass], *save, *name;
		grp->nrequires = 0;
		if (!grp->require_pass[0])
			continue;
		const char *file = p->format == PACKAGE_LEGACY ? "testdata.yaml" : "test_group.yaml";
		if (!p->scoring)
			return snprintf(err, n, "data/%s/%s: require_pass is only for scoring problems (the format: "
					"pass-fail problems must not have it)", grp->name, file), -1;
		if (p->legacy_grading)
			return snprintf(err, n, "data/%s/%s: require_pass is a 2025-09 key, but this package is graded by "
					"the legacy keys (accept_score, grader_flags, ...), which have no such rule",
					grp->name, file), -1;
		if (g != secret && (secret < 0 || grp->parent != secret))
			return snprintf(err, n, "data/%s/test_group.yaml: require_pass is only allowed in secret and the "
					"groups directly under it", grp->name), -1;
		memcpy(names, grp->require_pass, sizeof names);
		for (name = strtok_r(names, "\n", &save); name; name = strtok_r(NULL, "\n", &save)) {
			int h = requirable(p, name);
			const char *why = NULL;
			if (!strcmp(name, grp->name))
				why = "is the group itself";
			else if (h < 0)
				why = "is not sample or a test data group under secret (names are paths below data/, "
				      "like secret/group1)";
			else if (g == secret && strcmp(name, "sample") != 0)
				why = "is not sample, the only group secret may require";
			else if (strcmp(name, grp->name) > 0)
				why = "sorts after it: a group may only require groups before it (so there are no cycles)";
			else if (p->groups[h].parent >= 0 && aggregation_of(p, h) != AGG_PASS_FAIL)
				why = "does not use pass-fail aggregation, which a required group must";
			if (why)
				return snprintf(err, n, "data/%s/test_group.yaml: require_pass: '%.200s' %s", grp->name, name,
						why), -1;
			if (grp->nrequires == GROUP_MAX_REQUIRES)
				return snprintf(err, n, "data/%s/test_group.yaml: require_pass names more than %d groups",
						grp->name, GROUP_MAX_REQUIRES), -1;
			grp->requires[grp->nrequires++] = h;
		}
	}
	return 0;
}

/* Does any group (or data/) say grading: custom? */
static int uses_custom_grader(const struct package *p)
{
	int custom = p->data_group.legacy.custom;
	for (int g = 0; g < p->ngroups; g++)
		custom |= p->groups[g].legacy.custom;
	return custom;
}

/* A custom grader: graders/ and grading: custom go together, and only
 * in a scoring problem graded by the legacy keys (problemtools: "There is
 * a grader but the problem is pass-fail"). */
static int check_grader(const struct package *p, char *err, size_t n)
{
	/* grader_flags the default grader would be given must be its own; a
	 * custom grader takes whatever they are. */
	for (int g = -1; g < p->ngroups; g++) {
		const struct legacy_grading *cfg = g < 0 ? &p->data_group.legacy : &p->groups[g].legacy;
		if (!cfg->custom && cfg->unknown_flag[0])
			return snprintf(err, n, "data/%s%stestdata.yaml: grader_flags: unknown flag '%s' (worst_error, "
					"first_error, always_accept, sum, avg, min, max, ignore_sample, "
					"accept_if_any_accepted; or grading: custom for the package's grader)",
					g < 0 ? "" : p->groups[g].name, g < 0 ? "" : "/", cfg->unknown_flag), -1;
	}
	int custom = uses_custom_grader(p);
	if (p->grader_dir[0] && !p->scoring)
		return snprintf(err, n, "graders/ holds a grader, but the problem is not of type scoring (a grader grades "
				"a scoring problem's groups)"), -1;
	if (custom && !p->grader_dir[0])
		return snprintf(err, n, "testdata.yaml says grading: custom, but the package has no grader (graders/)"), -1;
	if (custom && !p->legacy_grading)
		return snprintf(err, n, "grading: custom is a legacy testdata.yaml key, but this package is graded by "
				"2025-09's (max_score, score_aggregation), which have no graders"), -1;
	return 0;
}

int grading_check(struct package *p, char *err, size_t n)
{
	if (check_requires(p, err, n) < 0 || check_grader(p, err, n) < 0)
		return -1;
	if (!p->scoring)
		return 0;
	int secret = secret_index(p);
	if (p->legacy_grading) {
		/* The best score: the root's range, else what every test accepted
		 * earns (unknown, so unbounded, when a grader decides). */
		const struct legacy_grading *root = &p->data_group.legacy;
		double best = p->minimize ? root->range_lo : root->range_hi;
		if (isfinite(best) || uses_custom_grader(p)) {
			p->max_score = isfinite(best) ? best : INFINITY;
			return 0;
		}
	} else if (secret >= 0) {
		int bounded = isfinite(max_of(p, secret));
		for (int g = 0; g < p->ngroups; g++) {
			if (g == secret || p->groups[g].parent != secret)
				continue;
			if (bounded && isinf(max_of(p, g)))
				return snprintf(err, n, "data/%s: secret's max_score is %g, so each group needs its own max_score "
					       "in test_group.yaml (only an unbounded secret allows unbounded groups)",
					       p->groups[g].name, max_of(p, secret)), -1;
			if (isinf(max_of(p, g)) && aggregation_of(p, g) == AGG_PASS_FAIL)
				return snprintf(err, n, "data/%s: an unbounded group cannot use pass-fail aggregation",
					       p->groups[g].name), -1;
			if (aggregation_of(p, secret) == AGG_PASS_FAIL && aggregation_of(p, g) != AGG_PASS_FAIL)
				return snprintf(err, n, "data/%s: secret uses pass-fail aggregation, so must its groups",
					       p->groups[g].name), -1;
		}
		if (!bounded && aggregation_of(p, secret) == AGG_PASS_FAIL)
			return snprintf(err, n, "data/secret: an unbounded secret cannot use pass-fail aggregation"), -1;
		if (!bounded) {
			p->max_score = INFINITY;
			return 0;
		}
	}
	struct graded_test *all = calloc((size_t)(p->ntests ? p->ntests : 1), sizeof *all);
	if (!all)
		return snprintf(err, n, "out of memory"), -1;
	struct grade g;
	grading_grade(p, all, p->ntests, &g); /* every verdict VERDICT_AC (0), no score.txt */
	free(all);
	p->max_score = g.score;
	return 0;
}
