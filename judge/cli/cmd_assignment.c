/* cmd_assignment.c - `verdict assignment add|set|list|start`: a course's assignments (a contest is one too).
 *
 * add and set share one option table and assignment_edit_store (shared
 * with the web's settings page), which reads the times in the course's
 * zone, checks the whole assignment and stores it in one transaction, so
 * that set can never store what add would refuse.
 */
#include "assignment_edit.h"
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "db_courses.h"
#include "late_spec.h"
#include "points.h"
#include "state.h"
#include "util.h"
#include "zone_time.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage_text[] =
	"usage: verdict assignment add COURSE SHORT --title TITLE --opens TIME --due TIME [--late-until TIME]\n"
	"           [--late none|penalty:PCT/hour|penalty:PCT/day[,floor:PCT]|days[:N]] [--counts best|last]\n"
	"           [--feedback full|samples|verdict|after-close] [--contest none|icpc|ioi] [--freeze MIN]\n"
	"           [--window MIN] --problem NAME[:POINTS] ... [--state DIR | --db FILE]\n"
	"       verdict assignment set COURSE SHORT [the same options] [--unfreeze] [--state DIR | --db FILE]\n"
	"       verdict assignment list COURSE [--state DIR | --db FILE]\n"
	"       verdict assignment start COURSE SHORT --user USER [--state DIR | --db FILE]\n"
	"\n"
	"TIME is 'YYYY-MM-DD HH:MM' in the course's time zone. A late policy needs\n"
	"--late-until, the end of the late window; without one the assignment closes at\n"
	"its due time. --problem is repeated, in order (POINTS default 100; in a contest\n"
	"the problems are labelled A, B, ...). --freeze MIN stops the public scoreboard\n"
	"MIN minutes before the end (contests only); --window MIN gives each participant\n"
	"MIN minutes from when they start it (`assignment start`), within the window.\n"
	"set changes only the options given (--problem replaces the list; 'none' clears\n"
	"--late-until, --freeze and --window). list prints times in the course's zone.\n";

/* What add, set and start were told; NULL: not given. */
struct given {
	struct assignment_given a;
	const char *user;
};

static const struct option options[] = {
	{ "title", required_argument, NULL, 't' },	  { "opens", required_argument, NULL, 'o' },
	{ "due", required_argument, NULL, 'D' },	  { "late-until", required_argument, NULL, 'u' },
	{ "late", required_argument, NULL, 'l' },	  { "counts", required_argument, NULL, 'c' },
	{ "feedback", required_argument, NULL, 'f' },	  { "contest", required_argument, NULL, 'C' },
	{ "freeze", required_argument, NULL, 'F' },	  { "window", required_argument, NULL, 'w' },
	{ "problem", required_argument, NULL, 'p' },	  { "unfreeze", no_argument, NULL, 'U' },
	{ "user", required_argument, NULL, 'a' },	  { "db", required_argument, NULL, 'd' },
	{ "state", required_argument, NULL, 'S' },	  { NULL, 0, NULL, 0 }
};

/* Where each option's value goes in struct given (the table the parser walks). */
static const struct {
	int opt;
	size_t offset;
} slots[] = {
	{ 't', offsetof(struct given, a.title) },	  { 'o', offsetof(struct given, a.opens) },
	{ 'D', offsetof(struct given, a.due) },	  { 'u', offsetof(struct given, a.late_until) },
	{ 'l', offsetof(struct given, a.late) },	  { 'c', offsetof(struct given, a.counts) },
	{ 'f', offsetof(struct given, a.feedback) }, { 'C', offsetof(struct given, a.contest) },
	{ 'F', offsetof(struct given, a.freeze) },  { 'w', offsetof(struct given, a.window) },
	{ 'a', offsetof(struct given, user) },
};

/* Reads the options into g; returns 0, or 2 (the usage was printed). */
static int parse(int argc, char **argv, struct given *g, const char **db_opt, const char **state_opt)
{
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		size_t i = 0;
		while (i < sizeof slots / sizeof *slots && slots[i].opt != opt)
			i++;
		if (i < sizeof slots / sizeof *slots)
			*(const char **)((char *)g + slots[i].offset) = optarg;
		else if (opt == 'p' && g->a.nproblems < ASSIGNMENT_PROBLEMS_MAX)
			g->a.problems[g->a.nproblems++] = optarg;
		else if (opt == 'U')
			g->a.unfreeze = 1;
		else if (opt == 'd')
			*db_opt = optarg;
		else if (opt == 'S')
			*state_opt = optarg;
		else {
			fputs(opt == 'p' ? "verdict assignment: too many problems\n" : usage_text, stderr);
			return 2;
		}
	}
	return 0;
}

/* Prints t in zone, or "-" for DUE_NONE. */
static void put_time(int64_t t, const char *zone, const char *label)
{
	char when[96] = "-", err[128];
	if (t != DUE_NONE && zone_time_format(t, zone, when, sizeof when, err, sizeof err) < 0)
		snprintf(when, sizeof when, "%.90s", err);
	printf("  %-11s %s\n", label, when);
}

static void print_problem(const struct db_assignment_problem *p, void *arg)
{
	(void)arg;
	char pts[32];
	int labelled = strcmp(p->label, p->problem) != 0;
	printf("  %-11s %s%s%s, %s points%s\n", p->position ? "" : "problems", labelled ? p->label : "",
	       labelled ? " " : "", p->problem, points_format_short(p->points, pts, sizeof pts),
	       p->visible ? "" : " (unpublished: students see it in the assignment once it opens)");
}

static void print_assignment(const struct db_assignment *a, void *arg)
{
	struct db *db = arg;
	char late[64], err[256];
	printf("%s: %s\n", a->short_name, a->title);
	put_time(a->times.opens, a->zone, "opens");
	put_time(a->times.due, a->zone, "due");
	put_time(a->times.late_until, a->zone, "late until");
	printf("  %-11s late %s, counts %s, feedback %s", "policies", late_spec_format(&a->late, late, sizeof late),
	       which_counts_name(a->counts), feedback_policy_name(a->feedback));
	if (a->contest != DB_CONTEST_NONE)
		printf(", contest %s", db_contest_name(a->contest));
	if (a->freeze_minutes)
		printf(", freeze %d min before the end%s", a->freeze_minutes, a->unfrozen ? " (lifted)" : "");
	if (a->window_minutes)
		printf(", %d-minute personal window", a->window_minutes);
	printf("\n");
	if (db_assignment_problems(db, a->id, print_problem, NULL, err, sizeof err) < 0)
		fprintf(stderr, "verdict assignment list: %s\n", err);
}

/* add (is_add) or set COURSE SHORT. */
static int add_or_set(int argc, char **argv, int is_add)
{
	struct given g = { 0 };
	const char *db_opt = NULL, *state_opt = NULL, *cmd = is_add ? "assignment add" : "assignment set";
	if (parse(argc, argv, &g, &db_opt, &state_opt) || optind != argc - 2 || g.user ||
	    (is_add && (!g.a.title || !g.a.opens || !g.a.due || !g.a.nproblems))) {
		fputs(usage_text, stderr);
		return 2;
	}
	const char *course = argv[optind], *short_name = argv[optind + 1];
	if (is_add && !state_name_ok(short_name)) {
		fprintf(stderr, "verdict %s: '%s' is not a valid assignment name (1 to 63 letters, digits, '-', '_')\n",
			cmd, short_name);
		return 2;
	}
	struct db *db = cli_open_db(cmd, cli_state(state_opt, db_opt)->db);
	if (!db)
		return 1;
	struct db_course c;
	struct db_assignment a = { .times.late_until = DUE_NONE, .counts = WHICH_BEST, .feedback = FEEDBACK_FULL };
	char err[512];
	int rc = 1;
	if (cli_course(db, cmd, course, &c) < 0 ||
	    (!is_add && cli_assignment(db, cmd, course, short_name, &a) < 0))
		goto out;
	if (is_add) {
		a.course_id = c.id;
		snprintf(a.course, sizeof a.course, "%s", c.short_name);
		snprintf(a.zone, sizeof a.zone, "%s", c.zone);
		snprintf(a.short_name, sizeof a.short_name, "%s", short_name);
	}
	if (assignment_edit_store(db, &a, &g.a, is_add, err, sizeof err) < 0) {
		fprintf(stderr, "verdict assignment: %s\n", err);
		goto out;
	}
	if (a.late.kind == LATE_DAYS && c.late_days == 0)
		fprintf(stderr, "note: course %s has no late days to spend (course add --late-days N)\n", c.short_name);
	printf("assignment %s/%s %s:\n", c.short_name, a.short_name, is_add ? "added" : "changed");
	print_assignment(&a, db);
	rc = 0;
out:
	db_close(db);
	return rc;
}

static int list(const char *course, const char *db_path)
{
	struct db *db = cli_open_db("assignment list", db_path);
	if (!db)
		return 1;
	struct db_course c;
	char err[512];
	int rc = cli_course(db, "assignment list", course, &c) < 0 ? 1 : 0;
	if (rc == 0)
		printf("course %s (%s), times in %s\n", c.short_name, c.title, c.zone);
	if (rc == 0 && db_assignment_list(db, c.id, print_assignment, db, err, sizeof err) < 0) {
		fprintf(stderr, "verdict assignment list: %s\n", err);
		rc = 1;
	}
	db_close(db);
	return rc;
}

/* start COURSE SHORT --user U: U's personal window starts now. */
static int start(const char *course, const char *short_name, const char *user, const char *db_path)
{
	struct db *db = cli_open_db("assignment start", db_path);
	if (!db)
		return 1;
	struct db_assignment a;
	char err[512], when[96];
	long long user_id;
	int64_t t = (int64_t)time(NULL), started;
	int rc = 1, found;
	if (cli_assignment(db, "assignment start", course, short_name, &a) < 0)
		goto out;
	if ((found = db_user_find(db, user, &user_id, err, sizeof err)) <= 0)
		fprintf(stderr, "verdict assignment start: %s\n", found < 0 ? err : "no such user");
	else if (!a.window_minutes)
		fprintf(stderr, "verdict assignment start: %s has no personal window (assignment set --window MIN)\n",
			a.short_name);
	else if (t < a.times.opens || t > a.times.due)
		fprintf(stderr, "verdict assignment start: %s can be started only between its opening and due times\n",
			a.short_name);
	else if (db_contest_start(db, a.id, user_id, t, &started, err, sizeof err) < 0)
		fprintf(stderr, "verdict assignment start: %s\n", err);
	else if (zone_time_format(started, a.zone, when, sizeof when, err, sizeof err) < 0)
		fprintf(stderr, "verdict assignment start: %s\n", err);
	else {
		printf("%s started %s/%s at %s (%d minutes)\n", user, a.course, a.short_name, when, a.window_minutes);
		rc = 0;
	}
out:
	db_close(db);
	return rc;
}

int cmd_assignment(int argc, char **argv)
{
	const char *sub = argc >= 2 ? argv[1] : "";
	if (!strcmp(sub, "add") || !strcmp(sub, "set"))
		return add_or_set(argc - 1, argv + 1, !strcmp(sub, "add"));
	if (strcmp(sub, "list") && strcmp(sub, "start")) {
		int help = !strcmp(sub, "--help");
		fputs(usage_text, help ? stdout : stderr);
		return help ? 0 : 2;
	}
	struct given g = { 0 };
	const char *db_opt = NULL, *state_opt = NULL;
	int is_list = !strcmp(sub, "list");
	if (parse(argc - 1, argv + 1, &g, &db_opt, &state_opt) || argc - 1 - optind != (is_list ? 1 : 2) ||
	    (!is_list && !g.user) || (is_list && g.user)) {
		fputs(usage_text, stderr);
		return 2;
	}
	const char *db_path = cli_state(state_opt, db_opt)->db;
	char **args = argv + 1 + optind;
	return is_list ? list(args[0], db_path) : start(args[0], args[1], g.user, db_path);
}
