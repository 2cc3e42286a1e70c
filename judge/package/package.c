/* package.c - a problem package in the ICPC/Kattis format, legacy or 2025-09, as read from disk.
 *
 * What is read, and from where:
 *   version     problem.yaml problem_format_version: absent, legacy or
 *               legacy-icpc is the legacy format; 2025-09 (and the
 *               2023-07 draft it grew from) the current one.
 *   title       problem.yaml name: a string, or a map of languages (en
 *               first); else the package directory's name.
 *   time limit  problem.yaml limits.time_limit, else DOMjudge's
 *               domjudge-problem.ini timelimit or .timelimit file, else 10 s
 *               of CPU. A .timelimit that disagrees with limits.time_limit
 *               is an error, as in DOMjudge.
 *   memory      limits.memory (MiB), else 64; output: limits.output (MiB),
 *               else 8 (the spec's typical default).
 *   tests       data/sample and data/secret, each .in with its .ans, in
 *               lexicographic order with groups (subdirectories, nested in
 *               legacy packages) interleaved by name, as problemtools does.
 *   flags       the default validator's: problem.yaml validator_flags
 *               (legacy), then the nearest group's output_validator_flags
 *               (testdata.yaml, a string) or output_validator_args
 *               (test_group.yaml, a list). Both file names and spellings
 *               are accepted in both versions.
 *   statement   problem_statement/ (legacy) or statement/ (2025-09),
 *               problem.en.{md,tex,pdf} or problem.{md,tex,pdf}.
 */
#include "package.h"
#include "fsutil.h"
#include "limit.h"
#include "testlib_checker.h"
#include "util.h"
#include "yaml_doc.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_TIME_LIMIT 10.0
#define DEFAULT_MEMORY_MB 64
#define DEFAULT_OUTPUT_MB 8
#define MAX_TESTS 20000
#define MAX_GROUPS 2000
#define MAX_DEPTH 10
#define MAX_DIR_LEN 1024
#define STATEMENT_MAX_BYTES (8 << 20) /* a larger statement is refused */
#define STATEMENT_MAX_TEXT "8 MiB"

struct loader {
	struct package *p;
	char *err;
	size_t n;
	char problem_flags[512]; /* problem.yaml validator_flags */
	int legacy_keys, new_keys; /* a group file used legacy grading keys / max_score or score_aggregation */
	struct legacy_grading problem_grading; /* legacy problem.yaml grading: imposed on every group */
};

/* snprintf for paths and names: the package's directory is at most
 * MAX_DIR_LEN long and names below it are bounded, so nothing is cut
 * short; if something were, the result is emptied rather than wrong. */
static void fmt(char *out, size_t n, const char *f, ...) __attribute__((format(printf, 3, 4)));
static void fmt(char *out, size_t n, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	int len = vsnprintf(out, n, f, ap);
	va_end(ap);
	if (len < 0 || (size_t)len >= n)
		out[0] = 0;
}

static int fail(struct loader *L, const char *format, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct loader *L, const char *format, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, format);
	vsnprintf(msg, sizeof msg, format, ap);
	va_end(ap);
	int len = snprintf(L->err, L->n, "problem %s: %s", L->p->short_name, msg);
	(void)len; /* a long message is cut short, which is fine for a message */
	return -1;
}

static void warn(struct package *p, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void warn(struct package *p, const char *format, ...)
{
	size_t len = strlen(p->warnings);
	if (len + 2 >= sizeof p->warnings)
		return;
	va_list ap;
	va_start(ap, format);
	vsnprintf(p->warnings + len, sizeof p->warnings - len - 1, format, ap);
	va_end(ap);
	len = strlen(p->warnings);
	p->warnings[len] = '\n';
	p->warnings[len + 1] = 0;
}

static int exists(const char *dir, const char *rel, int want_dir)
{
	char path[PATH_MAX];
	struct stat st;
	fmt(path, sizeof path, "%s/%s", dir, rel);
	return stat(path, &st) == 0 && (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}

/* A positive number of seconds into *out: 0, or -1 when it is not one. Its range is
 * checked apart (check_range), so that the message can say which. */
static int parse_seconds(const char *s, double *out)
{
	char *end;
	if (!s)
		return -1;
	errno = 0;
	double v = strtod(s, &end);
	while (*end == ' ' || *end == '\n' || *end == '\t' || *end == '\r')
		end++;
	if (errno || end == s || *end || !isfinite(v) || v <= 0)
		return -1;
	*out = v;
	return 0;
}

static int parse_mib(const char *s, long *out)
{
	char *end;
	if (!s)
		return -1;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v <= 0)
		return -1;
	*out = v;
	return 0;
}

/* A limit the package sets, against the range every other way of setting
 * it obeys (judge/core/limit.c): refused with the file and the key at fault. */
static int check_range(struct loader *L, enum limit_id id, double v, const char *where)
{
	char why[160];
	if (limit_check(id, v, why, sizeof why) == 0)
		return 0;
	return fail(L, "%s: %s (Verdict's range; the settings page and `verdict problem set` keep to it too)", where,
		    why);
}

/* DOMjudge's domjudge-problem.ini: "timelimit = 2" or "timelimit='2'"
 * (in its first 64 KiB: the file holds a few short lines). */
static int ini_time_limit(const char *dir, double *out)
{
	char path[PATH_MAX], text[65536];
	int truncated;
	fmt(path, sizeof path, "%s/domjudge-problem.ini", dir);
	if (read_prefix(path, text, sizeof text, &truncated) < 0)
		return 0;
	int found = 0;
	for (char *line = text, *next; !found && line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		char *eq = strchr(line, '=');
		if (!eq || strncmp(line, "timelimit", 9) != 0 || strspn(line + 9, " \t") != (size_t)(eq - line - 9))
			continue;
		char *v = eq + 1 + strspn(eq + 1, " \t'\"");
		v[strcspn(v, "'\"\r\n")] = 0;
		found = parse_seconds(v, out) == 0 ? 1 : -1;
	}
	return found;
}

static int dot_time_limit(const char *dir, double *out)
{
	char path[PATH_MAX], buf[64];
	int truncated;
	fmt(path, sizeof path, "%s/.timelimit", dir);
	if (read_prefix(path, buf, sizeof buf, &truncated) < 0)
		return 0;
	return parse_seconds(buf, out) == 0 ? 1 : -1;
}

/* problem.yaml keys each version defines; others get a warning. */
static const char *const legacy_keys[] = { "problem_format_version", "type", "name", "uuid", "author", "source",
					   "source_url", "license", "rights_owner", "limits", "validation",
					   "validator_flags", "grading", "scoring", "keywords", NULL };
static const char *const v2025_keys[] = { "problem_format_version", "type", "name", "uuid", "version", "credits",
					  "source", "license", "rights_owner", "embargo_until", "limits", "keywords",
					  "languages", "allow_file_writing", "constants", NULL };

struct key_check {
	struct package *p;
	const char *const *known;
};

static void check_key(const char *key, void *arg)
{
	struct key_check *kc = arg;
	for (const char *const *k = kc->known; *k; k++)
		if (strcmp(*k, key) == 0)
			return;
	warn(kc->p, "problem.yaml: unknown key '%s' (ignored)", key);
}

/* The type's words, from a string ("scoring") or a 2025-09 list. Refuses
 * what the judge cannot do yet rather than judging it wrongly. */
static int read_type(struct loader *L, struct yaml_doc *y, yaml_node_t *node)
{
	for (int i = 0;; i++) {
		const char *t = node && node->type == YAML_SEQUENCE_NODE ? yaml_doc_scalar(yaml_doc_item(y, node, i))
									  : (i == 0 ? yaml_doc_scalar(node) : NULL);
		if (!t)
			break;
		char word[64];
		for (const char *s = t; sscanf(s, "%63s", word) == 1; s = strstr(s, word) + strlen(word)) {
			if (strcmp(word, "pass-fail") == 0)
				continue;
			if (strcmp(word, "scoring") == 0)
				L->p->scoring = 1;
			else if (strcmp(word, "interactive") == 0)
				L->p->interactive = 1;
			else if (strcmp(word, "multi-pass") == 0)
				L->p->multi_pass = 1;
			else if (strcmp(word, "submit-answer") == 0)
				L->p->submit_answer = 1;
			else
				return fail(L, "problem.yaml: unknown type '%s' (pass-fail, scoring, interactive, multi-pass, "
					       "submit-answer)", word);
		}
	}
	if (L->p->submit_answer && (L->p->interactive || L->p->multi_pass))
		return fail(L, "problem.yaml: type submit-answer cannot be %s too (the format: they are incompatible)",
			    L->p->interactive ? "interactive" : "multi-pass");
	return 0;
}

/* limits: compilation_time and the multipliers a derived time limit uses,
 * each a positive number (the multipliers at least 1, as 2025-09 says). */
static int read_timing(struct loader *L, struct yaml_doc *y, yaml_node_t *limits)
{
	struct package *p = L->p;
	int legacy = p->format == PACKAGE_LEGACY;
	yaml_node_t *multipliers = legacy ? limits : yaml_doc_get(y, limits, "time_multipliers");
	const struct {
		yaml_node_t *map;
		const char *key;
		double *value, fallback, least;
	} keys[] = {
		{ limits, "compilation_time", &p->compilation_time, 60, 0 },
		{ multipliers, legacy ? "time_multiplier" : "ac_to_time_limit", &p->ac_to_time_limit, legacy ? 5 : 2, 1 },
		{ multipliers, legacy ? "time_safety_margin" : "time_limit_to_tle", &p->time_limit_to_tle, legacy ? 2 : 1.5, 1 },
		{ limits, legacy ? NULL : "time_resolution", &p->time_resolution, 1, 0 },
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		*keys[i].value = keys[i].fallback;
		yaml_node_t *node = keys[i].key ? yaml_doc_get(y, keys[i].map, keys[i].key) : NULL;
		if (!node)
			continue;
		if (parse_seconds(yaml_doc_scalar(node), keys[i].value) < 0 || *keys[i].value < keys[i].least ||
		    *keys[i].value > 3600)
			return fail(L, "problem.yaml: %s%s must be a number %s", keys[i].map == limits ? "limits." : "limits.time_multipliers.",
				    keys[i].key, keys[i].least > 0 ? "from 1 to 3600" : "above 0, at most 3600");
	}
	return 0;
}

static int read_problem_yaml(struct loader *L)
{
	struct package *p = L->p;
	char path[PATH_MAX], err[512];
	fmt(path, sizeof path, "%s/problem.yaml", p->dir);
	struct yaml_doc y;
	int rc = yaml_doc_load(&y, path, err, sizeof err);
	if (rc == 0)
		return fail(L, "problem.yaml is missing (every package needs one)");
	if (rc == -2)
		return fail(L, "problem.yaml: %s", err);
	if (rc < 0)
		return fail(L, "problem.yaml is not valid YAML: %s", err);
	yaml_node_t *root = yaml_doc_root(&y);
	if (root && root->type == YAML_SCALAR_NODE && !*yaml_doc_scalar(root))
		root = NULL; /* an empty file: every key takes its default */
	if (root && root->type != YAML_MAPPING_NODE) {
		yaml_doc_free(&y);
		return fail(L, "problem.yaml must be a mapping of keys to values");
	}
	const char *version = yaml_doc_scalar(yaml_doc_get(&y, root, "problem_format_version"));
	if (!version || !strcmp(version, "legacy") || !strcmp(version, "legacy-icpc"))
		p->format = PACKAGE_LEGACY;
	else if (!strcmp(version, "2025-09") || !strcmp(version, "2023-07-draft") || !strcmp(version, "2023-07")) {
		p->format = PACKAGE_2025_09;
		p->draft_2023 = strcmp(version, "2025-09") != 0;
	}
	else {
		fail(L, "problem.yaml: problem_format_version '%s' is not supported (legacy or 2025-09)", version);
		yaml_doc_free(&y); /* after the message: version points into it */
		return -1;
	}
	struct key_check kc = { p, p->format == PACKAGE_LEGACY ? legacy_keys : v2025_keys };
	yaml_doc_each_key(&y, root, check_key, &kc);

	yaml_node_t *name = yaml_doc_get(&y, root, "name");
	const char *title = yaml_doc_scalar(name);
	if (!title && name && name->type == YAML_MAPPING_NODE) {
		title = yaml_doc_scalar(yaml_doc_get(&y, name, "en"));
		if (!title && name->data.mapping.pairs.start < name->data.mapping.pairs.top)
			title = yaml_doc_scalar(yaml_document_get_node(&y.doc, name->data.mapping.pairs.start->value));
	}
	fmt(p->title, sizeof p->title, "%s", title && *title ? title : p->short_name);

	rc = read_type(L, &y, yaml_doc_get(&y, root, "type"));
	const char *validation = yaml_doc_scalar(yaml_doc_get(&y, root, "validation"));
	if (rc == 0 && validation) {
		char word[32] = "";
		int custom = 0;
		for (const char *w = validation; rc == 0 && sscanf(w, "%31s", word) == 1; w = strstr(w, word) + strlen(word)) {
			if (w == validation && strcmp(word, "custom") == 0)
				custom = 1;
			else if (w == validation && strcmp(word, "default") != 0)
				rc = fail(L, "problem.yaml: validation must start with 'default' or 'custom', not '%s'", validation);
			else if (strcmp(word, "interactive") == 0)
				p->interactive = 1;
			else if (strcmp(word, "score") == 0 && custom)
				p->custom_score = p->custom_score_required = 1;
			else if (w != validation)
				rc = fail(L, "problem.yaml: validation '%s': unknown word '%s' (custom [interactive] [score])",
					  validation, word);
		}
		p->custom_validator = custom;
	}
	char why[256];
	if (rc == 0 && grading_read_problem(&y, p->format == PACKAGE_LEGACY ? yaml_doc_get(&y, root, "grading") : NULL,
					    &L->problem_grading, &p->minimize, why, sizeof why) < 0)
		rc = fail(L, "problem.yaml: %s", why);
	const char *flags = yaml_doc_scalar(yaml_doc_get(&y, root, "validator_flags"));
	fmt(L->problem_flags, sizeof L->problem_flags, "%s", flags ? flags : "");

	yaml_node_t *limits = yaml_doc_get(&y, root, "limits");
	double yaml_time = 0;
	yaml_node_t *t = yaml_doc_get(&y, limits, "time_limit");
	if (rc == 0 && t && parse_seconds(yaml_doc_scalar(t), &yaml_time) < 0)
		rc = fail(L, "problem.yaml: limits.time_limit must be a positive number of seconds");
	if (rc == 0 && t)
		rc = check_range(L, LIMIT_TIME, yaml_time, "problem.yaml: limits.time_limit");
	yaml_node_t *m = yaml_doc_get(&y, limits, "memory");
	if (rc == 0 && m && parse_mib(yaml_doc_scalar(m), &p->memory_mb) < 0)
		rc = fail(L, "problem.yaml: limits.memory must be a positive whole number of MiB");
	if (rc == 0 && m)
		rc = check_range(L, LIMIT_MEMORY, (double)p->memory_mb, "problem.yaml: limits.memory");
	yaml_node_t *passes = yaml_doc_get(&y, limits, "validation_passes");
	p->validation_passes = p->multi_pass ? 2 : 1;
	if (rc == 0 && passes && !p->multi_pass)
		warn(p, "problem.yaml: limits.validation_passes is only for multi-pass problems (ignored)");
	else if (rc == 0 && passes) {
		long v = 0;
		rc = parse_mib(yaml_doc_scalar(passes), &v) < 0
			     ? fail(L, "problem.yaml: limits.validation_passes must be a whole number >= 2")
			     : check_range(L, LIMIT_PASSES, (double)v, "problem.yaml: limits.validation_passes");
		p->validation_passes = (int)v;
	}
	yaml_node_t *o = yaml_doc_get(&y, limits, "output");
	if (rc == 0 && o && parse_mib(yaml_doc_scalar(o), &p->output_mb) < 0)
		rc = fail(L, "problem.yaml: limits.output must be a positive whole number of MiB");
	if (rc == 0 && o)
		rc = check_range(L, LIMIT_OUTPUT, (double)p->output_mb, "problem.yaml: limits.output");
	rc = rc < 0 ? -1 : read_timing(L, &y, limits);
	yaml_doc_free(&y);
	if (rc < 0)
		return -1;

	double file_time = 0, ini_time = 0;
	int has_file = dot_time_limit(p->dir, &file_time), has_ini = ini_time_limit(p->dir, &ini_time);
	if (has_file < 0)
		return fail(L, ".timelimit must hold a positive number of seconds");
	if (has_file && check_range(L, LIMIT_TIME, file_time, ".timelimit") < 0)
		return -1;
	if (has_ini < 0)
		return fail(L, "domjudge-problem.ini: timelimit must be a positive number of seconds");
	if (has_ini && check_range(L, LIMIT_TIME, ini_time, "domjudge-problem.ini: timelimit") < 0)
		return -1;
	if (yaml_time > 0) {
		if (has_file && fabs(file_time - yaml_time) > 1e-9)
			return fail(L, "conflicting time limits: .timelimit says %g s, problem.yaml limits.time_limit %g s",
				    file_time, yaml_time);
		p->time_limit = yaml_time;
		fmt(p->time_limit_from, sizeof p->time_limit_from, "problem.yaml limits.time_limit");
	} else if (has_ini) {
		p->time_limit = ini_time;
		fmt(p->time_limit_from, sizeof p->time_limit_from, "domjudge-problem.ini");
	} else if (has_file) {
		p->time_limit = file_time;
		fmt(p->time_limit_from, sizeof p->time_limit_from, ".timelimit");
	} else {
		p->time_limit = DEFAULT_TIME_LIMIT;
		fmt(p->time_limit_from, sizeof p->time_limit_from, "default");
	}
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int not_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static int parse_score(const char *s, double *out)
{
	char *end;
	if (!s)
		return -1;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v) || v < 0 || v > 1e9)
		return -1;
	*out = v;
	return 0;
}

/* Reads a group's testdata.yaml or test_group.yaml (both names, both
 * versions' keys): the validator flags it sets for itself, if any
 * (output_validator_flags, a string, or output_validator_args, a list),
 * into out, and its scoring keys into group g. Returns 1 if flags were set,
 * 0 if not, -1 on a bad file. */
static int group_config(struct loader *L, const char *rel, struct test_group *grp, char *out, size_t n)
{
	static const char *const files[] = { "test_group.yaml", "testdata.yaml" };
	for (size_t f = 0; f < 2; f++) {
		char path[PATH_MAX], err[512], file[600]; /* file: "data/secret/g1/testdata.yaml", or data/'s own */
		fmt(file, sizeof file, "data/%s%s%s", rel, *rel ? "/" : "", files[f]);
		fmt(path, sizeof path, "%s/%s", L->p->dir, file);
		struct yaml_doc y;
		int rc = yaml_doc_load(&y, path, err, sizeof err);
		if (rc == -2)
			return fail(L, "%s: %s", file, err);
		if (rc < 0)
			return fail(L, "%s is not valid YAML: %s", file, err);
		if (rc == 0)
			continue;
		yaml_node_t *root = yaml_doc_root(&y);
		yaml_node_t *v = yaml_doc_get(&y, root, "output_validator_flags");
		if (!v)
			v = yaml_doc_get(&y, root, "output_validator_args");
		int set = 0;
		if (v && yaml_doc_scalar(v)) {
			fmt(out, n, "%s", yaml_doc_scalar(v));
			set = 1;
		} else if (v && v->type == YAML_SEQUENCE_NODE) {
			out[0] = 0;
			for (int i = 0; yaml_doc_item(&y, v, i); i++) {
				const char *a = yaml_doc_scalar(yaml_doc_item(&y, v, i));
				size_t len = strlen(out);
				fmt(out + len, n - len, "%s%s", len ? " " : "", a ? a : "");
			}
			set = 1;
		}
		const char *max = yaml_doc_scalar(yaml_doc_get(&y, root, "max_score"));
		const char *agg = yaml_doc_scalar(yaml_doc_get(&y, root, "score_aggregation"));
		char why[256];
		rc = 0;
		if (max && !strcmp(max, "unbounded"))
			grp->max_score = INFINITY;
		else if (max && parse_score(max, &grp->max_score) < 0)
			rc = fail(L, "%s: max_score must be a non-negative number or unbounded", file);
		if (rc == 0 && grading_read_legacy(&y, root, &grp->legacy, why, sizeof why) < 0)
			rc = fail(L, "%s: %s", file, why);
		if (rc == 0 && grading_read_require_pass(&y, root, grp, why, sizeof why) < 0)
			rc = fail(L, "%s: %s", file, why);
		L->new_keys |= max || agg || grp->require_pass[0];
		L->legacy_keys |= grp->legacy.set != 0;
		if (rc == 0 && agg) {
			if (!strcmp(agg, "pass-fail"))
				grp->aggregation = AGG_PASS_FAIL;
			else if (!strcmp(agg, "sum"))
				grp->aggregation = AGG_SUM;
			else if (!strcmp(agg, "min"))
				grp->aggregation = AGG_MIN;
			else
				rc = fail(L, "%s: score_aggregation must be pass-fail, sum or min", file);
		}
		yaml_doc_free(&y);
		return rc < 0 ? -1 : set;
	}
	return 0;
}

static int add_group(struct loader *L, const char *rel, int parent)
{
	struct package *p = L->p;
	if (p->ngroups >= MAX_GROUPS)
		return fail(L, "more than %d test groups", MAX_GROUPS);
	struct test_group *g = realloc(p->groups, sizeof *g * (size_t)(p->ngroups + 1));
	if (!g)
		return fail(L, "out of memory");
	p->groups = g;
	memset(&g[p->ngroups], 0, sizeof *g);
	fmt(g[p->ngroups].name, sizeof g->name, "%s", rel);
	g[p->ngroups].parent = parent;
	g[p->ngroups].max_score = -1;
	return p->ngroups++;
}

static int add_test(struct loader *L, const char *rel, const char *base, int group, const char *flags)
{
	struct package *p = L->p;
	if (p->ntests >= MAX_TESTS)
		return fail(L, "more than %d test cases", MAX_TESTS);
	char ans[PATH_MAX];
	fmt(ans, sizeof ans, "data/%s/%s.ans", rel, base);
	if (!exists(p->dir, ans, 0))
		return fail(L, "data/%s/%s.in has no %s.ans beside it", rel, base, base);
	struct test_case *t = realloc(p->tests, sizeof *t * (size_t)(p->ntests + 1));
	if (!t)
		return fail(L, "out of memory");
	p->tests = t;
	t += p->ntests++;
	memset(t, 0, sizeof *t);
	fmt(t->name, sizeof t->name, "%s/%s", rel, base);
	fmt(t->in, sizeof t->in, "%s/data/%s/%s.in", p->dir, rel, base);
	fmt(t->ans, sizeof t->ans, "%s/data/%s/%s.ans", p->dir, rel, base);
	t->sample = strncmp(rel, "sample", 6) == 0 && (rel[6] == 0 || rel[6] == '/');
	t->group = group;
	fmt(t->validator_flags, sizeof t->validator_flags, "%s", flags);
	return 0;
}

/* Reads one group directory (data/<rel>) and everything below it. */
static int walk(struct loader *L, const char *rel, int parent, const char *inherited, int depth)
{
	if (depth > MAX_DEPTH)
		return fail(L, "data/%s: test groups nested more than %d deep", rel, MAX_DEPTH);
	int group = add_group(L, rel, parent);
	if (group < 0)
		return -1;
	char own[512], flags[1100];
	int set = group_config(L, rel, &L->p->groups[group], own, sizeof own);
	if (set < 0)
		return -1;
	struct legacy_grading *legacy = &L->p->groups[group].legacy;
	grading_inherit(legacy, parent >= 0 ? &L->p->groups[parent].legacy : &L->p->data_group.legacy);
	grading_override(legacy, &L->problem_grading);
	/* problemtools' rule: the root grades sample and secret (a custom grader takes any flags). */
	if (L->p->scoring && legacy->ignore_sample && !legacy->custom)
		return fail(L, "data/%s: grader_flags ignore_sample (its own or inherited from data/) is only allowed at "
			       "the root; give data/%s its own grader_flags", rel, rel);
	if (!set)
		fmt(own, sizeof own, "%s", inherited);
	fmt(flags, sizeof flags, "%s%s%s", L->problem_flags, *L->problem_flags && *own ? " " : "", own);
	/* A custom validator takes the flags as its own arguments, whatever they are. */
	struct checker_flags check;
	char err[256];
	checker_flags_defaults(&check);
	if (!L->p->custom_validator && checker_flags_parse(flags, &check, err, sizeof err) < 0)
		return fail(L, "data/%s: %s", rel, err);

	char path[PATH_MAX];
	fmt(path, sizeof path, "%s/data/%s", L->p->dir, rel);
	struct dirent **list;
	int n = scandir(path, &list, not_hidden, by_name);
	if (n < 0)
		return fail(L, "cannot read data/%s: %s", rel, strerror(errno));
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++) {
		const char *name = list[i]->d_name;
		char sub[512];
		fmt(sub, sizeof sub, "%s/%s", rel, name);
		if (exists(L->p->dir, (fmt(path, sizeof path, "data/%s", sub), path), 1)) {
			if (!ends_with(name, ".files")) /* a test case's extra files, not a group */
				rc = walk(L, sub, group, own, depth + 1);
		} else if (ends_with(name, ".in")) {
			char base[256];
			fmt(base, sizeof base, "%.*s", (int)(strlen(name) - 3), name);
			rc = add_test(L, rel, base, group, flags);
		}
	}
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
	return rc;
}

/* Where the custom output validator is. 2025-09: output_validator/ is one
 * program, and its presence asks for it. Legacy: validation: custom asks
 * for output_validators/, of which Verdict runs one program: its only
 * subdirectory, or else all its files together (as DOMjudge does). */
static int find_validator(struct loader *L)
{
	struct package *p = L->p;
	int has_new = exists(p->dir, "output_validator", 1), has_old = exists(p->dir, "output_validators", 1);
	if (p->format == PACKAGE_2025_09 && has_new)
		p->custom_validator = 1;
	if (!p->custom_validator && (p->interactive || p->multi_pass))
		return fail(L, "an %s problem needs its own output validator (%s), and there is none",
			    p->interactive ? "interactive" : "multi-pass",
			    p->format == PACKAGE_LEGACY ? "validation: custom, in output_validators/" : "output_validator/");
	if (!p->custom_validator) {
		if (has_new || has_old)
			warn(p, "%s/ is not used: %s", has_new ? "output_validator" : "output_validators",
			     p->format == PACKAGE_LEGACY ? "problem.yaml does not say 'validation: custom'"
							 : "2025-09 packages use output_validator/");
		return 0;
	}
	const char *dir = has_new ? "output_validator" : has_old ? "output_validators" : NULL;
	if (!dir)
		return fail(L, "problem.yaml asks for a custom validator, but there is no output_validators/ directory");
	fmt(p->validator_dir, sizeof p->validator_dir, "%s/%s", p->dir, dir);
	/* Legacy: one program per subdirectory. The 2023-07 draft's examples
	 * (problemtools' guess) also keep the one program in a subdirectory
	 * of output_validator/: taken when it is all there is. */
	{
		struct dirent **list;
		int n = scandir(p->validator_dir, &list, not_hidden, by_name), dirs = 0, files = 0, checker_dir = 0;
		char names[PACKAGE_MAX_VALIDATORS][256];
		for (int i = 0; i < n; i++) {
			char rel[PATH_MAX];
			fmt(rel, sizeof rel, "%s/%s", dir, list[i]->d_name);
			checker_dir |= !strcmp(list[i]->d_name, VALIDATOR_INTERACTOR_CHECKER) && exists(p->dir, rel, 1);
			if (exists(p->dir, rel, 1) && dirs < PACKAGE_MAX_VALIDATORS)
				fmt(names[dirs++], sizeof names[0], "%s", list[i]->d_name);
			else if (exists(p->dir, rel, 1))
				dirs++;
			else
				files++;
			free(list[i]);
		}
		if (n >= 0)
			free(list);
		if (p->interactive && checker_dir && dirs == 1 && files)
			dirs = 0; /* loose files (a testlib interactor) and its checker/: one program (validator.c) */
		if (dirs && files)
			return fail(L, "%s/ holds both files and directories: put each program in a directory of its own", dir);
		if (dirs > PACKAGE_MAX_VALIDATORS)
			return fail(L, "%s/ holds %d programs; Verdict runs at most %d", dir, dirs, PACKAGE_MAX_VALIDATORS);
		/* Each directory is one program, every one run (legacy: "validation
		 * fails if any validator fails"); loose files are one program. */
		for (int i = 0; i < dirs; i++)
			fmt(i ? p->extra_validator_dirs[i - 1] : p->validator_dir, PATH_MAX, "%s/%s/%s", p->dir, dir, names[i]);
		p->nextra_validators = dirs > 1 ? dirs - 1 : 0;
	}
	return 0;
}

/* Legacy graders/: one program, its files there or in its one
 * subdirectory (problemtools: "There is more than one custom grader"). */
static int find_grader(struct loader *L)
{
	struct package *p = L->p;
	struct dirent **list;
	char path[PATH_MAX], one[256] = "";
	fmt(path, sizeof path, "%s/graders", p->dir);
	if (!exists(p->dir, "graders", 1))
		return 0;
	int n = scandir(path, &list, not_hidden, by_name), dirs = 0;
	if (n < 0)
		return fail(L, "graders/: %s", strerror(errno));
	for (int i = 0; i < n; i++) {
		char rel[PATH_MAX];
		fmt(rel, sizeof rel, "graders/%s", list[i]->d_name);
		if (exists(p->dir, rel, 1) && dirs++ == 0)
			fmt(one, sizeof one, "%s", list[i]->d_name);
		free(list[i]);
	}
	free(list);
	if (dirs > 1 || (dirs && n > dirs))
		return fail(L, "graders/ holds more than one program (the format allows one grader: its files, or one "
			       "directory of them)");
	if (n > 0)
		fmt(p->grader_dir, sizeof p->grader_dir, "%s/graders%s%s", p->dir, dirs ? "/" : "", one);
	return 0;
}

/* Which model grades a scoring problem, its rules, its best score (and
 * that no other problem asks for require_pass). */
static int check_scoring(struct loader *L)
{
	struct package *p = L->p;
	char why[512];
	/* A 2023-07-draft package written with testdata.yaml's legacy keys is
	 * graded as legacy, as problemtools does; 2025-09 keys win. */
	p->legacy_grading = p->scoring && (p->format == PACKAGE_LEGACY || (L->legacy_keys && !L->new_keys));
	if (p->format == PACKAGE_2025_09 && p->scoring)
		p->custom_score = 1;
	if (grading_check(p, why, sizeof why) < 0)
		return fail(L, "%s", why);
	return 0;
}

/* Finds the statement; -1 when it is not a regular file of at most
 * STATEMENT_MAX_BYTES (it is converted, or served, whole). */
static int find_statement(struct loader *L)
{
	struct package *p = L->p;
	static const char *const dirs[2][2] = { { "problem_statement", "statement" }, { "statement", "problem_statement" } };
	static const char *const files[] = { "problem.en.md", "problem.en.tex", "problem.md", "problem.tex",
					     "problem.en.pdf", "problem.pdf" };
	for (int d = 0; d < 2; d++)
		for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
			char rel[128];
			fmt(rel, sizeof rel, "%s/%s", dirs[p->format == PACKAGE_2025_09][d], files[f]);
			if (exists(p->dir, rel, 0)) {
				fmt(p->statement, sizeof p->statement, "%s/%s", p->dir, rel);
				int fd = open_regular(p->statement, STATEMENT_MAX_BYTES);
				if (fd < 0)
					return fail(L, "%s: %s", rel,
						    errno == EFBIG ? "larger than " STATEMENT_MAX_TEXT ", the most a statement may be"
								   : errno == EINVAL || errno == ELOOP ? "not a regular file"
												      : strerror(errno));
				close(fd);
				return 0;
			}
		}
	warn(p, "no statement found (%s/problem.en.md or .tex)", p->format == PACKAGE_2025_09 ? "statement" : "problem_statement");
	return 0;
}

int package_load(const char *dir, struct package *p, char *err, size_t n)
{
	memset(p, 0, sizeof *p);
	struct loader L = { .p = p, .err = err, .n = n };
	p->memory_mb = DEFAULT_MEMORY_MB;
	p->output_mb = DEFAULT_OUTPUT_MB;
	if (!realpath(dir, p->dir)) {
		fmt(err, n, "cannot open problem package %s: %s", dir, strerror(errno));
		return -1;
	}
	if (strlen(p->dir) > MAX_DIR_LEN) {
		fmt(err, n, "problem package %s: its path is longer than %d characters", dir, MAX_DIR_LEN);
		return -1;
	}
	const char *base = strrchr(p->dir, '/');
	base = base ? base + 1 : p->dir;
	fmt(p->short_name, sizeof p->short_name, "%s", base);
	if (!*base || strlen(base) >= sizeof p->short_name || strspn(base, "abcdefghijklmnopqrstuvwxyz"
							 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != strlen(base)) {
		fmt(err, n, "problem package %s: its directory name is the problem's name, and must be 1 to 63 "
				 "letters, digits, '-' or '_'", dir);
		return -1;
	}
	if (!exists(p->dir, ".", 1)) {
		fmt(err, n, "problem package %s is not a directory", dir);
		return -1;
	}
	int rc = read_problem_yaml(&L);
	if (rc == 0)
		rc = find_validator(&L);
	if (rc == 0)
		rc = find_grader(&L);
	if (rc == 0 && !exists(p->dir, "data/secret", 1))
		rc = fail(&L, "data/secret is missing (every package needs secret test data)");
	if (rc == 0) {
		char ignored[512];
		rc = group_config(&L, "", &p->data_group, ignored, sizeof ignored) < 0 ? -1 : 0;
		grading_inherit(&p->data_group.legacy, NULL);
		grading_override(&p->data_group.legacy, &L.problem_grading);
		if (rc == 0 && p->scoring && p->data_group.legacy.ignore_sample && !p->data_group.legacy.custom &&
		    !p->data_group.legacy.on_reject_continue)
			rc = fail(&L, "data/testdata.yaml: grader_flags ignore_sample needs on_reject: continue (with break a "
				      "failed sample would leave secret unjudged)");
	}
	if (rc == 0 && exists(p->dir, "data/sample", 1))
		rc = walk(&L, "sample", -1, "", 0);
	int first_secret = p->ntests;
	if (rc == 0)
		rc = walk(&L, "secret", -1, "", 0);
	if (rc == 0 && p->ntests == first_secret)
		rc = fail(&L, "data/secret has no test cases (.in files with their .ans)");
	if (rc == 0)
		rc = check_scoring(&L);
	if (rc == 0)
		rc = find_statement(&L);
	if (rc < 0)
		package_free(p);
	return rc;
}

void package_free(struct package *p)
{
	free(p->tests);
	free(p->groups);
	p->tests = NULL;
	p->groups = NULL;
	p->ntests = p->ngroups = 0;
}
