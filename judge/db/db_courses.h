/* db_courses.h - the database layer for courses: courses and their people, assignments (contests too), extensions, late days, contest starts, clarifications, API tokens, and what the pages read of them.
 *
 * Implemented in db_courses.c (courses, members), db_assignments.c
 * (assignments, their problems, extensions, late days, contest starts),
 * db_course_reads.c (what the pages and the gradebook read: my courses,
 * an assignment's submissions, visibility) and db_course_talk.c
 * (clarifications, API tokens). Same conventions as db.h: 0 (or a count,
 * or 1 found / 0 not) on success, -1 with a message in err. Times are UTC
 * seconds; DUE_NONE (due_window.h) stands for a NULL time. Points are
 * hundredths.
 */
#ifndef VERDICT_DB_COURSES_H
#define VERDICT_DB_COURSES_H

#include <stddef.h>
#include <stdint.h>

#include "due_window.h"
#include "feedback.h"
#include "late_policy.h"
#include "which_counts.h"

struct db;

/* ---- courses ---- */
struct db_course {
	long long id;
	char short_name[64], title[256], term[64];
	char zone[64];  /* IANA time zone: times are shown and read in it */
	int late_days;  /* each student's late-day bank */
};

/* Adds c (c->id is set). A short name in use is refused, saying so. */
int db_course_add(struct db *db, struct db_course *c, char *err, size_t n);

/* Stores c's title, term, zone and late-day bank (by c->id; the short
 * name stays): 1 done, 0 no such course, -1 error. */
int db_course_update(struct db *db, const struct db_course *c, char *err, size_t n);

/* 1 found (*c filled), 0 no such course, -1 error. */
int db_course_find(struct db *db, const char *short_name, struct db_course *c, char *err, size_t n);

/* Calls fn for every course, by short name. */
int db_course_list(struct db *db, void (*fn)(const struct db_course *c, void *arg), void *arg, char *err, size_t n);

/* "My courses": fn for each course user_id is a member of (on the roster
 * or not), by short name, with their course role. */
int db_user_courses(struct db *db, long long user_id, void (*fn)(const struct db_course *c, const char *role, void *arg),
		    void *arg, char *err, size_t n);

/* ---- members ---- */
struct db_member {
	long long user_id;
	char user[64];             /* the account's name */
	char role[16];             /* student, ta, instructor */
	char full_name[128];
	char student_number[128];  /* e-mail or student number */
	char section[64];
	int on_roster;
};

/* 1 member (*m filled), 0 not a member, -1 error. */
int db_member_get(struct db *db, long long course_id, long long user_id, struct db_member *m, char *err, size_t n);

/* fn for each member with role (NULL: every one), by user name. */
int db_member_list(struct db *db, long long course_id, const char *role,
		   void (*fn)(const struct db_member *m, void *arg), void *arg, char *err, size_t n);

/* Adds m->user_id to the course or updates their row (role, names,
 * section), and puts them on the roster. *change: 1 added, 2 updated (or
 * back on the roster), 0 unchanged. For the caller's transaction. */
int db_member_put(struct db *db, long long course_id, const struct db_member *m, int *change, char *err, size_t n);

/* Takes a member off the roster (on_roster 0); their row and work stay. */
int db_member_drop(struct db *db, long long course_id, long long user_id, char *err, size_t n);

/* ---- assignments ---- */
enum db_contest { DB_CONTEST_NONE, DB_CONTEST_ICPC, DB_CONTEST_IOI };

struct db_assignment {
	long long id, course_id;
	char course[64];          /* the course's short name */
	char zone[64];            /* the course's time zone */
	char short_name[64], title[256];
	struct due_times times;   /* opens, due, late_until (DUE_NONE: no late window) */
	struct late_policy late;
	enum which_rule counts;
	enum feedback_policy feedback;
	enum db_contest contest;
	int freeze_minutes;       /* 0: no freeze */
	int unfrozen;
	int window_minutes;       /* 0: the fixed window; else a personal window of this length */
};

struct db_assignment_problem {
	long long problem_id;
	char problem[64];         /* the problem's short name */
	char label[64];
	int64_t points;           /* hundredths */
	int position;             /* from 0 */
	int visible;              /* the problem is published */
};

/* "none", "icpc", "ioi"; and back (-1 for another name). */
const char *db_contest_name(enum db_contest c);
int db_contest_parse(const char *s);

/* Adds assignment a (a->id set) with problems p[0..np), positions in
 * order, in one transaction; a short name in use in the course is refused. */
int db_assignment_add(struct db *db, struct db_assignment *a, const struct db_assignment_problem *p, int np, char *err,
		      size_t n);

/* Stores every field of a (by a->id) and, unless p is NULL, replaces its
 * problems with p[0..np), in one transaction. Submissions to a problem
 * taken out stay, but no longer count. */
int db_assignment_update(struct db *db, const struct db_assignment *a, const struct db_assignment_problem *p, int np,
			 char *err, size_t n);

/* The assignment short_name of course (NULL: of any course). Returns how
 * many matched: 1 (*a filled), 0, or 2 when several courses have one of
 * that name (course NULL; nothing filled); -1 error. */
int db_assignment_find(struct db *db, const char *course, const char *short_name, struct db_assignment *a, char *err,
		       size_t n);

/* 1 found, 0 not, -1 error. */
int db_assignment_get(struct db *db, long long id, struct db_assignment *a, char *err, size_t n);

/* fn for each assignment of the course, by due time then name. */
int db_assignment_list(struct db *db, long long course_id, void (*fn)(const struct db_assignment *a, void *arg),
		       void *arg, char *err, size_t n);

/* fn for each problem of the assignment, by position. Returns how many. */
int db_assignment_problems(struct db *db, long long assignment_id,
			   void (*fn)(const struct db_assignment_problem *p, void *arg), void *arg, char *err, size_t n);

/* ---- extensions ---- */
struct db_extension {
	long long id;
	long long user_id;        /* 0: a section's */
	char user[64];            /* "" for a section's */
	char section[64];         /* "" for a person's */
	struct due_extension times; /* due; late_until DUE_NONE: the assignment's (not before due) */
	char reason[512];
	char granted_by[64];      /* "" from the command line */
	long long granted_at;
};

/* Records an extension for user_id (> 0) or section (non-NULL), granted
 * by granted_by (0: the command line); sets *id. */
int db_extension_add(struct db *db, long long assignment_id, long long user_id, const char *section,
		     const struct due_extension *t, const char *reason, long long granted_by, long long *id, char *err,
		     size_t n);

/* fn for each extension of the assignment, oldest first (a later one for
 * the same person or section replaces an earlier). */
int db_extension_list(struct db *db, long long assignment_id, void (*fn)(const struct db_extension *e, void *arg),
		      void *arg, char *err, size_t n);

/* The extension that applies to user_id: their newest own, else the
 * newest for their section. 1 found (*e filled), 0 none, -1 error. */
int db_extension_for(struct db *db, long long assignment_id, long long user_id, struct db_extension *e, char *err,
		     size_t n);

/* ---- late days and personal starts ---- */

/* Late days user_id's assignments in course hold: *here for assignment_id,
 * *elsewhere for the others. */
int db_late_days(struct db *db, long long course_id, long long user_id, long long assignment_id, int *here,
		 int *elsewhere, char *err, size_t n);

/* Sets the days assignment_id holds for user_id (for the caller's transaction). */
int db_late_days_set(struct db *db, long long course_id, long long user_id, long long assignment_id, int days,
		     char *err, size_t n);

/* Starts user_id's personal window at `at`, unless it was started before;
 * *started is when it was. */
int db_contest_start(struct db *db, long long assignment_id, long long user_id, int64_t at, int64_t *started,
		     char *err, size_t n);

/* When user_id started their personal window: DUE_NONE if not yet. */
int db_contest_started(struct db *db, long long assignment_id, long long user_id, int64_t *started, char *err,
		       size_t n);

/* fn for each participant who started, by user id. */
int db_contest_starts(struct db *db, long long assignment_id, void (*fn)(long long user_id, int64_t started, void *arg),
		      void *arg, char *err, size_t n);

/* ---- what pages, the gradebook and the scoreboard read ---- */
struct db_assignment_submission {
	long long id, user_id, problem_id;
	int64_t submitted_at;
	int judged;          /* state done: verdict (and score) are this judging's */
	char verdict[8];     /* "" until judged */
	double score;
	int has_score;
	double max_score;    /* of the test data version it was judged against; -1 unknown or pass-fail */
};

/* One subtask's score in a submission's current judging (schema 024). */
struct db_assignment_subtask {
	long long submission_id;
	int index;   /* from 0, in the package's order */
	double score;
};

/* fn for each subtask score of the assignment's judged submissions, in
 * (submission, index) order: an IOI board's events. */
int db_assignment_subtasks(struct db *db, long long assignment_id,
			   void (*fn)(const struct db_assignment_subtask *t, void *arg), void *arg, char *err, size_t n);

/* fn for each submission made for the assignment, by user_id (0: every
 * user's), in (user, problem, id) order: the gradebook, a student's
 * status, the scoreboard's events. Reads the index submissions_by_assignment. */
int db_assignment_submissions(struct db *db, long long assignment_id, long long user_id,
			      void (*fn)(const struct db_assignment_submission *s, void *arg), void *arg, char *err,
			      size_t n);

/* May user_id see problem_id at `now`: it is published, or it is in an
 * assignment of a course they are a member of, which has opened or whose
 * TA or instructor they are? 1 yes, 0 no, -1 error. (The site's staff
 * see every problem: callers decide.) */
int db_problem_visible_to(struct db *db, long long problem_id, long long user_id, int64_t now, char *err, size_t n);

/* ---- clarifications and announcements ---- */
struct db_clarification {
	long long id, course_id, assignment_id; /* assignment_id 0: the whole course */
	char author[64];
	char question[4096];  /* "" for an announcement */
	char answer[4096];    /* "" while not answered */
	char answered_by[64];
	int public_;
	long long asked_at, answered_at; /* answered_at 0 while not answered */
};

/* A question from author_id (assignment_id 0: about the course); sets *id. */
int db_clarification_ask(struct db *db, long long course_id, long long assignment_id, long long author_id,
			 const char *question, long long *id, char *err, size_t n);

/* Staff's answer to question id, public (to everyone in the course) or
 * not (to its author). 1 done, 0 no such question, -1 error. */
int db_clarification_answer(struct db *db, long long id, long long by_user_id, const char *answer, int public_,
			    char *err, size_t n);

/* An announcement from staff to everyone in the course; sets *id. */
int db_announcement_add(struct db *db, long long course_id, long long assignment_id, long long author_id,
			const char *text, long long *id, char *err, size_t n);

/* fn for each clarification of the course that viewer_id may read (the
 * public ones and their own; viewer_id 0: staff, all), newest first. */
int db_clarification_list(struct db *db, long long course_id, long long viewer_id,
			  void (*fn)(const struct db_clarification *c, void *arg), void *arg, char *err, size_t n);

/* ---- API tokens (only their hash is stored) ---- */

/* Records token_hash for user_id under name (unique per user); sets *id. */
int db_api_token_add(struct db *db, long long user_id, const char *name, const char *token_hash, long long *id,
		     char *err, size_t n);

/* Who holds the token whose hash this is: 1 found (user filled; its
 * last use set to now), 0 no such token, -1 error. */
int db_api_token_user(struct db *db, const char *token_hash, int64_t now, long long *user_id, char name[64],
		      char role[16], char *err, size_t n);

/* fn for each of user_id's tokens, by name (last_used 0: never). */
int db_api_token_list(struct db *db, long long user_id,
		      void (*fn)(long long id, const char *name, long long created, long long last_used, void *arg),
		      void *arg, char *err, size_t n);

/* Deletes user_id's token id: 1 done, 0 no such token of theirs, -1 error. */
int db_api_token_delete(struct db *db, long long user_id, long long id, char *err, size_t n);

#endif
