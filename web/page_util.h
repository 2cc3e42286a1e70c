/* page_util.h - small things several pages share. */
#ifndef VERDICT_PAGE_UTIL_H
#define VERDICT_PAGE_UTIL_H

#include <stddef.h>

struct request;
struct page;
struct tpl_dict;
struct db_version;

/* Is the user an instructor or an admin? */
int page_is_staff(const struct request *r);

/* Whose view the site-wide staff pages (/submissions, /grades, a
 * problem's rejudge) give: 0 for a site admin (everything), else the
 * user's id: practice work and that of the courses they teach (the
 * db layer's staff_of). */
long long page_staff_of(const struct request *r);

/* Is the user a TA or instructor of the request's course (r->course,
 * routes.c), or a site admin? */
int page_course_staff(const struct request *r);

/* Sets key to t written in zone ("2026-09-14 23:59 CEST (UTC+02:00)")
 * and key_ISO to it in UTC for <time datetime>, which live.js shows in
 * the reader's own zone too. DUE_NONE sets nothing. */
void page_zone_time(struct tpl_dict *d, const char *key, long long t, const char *zone);

/* "2026-11-23 14:05:09" (UTC) into out. */
void page_time(long long t, char *out, size_t n);

/* Sets VERDICT (the verdict, or the state while not judged), VCLASS,
 * MEANING (the verdict in words) and,
 * with has_score, a SCORE section with POINTS. */
void page_set_verdict(struct tpl_dict *d, const char *state, const char *verdict, int has_score, double score);

/* The newest version of problem short_name, if this user may see it
 * (staff see hidden problems, students do not): 1 with *v filled, or 0
 * after answering 404 (no such problem, or hidden from them) or 503. */
int page_visible_problem(struct request *r, const char *short_name, struct db_version *v);

/* Sets key to the first max bytes of the file at path (nothing if it
 * cannot be read); when there is more, adds the section cut_section (if
 * not NULL) with SHOWN = max. */
void page_set_file(struct tpl_dict *d, const char *key, const char *path, size_t max, const char *cut_section);

/* The problem page with its submit form again, with an error above the form
 * and the student's language and code kept (page_problems.c). Returns 0
 * once answered, -1 if it answered with an error page instead. */
int page_problem_form(struct request *r, const char *short_name, int status, const char *error, const char *language,
		      const char *code);

#endif
