/* polygon_groups.h - a Polygon testset's groups and points as Kattis 2025-09 test groups under data/secret. */
#ifndef VERDICT_POLYGON_GROUPS_H
#define VERDICT_POLYGON_GROUPS_H

#include "polygon_xml.h"

#include <stddef.h>

#define POLYGON_MAX_SCORED_GROUPS 128
#define POLYGON_SCORED_NAME_MAX (POLYGON_GROUP_NAME_MAX + 24)

/* One group under data/secret. */
struct polygon_scored_group {
	char name[POLYGON_SCORED_NAME_MAX]; /* the Polygon group's, "g1-2.5pt" for a part, "tests" for no group */
	double max_score;
	int pass_fail;          /* complete-group: all its tests or nothing; else score_aggregation sum */
	int polygon_group;      /* index into the problem's groups, or -1 */
};

struct polygon_scoring {
	int scoring;            /* some test or group is worth points */
	double total;           /* secret's max_score */
	struct polygon_scored_group groups[POLYGON_MAX_SCORED_GROUPS];
	int ngroups;
	short test_group[POLYGON_MAX_TESTS]; /* a test's index in groups, -1 when it is not scored */
};

/* Plans the groups under data/secret that score as Polygon does:
 *   complete-group   one pass-fail group worth the group's points (else
 *                    the sum of its tests'), its samples included, since
 *                    Polygon needs them passed too;
 *   each-test        a sum group worth its tests' points; 2025-09 shares a
 *                    group's max_score equally among its tests, so tests
 *                    of different points become one group per value
 *                    ("NAME-5pt"); a sample is scored only with points;
 *   no group         the same as each-test, in a group called "tests".
 * Dependencies are refused: Verdict has no group that requires another
 * yet (2025-09 require_pass). Returns 0 (s->scoring 0 when no test is
 * worth a point: the problem stays pass-fail), or -1 with err set. */
int polygon_scoring_plan(const struct polygon_problem *p, struct polygon_scoring *s, char *err, size_t n);

#endif
