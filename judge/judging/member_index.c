/* member_index.c - a course member's position by user id (member_index.h). */
#include "member_index.h"

#include <stdlib.h>

struct member_slot {
	long long user_id;
	int at;
};

static int by_user(const void *a, const void *b)
{
	long long x = ((const struct member_slot *)a)->user_id, y = ((const struct member_slot *)b)->user_id;
	return x < y ? -1 : x > y;
}

int member_index_build(struct member_index *ix, const struct db_member *m, int n)
{
	ix->n = 0;
	ix->slots = malloc(sizeof *ix->slots * (size_t)(n > 0 ? n : 1));
	if (!ix->slots)
		return -1;
	for (int i = 0; i < n; i++)
		ix->slots[i] = (struct member_slot){ m[i].user_id, i };
	qsort(ix->slots, (size_t)n, sizeof *ix->slots, by_user);
	ix->n = n;
	return 0;
}

int member_index_find(const struct member_index *ix, long long user_id)
{
	struct member_slot key = { user_id, -1 };
	const struct member_slot *s = ix->n ? bsearch(&key, ix->slots, (size_t)ix->n, sizeof key, by_user) : NULL;
	return s ? s->at : -1;
}

void member_index_free(struct member_index *ix)
{
	free(ix->slots);
	ix->slots = NULL;
	ix->n = 0;
}
