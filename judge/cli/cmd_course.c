/* cmd_course.c - `verdict course add|list|members|enrol`: courses and their rosters.
 *
 * enrol reads a roster (user name, full name, e-mail or student number,
 * section, role) and makes the course's people match it, in one
 * transaction: missing accounts are created with generated passwords
 * (written to a file only its owner can read, as `user import` does:
 * cli_accounts.c), new people are added and changed rows updated. It is
 * idempotent: the same roster again changes nothing. People no longer on
 * the roster are reported and marked off it, never deleted, so their
 * submissions and grades stay.
 */
#include "account.h"
#include "cli.h"
#include "cli_accounts.h"
#include "commands.h"
#include "csv.h"
#include "db.h"
#include "db_courses.h"
#include "password.h"
#include "state.h"
#include "util.h"
#include "zone_time.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define ROSTER_MAX 5000

static const char usage_text[] =
	"usage: verdict course add SHORT --title TITLE [--term TERM] [--zone ZONE] [--late-days N] [--state DIR | --db FILE]\n"
	"       verdict course list [--state DIR | --db FILE]\n"
	"       verdict course members COURSE [--state DIR | --db FILE]\n"
	"       verdict course enrol COURSE ROSTER.csv [--passwords OUT.csv] [--state DIR | --db FILE]\n"
	"\n"
	"SHORT: 1 to 63 letters, digits, '-' or '_'. ZONE is a time zone of the tz\n"
	"database (default UTC): the course's times are shown and typed in it. N is\n"
	"each student's late-day bank (default 0).\n"
	"\n"
	"enrol reads CSV lines 'user,full name,e-mail or student number,section,role'\n"
	"(role student, ta or instructor; default student; a header line is allowed).\n"
	"Missing accounts are created, their generated passwords written to OUT.csv\n"
	"(default: ROSTER-passwords.csv beside it), readable only by its owner. Enrolling\n"
	"again adds and updates, and reports who is no longer on the roster: they are\n"
	"marked off it, with their work kept.\n";

static int add(int argc, char **argv)
{
	static const struct option options[] = { { "title", required_argument, NULL, 't' },
						 { "term", required_argument, NULL, 'T' },
						 { "zone", required_argument, NULL, 'z' },
						 { "late-days", required_argument, NULL, 'l' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { NULL, 0, NULL, 0 } };
	struct db_course c = { .zone = "UTC" };
	const char *title = NULL, *db_opt = NULL, *state_opt = NULL;
	char err[512], *end;
	int opt;
	long days = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 't': title = optarg; break;
		case 'T': snprintf(c.term, sizeof c.term, "%s", optarg); break;
		case 'z': snprintf(c.zone, sizeof c.zone, "%s", optarg); break;
		case 'l':
			days = strtol(optarg, &end, 10);
			if (*end || end == optarg || days < 0 || days > 365) {
				fprintf(stderr, "verdict course add: --late-days must be 0 to 365, not '%s'\n", optarg);
				return 2;
			}
			break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		default: fputs(usage_text, stderr); return 2;
		}
	}
	if (optind != argc - 1 || !title) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (!state_name_ok(argv[optind])) {
		fprintf(stderr, "verdict course add: '%s' is not a valid course name (1 to 63 letters, digits, '-', '_')\n",
			argv[optind]);
		return 2;
	}
	if (zone_time_check(c.zone, err, sizeof err) < 0) {
		fprintf(stderr, "verdict course add: %s\n", err);
		return 2;
	}
	snprintf(c.short_name, sizeof c.short_name, "%s", argv[optind]);
	snprintf(c.title, sizeof c.title, "%s", title);
	c.late_days = (int)days;
	struct db *db = cli_open_db("course add", cli_state(state_opt, db_opt)->db);
	if (!db)
		return 1;
	int rc = db_course_add(db, &c, err, sizeof err);
	db_close(db);
	if (rc < 0) {
		fprintf(stderr, "verdict course add: %s\n", err);
		return 1;
	}
	printf("course %s (%s) added, times in %s\n", c.short_name, c.title, c.zone);
	return 0;
}

static void print_course(const struct db_course *c, void *arg)
{
	(void)arg;
	printf("%-20s %-30s %-12s %-20s %d late days\n", c->short_name, c->title, c->term[0] ? c->term : "-", c->zone,
	       c->late_days);
}

static void print_member(const struct db_member *m, void *arg)
{
	(void)arg;
	printf("%-20s %-10s %-24s %-20s %-8s%s\n", m->user, m->role, m->full_name, m->student_number,
	       m->section[0] ? m->section : "-", m->on_roster ? "" : "  (not on the roster)");
}

/* ---- enrol ---- */

struct row {
	char user[33], role[16], full_name[128], number[128], section[64];
	long long user_id;
};

/* Checks one CSV record into r. Returns 0, or -1 after naming the line's fault. */
static int check_row(char **f, int nf, const char *path, int line, struct row *r)
{
	static const char *const roles[] = { "student", "ta", "instructor" };
	const char *role = nf >= 5 && f[4][0] ? f[4] : "student";
	const char *what = NULL;
	if (!account_name_ok(f[0]))
		what = "is not a valid user name (1 to 32 letters, digits, '.', '_' or '-')";
	else if (name_index(roles, 3, role) < 0)
		what = "has an unknown role (student, ta or instructor)";
	else if ((nf >= 2 && strlen(f[1]) >= sizeof r->full_name) || (nf >= 3 && strlen(f[2]) >= sizeof r->number) ||
		 (nf >= 4 && strlen(f[3]) >= sizeof r->section))
		what = "has a field that is too long";
	if (what) {
		fprintf(stderr, "verdict course enrol: %s:%d: '%s' %s\n", path, line, f[0], what);
		return -1;
	}
	memset(r, 0, sizeof *r);
	snprintf(r->user, sizeof r->user, "%s", f[0]);
	snprintf(r->role, sizeof r->role, "%s", role);
	snprintf(r->full_name, sizeof r->full_name, "%s", nf >= 2 ? f[1] : "");
	snprintf(r->number, sizeof r->number, "%s", nf >= 3 ? f[2] : "");
	snprintf(r->section, sizeof r->section, "%s", nf >= 4 ? f[3] : "");
	return 0;
}

/* Reads and checks the whole roster before anything is stored. Returns
 * how many rows, or -1 after saying which line is wrong. */
static int read_roster(const char *path, struct row **out)
{
	FILE *f = fopen(path, "re");
	if (!f) {
		fprintf(stderr, "verdict course enrol: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	struct row *rows = NULL;
	int count = 0, lines = 0, rc = 0, nf;
	char buf[1024], *fields[8], err[256];
	for (int line = 1; rc == 0 && (nf = csv_read(f, buf, sizeof buf, fields, 8, &lines, err, sizeof err)) != 0;
	     line = lines + 1) { /* line: where the record started */
		if (nf < 0 || nf > 5) {
			fprintf(stderr, "verdict course enrol: %s:%d: %s\n", path, line,
				nf < 0 ? err : "more than 5 fields (user,full name,number,section,role)");
			rc = -1;
			break;
		}
		if (nf == 1 && !fields[0][0])
			continue;
		if (count == 0 && (!strcasecmp(fields[0], "user") || !strcasecmp(fields[0], "username") ||
				   !strcasecmp(fields[0], "name")))
			continue; /* a header */
		struct row r;
		if (check_row(fields, nf, path, line, &r) < 0) {
			rc = -1;
			break;
		}
		for (int i = 0; i < count; i++)
			if (!strcmp(rows[i].user, r.user)) {
				fprintf(stderr, "verdict course enrol: %s:%d: '%s' appears twice\n", path, line, r.user);
				rc = -1;
			}
		if (rc == 0 && count >= ROSTER_MAX) {
			fprintf(stderr, "verdict course enrol: %s: more than %d people\n", path, ROSTER_MAX);
			rc = -1;
		}
		struct row *more = rc == 0 ? realloc(rows, sizeof *rows * (size_t)(count + 1)) : NULL;
		if (rc == 0 && !more) {
			fprintf(stderr, "verdict course enrol: out of memory\n");
			rc = -1;
		}
		if (rc == 0) {
			rows = more;
			rows[count++] = r;
		}
	}
	fclose(f);
	if (rc == 0 && count == 0) {
		fprintf(stderr, "verdict course enrol: %s has nobody on it\n", path);
		rc = -1;
	}
	if (rc < 0) {
		free(rows);
		return -1;
	}
	*out = rows;
	return count;
}

struct dropped {
	const struct row *rows;
	int nrows;
	struct db_member *v;
	int count;
	int failed;
};

/* Members on the roster whom the file no longer lists. */
static void find_dropped(const struct db_member *m, void *arg)
{
	struct dropped *d = arg;
	if (!m->on_roster)
		return;
	for (int i = 0; i < d->nrows; i++)
		if (d->rows[i].user_id == m->user_id)
			return;
	struct db_member *more = realloc(d->v, sizeof *more * (size_t)(d->count + 1));
	if (!more) {
		d->failed = 1;
		return;
	}
	d->v = more;
	d->v[d->count++] = *m;
}

/* Puts each row in the course, creating accounts that are missing. For
 * enrol's transaction. counts[change] as db_member_put says. Returns 0,
 * or -2 after saying why on stderr. */
static int put_rows(struct db *db, const struct db_course *c, struct row *rows, int count, struct new_accounts *na,
		    int counts[3])
{
	char err[512];
	for (int i = 0; i < count; i++) {
		struct row *r = &rows[i];
		int found = db_user_find(db, r->user, &r->user_id, err, sizeof err), change;
		if (found == 0 &&
		    new_accounts_add(na, db, r->user, strcmp(r->role, "instructor") ? "student" : "instructor", &r->user_id) < 0)
			return -2;
		struct db_member m = { .user_id = r->user_id };
		snprintf(m.role, sizeof m.role, "%s", r->role);
		snprintf(m.full_name, sizeof m.full_name, "%s", r->full_name);
		snprintf(m.student_number, sizeof m.student_number, "%s", r->number);
		snprintf(m.section, sizeof m.section, "%s", r->section);
		if (found < 0 || db_member_put(db, c->id, &m, &change, err, sizeof err) < 0) {
			fprintf(stderr, "verdict course enrol: %s: %s; nothing was changed\n", r->user, err);
			return -2;
		}
		counts[change]++;
	}
	return 0;
}

static int enrol(const char *course, const char *csv, const char *passwords, const char *db_path)
{
	struct row *rows;
	int count = read_roster(csv, &rows);
	if (count < 0)
		return 2;
	if (password_init() < 0) {
		fprintf(stderr, "verdict course enrol: cannot initialize libsodium\n");
		free(rows);
		return 1;
	}
	struct db *db = cli_open_db("course enrol", db_path);
	struct db_course c;
	char err[512] = "";
	if (!db || cli_course(db, "course enrol", course, &c) < 0) {
		db_close(db);
		free(rows);
		return 1;
	}
	struct new_accounts na;
	new_accounts_init(&na, "course enrol", "; nothing was changed", passwords, csv);
	struct dropped d = { .rows = rows, .nrows = count };
	int counts[3] = { 0 }, rc = db_begin(db, err, sizeof err) < 0 ? -1 : 0;
	if (rc == 0)
		rc = put_rows(db, &c, rows, count, &na, counts);
	if (rc == 0 && db_member_list(db, c.id, NULL, find_dropped, &d, err, sizeof err) < 0)
		rc = -1;
	if (rc == 0 && d.failed)
		rc = errf(err, sizeof err, "out of memory");
	for (int i = 0; rc == 0 && i < d.count; i++)
		rc = db_member_drop(db, c.id, d.v[i].user_id, err, sizeof err);
	if (rc == 0 && new_accounts_close(&na, 1) < 0)
		rc = -2;
	if (rc == 0 && db_commit(db, err, sizeof err) < 0) {
		unlink(na.path);
		rc = -1;
	}
	if (rc == -1)
		fprintf(stderr, "verdict course enrol: %s; nothing was changed\n", err);
	if (rc < 0) {
		db_rollback(db);
		new_accounts_close(&na, 0);
	} else {
		printf("course %s: %d added, %d updated, %d unchanged\n", c.short_name, counts[1], counts[2], counts[0]);
		if (na.count)
			printf("%d new accounts; their initial passwords are in %s\n", na.count, na.path);
		if (d.count)
			printf("%d no longer on the roster (marked so; their accounts and work are kept):\n", d.count);
		for (int i = 0; i < d.count; i++)
			printf("  %-20s %-24s %s\n", d.v[i].user, d.v[i].full_name, d.v[i].student_number);
	}
	db_close(db);
	free(d.v);
	free(rows);
	return rc < 0 ? 1 : 0;
}

int cmd_course(int argc, char **argv)
{
	const char *sub = argc >= 2 ? argv[1] : "";
	if (!strcmp(sub, "add"))
		return add(argc - 1, argv + 1);
	if (strcmp(sub, "list") && strcmp(sub, "members") && strcmp(sub, "enrol")) {
		int help = !strcmp(sub, "--help");
		fputs(usage_text, help ? stdout : stderr);
		return help ? 0 : 2;
	}
	static const struct option options[] = { { "passwords", required_argument, NULL, 'o' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { NULL, 0, NULL, 0 } };
	const char *db_opt = NULL, *state_opt = NULL, *passwords = NULL;
	int opt, want = !strcmp(sub, "list") ? 0 : !strcmp(sub, "members") ? 1 : 2;
	optind = 1;
	while ((opt = getopt_long(argc - 1, argv + 1, "", options, NULL)) != -1) {
		if (opt == 'o' && want == 2)
			passwords = optarg;
		else if (opt == 'd')
			db_opt = optarg;
		else if (opt == 'S')
			state_opt = optarg;
		else {
			fputs(usage_text, stderr);
			return 2;
		}
	}
	char **args = argv + 1 + optind;
	if (argc - 1 - optind != want) {
		fputs(usage_text, stderr);
		return 2;
	}
	const char *db_path = cli_state(state_opt, db_opt)->db;
	if (want == 2)
		return enrol(args[0], args[1], passwords, db_path);
	struct db *db = cli_open_db(want ? "course members" : "course list", db_path);
	if (!db)
		return 1;
	char err[512] = "";
	struct db_course c;
	int rc;
	if (want == 0)
		rc = db_course_list(db, print_course, NULL, err, sizeof err);
	else
		rc = cli_course(db, "course members", args[0], &c) < 0 ? -2
									: db_member_list(db, c.id, NULL, print_member, NULL, err, sizeof err);
	db_close(db);
	if (rc == -1)
		fprintf(stderr, "verdict course: %s\n", err);
	return rc < 0 ? 1 : 0;
}
