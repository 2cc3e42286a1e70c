/* submission_rules.c - what a package's example submissions must do: the directories' default rules and 2025-09's submissions/submissions.yaml.
 *
 * submissions.yaml maps submission globs (matched against the path below
 * submissions/ and its parent directories; `*` stays within a name; one
 * level of braces, `{a,b}`, is expanded) to requirements: `permitted`
 * (every test's verdict in the set), `required` (some test's), `score` (a
 * number or an inclusive [lo, hi]: the submission's, or under a test glob
 * each group's it names), `message` (in some test's judge message) and
 * `use_for_time_limit`, for all tests or, under a key naming a group or
 * test glob (relative to data/), for the tests it matches. `language` and
 * `entrypoint` choose how the submission is built; `authors` and
 * `model_solution` are read past. A requirement bounds the time limit as
 * "Timelimit inference" says: from below when it forbids TLE, from above
 * when it requires exactly TLE; `use_for_time_limit` false, lower (also
 * permitted: [AC, WA, RTE]) or upper (also required: [TLE]) overrides that.
 */
#include "submission_rules.h"
#include "compile.h"
#include "util.h"
#include "yaml_doc.h"

#include <fnmatch.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RULES 1000
#define MAX_REQS 100

unsigned outcome_of(enum verdict v)
{
	switch (v) {
	case VERDICT_AC: return OUT_AC;
	case VERDICT_WA:
	case VERDICT_OLE: return OUT_WA;
	case VERDICT_TLE: return OUT_TLE;
	case VERDICT_RE:
	case VERDICT_MLE: return OUT_RTE;
	default: return 0;
	}
}

/* 2025-09's defaults ("Default directories"). */
static const struct {
	const char *dir;
	unsigned permitted, required;
} defaults[] = {
	{ "accepted", OUT_AC, 0 },
	{ "rejected", 0, OUT_RTE | OUT_TLE | OUT_WA },
	{ "wrong_answer", OUT_AC | OUT_WA, OUT_WA },
	{ "time_limit_exceeded", OUT_AC | OUT_TLE, OUT_TLE },
	{ "run_time_error", OUT_AC | OUT_RTE, OUT_RTE },
	{ "brute_force", OUT_AC | OUT_RTE | OUT_TLE, OUT_RTE | OUT_TLE },
};

/* array (count elements of size bytes, at most max) grown by one zeroed
 * element at its end: the new array, or NULL (array unchanged). */
static void *grow(void *array, int count, size_t size, int max)
{
	char *more = count < max ? realloc(array, size * (size_t)(count + 1)) : NULL;
	if (more)
		memset(more + size * (size_t)count, 0, size);
	return more;
}

static struct sub_rule *add_rule(struct submission_rules *r, const char *glob)
{
	struct sub_rule *more = grow(r->rules, r->n, sizeof *more, MAX_RULES);
	if (!more)
		return NULL;
	r->rules = more;
	snprintf(more[r->n].glob, sizeof more->glob, "%s", glob);
	return &more[r->n++];
}

static struct sub_requirement *add_req(struct sub_rule *rule, const char *tests)
{
	struct sub_requirement *more = grow(rule->reqs, rule->nreqs, sizeof *more, MAX_REQS);
	if (!more)
		return NULL;
	rule->reqs = more;
	snprintf(more[rule->nreqs].tests, sizeof more->tests, "%s", tests);
	return &more[rule->nreqs++];
}

void submission_rules_free(struct submission_rules *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->rules[i].reqs);
	free(r->rules);
	memset(r, 0, sizeof *r);
}

static int outcome_set(struct yaml_doc *y, yaml_node_t *node, unsigned *out)
{
	static const struct { const char *name; unsigned bit; } names[] = {
		{ "AC", OUT_AC }, { "WA", OUT_WA }, { "TLE", OUT_TLE }, { "RTE", OUT_RTE },
	};
	*out = 0;
	const char *one = yaml_doc_scalar(node);
	for (int i = 0;; i++) {
		const char *v = one ? (i == 0 ? one : NULL) : yaml_doc_scalar(yaml_doc_item(y, node, i));
		if (!v)
			return *out ? 0 : -1;
		size_t k = 0;
		while (k < sizeof names / sizeof *names && strcmp(names[k].name, v) != 0)
			k++;
		if (k == sizeof names / sizeof *names)
			return -1;
		*out |= names[k].bit;
	}
}

static int read_use(const char *v, enum time_use *use)
{
	static const struct { const char *name; enum time_use use; } names[] = {
		{ "true", TIME_USE_INFER }, { "false", TIME_USE_NO }, { "lower", TIME_USE_LOWER }, { "upper", TIME_USE_UPPER },
	};
	for (size_t i = 0; v && i < sizeof names / sizeof *names; i++)
		if (!strcmp(v, names[i].name)) {
			*use = names[i].use;
			return 0;
		}
	return -1;
}

/* A requirement's own keys from map; those map does not give keep their
 * value (a directory's key over its default). */
static int read_req(struct yaml_doc *y, yaml_node_t *map, struct sub_requirement *q, const char *where, int scoring,
		    char *err, size_t n)
{
	yaml_node_t *node;
	if ((node = yaml_doc_get(y, map, "permitted")) && outcome_set(y, node, &q->permitted) < 0)
		return errf(err, n, "submissions.yaml: %s: permitted must list some of AC, WA, TLE, RTE", where);
	if ((node = yaml_doc_get(y, map, "required")) && outcome_set(y, node, &q->required) < 0)
		return errf(err, n, "submissions.yaml: %s: required must list some of AC, WA, TLE, RTE", where);
	if ((node = yaml_doc_get(y, map, "message"))) {
		const char *m = yaml_doc_scalar(node);
		if (!m || !*m)
			return errf(err, n, "submissions.yaml: %s: message must be a string", where);
		snprintf(q->message, sizeof q->message, "%s", m);
	}
	if ((node = yaml_doc_get(y, map, "use_for_time_limit")) && read_use(yaml_doc_scalar(node), &q->use) < 0)
		return errf(err, n, "submissions.yaml: %s: use_for_time_limit must be false, lower or upper", where);
	if ((node = yaml_doc_get(y, map, "score"))) {
		const char *one = yaml_doc_scalar(node), *lo = one ? one : yaml_doc_scalar(yaml_doc_item(y, node, 0)),
			   *hi = one ? one : yaml_doc_scalar(yaml_doc_item(y, node, 1));
		char *end1 = NULL, *end2 = NULL;
		if (lo && hi) {
			q->score_lo = strtod(lo, &end1);
			q->score_hi = strtod(hi, &end2);
		}
		if (!lo || !hi || *end1 || *end2 || end1 == lo || end2 == hi || !isfinite(q->score_lo) ||
		    !isfinite(q->score_hi) || q->score_lo > q->score_hi || (!one && yaml_doc_item(y, node, 2)))
			return errf(err, n, "submissions.yaml: %s: score must be a number or a list of two, the least first",
				    where);
		if (!scoring)
			return errf(err, n, "submissions.yaml: %s: score is only for scoring problems", where);
		q->has_score = 1;
	}
	/* "should error when it is inconsistent with other constraints" */
	unsigned permitted = q->permitted ? q->permitted : OUT_AC | OUT_WA | OUT_TLE | OUT_RTE;
	if (q->use == TIME_USE_LOWER)
		permitted &= ~(unsigned)OUT_TLE; /* lower: as permitted: [AC, WA, RTE] */
	if ((q->required && !(q->required & permitted)) || (q->use == TIME_USE_UPPER && !(permitted & OUT_TLE)))
		return errf(err, n, "submissions.yaml: %s: no verdict is both permitted and required%s", where,
			    q->use == TIME_USE_UPPER ? " (use_for_time_limit: upper requires TLE)"
			    : q->use == TIME_USE_LOWER ? " (use_for_time_limit: lower forbids TLE)" : "");
	return 0;
}

/* The keys a submission glob's map may hold besides its requirement's
 * and its test globs'. */
static const char *const program_keys[] = { "language", "entrypoint", "authors", "model_solution" };
static const char *const requirement_keys[] = { "permitted", "required", "score", "message", "use_for_time_limit" };

static int one_of(const char *key, const char *const *keys, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (!strcmp(key, keys[i]))
			return 1;
	return 0;
}

/* A test glob names groups or tests below data/: sample..., secret..., or
 * a wildcard first (the format's schema). */
static int test_glob_key(const char *key)
{
	return !strncmp(key, "sample", 6) || !strncmp(key, "secret", 6) || key[0] == '*' || key[0] == '{';
}

struct reader {
	struct yaml_doc *y;
	yaml_node_t *map;
	struct sub_rule *rule;
	const char *tests;           /* the test glob whose map this is, NULL at the submission glob */
	int scoring;
	char *err;
	size_t n;
	int rc;
};

static void read_key(const char *key, void *arg)
{
	struct reader *R = arg;
	if (R->rc < 0 || one_of(key, requirement_keys, sizeof requirement_keys / sizeof *requirement_keys))
		return; /* read by read_req */
	if (!R->tests && one_of(key, program_keys, sizeof program_keys / sizeof *program_keys))
		return; /* read by read_program */
	if (R->tests || !test_glob_key(key)) {
		if (R->tests)
			R->rc = errf(R->err, R->n, "submissions.yaml: %s: %s: unknown key '%s'", R->rule->glob, R->tests, key);
		else
			R->rc = errf(R->err, R->n, "submissions.yaml: %s: unknown key '%s' (a test glob starts with sample, "
				     "secret or *)", R->rule->glob, key);
		return;
	}
	yaml_node_t *sub = yaml_doc_get(R->y, R->map, key);
	if (!sub || sub->type != YAML_MAPPING_NODE) {
		R->rc = errf(R->err, R->n, "submissions.yaml: %s: %s must be a map of requirements", R->rule->glob, key);
		return;
	}
	struct sub_requirement *q = add_req(R->rule, key);
	if (!q) {
		R->rc = errf(R->err, R->n, "submissions.yaml: %s: more than %d test globs", R->rule->glob, MAX_REQS);
		return;
	}
	char where[600];
	snprintf(where, sizeof where, "%s: %s", R->rule->glob, key);
	struct reader inner = { R->y, sub, R->rule, key, R->scoring, R->err, R->n, 0 };
	yaml_doc_each_key(R->y, sub, read_key, &inner);
	R->rc = inner.rc < 0 ? -1
			     : read_req(R->y, sub, &R->rule->reqs[R->rule->nreqs - 1], where, R->scoring, R->err, R->n);
}

/* language (an id of Verdict's table) and entrypoint (a file or class
 * name in the submission's directory). */
static int read_program(struct yaml_doc *y, yaml_node_t *map, struct sub_rule *rule, char *err, size_t n)
{
	yaml_node_t *node;
	if ((node = yaml_doc_get(y, map, "language"))) {
		const char *id = yaml_doc_scalar(node);
		char ids[1024];
		if (!id || !language_by_id(id))
			return errf(err, n, "submissions.yaml: %s: language '%.40s' is not one this judge has (%s)", rule->glob,
				    id ? id : "(not a string)", language_ids(ids, sizeof ids));
		snprintf(rule->language, sizeof rule->language, "%s", id);
	}
	if ((node = yaml_doc_get(y, map, "entrypoint"))) {
		const char *e = yaml_doc_scalar(node);
		if (!e || !*e || strlen(e) >= sizeof rule->entrypoint || strchr(e, '/') || e[0] == '.')
			return errf(err, n, "submissions.yaml: %s: entrypoint must be the name of a file (or class) of the "
				    "submission, without a directory", rule->glob);
		snprintf(rule->entrypoint, sizeof rule->entrypoint, "%s", e);
	}
	return 0;
}

struct top {
	struct yaml_doc *y;
	yaml_node_t *root;
	struct submission_rules *r;
	int scoring;
	char *err;
	size_t n;
	int rc;
};

static void read_glob(const char *glob, void *arg)
{
	struct top *T = arg;
	if (T->rc < 0)
		return;
	yaml_node_t *map = yaml_doc_get(T->y, T->root, glob);
	if (!map || map->type != YAML_MAPPING_NODE) {
		T->rc = errf(T->err, T->n, "submissions.yaml: %s must be a map of requirements", glob);
		return;
	}
	/* A directory's own key replaces its default's keys. */
	struct sub_rule *rule = NULL;
	for (int i = 0; i < T->r->n; i++)
		if (!strcmp(T->r->rules[i].glob, glob))
			rule = &T->r->rules[i];
	if (!rule && !(rule = add_rule(T->r, glob))) {
		T->rc = errf(T->err, T->n, "submissions.yaml: more than %d globs", MAX_RULES);
		return;
	}
	struct sub_requirement *all = rule->nreqs ? &rule->reqs[0] : add_req(rule, "");
	if (!all) {
		T->rc = errf(T->err, T->n, "out of memory");
		return;
	}
	if (read_program(T->y, map, rule, T->err, T->n) < 0 ||
	    read_req(T->y, map, &rule->reqs[0], glob, T->scoring, T->err, T->n) < 0) {
		T->rc = -1;
		return;
	}
	struct reader R = { T->y, map, rule, NULL, T->scoring, T->err, T->n, 0 };
	yaml_doc_each_key(T->y, map, read_key, &R);
	T->rc = R.rc;
}

int submission_rules_load(const struct package *p, struct submission_rules *r, char *err, size_t n)
{
	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++) {
		struct sub_rule *rule = add_rule(r, defaults[i].dir);
		struct sub_requirement *q = rule ? add_req(rule, "") : NULL;
		if (!q) {
			submission_rules_free(r);
			return errf(err, n, "out of memory");
		}
		q->permitted = defaults[i].permitted;
		q->required = defaults[i].required;
		/* Legacy (and the 2023-07 draft, as problemtools reads it: its
		 * guess example keeps a 30 s interactive run in wrong_answer/):
		 * accepted/ bounds the limit from below, and
		 * time_limit_exceeded/ from above; nothing else does. */
		if (p->format != PACKAGE_2025_09 || p->draft_2023)
			q->use = !strcmp(defaults[i].dir, "accepted")              ? TIME_USE_LOWER
				 : !strcmp(defaults[i].dir, "time_limit_exceeded") ? TIME_USE_UPPER
										   : TIME_USE_NO;
	}
	if (p->format != PACKAGE_2025_09)
		return 0;
	char path[PATH_MAX + 64], why[512];
	snprintf(path, sizeof path, "%s/submissions/submissions.yaml", p->dir);
	struct yaml_doc y;
	int rc = yaml_doc_load(&y, path, why, sizeof why);
	if (rc == 0)
		return 0;
	if (rc < 0) {
		submission_rules_free(r);
		return errf(err, n, "submissions/submissions.yaml: %s", why);
	}
	yaml_node_t *root = yaml_doc_root(&y);
	struct top T = { &y, root, r, p->scoring, err, n, 0 };
	if (root && root->type == YAML_MAPPING_NODE)
		yaml_doc_each_key(&y, root, read_glob, &T);
	else if (root && !(root->type == YAML_SCALAR_NODE && !*yaml_doc_scalar(root)))
		T.rc = errf(err, n, "submissions.yaml must be a map of submission globs");
	yaml_doc_free(&y);
	if (T.rc < 0) {
		submission_rules_free(r);
		return -1;
	}
	r->from_yaml = 1;
	return 0;
}

/* fnmatch with one level of braces: "a.{py,cpp}". */
static int glob_match(const char *glob, const char *s)
{
	const char *open = strchr(glob, '{'), *close = open ? strchr(open, '}') : NULL;
	if (!close)
		return fnmatch(glob, s, FNM_PATHNAME) == 0;
	for (const char *alt = open + 1; alt <= close;) {
		size_t len = strcspn(alt, ",}");
		if (alt + len > close)
			len = (size_t)(close - alt);
		char one[1024];
		if ((size_t)snprintf(one, sizeof one, "%.*s%.*s%s", (int)(open - glob), glob, (int)len, alt, close + 1) <
			    sizeof one &&
		    glob_match(one, s))
			return 1;
		alt += len + 1;
	}
	return 0;
}

/* Whether glob matches path or one of its parent directories. */
static int matches(const char *glob, const char *path)
{
	char prefix[1024];
	snprintf(prefix, sizeof prefix, "%s", path);
	for (;;) {
		if (glob_match(glob, prefix))
			return 1;
		char *slash = strrchr(prefix, '/');
		if (!slash)
			return 0;
		*slash = 0;
	}
}

/* Does q speak of test i? */
static int covers(const struct sub_requirement *q, const struct package *p, int i)
{
	return !q->tests[0] || matches(q->tests, p->tests[i].name);
}

/* "Timelimit inference": a requirement that forbids TLE bounds the limit
 * from below, one that requires exactly TLE from above, unless
 * use_for_time_limit says otherwise. */
static unsigned bounds_of(const struct sub_requirement *q)
{
	switch (q->use) {
	case TIME_USE_NO: return 0;
	case TIME_USE_LOWER: return BOUND_LOWER;
	case TIME_USE_UPPER: return BOUND_UPPER;
	default:
		return (q->permitted && !(q->permitted & OUT_TLE) ? BOUND_LOWER : 0) |
		       (q->required == OUT_TLE ? BOUND_UPPER : 0);
	}
}

/* Test t's verdict as q sees it: a run given the upper bound's margin is
 * too slow at the limit itself once it is slower than limit_ms. */
static enum verdict seen(const struct sub_requirement *q, const struct test_result *t, long limit_ms)
{
	if (!(bounds_of(q) & BOUND_UPPER) && t->verdict != VERDICT_TLE && t->cpu_ms > limit_ms)
		return VERDICT_TLE;
	return t->verdict;
}

/* A score under a test glob: each group it names must have scored in range. */
static int check_group_scores(const struct sub_requirement *q, const struct package *p, const struct judging *j,
			      char *why, size_t n)
{
	int scored = 0;
	for (int k = 0; k < j->ngroup_scores; k++) {
		const char *name = p->groups[j->group_scores[k].group].name;
		double s = j->group_scores[k].score;
		if (!glob_match(q->tests, name))
			continue;
		scored++;
		if (s < q->score_lo - 1e-9 || s > q->score_hi + 1e-9)
			return errf(why, n, "%s: group %s scored %g, not in [%g, %g]", q->tests, name, s, q->score_lo,
				    q->score_hi), 0;
	}
	if (!scored)
		return errf(why, n, "%s: no group with a score matches (secret and the groups below it have one)",
			    q->tests), 0;
	return 1;
}

static int check_req(const struct sub_requirement *q, const struct package *p, const struct judging *j, long limit_ms,
		     char *why, size_t n)
{
	const char *scope = q->tests[0] ? q->tests : "every test";
	unsigned permitted = q->permitted ? q->permitted : OUT_AC | OUT_WA | OUT_TLE | OUT_RTE;
	if (q->use == TIME_USE_LOWER)
		permitted &= ~(unsigned)OUT_TLE;
	int selected = 0, some_required = 0, some_tle = 0, some_message = 0;
	if (j->verdict == VERDICT_CE || j->nrun == 0)
		return errf(why, n, "%s: it was not run (%s)", scope, verdict_name(j->verdict)), 0;
	for (int i = 0; i < j->nrun && i < p->ntests; i++) {
		if (!covers(q, p, i))
			continue;
		selected++;
		enum verdict v = seen(q, &j->tests[i], limit_ms);
		unsigned got = outcome_of(v);
		if (!(got & permitted))
			return errf(why, n, "%s: got %s on %s%s, which is not permitted%s", scope, verdict_name(v),
				    p->tests[i].name, v != j->tests[i].verdict ? " (slower than the limit)" : "",
				    q->use == TIME_USE_LOWER ? " (use_for_time_limit: lower)" : ""), 0;
		some_required |= (got & q->required) != 0;
		some_tle |= got == OUT_TLE;
		some_message |= q->message[0] && strstr(j->tests[i].message, q->message) != NULL;
	}
	if (q->required && !some_required)
		return errf(why, n, "%s: no test got a required verdict%s", scope, selected ? "" : " (no test matches)"), 0;
	if (q->use == TIME_USE_UPPER && !some_tle)
		return errf(why, n, "%s: no test was too slow (use_for_time_limit: upper)", scope), 0;
	if (q->message[0] && !some_message)
		return errf(why, n, "%s: no judge message holds '%s'", scope, q->message), 0;
	if (q->has_score && q->tests[0])
		return check_group_scores(q, p, j, why, n);
	if (q->has_score && (!j->has_score || j->score < q->score_lo - 1e-9 || j->score > q->score_hi + 1e-9))
		return errf(why, n, "scored %g, not in [%g, %g]", j->has_score ? j->score : 0, q->score_lo, q->score_hi), 0;
	return 1;
}

int submission_rules_program(const struct submission_rules *r, const char *path, const char *file, int is_dir,
			     const struct language **lang, const char **entrypoint, char *err, size_t n)
{
	const struct sub_rule *by_lang = NULL, *by_entry = NULL;
	for (int i = 0; i < r->n; i++) {
		const struct sub_rule *rule = &r->rules[i];
		if (!matches(rule->glob, path))
			continue;
		if (rule->language[0] && by_lang && strcmp(rule->language, by_lang->language))
			return errf(err, n, "submissions.yaml: rules '%s' and '%s' give %s two languages, %s and %s",
				    by_lang->glob, rule->glob, path, by_lang->language, rule->language);
		if (rule->entrypoint[0] && by_entry && strcmp(rule->entrypoint, by_entry->entrypoint))
			return errf(err, n, "submissions.yaml: rules '%s' and '%s' give %s two entry points, %s and %s",
				    by_entry->glob, rule->glob, path, by_entry->entrypoint, rule->entrypoint);
		by_lang = rule->language[0] ? rule : by_lang;
		by_entry = rule->entrypoint[0] ? rule : by_entry;
	}
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	*lang = by_lang ? language_by_id(by_lang->language) : is_dir ? language_for_dir(file) : language_detect_file(file, base);
	*entrypoint = by_entry ? by_entry->entrypoint : "";
	if (!is_dir && by_entry && !compile_entry_is(base, by_entry->entrypoint))
		return errf(err, n, "submissions.yaml: rule '%s' gives %s the entry point %s, but it is one file, %s",
			    by_entry->glob, path, by_entry->entrypoint, base);
	return 0;
}

unsigned submission_rules_bounds(const struct submission_rules *r, const struct package *p, const char *path,
				 int test)
{
	unsigned bounds = 0;
	for (int i = 0; i < r->n; i++) {
		if (!matches(r->rules[i].glob, path))
			continue;
		for (int k = 0; k < r->rules[i].nreqs; k++) {
			const struct sub_requirement *q = &r->rules[i].reqs[k];
			int any = test >= 0 ? covers(q, p, test) : 0;
			for (int t = 0; test < 0 && !any && t < p->ntests; t++)
				any = covers(q, p, t);
			if (any)
				bounds |= bounds_of(q);
		}
	}
	return bounds;
}

int submission_rules_derive_from(const struct submission_rules *r, const struct package *p, const char *path)
{
	return submission_rules_bounds(r, p, path, -1) == BOUND_LOWER;
}

long submission_rules_slowest_lower(const struct submission_rules *r, const struct package *p, const char *path,
				    const struct judging *j)
{
	long slowest = -1;
	for (int i = 0; i < j->nrun && i < p->ntests; i++)
		if (j->tests[i].verdict != VERDICT_TLE && j->tests[i].cpu_ms > slowest &&
		    (submission_rules_bounds(r, p, path, i) & BOUND_LOWER))
			slowest = j->tests[i].cpu_ms;
	return slowest;
}

int submission_rules_check(const struct submission_rules *r, const struct package *p, const char *path,
			   const struct judging *j, long limit_ms, char *why, size_t n)
{
	for (int i = 0; i < r->n; i++) {
		if (!matches(r->rules[i].glob, path))
			continue;
		for (int k = 0; k < r->rules[i].nreqs; k++) {
			char one[400];
			if (!check_req(&r->rules[i].reqs[k], p, j, limit_ms, one, sizeof one))
				return errf(why, n, "%s (rule '%s')", one, r->rules[i].glob), 0;
		}
	}
	return 1;
}
