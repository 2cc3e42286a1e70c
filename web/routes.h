/* routes.h - which handler answers which request, and who may ask. */
#ifndef VERDICT_ROUTES_H
#define VERDICT_ROUTES_H

struct request;

enum {
	ROUTE_PUBLIC = 0,      /* anyone, logged in or not */
	ROUTE_LOGIN = 1,       /* any logged-in user */
	ROUTE_STAFF = 2,       /* instructors and admins */
	ROUTE_ADMIN = 4,       /* admins */
	ROUTE_NO_CSRF = 8,     /* a POST without a session yet (logging in): Origin is checked instead */
	ROUTE_UPLOAD = 16,     /* the body may be a package upload (the upload limit, streamed to the spool) */
	ROUTE_NO_SESSION = 32, /* the same for everyone (static files): the session is not looked up */
	/* args[0] names a course (r->course, r->course_role); site admins may
	 * use every course's pages, as its instructor. Someone who is not in
	 * the course gets 404, as for a course that does not exist. */
	ROUTE_COURSE = 64,             /* any member of the course */
	ROUTE_COURSE_STAFF = 128,      /* its TAs and instructors (others: 403) */
	ROUTE_COURSE_INSTRUCTOR = 256, /* its instructors: course settings (TAs: 403) */
};

struct route {
	const char *method;  /* "GET" (also answers HEAD) or "POST" */
	const char *pattern; /* "/problems/ANY": each '*' matches one path segment, in r->args */
	void (*handler)(struct request *r);
	int flags;
};

/* Finds the route for method and path, filling r->args and r->route.
 * Returns 0 found, 404 no such path, 405 the path exists for another method. */
int routes_match(struct request *r, const char *method, const char *path);

/* Whether the request's user may use its route: 0, or the status to answer
 * (303 to the login page when not logged in, 403) after answering it. */
int routes_allowed(struct request *r);

#endif
