/* course_db: what the pages will call in the database layer for courses
 * (judge/db/db_courses.h): a student's courses; a problem hidden until it
 * is published or in an opened assignment of the student's own course;
 * an assignment found by name, and two courses' of one name told apart;
 * a person's extension before their section's, the newest first; late
 * days per assignment; a personal start recorded once; clarifications
 * seen by their author and, once public, by all; API tokens by hash; and
 * assignment_window_admit's answers. Prints TAP lines. */
#include "assignment_window.h"
#include "course_check.h"
#include "db.h"
#include "db_courses.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define AREA "course db"
#define DAY 86400

static struct db *db;
static char err[512];

static long long user(const char *name)
{
	long long id = 0;
	if (db_user_add(db, name, "student", NULL, &id, err, sizeof err) < 0)
		check(0, AREA, "setup: a user", err);
	return id;
}

static void member(long long course, long long uid, const char *role, const char *section)
{
	struct db_member m = { .user_id = uid };
	int change;
	snprintf(m.role, sizeof m.role, "%s", role);
	snprintf(m.section, sizeof m.section, "%s", section);
	if (db_member_put(db, course, &m, &change, err, sizeof err) < 0)
		check(0, AREA, "setup: a member", err);
}

static void on_course(const struct db_course *c, const char *role, void *arg)
{
	char *out = arg;
	size_t len = strlen(out);
	snprintf(out + len, 256 - len, "%s:%s ", c->short_name, role);
}

static void on_clar(const struct db_clarification *c, void *arg)
{
	char *out = arg;
	size_t len = strlen(out);
	snprintf(out + len, 512 - len, "[%s|%s|%d]", c->question, c->answer, c->public_);
}

int main(void)
{
	char dir[] = "/tmp/verdict-unit-XXXXXX", path[64];
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/v.db", dir);
	if (db_open(path, &db, err, sizeof err) < 0) {
		check(0, AREA, "setup", err);
		return 1;
	}
	struct db_version v = { .version = 1, .short_name = "sum", .package_dir = "/nonexistent", .format = "2025-09",
				.time_limit = 1, .memory_mb = 64, .output_mb = 8, .test_count = 1, .max_score = -1 };
	struct db_version w = v;
	snprintf(w.short_name, sizeof w.short_name, "other");
	struct db_course a = { .short_name = "A", .title = "Course A", .zone = "Europe/Amsterdam", .late_days = 2 };
	struct db_course b = { .short_name = "B", .title = "Course B", .zone = "UTC" };
	if (db_problem_add_version(db, "Sum", &v, err, sizeof err) < 0 ||
	    db_problem_add_version(db, "Other", &w, err, sizeof err) < 0 || db_course_add(db, &a, err, sizeof err) < 0 ||
	    db_course_add(db, &b, err, sizeof err) < 0) {
		check(0, AREA, "setup", err);
		return 1;
	}
	long long alice = user("alice"), bob = user("bob"), carol = user("carol"), tom = user("tom");
	member(a.id, alice, "student", "S1");
	member(a.id, bob, "student", "S1");
	member(a.id, tom, "ta", "");
	member(b.id, carol, "student", "");
	member(b.id, alice, "instructor", "");

	char list[256] = "";
	db_user_courses(db, alice, on_course, list, err, sizeof err);
	check(!strcmp(list, "A:student B:instructor "), AREA, "a user's courses, with their role in each", list);

	int64_t now = (int64_t)time(NULL);
	struct db_assignment hw = { .course_id = a.id, .course = "A", .short_name = "hw", .title = "HW",
				    .times = { now - DAY, now + DAY, DUE_NONE } };
	struct db_assignment later = hw, same = hw;
	snprintf(later.short_name, sizeof later.short_name, "later");
	later.times.opens = now + DAY / 2;
	same.course_id = b.id;
	struct db_assignment_problem p = { .problem_id = v.problem_id, .problem = "sum", .label = "sum", .points = 10000 };
	struct db_assignment_problem q = { .problem_id = w.problem_id, .problem = "other", .label = "other", .points = 100 };
	if (db_assignment_add(db, &hw, &p, 1, err, sizeof err) < 0 ||
	    db_assignment_add(db, &later, &q, 1, err, sizeof err) < 0 ||
	    db_assignment_add(db, &same, &q, 1, err, sizeof err) < 0) {
		check(0, AREA, "setup: assignments", err);
		return 1;
	}

	check(db_problem_visible_to(db, v.problem_id, alice, now, err, sizeof err) == 1, AREA,
	      "a hidden problem in an opened assignment of the student's course is visible to them", err);
	check(db_problem_visible_to(db, v.problem_id, carol, now, err, sizeof err) == 0, AREA,
	      "but not to a student of another course", err);
	check(db_problem_visible_to(db, w.problem_id, bob, now, err, sizeof err) == 0, AREA,
	      "a hidden problem only in an assignment not open yet is invisible", err);
	check(db_problem_visible_to(db, w.problem_id, bob, now + DAY, err, sizeof err) == 1, AREA,
	      "and visible once the assignment opens", err);
	db_problem_set_visible(db, "other", 1, err, sizeof err);
	check(db_problem_visible_to(db, w.problem_id, carol, now, err, sizeof err) == 1, AREA,
	      "a published problem is visible to everyone", err);

	struct db_assignment found;
	check(db_assignment_find(db, NULL, "later", &found, err, sizeof err) == 1 && found.id == later.id, AREA,
	      "an assignment found by name alone when only one course has it", err);
	check(db_assignment_find(db, NULL, "hw", &found, err, sizeof err) == 2, AREA,
	      "two courses with an assignment of that name are reported as ambiguous", err);
	check(db_assignment_find(db, "B", "hw", &found, err, sizeof err) == 1 && found.id == same.id &&
		      !strcmp(found.zone, "UTC"),
	      AREA, "the course's name tells them apart, and the course's zone comes along", err);

	long long id;
	struct db_extension e;
	struct due_extension t1 = { now + 2 * DAY, DUE_NONE }, t2 = { now + 3 * DAY, DUE_NONE },
			     t3 = { now + 4 * DAY, now + 5 * DAY };
	db_extension_add(db, hw.id, 0, "S1", &t1, "section", 0, &id, err, sizeof err);
	check(db_extension_for(db, hw.id, bob, &e, err, sizeof err) == 1 && e.times.due == t1.due && !strcmp(e.section, "S1"),
	      AREA, "a section's extension applies to its students", err);
	db_extension_add(db, hw.id, bob, NULL, &t2, "own", 0, &id, err, sizeof err);
	db_extension_add(db, hw.id, 0, "S1", &t3, "newer section", 0, &id, err, sizeof err);
	check(db_extension_for(db, hw.id, bob, &e, err, sizeof err) == 1 && e.times.due == t2.due &&
		      !strcmp(e.reason, "own"),
	      AREA, "a student's own extension goes before their section's, even a newer one", err);
	check(db_extension_for(db, hw.id, alice, &e, err, sizeof err) == 1 && e.times.due == t3.due &&
		      e.times.late_until == t3.late_until,
	      AREA, "of two for the section the newest applies", err);
	check(db_extension_for(db, hw.id, tom, &e, err, sizeof err) == 0, AREA, "nobody else gets one", err);
	check(db_extension_add(db, hw.id, 0, NULL, &t1, "nobody", 0, &id, err, sizeof err) < 0, AREA,
	      "an extension for neither a person nor a section is refused", err);

	int here = -1, elsewhere = -1;
	db_late_days_set(db, a.id, alice, hw.id, 1, err, sizeof err);
	db_late_days_set(db, a.id, alice, later.id, 1, err, sizeof err);
	db_late_days_set(db, a.id, alice, hw.id, 2, err, sizeof err);
	check(db_late_days(db, a.id, alice, hw.id, &here, &elsewhere, err, sizeof err) == 0 && here == 2 && elsewhere == 1,
	      AREA, "late days held per assignment, replaced not added", err);

	int64_t s1 = 0, s2 = 0;
	db_contest_start(db, hw.id, bob, now - 100, &s1, err, sizeof err);
	db_contest_start(db, hw.id, bob, now, &s2, err, sizeof err);
	check(s1 == now - 100 && s2 == now - 100, AREA, "a personal start is recorded once; starting again keeps it", err);

	long long q1, q2, an;
	char seen[512] = "";
	db_clarification_ask(db, a.id, hw.id, alice, "alice asks", &q1, err, sizeof err);
	db_clarification_ask(db, a.id, 0, bob, "bob asks", &q2, err, sizeof err);
	db_announcement_add(db, a.id, 0, tom, "all hear", &an, err, sizeof err);
	db_clarification_answer(db, q1, tom, "private answer", 0, err, sizeof err);
	db_clarification_list(db, a.id, bob, on_clar, seen, err, sizeof err);
	check(!strcmp(seen, "[|all hear|1][bob asks||0]"), AREA,
	      "a student sees announcements and their own questions, not another's private one", seen);
	db_clarification_answer(db, q1, tom, "answer for all", 1, err, sizeof err);
	seen[0] = 0;
	db_clarification_list(db, a.id, bob, on_clar, seen, err, sizeof err);
	check(strstr(seen, "[alice asks|answer for all|1]") != NULL, AREA, "an answer made public is seen by all", seen);
	seen[0] = 0;
	db_clarification_list(db, a.id, 0, on_clar, seen, err, sizeof err);
	check(strstr(seen, "bob asks") && strstr(seen, "alice asks"), AREA, "staff see every question", seen);
	check(db_clarification_answer(db, an, tom, "x", 1, err, sizeof err) == 0, AREA,
	      "an announcement is not a question to answer", err);

	long long tok, uid = 0;
	char name[64] = "", role[16] = "";
	db_api_token_add(db, alice, "script", "hash-1", &tok, err, sizeof err);
	check(db_api_token_add(db, alice, "script", "hash-2", &tok, err, sizeof err) < 0, AREA,
	      "a user's token names are unique", err);
	check(db_api_token_user(db, "hash-1", now, &uid, name, role, err, sizeof err) == 1 && uid == alice &&
		      !strcmp(name, "alice"),
	      AREA, "a token is found by its hash only", err);
	check(db_api_token_user(db, "hash-x", now, &uid, name, role, err, sizeof err) == 0, AREA,
	      "an unknown hash finds nobody", err);
	check(db_api_token_delete(db, bob, tok, err, sizeof err) == 0 && db_api_token_delete(db, alice, tok, err, sizeof err) == 1,
	      AREA, "only its owner deletes a token", err);

	/* Admission (inside a transaction, as submission_queue runs it). */
	struct {
		long long assignment, user, problem;
		int want;
		const char *text, *what;
	} cases[] = {
		{ hw.id, alice, v.problem_id, 1, "", "a student in the window is admitted" },
		{ hw.id, carol, v.problem_id, 0, "you are not in course A", "a student of another course is refused" },
		{ hw.id, alice, w.problem_id, 0, "not part of the assignment", "a problem outside the assignment is refused" },
		{ later.id, bob, w.problem_id, 0, "this assignment opens at", "before it opens: refused, saying when" },
		{ later.id, tom, w.problem_id, 1, "", "staff may submit before it opens" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		err[0] = 0;
		db_begin(db, err, sizeof err);
		int rc = assignment_window_admit(db, cases[i].assignment, cases[i].user, cases[i].problem, now, 0, err,
						 sizeof err);
		db_rollback(db);
		check(rc == cases[i].want && strstr(err, cases[i].text), AREA, cases[i].what, err);
	}
	db_close(db);
	char rm[128];
	snprintf(rm, sizeof rm, "rm -rf %s", dir);
	if (system(rm) != 0)
		return 1;
	return failed;
}
