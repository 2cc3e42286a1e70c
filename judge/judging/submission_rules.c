/* submission_rules.c - what a package's example submissions must do: the directories' default rules and 2025-09's submissions/submissions.yaml.
 *
 * submissions.yaml maps submission globs (matched against the path below
 * submissions/ and its parent directories; `*` stays within a name; one
 * level of braces, `{a,b}`, is expanded) to requirements: `permitted`
 * (every test's verdict in the set), `required` (some test's), `score` (a
 * number or an inclusive [lo, hi]) and `message` (in some test's judge
 * message), for all tests or, under a key naming a group or test glob
 * (relative to data/), for the tests it matches. `use_for_time_limit:
 * false` on a submission glob keeps its submissions out of a derived time
 * limit (`lower`/`upper` are read as true, and under a test glob it is
 * read past); `language`, `entrypoint`, `authors` and `model_solution` are
 * read past.
 */
#include "submission_rules.h"
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

struct reader {
	struct yaml_doc *y;
	yaml_node_t *map;
	struct sub_rule *rule;
	struct sub_requirement *req; /* the one for every test */
	char *err;
	size_t n;
	int rc;
	int depth;                   /* 1 inside a test glob's map */
};

static int read_req(struct yaml_doc *y, yaml_node_t *map, struct sub_requirement *q, const char *where, char *err,
		    size_t n);

static void read_key(const char *key, void *arg)
{
	struct reader *R = arg;
	static const char *const ignored[] = { "language", "entrypoint", "authors", "model_solution", "use_for_time_limit" };
	static const char *const own[] = { "permitted", "required", "score", "message" };
	if (R->rc < 0)
		return;
	for (size_t i = 0; i < sizeof ignored / sizeof *ignored; i++)
		if (!strcmp(key, ignored[i]))
			return;
	for (size_t i = 0; i < sizeof own / sizeof *own; i++)
		if (!strcmp(key, own[i]))
			return; /* read by read_req */
	if (R->depth) {
		R->rc = errf(R->err, R->n, "submissions.yaml: %s: %s: unknown key '%s'", R->rule->glob, R->req->tests, key);
		return;
	}
	struct sub_requirement *q = add_req(R->rule, key);
	if (!q) {
		R->rc = errf(R->err, R->n, "submissions.yaml: %s: more than %d test globs", R->rule->glob, MAX_REQS);
		return;
	}
	yaml_node_t *sub = yaml_doc_get(R->y, R->map, key);
	if (!sub || sub->type != YAML_MAPPING_NODE) {
		R->rc = errf(R->err, R->n, "submissions.yaml: %s: %s must be a map of requirements", R->rule->glob, key);
		return;
	}
	char where[600];
	snprintf(where, sizeof where, "%s: %s", R->rule->glob, key);
	struct reader inner = { R->y, sub, R->rule, q, R->err, R->n, 0, 1 };
	yaml_doc_each_key(R->y, sub, read_key, &inner);
	R->rc = inner.rc < 0 ? -1 : read_req(R->y, sub, &R->rule->reqs[R->rule->nreqs - 1], where, R->err, R->n);
}

static int read_req(struct yaml_doc *y, yaml_node_t *map, struct sub_requirement *q, const char *where, char *err,
		    size_t n)
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
		q->has_score = 1;
	}
	return 0;
}

struct top {
	struct yaml_doc *y;
	yaml_node_t *root;
	struct submission_rules *r;
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
	const char *use = yaml_doc_scalar(yaml_doc_get(T->y, map, "use_for_time_limit"));
	rule->not_for_time_limit = use && !strcmp(use, "false");
	struct sub_requirement before = *all;
	if (read_req(T->y, map, all, glob, T->err, T->n) < 0) {
		T->rc = -1;
		return;
	}
	if (!yaml_doc_get(T->y, map, "permitted"))
		all->permitted = before.permitted;
	if (!yaml_doc_get(T->y, map, "required"))
		all->required = before.required;
	struct reader R = { T->y, map, rule, all, T->err, T->n, 0, 0 };
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
	struct top T = { &y, root, r, err, n, 0 };
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

static int check_req(const struct sub_requirement *q, const struct package *p, const struct judging *j, char *why,
		     size_t n)
{
	const char *scope = q->tests[0] ? q->tests : "every test";
	int selected = 0, some_required = 0, some_message = 0;
	if (j->verdict == VERDICT_CE || j->nrun == 0)
		return errf(why, n, "%s: it was not run (%s)", scope, verdict_name(j->verdict)), 0;
	for (int i = 0; i < j->nrun && i < p->ntests; i++) {
		if (q->tests[0] && !matches(q->tests, p->tests[i].name))
			continue;
		selected++;
		unsigned got = outcome_of(j->tests[i].verdict);
		if (q->permitted && !(got & q->permitted))
			return errf(why, n, "%s: got %s on %s, which is not permitted", scope, verdict_name(j->tests[i].verdict),
				    p->tests[i].name), 0;
		some_required |= (got & q->required) != 0;
		some_message |= q->message[0] && strstr(j->tests[i].message, q->message) != NULL;
	}
	if (q->required && !some_required)
		return errf(why, n, "%s: no test got a required verdict%s", scope, selected ? "" : " (no test matches)"), 0;
	if (q->message[0] && !some_message)
		return errf(why, n, "%s: no judge message holds '%s'", scope, q->message), 0;
	if (q->has_score && q->tests[0])
		return errf(why, n, "%s: a group's score is not checked by Verdict (only the submission's)", scope), 0;
	if (q->has_score && (!j->has_score || j->score < q->score_lo - 1e-9 || j->score > q->score_hi + 1e-9))
		return errf(why, n, "scored %g, not in [%g, %g]", j->has_score ? j->score : 0, q->score_lo, q->score_hi), 0;
	return 1;
}

int submission_rules_for_time_limit(const struct submission_rules *r, const char *path)
{
	for (int i = 0; i < r->n; i++)
		if (r->rules[i].not_for_time_limit && matches(r->rules[i].glob, path))
			return 0;
	return 1;
}

int submission_rules_check(const struct submission_rules *r, const struct package *p, const char *path,
			   const struct judging *j, char *why, size_t n)
{
	for (int i = 0; i < r->n; i++) {
		if (!matches(r->rules[i].glob, path))
			continue;
		for (int k = 0; k < r->rules[i].nreqs; k++) {
			char one[400];
			if (!check_req(&r->rules[i].reqs[k], p, j, one, sizeof one))
				return errf(why, n, "%s (rule '%s')", one, r->rules[i].glob), 0;
		}
	}
	return 1;
}
