/* member_index.h - a course member's position in a list of members, by
 * user id, in O(log n): the scoreboard and the gradebook look one up for
 * every submission (18,000 of them on a 500-participant contest's board). */
#ifndef VERDICT_MEMBER_INDEX_H
#define VERDICT_MEMBER_INDEX_H

#include "db_courses.h"

struct member_index {
	struct member_slot *slots; /* sorted by user id */
	int n;
};

/* Indexes m[0..n). Returns 0 (free with member_index_free), or -1 when out
 * of memory. */
int member_index_build(struct member_index *ix, const struct db_member *m, int n);

/* The position in m of user_id's member, or -1 if they are not in it. */
int member_index_find(const struct member_index *ix, long long user_id);

void member_index_free(struct member_index *ix);

#endif
