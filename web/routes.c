/* routes.c - the route table, matched in order, and its access rules, checked in one place. */
#include "routes.h"
#include "http.h"
#include "pages.h"

#include "db_courses.h"

#include <stdio.h>
#include <string.h>

#define COURSE_MEMBER (ROUTE_LOGIN | ROUTE_COURSE)
#define COURSE_STAFF (ROUTE_LOGIN | ROUTE_COURSE | ROUTE_COURSE_STAFF)
#define COURSE_INSTRUCTOR (ROUTE_LOGIN | ROUTE_COURSE | ROUTE_COURSE_INSTRUCTOR)

static const struct route routes[] = {
	{ "GET", "/", page_home, ROUTE_PUBLIC },
	{ "GET", "/login", page_login_form, ROUTE_PUBLIC },
	{ "POST", "/login", page_login, ROUTE_PUBLIC | ROUTE_NO_CSRF },
	{ "POST", "/logout", page_logout, ROUTE_LOGIN },
	{ "GET", "/problems", page_problems, ROUTE_LOGIN },
	{ "GET", "/problems/*", page_problem, ROUTE_LOGIN },
	/* A statement's HTML names its images by this path (made at import:
	 * judge/package/problem_import.c). */
	{ "GET", "/problems/*/statement/*", page_statement_image, ROUTE_LOGIN },
	{ "GET", "/problems/*/statement.pdf", page_statement_pdf, ROUTE_LOGIN },
	{ "POST", "/problems/*/submit", page_submit, ROUTE_LOGIN },
	{ "POST", "/problems/*/rejudge", page_rejudge_problem, ROUTE_STAFF },
	{ "GET", "/problems/*/settings", page_settings_form, ROUTE_STAFF },
	{ "POST", "/problems/*/settings", page_settings, ROUTE_STAFF },
	{ "GET", "/problems/*/tests", page_tests, ROUTE_STAFF },
	{ "GET", "/problems/*/tests/*", page_test, ROUTE_STAFF },
	{ "GET", "/submissions", page_submissions, ROUTE_LOGIN },
	{ "GET", "/submissions/*", page_submission, ROUTE_LOGIN },
	{ "POST", "/submissions/*/rejudge", page_rejudge_submission, ROUTE_STAFF },
	{ "GET", "/api/submissions/*", page_submission_json, ROUTE_LOGIN },
	{ "GET", "/rejudges/*", page_rejudge_result, ROUTE_STAFF },
	{ "GET", "/upload", page_upload_form, ROUTE_STAFF },
	{ "POST", "/upload", page_upload, ROUTE_STAFF | ROUTE_UPLOAD },
	{ "GET", "/imports/*", page_import, ROUTE_STAFF },
	{ "GET", "/grades", page_grades, ROUTE_STAFF },
	{ "GET", "/grades.csv", page_grades_csv, ROUTE_STAFF },
	{ "GET", "/users", page_users, ROUTE_ADMIN },
	{ "POST", "/users", page_users_add, ROUTE_ADMIN },
	{ "POST", "/users/*/password", page_users_password, ROUTE_ADMIN },
	{ "POST", "/users/*/role", page_users_role, ROUTE_ADMIN },
	{ "GET", "/static/*", page_static, ROUTE_PUBLIC | ROUTE_NO_SESSION },
	{ "GET", "/settings", page_tokens, ROUTE_LOGIN },
	{ "POST", "/settings/tokens", page_token_add, ROUTE_LOGIN },
	{ "POST", "/settings/tokens/*/delete", page_token_delete, ROUTE_LOGIN },
	/* The read-only JSON API (a token's requests: GET under /api/ only, server.c). */
	{ "GET", "/api/courses", page_api_courses, ROUTE_LOGIN },
	{ "GET", "/api/courses/*", page_api_course, COURSE_MEMBER },
	{ "GET", "/api/courses/*/grades", page_api_grades, COURSE_STAFF },
	{ "GET", "/api/courses/*/*/scoreboard", page_api_scoreboard, COURSE_MEMBER },
	/* Courses: the fixed names first, so that an assignment cannot be
	 * called "settings" or "grades" (page_assignment_edit.c refuses them). */
	{ "GET", "/courses", page_courses, ROUTE_LOGIN },
	{ "POST", "/courses", page_course_add, ROUTE_STAFF },
	{ "GET", "/courses/*", page_course, COURSE_MEMBER },
	{ "GET", "/courses/*/settings", page_course_settings_form, COURSE_INSTRUCTOR },
	{ "POST", "/courses/*/settings", page_course_settings, COURSE_INSTRUCTOR },
	{ "GET", "/courses/*/roster", page_roster, COURSE_STAFF },
	{ "POST", "/courses/*/roster", page_roster_upload, COURSE_INSTRUCTOR },
	{ "GET", "/courses/*/grades", page_course_grades, COURSE_STAFF },
	{ "GET", "/courses/*/grades.csv", page_course_grades_csv, COURSE_STAFF },
	{ "GET", "/courses/*/grades-detail.csv", page_course_grades_detail_csv, COURSE_STAFF },
	{ "GET", "/courses/*/clarifications", page_clarifications, COURSE_MEMBER },
	{ "POST", "/courses/*/clarifications", page_clarification_ask, COURSE_MEMBER },
	{ "POST", "/courses/*/clarifications/*", page_clarification_answer, COURSE_STAFF },
	{ "GET", "/courses/*/new", page_assignment_new, COURSE_INSTRUCTOR },
	{ "POST", "/courses/*/new", page_assignment_add, COURSE_INSTRUCTOR },
	{ "GET", "/courses/*/*", page_assignment, COURSE_MEMBER },
	{ "POST", "/courses/*/*/start", page_assignment_start, COURSE_MEMBER },
	{ "GET", "/courses/*/*/settings", page_assignment_settings_form, COURSE_INSTRUCTOR },
	{ "POST", "/courses/*/*/settings", page_assignment_settings, COURSE_INSTRUCTOR },
	{ "GET", "/courses/*/*/extensions", page_extensions, COURSE_STAFF },
	{ "POST", "/courses/*/*/extensions", page_extension_add, COURSE_INSTRUCTOR },
	{ "GET", "/courses/*/*/grades", page_assignment_grades, COURSE_STAFF },
	{ "POST", "/courses/*/*/rejudge", page_assignment_rejudge, COURSE_INSTRUCTOR },
	{ "GET", "/courses/*/*/scoreboard", page_scoreboard, COURSE_MEMBER },
};

/* Copies one path segment (MHD has already percent-decoded the path). */
static int copy_segment(const char *s, size_t n, char *out, size_t cap)
{
	if (n >= cap)
		return -1;
	memcpy(out, s, n);
	out[n] = 0;
	return 0;
}

/* Does path match pattern? Fills args with the '*' segments. */
static int match(const char *pattern, const char *path, char args[HTTP_MAX_ARGS][256])
{
	int nargs = 0;
	while (*pattern && *path) {
		if (*pattern == '*') {
			size_t len = strcspn(path, "/");
			if (len == 0 || nargs >= HTTP_MAX_ARGS || copy_segment(path, len, args[nargs], 256) < 0)
				return 0;
			nargs++;
			pattern++;
			path += len;
		} else if (*pattern++ != *path++) {
			return 0;
		}
	}
	return *pattern == 0 && *path == 0;
}

int routes_match(struct request *r, const char *method, const char *path)
{
	int other_method = 0;
	int head = strcmp(method, "HEAD") == 0;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		char args[HTTP_MAX_ARGS][256];
		if (!match(routes[i].pattern, path, args))
			continue;
		if (strcmp(routes[i].method, method) != 0 && !(head && strcmp(routes[i].method, "GET") == 0)) {
			other_method = 1;
			continue;
		}
		memcpy(r->args, args, sizeof args);
		r->route = &routes[i];
		return 0;
	}
	return other_method ? 405 : 404;
}

/* Who the user is in the course args[0] names: r->course and
 * r->course_role, or the status answered (404 to anyone not in it). */
static int course_allowed(struct request *r, int flags)
{
	char err[512];
	struct db_member m;
	int found = r->db ? db_course_find(r->db, r->args[0], &r->course, err, sizeof err) : -1;
	int member = found == 1 ? db_member_get(r->db, r->course.id, r->s.user_id, &m, err, sizeof err) : 0;
	if (found < 0 || member < 0) {
		http_error(r, 503, r->db ? err : "The database cannot be opened; the operator has the details in the log.");
		return 503;
	}
	int admin = strcmp(r->s.role, "admin") == 0;
	if (!found || (!member && !admin)) {
		http_error(r, 404, "There is no such course.");
		return 404;
	}
	snprintf(r->course_role, sizeof r->course_role, "%s", member ? m.role : "admin");
	if (admin) /* a site admin is every course's instructor, whatever their row says */
		snprintf(r->course_role, sizeof r->course_role, "admin");
	int staff = strcmp(r->course_role, "student") != 0;
	int instructor = staff && strcmp(r->course_role, "ta") != 0;
	if ((flags & ROUTE_COURSE_STAFF) && !staff) {
		http_error(r, 403, "This page is for the course's staff.");
		return 403;
	}
	if ((flags & ROUTE_COURSE_INSTRUCTOR) && !instructor) {
		http_error(r, 403, "Only the course's instructors can change its settings.");
		return 403;
	}
	return 0;
}

int routes_allowed(struct request *r)
{
	int flags = r->route->flags;
	if (flags & (ROUTE_LOGIN | ROUTE_STAFF | ROUTE_ADMIN)) {
		if (!r->logged_in) {
			if (r->is_post) {
				http_error(r, 403, "Your session has ended. Log in again, then repeat what you were doing.");
				return 403;
			}
			char next[600];
			const char *path = r->url;
			/* Come back here after logging in (only a path of this site). */
			if (strlen(path) < 400 && path[0] == '/' && path[1] != '/' && !strpbrk(path, "\t\r\n\"<>\\ "))
				snprintf(next, sizeof next, "/login?next=%s", path);
			else
				snprintf(next, sizeof next, "/login");
			http_redirect(r, next);
			return 303;
		}
		int staff = strcmp(r->s.role, "instructor") == 0 || strcmp(r->s.role, "admin") == 0;
		if (((flags & ROUTE_STAFF) && !staff) || ((flags & ROUTE_ADMIN) && strcmp(r->s.role, "admin") != 0)) {
			http_error(r, 403, "This page is for course staff.");
			return 403;
		}
	}
	if (flags & ROUTE_COURSE)
		return course_allowed(r, flags);
	return 0;
}
