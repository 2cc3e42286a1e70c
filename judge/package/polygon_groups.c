/* polygon_groups.c - a Polygon testset's groups and points as Kattis 2025-09 test groups under data/secret.
 *
 * Polygon scores a test, or a whole group, with points; Kattis 2025-09
 * scores groups (max_score, score_aggregation pass-fail or sum) and shares
 * a sum group's max_score equally among its tests. The plan below keeps
 * Polygon's totals exactly: grading.c then scores the converted package
 * as it scores any other.
 */
#include "polygon_groups.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

static int add_group(struct polygon_scoring *s, const char *name, double max, int pass_fail, int polygon_group,
		     char *err, size_t n)
{
	for (int k = 0; k < s->ngroups; k++)
		if (!strcmp(s->groups[k].name, name))
			return errf(err, n, "two groups would both be data/secret/%s: rename group '%s'", name, name);
	if (s->ngroups >= POLYGON_MAX_SCORED_GROUPS)
		return errf(err, n, "more than %d scored groups (each-test groups count once per points value)",
			    POLYGON_MAX_SCORED_GROUPS);
	struct polygon_scored_group *k = &s->groups[s->ngroups];
	snprintf(k->name, sizeof k->name, "%s", name);
	k->max_score = max;
	k->pass_fail = pass_fail;
	k->polygon_group = polygon_group;
	s->total += max;
	return s->ngroups++;
}

static int complete_group(const struct polygon_problem *p, int g, struct polygon_scoring *s, char *err, size_t n)
{
	const struct polygon_group *grp = &p->groups[g];
	double worth = 0;
	int secret = 0;
	for (int i = 0; i < p->test_count; i++)
		if (p->test_group[i] == g) {
			worth += p->test_points[i];
			secret |= !p->sample[i];
		}
	if (grp->has_points)
		worth = grp->points;
	if (!secret && worth == 0)
		return 0; /* samples worth nothing: they stay samples only */
	int k = add_group(s, grp->name, worth, 1, g, err, n);
	if (k < 0)
		return -1;
	for (int i = 0; i < p->test_count; i++)
		if (p->test_group[i] == g && (!p->sample[i] || worth > 0))
			s->test_group[i] = (short)k;
	return 0;
}

/* An each-test group (g), or the tests with no group (g = -1). */
static int each_test_group(const struct polygon_problem *p, int g, struct polygon_scoring *s, char *err, size_t n)
{
	const char *name = g >= 0 ? p->groups[g].name : "tests";
	double values[POLYGON_MAX_SCORED_GROUPS];
	int nvalues = 0;
	for (int i = 0; i < p->test_count; i++) {
		if (p->test_group[i] != g || (p->sample[i] && p->test_points[i] == 0))
			continue;
		int v = 0;
		while (v < nvalues && values[v] != p->test_points[i])
			v++;
		if (v == nvalues) {
			if (nvalues == POLYGON_MAX_SCORED_GROUPS)
				return errf(err, n, "group '%s': tests of more than %d different points", name, nvalues);
			values[nvalues++] = p->test_points[i];
		}
	}
	for (int v = 0; v < nvalues; v++) {
		char part[POLYGON_SCORED_NAME_MAX];
		int count = 0;
		for (int i = 0; i < p->test_count; i++)
			count += p->test_group[i] == g && p->test_points[i] == values[v] && !(p->sample[i] && values[v] == 0);
		if (nvalues == 1)
			snprintf(part, sizeof part, "%s", name);
		else
			snprintf(part, sizeof part, "%s-%.10gpt", name, values[v]);
		int k = add_group(s, part, values[v] * count, 0, g, err, n);
		if (k < 0)
			return -1;
		for (int i = 0; i < p->test_count; i++)
			if (p->test_group[i] == g && p->test_points[i] == values[v] && !(p->sample[i] && values[v] == 0))
				s->test_group[i] = (short)k;
	}
	return 0;
}

int polygon_scoring_plan(const struct polygon_problem *p, struct polygon_scoring *s, char *err, size_t n)
{
	memset(s, 0, sizeof *s);
	for (int i = 0; i < POLYGON_MAX_TESTS; i++)
		s->test_group[i] = -1;
	if (!p->points)
		return 0;
	for (int g = -1; g < p->ngroups; g++) {
		int rc = g >= 0 && p->groups[g].complete ? complete_group(p, g, s, err, n) : each_test_group(p, g, s, err, n);
		if (rc < 0)
			return -1;
	}
	s->scoring = s->total > 0;
	if (!s->scoring) {
		memset(s, 0, sizeof *s);
		for (int i = 0; i < POLYGON_MAX_TESTS; i++)
			s->test_group[i] = -1;
		return 0;
	}
	for (int g = 0; g < p->ngroups; g++)
		if (p->groups[g].nrequires)
			return errf(err, n, "group '%s' depends on group '%s' (<dependencies>): Verdict cannot yet make a "
					    "group's points require another group passed (2025-09 require_pass)",
				    p->groups[g].name, p->groups[p->groups[g].requires[0]].name);
	return 0;
}
