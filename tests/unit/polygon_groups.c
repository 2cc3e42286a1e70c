/* polygon_groups: how a Polygon generated test's cmd is split (hostile
 * text, never a shell's), and how a testset's groups and points become
 * 2025-09 groups under data/secret. Prints TAP lines. */
#include "polygon_generate.h"
#include "polygon_groups.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *cmd;
	int test;
	const char *words; /* the words joined by '|', or NULL: refused */
} cmds[] = {
	{ "gen 5 10", 4, "gen|5|10" },
	{ "gen 5 10 > $", 4, "gen|5|10" },
	{ "gen  -n=5\t-seed=x >$", 4, "gen|-n=5|-seed=x" },
	{ "gen 1 > 7", 7, "gen|1" },
	{ "gen 0.5 a,b c:d e@f g/h 10%", 1, "gen|0.5|a,b|c:d|e@f|g/h|10%" },
	{ "gen 1 > 8", 7, NULL },        /* another test's file */
	{ "gen 1 > /etc/passwd", 7, NULL },
	{ "gen 1 >", 7, NULL },
	{ "gen 1 > $ 2", 7, NULL },
	{ "> $", 7, NULL },
	{ "", 7, NULL },
	{ "gen 1; rm -rf /", 1, NULL },
	{ "gen $(id)", 1, NULL },
	{ "gen `id`", 1, NULL },
	{ "gen 1 | tee x", 1, NULL },
	{ "gen 1 && x", 1, NULL },
	{ "gen 'a b'", 1, NULL },
	{ "gen \"a\"", 1, NULL },
	{ "gen a*", 1, NULL },
	{ "gen < /etc/passwd", 1, NULL },
	{ "gen 1 2>err", 1, NULL },
	{ "gen ~", 1, NULL },
	{ "gen\r1", 1, NULL },
};

/* A problem of n tests, each "group:points[:s]" (s: a sample; group "-": none). */
static void problem(struct polygon_problem *p, const char *const *tests, int n)
{
	memset(p, 0, sizeof *p);
	p->test_count = n;
	p->points = 1;
	for (int i = 0; i < n; i++) {
		char group[32] = "";
		double points = 0;
		sscanf(tests[i], "%31[^:]:%lf", group, &points);
		p->test_points[i] = points;
		p->sample[i] = strstr(tests[i], ":s") != NULL;
		p->test_group[i] = -1;
		if (strcmp(group, "-")) {
			int g = 0;
			while (g < p->ngroups && strcmp(p->groups[g].name, group))
				g++;
			if (g == p->ngroups)
				snprintf(p->groups[p->ngroups++].name, sizeof p->groups[0].name, "%s", group);
			p->test_group[i] = (signed char)g;
		}
	}
}

/* "name=max/pf name=max/sum ..." of a plan, and the tests' groups "a b - c". */
static void describe(const struct polygon_scoring *s, int ntests, char *out, size_t n)
{
	size_t len = 0;
	for (int k = 0; k < s->ngroups; k++)
		len += (size_t)snprintf(out + len, n - len, "%s=%g/%s ", s->groups[k].name, s->groups[k].max_score,
					s->groups[k].pass_fail ? "pf" : "sum");
	len += (size_t)snprintf(out + len, n - len, "|");
	for (int i = 0; i < ntests; i++)
		len += (size_t)snprintf(out + len, n - len, " %s", s->test_group[i] < 0 ? "-" : s->groups[s->test_group[i]].name);
}

int main(void)
{
	int failed = 0;
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		struct polygon_cmd c;
		char err[512] = "", words[512] = "";
		int rc = polygon_cmd_parse(cmds[i].cmd, cmds[i].test, &c, err, sizeof err);
		for (int w = 0; rc == 0 && w < c.argc; w++)
			snprintf(words + strlen(words), sizeof words - strlen(words), "%s%s", w ? "|" : "", c.argv[w]);
		int good = cmds[i].words ? rc == 0 && !strcmp(words, cmds[i].words) : rc < 0 && err[0];
		printf("%s - cmd #%zu of test %d: %s\n", good ? "ok" : "not ok", i, cmds[i].test,
		       good ? (cmds[i].words ? cmds[i].words : err) : (rc == 0 ? words : err));
		failed |= !good;
	}

	struct polygon_problem *p = calloc(1, sizeof *p);
	struct polygon_scoring *s = calloc(1, sizeof *s);
	static const struct {
		const char *name;
		const char *tests[8];
		int n;
		int complete[4];    /* per group, in order of first use */
		double group_points[4]; /* -1: none */
		const char *want;   /* describe()'s, or NULL: not scoring */
	} plans[] = {
		{ "each-test group of equal points: one sum group",
		  { "a:10", "a:10", "a:10" }, 3, { 0 }, { -1 }, "a=30/sum | a a a" },
		{ "each-test group of different points: one group per value",
		  { "a:10", "a:25", "a:10" }, 3, { 0 }, { -1 }, "a-10pt=20/sum a-25pt=25/sum | a-10pt a-25pt a-10pt" },
		{ "complete-group with its own points, its sample included",
		  { "a:0:s", "a:0", "a:0" }, 3, { 1 }, { 30 }, "a=30/pf | a a a" },
		{ "complete-group without its own points: its tests' sum",
		  { "a:5", "a:10" }, 2, { 1 }, { -1 }, "a=15/pf | a a" },
		{ "samples worth nothing stay samples only",
		  { "s:0:s", "b:7" }, 2, { 0, 0 }, { -1, -1 }, "b=7/sum | - b" },
		{ "a sample with points is scored too",
		  { "a:3:s", "a:3" }, 2, { 0 }, { -1 }, "a=6/sum | a a" },
		{ "tests without a group: in 'tests'",
		  { "-:4", "-:4", "g:2" }, 3, { 0 }, { -1 }, "tests=8/sum g=2/sum | tests tests g" },
		{ "nothing worth points: not scoring", { "a:0", "b:0" }, 2, { 1, 0 }, { -1, -1 }, NULL },
	};
	for (size_t i = 0; i < sizeof plans / sizeof *plans; i++) {
		problem(p, plans[i].tests, plans[i].n);
		for (int g = 0; g < p->ngroups; g++) {
			p->groups[g].complete = plans[i].complete[g];
			p->groups[g].has_points = plans[i].group_points[g] >= 0;
			p->groups[g].points = fmax(plans[i].group_points[g], 0);
		}
		char err[512] = "", got[1024] = "";
		int rc = polygon_scoring_plan(p, s, err, sizeof err);
		if (rc == 0 && s->scoring)
			describe(s, plans[i].n, got, sizeof got);
		int good = rc == 0 && (plans[i].want ? s->scoring && !strcmp(got, plans[i].want) : !s->scoring);
		printf("%s - plan: %s (%s)\n", good ? "ok" : "not ok", plans[i].name, rc < 0 ? err : got);
		failed |= !good;
	}
	/* A dependency is refused, not ignored. */
	const char *const two[] = { "a:10", "b:20" };
	problem(p, two, 2);
	p->groups[1].requires[p->groups[1].nrequires++] = 0;
	char err[512] = "";
	int rc = polygon_scoring_plan(p, s, err, sizeof err);
	int good = rc < 0 && strstr(err, "group 'b' depends on group 'a'");
	printf("%s - plan: a dependency is refused (%s)\n", good ? "ok" : "not ok", err);
	failed |= !good;
	/* Two groups that would share a directory are refused. */
	const char *const clash[] = { "a:10", "a:25", "a-10pt:5" };
	problem(p, clash, 3);
	rc = polygon_scoring_plan(p, s, err, sizeof err);
	good = rc < 0 && strstr(err, "data/secret/a-10pt");
	printf("%s - plan: two groups in one directory are refused (%s)\n", good ? "ok" : "not ok", err);
	failed |= !good;
	free(p);
	free(s);
	return failed;
}
