/* feedback.c - what a student is shown of a judged submission, by the problem's feedback policy. */
#include "feedback.h"

#include <string.h>

static const char *const names[FEEDBACK_POLICY_COUNT] = { "full", "samples", "verdict", "after-close" };

const char *feedback_policy_name(enum feedback_policy p)
{
	return (unsigned)p < FEEDBACK_POLICY_COUNT ? names[p] : "?";
}

int feedback_policy_parse(const char *s)
{
	for (int i = 0; i < FEEDBACK_POLICY_COUNT; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

int feedback_shows_result(enum feedback_policy p, int64_t now, int64_t closes)
{
	if ((unsigned)p >= FEEDBACK_POLICY_COUNT)
		return 0;
	return p != FEEDBACK_AFTER_CLOSE || now >= closes;
}

struct feedback_shown feedback_test_view(enum feedback_policy p, int64_t now, int64_t closes,
					 const struct feedback_test *t)
{
	struct feedback_shown s = { .row = 0, .verdict = t->verdict, .time_ms = -1, .mem_kib = -1 };
	if (p == FEEDBACK_FULL || (p == FEEDBACK_AFTER_CLOSE && now >= closes))
		s.row = 1;
	else if (p == FEEDBACK_SAMPLES && t->is_sample)
		s.row = 1;
	else if (p == FEEDBACK_SAMPLES) {
		s.counted = 1;
		s.passed = t->verdict == VERDICT_AC;
	}
	if (s.row) {
		s.time_ms = t->time_ms;
		s.mem_kib = t->mem_kib;
	}
	return s;
}
