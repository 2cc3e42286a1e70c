/* cmd_extension.c - `verdict extension add|list`: a new due time for one student or one section, with the reason.
 *
 * An extension replaces the assignment's due time (and, if given, its
 * late_until) for that person or section (due_window.h says how the two
 * combine); a person's own extension goes before their section's, and a
 * newer one before an older. Every extension is kept, with who granted it
 * and when.
 */
#include "cli.h"
#include "extension_grant.h"
#include "commands.h"
#include "db.h"
#include "db_courses.h"
#include "state.h"
#include "zone_time.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
	"usage: verdict extension add COURSE ASSIGNMENT (USER | --section S) --due TIME [--late-until TIME]\n"
	"           --reason TEXT [--state DIR | --db FILE]\n"
	"       verdict extension list COURSE ASSIGNMENT [--state DIR | --db FILE]\n"
	"\n"
	"TIME is 'YYYY-MM-DD HH:MM' in the course's time zone. Without --late-until the\n"
	"assignment's late window still ends when it does (but not before the new due).\n";

static void print_extension(const struct db_extension *e, void *arg)
{
	const struct db_assignment *a = arg;
	char due[96], until[96] = "the assignment's", err[128];
	zone_time_format(e->times.due, a->zone, due, sizeof due, err, sizeof err);
	if (e->times.late_until != DUE_NONE)
		zone_time_format(e->times.late_until, a->zone, until, sizeof until, err, sizeof err);
	printf("%-24s due %s, late until %s: %s (by %s)\n", e->user[0] ? e->user : e->section, due, until, e->reason,
	       e->granted_by[0] ? e->granted_by : "the command line");
}

int cmd_extension(int argc, char **argv)
{
	static const struct option options[] = { { "section", required_argument, NULL, 's' },
						 { "due", required_argument, NULL, 'D' },
						 { "late-until", required_argument, NULL, 'u' },
						 { "reason", required_argument, NULL, 'r' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { NULL, 0, NULL, 0 } };
	const char *sub = argc >= 2 ? argv[1] : "", *section = NULL, *due = NULL, *until = NULL, *reason = NULL,
		   *db_opt = NULL, *state_opt = NULL;
	int is_add = !strcmp(sub, "add"), opt;
	if (!is_add && strcmp(sub, "list")) {
		int help = !strcmp(sub, "--help");
		fputs(usage_text, help ? stdout : stderr);
		return help ? 0 : 2;
	}
	optind = 1;
	while ((opt = getopt_long(argc - 1, argv + 1, "", options, NULL)) != -1) {
		switch (opt) {
		case 's': section = optarg; break;
		case 'D': due = optarg; break;
		case 'u': until = optarg; break;
		case 'r': reason = optarg; break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		default: fputs(usage_text, stderr); return 2;
		}
	}
	int nargs = argc - 1 - optind;
	char **args = argv + 1 + optind;
	if (is_add ? nargs != (section ? 2 : 3) || !due || !reason || !reason[0]
		   : nargs != 2 || section || due || until || reason) {
		fputs(usage_text, stderr);
		return 2;
	}
	struct db *db = cli_open_db(is_add ? "extension add" : "extension list", cli_state(state_opt, db_opt)->db);
	if (!db)
		return 1;
	struct db_assignment a;
	char err[512];
	int rc = 1;
	if (cli_assignment(db, is_add ? "extension add" : "extension list", args[0], args[1], &a) < 0)
		goto out;
	if (!is_add) {
		if (db_extension_list(db, a.id, print_extension, &a, err, sizeof err) < 0)
			fprintf(stderr, "verdict extension list: %s\n", err);
		else
			rc = 0;
		goto out;
	}
	long long id;
	struct due_extension t;
	int granted = extension_grant(db, &a, section ? NULL : args[2], section, due, until, reason, 0, &id, &t, err,
				      sizeof err);
	if (granted < 0) {
		fprintf(stderr, "verdict extension add: %s\n", err);
		rc = granted == -2 ? 2 : 1;
		goto out;
	}
	struct db_extension shown = { .times = t };
	snprintf(section ? shown.section : shown.user, sizeof shown.user, "%s", section ? section : args[2]);
	snprintf(shown.reason, sizeof shown.reason, "%s", reason);
	printf("extension on %s/%s: ", a.course, a.short_name);
	print_extension(&shown, &a);
	rc = 0;
out:
	db_close(db);
	return rc;
}
