/* course_grade_parts: the pure pieces the course gradebook adds to judge/course/:
 * late policies written as one word (late_spec.c), one student's points on
 * one problem (problem_grade.c: window, late policy and which counts
 * together, a personal window and an extension), and reading roster CSV
 * (judge/core/csv.c). Prints TAP lines. */
#include "course_check.h"
#include "csv.h"
#include "late_spec.h"
#include "problem_grade.h"

#include <stdio.h>
#include <string.h>

#define HOUR 3600
#define DAY 86400

static void spec_round_trip(const char *spec, const char *want)
{
	struct late_policy p;
	char err[256] = "", out[64] = "", what[128];
	int rc = late_spec_parse(spec, &p, err, sizeof err);
	if (rc == 0)
		late_spec_format(&p, out, sizeof out);
	snprintf(what, sizeof what, "'%s' reads and writes back as '%s'", spec, want);
	check(rc == 0 && !strcmp(out, want), "late_spec", what, rc ? err : out);
}

static void spec_refused(const char *spec)
{
	struct late_policy p = { .kind = LATE_DAYS, .max_days = 7 };
	char err[256] = "", what[128];
	int rc = late_spec_parse(spec, &p, err, sizeof err);
	snprintf(what, sizeof what, "'%s' is refused, naming the forms, and leaves the policy as it was", spec);
	check(rc < 0 && strstr(err, "none, penalty:PCT/hour") && p.kind == LATE_DAYS && p.max_days == 7, "late_spec",
	      what, err);
}

static void late_specs(void)
{
	spec_round_trip("none", "none");
	spec_round_trip("penalty:10/day", "penalty:10/day");
	spec_round_trip("penalty:12.5/hour", "penalty:12.5/hour");
	spec_round_trip("penalty:10/day,floor:50", "penalty:10/day,floor:50");
	spec_round_trip("penalty:10/day,floor:0", "penalty:10/day");
	spec_round_trip("days", "days");
	spec_round_trip("days:2", "days:2");
	spec_round_trip("days:2,ask", "days:2,ask");
	spec_round_trip("days,ask", "days,ask");
	const char *bad[] = { "", "late", "penalty", "penalty:10", "penalty:10/week", "penalty:101/day", "penalty:-5/day",
			      "penalty:1.234/day", "penalty:10/day,floor:120", "penalty:10/day,cap:5", "days:-1", "days:x", "days:2,asks", "days,", "ask",
			      "days:400", "penalty: 10/day" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		spec_refused(bad[i]);
}

/* Grades attempts under r and checks the chosen index and points (hundredths). */
static void graded(const struct grade_rules *r, const struct grade_attempt *a, size_t n, ptrdiff_t chosen,
		   int64_t raw, int64_t final, const char *what)
{
	struct grade_result out;
	char err[256] = "", detail[512];
	int rc = problem_grade(r, a, n, &out, err, sizeof err);
	snprintf(detail, sizeof detail, "rc %d chosen %td raw %lld final %lld '%s' %s", rc, out.chosen,
		 (long long)out.raw, (long long)out.final, out.explanation, err);
	check(rc == 0 && out.chosen == chosen && out.raw == raw && out.final == final, "problem_grade", what, detail);
}

static void grades(void)
{
	const int64_t due = 1000 * DAY;
	struct grade_rules r = { .late = { .kind = LATE_PENALTY, .percent = 10, .unit = LATE_PER_DAY, .floor_percent = 50 },
				 .counts = WHICH_BEST,
				 .window = { due - 7 * DAY, due, due + 10 * DAY },
				 .points = 5000 };
	const struct grade_attempt none[1] = { { 0, 0 } };
	graded(&r, none, 0, -1, 0, 0, "no submission: nothing counts, 0 points");
	const struct grade_attempt late_full[] = { { due + DAY + 1, 1 } };
	graded(&r, late_full, 1, 0, 5000, 4000, "late by a day and a second: -20% of 50 points");
	const struct grade_attempt floor[] = { { due + 9 * DAY, 1 } };
	graded(&r, floor, 1, 0, 5000, 2500, "the floor holds: 9 days late keeps 50%");
	const struct grade_attempt share[] = { { due - HOUR, 2.0 / 3 } };
	graded(&r, share, 1, 0, 3333, 3333, "two thirds of 50 points is 33.33");
	const struct grade_attempt outside[] = { { due - 8 * DAY, 1 }, { due + 11 * DAY, 1 } };
	graded(&r, outside, 2, -1, 0, 0, "submissions before it opens or after it closes never count");
	/* Best weighs the penalty: 100% late (90) beats 80% on time (40 of 50 = 80 %). */
	const struct grade_attempt mixed[] = { { due - HOUR, 0.8 }, { due + HOUR, 1 } };
	graded(&r, mixed, 2, 1, 5000, 4500, "best: the highest points after the penalty, late or not");
	r.counts = WHICH_LAST;
	graded(&r, mixed, 2, 0, 4000, 4000, "last: the last on time, though a late one scored more");
	r.counts = WHICH_BEST;

	struct grade_rules none_late = r;
	none_late.late = (struct late_policy){ .kind = LATE_NONE };
	graded(&none_late, mixed, 2, 0, 4000, 4000, "without a late policy a late submission never counts");

	struct grade_rules days = r;
	days.late = (struct late_policy){ .kind = LATE_DAYS };
	days.late_days_here = 1;
	const struct grade_attempt one_day[] = { { due + HOUR, 1 } }, two_days[] = { { due + DAY + HOUR, 1 } };
	graded(&days, one_day, 1, 0, 5000, 5000, "late days held by the assignment: full points");
	graded(&days, two_days, 1, -1, 0, 0, "later than the days it holds: it does not count");

	struct due_times w, a = { due - 7 * DAY, due, DUE_NONE };
	char err[256] = "";
	int rc = problem_grade_window(&a, 2 * HOUR, due - DAY, NULL, &w, err, sizeof err);
	check(rc == 0 && w.opens == due - DAY && w.due == due - DAY + 2 * HOUR, "problem_grade",
	      "a personal window runs from its start for its length", err);
	rc = problem_grade_window(&a, 2 * HOUR, due - HOUR, NULL, &w, err, sizeof err);
	check(rc == 0 && w.due == due, "problem_grade", "a personal window never runs past the assignment's due", err);
	struct due_extension ext = { due + DAY, DUE_NONE };
	rc = problem_grade_window(&a, 0, DUE_NONE, &ext, &w, err, sizeof err);
	check(rc == 0 && w.due == due + DAY && w.late_until == DUE_NONE && w.opens == a.opens, "problem_grade",
	      "an extension moves the due time of the fixed window", err);
}

/* Reads every record of text; returns them joined as "a|b;c|d;". */
static int csv_all(const char *text, char *out, size_t n, int *lines, char *err, size_t errn)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	char buf[256], *fields[6];
	int nf;
	size_t len = 0;
	out[0] = 0;
	*lines = 0;
	while ((nf = csv_read(f, buf, sizeof buf, fields, 6, lines, err, errn)) > 0)
		for (int i = 0; i < nf; i++)
			len += (size_t)snprintf(out + len, n - len, "%s%s", fields[i], i + 1 < nf ? "|" : ";");
	fclose(f);
	return nf;
}

static void csv(void)
{
	char got[512], err[256] = "";
	int lines;
	int rc = csv_all("a,\"b, c\",\"say \"\"hi\"\"\"\r\nd,,\"two\nlines\"\n\nlast", got, sizeof got, &lines, err, sizeof err);
	check(rc == 0 && !strcmp(got, "a|b, c|say \"hi\";d||two\nlines;;last;") && lines == 5, "csv",
	      "quoted commas, doubled quotes, CRLF, line breaks in quotes, empty lines, no final newline", got);
	rc = csv_all("a,\"open\n", got, sizeof got, &lines, err, sizeof err);
	check(rc < 0 && strstr(err, "not closed"), "csv", "an unclosed quote is an error", err);
	rc = csv_all("\"a\"b\n", got, sizeof got, &lines, err, sizeof err);
	check(rc < 0 && strstr(err, "after a closing quote"), "csv", "text after a closing quote is an error", err);
	rc = csv_all("1,2,3,4,5,6,7\n", got, sizeof got, &lines, err, sizeof err);
	check(rc < 0 && strstr(err, "more than 6 fields"), "csv", "more fields than asked for is an error", err);
}

int main(void)
{
	late_specs();
	grades();
	csv();
	return failed;
}
