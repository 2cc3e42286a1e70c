/* which_counts.c - of a student's submissions to one problem, the one whose score counts. */
#include "which_counts.h"

#include "points.h"
#include "util.h"

static const char *const names[] = { [WHICH_BEST] = "best", [WHICH_LAST] = "last" };

const char *which_counts_name(enum which_rule rule)
{
	return (unsigned)rule < sizeof names / sizeof *names ? names[rule] : "?";
}

int which_counts_parse(const char *s)
{
	return name_index(names, (int)(sizeof names / sizeof *names), s);
}

/* Was a submitted after b? Equal times: the later index is later. */
static int after(const struct which_entry *s, size_t a, size_t b)
{
	return s[a].time != s[b].time ? s[a].time > s[b].time : a > b;
}

/* Does a beat the current choice best (-1: none yet) under rule? */
static int better(enum which_rule rule, const struct which_entry *s, size_t a, ptrdiff_t best)
{
	if (best < 0)
		return 1;
	size_t b = (size_t)best;
	if (rule == WHICH_BEST) {
		int64_t pa = points_cents(s[a].final_points), pb = points_cents(s[b].final_points);
		return pa != pb ? pa > pb : after(s, b, a);
	}
	/* WHICH_LAST: an on-time one beats any late one, then the later wins. */
	if (s[a].late != s[b].late)
		return !s[a].late;
	return after(s, a, b);
}

ptrdiff_t which_counts_choose(enum which_rule rule, const struct which_entry *subs, size_t n)
{
	ptrdiff_t best = -1;
	for (size_t i = 0; i < n; i++)
		if (subs[i].allowed && better(rule, subs, i, best))
			best = (ptrdiff_t)i;
	return best;
}
