/* roster.c - a course's roster read, checked and made the course's people. */
#include "roster.h"

#include "account.h"
#include "csv.h"
#include "db.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Checks one CSV record into row. Returns 0, or -1 with err naming the line's fault. */
static int check_row(char **f, int nf, const char *name, int line, struct roster_row *row, char *err, size_t n)
{
	static const char *const roles[] = { "student", "ta", "instructor" };
	const char *role = nf >= 5 && f[4][0] ? f[4] : "student";
	const char *what = NULL;
	if (!account_name_ok(f[0]))
		what = "is not a valid user name (1 to 32 letters, digits, '.', '_' or '-')";
	else if (name_index(roles, 3, role) < 0)
		what = "has an unknown role (student, ta or instructor)";
	else if ((nf >= 2 && strlen(f[1]) >= sizeof row->full_name) || (nf >= 3 && strlen(f[2]) >= sizeof row->number) ||
		 (nf >= 4 && strlen(f[3]) >= sizeof row->section))
		what = "has a field that is too long";
	if (what)
		return errf(err, n, "%s:%d: '%.40s' %s", name, line, f[0], what);
	memset(row, 0, sizeof *row);
	snprintf(row->user, sizeof row->user, "%s", f[0]);
	snprintf(row->role, sizeof row->role, "%s", role);
	snprintf(row->full_name, sizeof row->full_name, "%s", nf >= 2 ? f[1] : "");
	snprintf(row->number, sizeof row->number, "%s", nf >= 3 ? f[2] : "");
	snprintf(row->section, sizeof row->section, "%s", nf >= 4 ? f[3] : "");
	return 0;
}

/* Appends row to r. Returns 0, or -1 with err. */
static int add_row(struct roster *r, const struct roster_row *row, const char *name, int line, char *err, size_t n)
{
	for (int i = 0; i < r->count; i++)
		if (!strcmp(r->rows[i].user, row->user))
			return errf(err, n, "%s:%d: '%s' appears twice", name, line, row->user);
	if (r->count >= ROSTER_MAX)
		return errf(err, n, "%s: more than %d people", name, ROSTER_MAX);
	struct roster_row *more = realloc(r->rows, sizeof *more * (size_t)(r->count + 1));
	if (!more)
		return errf(err, n, "out of memory");
	r->rows = more;
	r->rows[r->count++] = *row;
	return 0;
}

int roster_read(FILE *f, const char *name, struct roster *r, char *err, size_t n)
{
	memset(r, 0, sizeof *r);
	int lines = 0, rc = 0, nf;
	char buf[1024], *fields[8], why[256];
	for (int line = 1; rc == 0 && (nf = csv_read(f, buf, sizeof buf, fields, 8, &lines, why, sizeof why)) != 0;
	     line = lines + 1) { /* line: where the record started */
		struct roster_row row;
		if (nf < 0 || nf > 5)
			rc = errf(err, n, "%s:%d: %s", name, line,
				  nf < 0 ? why : "more than 5 fields (user,full name,number,section,role)");
		else if (nf == 1 && !fields[0][0])
			continue;
		else if (r->count == 0 && (!strcasecmp(fields[0], "user") || !strcasecmp(fields[0], "username") ||
					   !strcasecmp(fields[0], "name")))
			continue; /* a header */
		else if (check_row(fields, nf, name, line, &row, err, n) < 0 || add_row(r, &row, name, line, err, n) < 0)
			rc = -1;
	}
	if (rc == 0 && r->count == 0)
		rc = errf(err, n, "%s has nobody on it", name);
	if (rc < 0)
		roster_free(r);
	return rc;
}

int roster_find_accounts(struct db *db, struct roster *r, char *err, size_t n)
{
	int missing = 0;
	for (int i = 0; i < r->count; i++) {
		int found = db_user_find(db, r->rows[i].user, &r->rows[i].user_id, err, n);
		if (found < 0)
			return -1;
		if (!found)
			r->rows[i].user_id = 0;
		missing += !found;
	}
	return missing;
}

const char *roster_site_role(const struct roster_row *row)
{
	return strcmp(row->role, "instructor") ? "student" : "instructor";
}

struct dropped {
	struct roster *r;
	int failed;
};

/* Members on the roster whom the file no longer lists. */
static void find_dropped(const struct db_member *m, void *arg)
{
	struct dropped *d = arg;
	struct roster *r = d->r;
	if (!m->on_roster)
		return;
	for (int i = 0; i < r->count; i++)
		if (r->rows[i].user_id == m->user_id)
			return;
	struct db_member *more = realloc(r->dropped, sizeof *more * (size_t)(r->ndropped + 1));
	if (!more) {
		d->failed = 1;
		return;
	}
	r->dropped = more;
	r->dropped[r->ndropped++] = *m;
}

int roster_apply(struct db *db, long long course_id, struct roster *r,
		 int (*create)(struct db *db, struct roster_row *row, void *arg, char *err, size_t n), void *arg,
		 char *err, size_t n)
{
	char why[512];
	memset(r->counts, 0, sizeof r->counts);
	for (int i = 0; i < r->count; i++) {
		struct roster_row *row = &r->rows[i];
		int change;
		if (!row->user_id && create(db, row, arg, err, n) < 0)
			return -1;
		struct db_member m = { .user_id = row->user_id };
		snprintf(m.role, sizeof m.role, "%s", row->role);
		snprintf(m.full_name, sizeof m.full_name, "%s", row->full_name);
		snprintf(m.student_number, sizeof m.student_number, "%s", row->number);
		snprintf(m.section, sizeof m.section, "%s", row->section);
		if (db_member_put(db, course_id, &m, &change, why, sizeof why) < 0)
			return errf(err, n, "%s: %s", row->user, why);
		r->counts[change]++;
	}
	struct dropped d = { r, 0 };
	free(r->dropped);
	r->dropped = NULL;
	r->ndropped = 0;
	if (db_member_list(db, course_id, NULL, find_dropped, &d, err, n) < 0)
		return -1;
	if (d.failed)
		return errf(err, n, "out of memory");
	for (int i = 0; i < r->ndropped; i++)
		if (db_member_drop(db, course_id, r->dropped[i].user_id, err, n) < 0)
			return -1;
	return 0;
}

void roster_free(struct roster *r)
{
	free(r->rows);
	free(r->dropped);
	memset(r, 0, sizeof *r);
}
