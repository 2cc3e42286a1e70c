/* course_which_counts: which of a student's submissions counts
 * (judge/course/which_counts.c): best (highest final points, ties to the
 * earliest) against last on time (else last late), refused ones never,
 * the list's order not mattering, and ties at equal times by position.
 * Prints TAP lines. */
#include "course_check.h"
#include "which_counts.h"

#include <stdio.h>

#define AREA "which counts"

static void chosen_is(enum which_rule rule, const struct which_entry *s, size_t n, ptrdiff_t want, const char *what)
{
	char detail[64];
	ptrdiff_t got = which_counts_choose(rule, s, n);
	snprintf(detail, sizeof detail, "chose %td, want %td", got, want);
	check(got == want, AREA, what, detail);
}

int main(void)
{
	/* time, final points, late, allowed */
	const struct which_entry subs[] = {
		{ 100, 50, 0, 1 }, { 200, 80, 0, 1 },  { 300, 80, 0, 1 },
		{ 400, 90, 1, 1 }, { 500, 100, 1, 0 }, { 450, 10, 1, 1 },
	};
	chosen_is(WHICH_BEST, subs, 6, 3, "best: the late 90 beats the on-time 80s; the refused 100 never counts");
	chosen_is(WHICH_BEST, subs, 3, 1, "best: two 80s tie, the earlier (t=200) counts");
	chosen_is(WHICH_LAST, subs, 6, 2, "last: the last on-time one (t=300), though later late ones exist");
	chosen_is(WHICH_LAST, subs + 3, 3, 2, "last: none on time, so the last late one (t=450, 10 points)");
	chosen_is(WHICH_LAST, subs + 4, 1, -1, "nothing but a refused one: none counts");
	chosen_is(WHICH_BEST, subs, 0, -1, "no submissions: none counts");

	const struct which_entry shuffled[] = {
		{ 300, 80, 0, 1 }, { 450, 10, 1, 1 }, { 100, 50, 0, 1 }, { 200, 80, 0, 1 },
	};
	chosen_is(WHICH_BEST, shuffled, 4, 3, "best goes by time, not by place in the list (t=200)");
	chosen_is(WHICH_LAST, shuffled, 4, 0, "so does last (t=300)");

	const struct which_entry same_time[] = { { 100, 80, 0, 1 }, { 100, 80.004, 0, 1 } };
	chosen_is(WHICH_BEST, same_time, 2, 0, "80.004 and 80 tie at hundredths; at equal times the first listed");
	chosen_is(WHICH_LAST, same_time, 2, 1, "last at equal times: the one listed later");
	return failed;
}
