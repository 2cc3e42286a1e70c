/* roster.h - a course's roster (user, full name, e-mail or student number, section, role) read and checked as a whole, then made the course's people: one path for `verdict course enrol` and the roster upload page.
 *
 * Enrolment is idempotent: the same roster again changes nothing. People
 * no longer on it are marked off the roster (db_member_drop), never
 * deleted, so their submissions and grades stay.
 */
#ifndef VERDICT_ROSTER_H
#define VERDICT_ROSTER_H

#include <stddef.h>
#include <stdio.h>

#include "db_courses.h"

#define ROSTER_MAX 5000

struct roster_row {
	char user[33], role[16], full_name[128], number[128], section[64];
	long long user_id; /* 0 while the account does not exist */
};

struct roster {
	struct roster_row *rows;
	int count;
	struct db_member *dropped; /* members no longer on it (roster_apply) */
	int ndropped;
	int counts[3];             /* rows unchanged, added, updated (db_member_put's change) */
};

/* Reads f, CSV lines 'user,full name,e-mail or student number,section,role'
 * (RFC 4180; role student, ta or instructor, default student; a header
 * line is allowed), and checks every line before anything is stored.
 * Returns 0 with *r filled (free with roster_free), or -1 with err naming
 * the line (as "NAME:LINE: ..."), *r empty. */
int roster_read(FILE *f, const char *name, struct roster *r, char *err, size_t n);

/* Sets each row's user_id from its account (0 when there is none).
 * Returns how many have none, or -1 with err. */
int roster_find_accounts(struct db *db, struct roster *r, char *err, size_t n);

/* The site role a new account for row gets: instructor for a course
 * instructor, else student. */
const char *roster_site_role(const struct roster_row *row);

/* For the caller's transaction: makes the course's people match r. A row
 * without an account gets one from create (which sets row->user_id;
 * returns 0, or -1 with err, left empty when it said why itself); then
 * every row is added or updated and put on the roster, and members the
 * roster no longer lists are marked off it (r->dropped). Returns 0, or -1
 * with err; the caller then rolls back. */
int roster_apply(struct db *db, long long course_id, struct roster *r,
		 int (*create)(struct db *db, struct roster_row *row, void *arg, char *err, size_t n), void *arg,
		 char *err, size_t n);

void roster_free(struct roster *r);

#endif
