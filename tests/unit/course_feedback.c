/* course_feedback: what a student sees of a judged submission
 * (judge/course/feedback.c) under each policy: secret tests never with
 * their time or memory unless the policy is full, a pass count for
 * samples-only, nothing before the window closes for after-close.
 * Prints TAP lines. */
#include "course_check.h"
#include "feedback.h"

#include <string.h>

#define AREA "feedback"

int main(void)
{
	const struct feedback_test sample = { 1, VERDICT_AC, 120, 2048 }, secret = { 0, VERDICT_TLE, 1900, 65000 },
				   secret_ok = { 0, VERDICT_AC, 300, 4000 };
	struct feedback_shown s;
	const int64_t closes = 1000;

	s = feedback_test_view(FEEDBACK_FULL, 0, closes, &secret);
	check(s.row && s.verdict == VERDICT_TLE && s.time_ms == 1900 && s.mem_kib == 65000, AREA,
	      "full: a secret test with its exact time and memory", "");
	s = feedback_test_view(FEEDBACK_SAMPLES, 0, closes, &sample);
	check(s.row && s.time_ms == 120 && s.mem_kib == 2048 && !s.counted, AREA, "samples: a sample test in full", "");
	s = feedback_test_view(FEEDBACK_SAMPLES, 0, closes, &secret);
	check(!s.row && s.time_ms == -1 && s.mem_kib == -1 && s.counted && !s.passed, AREA,
	      "samples: a failed secret test is only counted, its time and memory hidden", "");
	s = feedback_test_view(FEEDBACK_SAMPLES, 0, closes, &secret_ok);
	check(!s.row && s.counted && s.passed, AREA, "samples: a passed secret test counts as passed", "");
	check(feedback_shows_result(FEEDBACK_SAMPLES, 0, closes), AREA, "samples: the verdict and score are shown", "");
	s = feedback_test_view(FEEDBACK_VERDICT, 0, closes, &sample);
	check(!s.row && !s.counted && s.time_ms == -1, AREA, "verdict: not even a sample test has a row", "");
	check(feedback_shows_result(FEEDBACK_VERDICT, 0, closes), AREA, "verdict: the verdict and score are shown", "");
	s = feedback_test_view(FEEDBACK_AFTER_CLOSE, closes - 1, closes, &sample);
	check(!s.row && !s.counted && !feedback_shows_result(FEEDBACK_AFTER_CLOSE, closes - 1, closes), AREA,
	      "after-close: a second before the close, nothing, not even the verdict", "");
	s = feedback_test_view(FEEDBACK_AFTER_CLOSE, closes, closes, &secret);
	check(s.row && s.time_ms == 1900 && feedback_shows_result(FEEDBACK_AFTER_CLOSE, closes, closes), AREA,
	      "after-close: from the close on, everything", "");
	s = feedback_test_view((enum feedback_policy)42, 0, closes, &sample);
	check(!s.row && !feedback_shows_result((enum feedback_policy)42, 0, closes), AREA,
	      "an unknown policy shows nothing", "");
	int round_trip = 1;
	for (int p = 0; p < FEEDBACK_POLICY_COUNT; p++)
		round_trip &= feedback_policy_parse(feedback_policy_name((enum feedback_policy)p)) == p;
	check(round_trip && feedback_policy_parse("after-close") == FEEDBACK_AFTER_CLOSE &&
		      feedback_policy_parse("partial") == -1,
	      AREA, "policy names read back; an unknown name is -1", "");
	return failed;
}
