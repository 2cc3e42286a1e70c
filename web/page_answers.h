/* page_answers.h - a submit-answer problem on the web: its package's tests, and answer files uploaded into a bundle. */
#ifndef VERDICT_PAGE_ANSWERS_H
#define VERDICT_PAGE_ANSWERS_H

#include "http.h"
#include "package.h"

struct db_version;

/* Loads the problem version's package as stored (read-only). Returns 0,
 * or -1 (no package: the page then offers the code form). */
int page_problem_package(struct request *r, const struct db_version *v, struct package *p);

/* What the problem page and the submit handler need of a version's
 * package on every request: whether it is interactive or submit-answer.
 * A version's package never changes, so it is read once per server thread
 * (package_load walks the whole package: it held the problem page to a
 * fifth of its speed). Returns 0, or -1 (no package). */
struct problem_kind {
	int interactive, submit_answer;
};
int page_problem_kind(struct request *r, const struct db_version *v, struct problem_kind *k);

/* The request's uploaded "answers" files as a bundle (answer_bundle.h):
 * each file is the answer to the one test of p whose name ends with its
 * base name less ".out" ("01.out" answers secret/01; "secret-g1-01.out",
 * with '-' for '/', when two tests end alike). Returns the bundle's text
 * (the caller frees it) with *len, or NULL with a message for the student. */
char *page_answers_bundle(struct request *r, const struct package *p, size_t *len, char *err, size_t n);

#endif
