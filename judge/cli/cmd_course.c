/* cmd_course.c - `verdict course add|list|members|enrol`: courses and their rosters.
 *
 * enrol reads a roster (user name, full name, e-mail or student number,
 * section, role) and makes the course's people match it, in one
 * transaction (roster.c, shared with the roster upload page): missing
 * accounts are created with generated passwords (written to a file only
 * its owner can read, as `user import` does: cli_accounts.c), new people
 * are added and changed rows updated. It is idempotent: the same roster
 * again changes nothing. People no longer on the roster are reported and
 * marked off it, never deleted, so their submissions and grades stay.
 */
#include "cli.h"
#include "cli_accounts.h"
#include "commands.h"
#include "db.h"
#include "db_courses.h"
#include "password.h"
#include "roster.h"
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

/* roster_apply's account maker: a generated password, written to the file. */
static int create_account(struct db *db, struct roster_row *row, void *arg, char *err, size_t n)
{
	(void)n;
	err[0] = 0; /* new_accounts_add says why on stderr */
	return new_accounts_add(arg, db, row->user, roster_site_role(row), &row->user_id);
}

static int enrol(const char *course, const char *csv, const char *passwords, const char *db_path)
{
	struct roster ro;
	char err[512] = "";
	FILE *f = fopen(csv, "re");
	if (!f) {
		fprintf(stderr, "verdict course enrol: cannot read %s: %s\n", csv, strerror(errno));
		return 2;
	}
	int rc = roster_read(f, csv, &ro, err, sizeof err);
	fclose(f);
	if (rc < 0) {
		fprintf(stderr, "verdict course enrol: %s\n", err);
		return 2;
	}
	if (password_init() < 0) {
		fprintf(stderr, "verdict course enrol: cannot initialize libsodium\n");
		roster_free(&ro);
		return 1;
	}
	struct db *db = cli_open_db("course enrol", db_path);
	struct db_course c;
	if (!db || cli_course(db, "course enrol", course, &c) < 0) {
		db_close(db);
		roster_free(&ro);
		return 1;
	}
	struct new_accounts na;
	new_accounts_init(&na, "course enrol", "; nothing was changed", passwords, csv);
	rc = db_begin(db, err, sizeof err) < 0 ? -1 : 0;
	if (rc == 0 && (roster_find_accounts(db, &ro, err, sizeof err) < 0 ||
			roster_apply(db, c.id, &ro, create_account, &na, err, sizeof err) < 0))
		rc = err[0] ? -1 : -2;
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
		printf("course %s: %d added, %d updated, %d unchanged\n", c.short_name, ro.counts[1], ro.counts[2],
		       ro.counts[0]);
		if (na.count)
			printf("%d new accounts; their initial passwords are in %s\n", na.count, na.path);
		if (ro.ndropped)
			printf("%d no longer on the roster (marked so; their accounts and work are kept):\n", ro.ndropped);
		for (int i = 0; i < ro.ndropped; i++)
			printf("  %-20s %-24s %s\n", ro.dropped[i].user, ro.dropped[i].full_name, ro.dropped[i].student_number);
	}
	db_close(db);
	roster_free(&ro);
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
