/* cmd_backup.c - `verdict backup OUT` and `verdict restore BACKUP`: the
 * state's database and problems, copied while Verdict runs, and back.
 *
 * A backup is a new directory, root's alone (0700: it holds password
 * hashes), with verdict.db (SQLite's online backup: one moment's state,
 * taken while the web server and the judge go on writing) and problems/
 * (every test data version, validator and statement: each version is
 * written once at import and never changed, so copying them after the
 * database cannot miss one it names). Restoring fills a state directory
 * that has no database yet; `serve` then hands db/ to the web account.
 */
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "fsutil.h"
#include "state.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char backup_usage[] =
	"usage: verdict backup [--state DIR] OUT\n"
	"\n"
	"Copies the state in DIR (default $VERDICT_STATE) into the new directory\n"
	"OUT while Verdict runs: OUT/verdict.db, a consistent copy of the database\n"
	"(SQLite's online backup), and OUT/problems, the test data. Restore it with\n"
	"`verdict restore`.\n";

static const char restore_usage[] =
	"usage: verdict restore [--state DIR] BACKUP\n"
	"\n"
	"Fills the state directory DIR (default $VERDICT_STATE), which must have no\n"
	"database yet, from BACKUP (made by `verdict backup`): its database is\n"
	"checked, upgraded to this version's schema, and its test data copied.\n"
	"Start `verdict serve` on DIR afterwards.\n";

/* What a backup may hold: far more than any course's test data. */
static const struct tree_limits backup_limits = { .max_bytes = 1LL << 40, .max_entries = 10000000, .max_depth = 64 };

/* Parses [--state DIR | --db FILE] ONE-PATH. */
static int parse(int argc, char **argv, const char *usage, const struct state **st, const char **path)
{
	static const struct option options[] = { { "state", required_argument, NULL, 'S' },
						 { "db", required_argument, NULL, 'd' },
						 { "help", no_argument, NULL, 'h' },
						 { NULL, 0, NULL, 0 } };
	const char *state_opt = NULL, *db_opt = NULL;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (optind != argc - 1) {
		fputs(usage, stderr);
		return 2;
	}
	*path = argv[optind];
	*st = cli_state(state_opt, db_opt);
	return -1; /* go on */
}

static int path_in(char *out, size_t n, const char *dir, const char *name)
{
	return (size_t)snprintf(out, n, "%s/%s", dir, name) < n ? 0 : -1;
}

int cmd_backup(int argc, char **argv)
{
	const struct state *st;
	const char *out;
	int rc = parse(argc, argv, backup_usage, &st, &out);
	if (rc >= 0)
		return rc;
	char err[1024], db_copy[PATH_MAX], problems[PATH_MAX], problems_copy[PATH_MAX];
	struct stat sb;
	if (lstat(st->db, &sb) < 0) {
		fprintf(stderr, "verdict backup: there is no database at %s: %s\n", st->db, strerror(errno));
		return 1;
	}
	if (path_in(db_copy, sizeof db_copy, out, "verdict.db") < 0 ||
	    path_in(problems_copy, sizeof problems_copy, out, "problems") < 0 ||
	    state_problems_dir(st->data, problems, sizeof problems) < 0) {
		fprintf(stderr, "verdict backup: path too long\n");
		return 1;
	}
	if (mkdir(out, 0700) < 0) {
		fprintf(stderr, "verdict backup: cannot create %s: %s (it must be a new directory)\n", out,
			strerror(errno));
		return 1;
	}
	struct db *db = cli_open_db("backup", st->db);
	if (!db || db_backup(db, db_copy, err, sizeof err) < 0) {
		if (db)
			fprintf(stderr, "verdict backup: %s\n", err);
		db_close(db);
		remove_tree(out);
		return 1;
	}
	db_close(db);
	if (lstat(problems, &sb) == 0 && copy_tree(problems, problems_copy, &backup_limits, err, sizeof err) < 0) {
		fprintf(stderr, "verdict backup: copying the test data %s: %s\n", problems, err);
		remove_tree(out);
		return 1;
	}
	printf("backed up %s into %s (verdict.db, problems/)\n", st->dir[0] ? st->dir : st->db, out);
	return 0;
}

int cmd_restore(int argc, char **argv)
{
	const struct state *st;
	const char *from;
	int rc = parse(argc, argv, restore_usage, &st, &from);
	if (rc >= 0)
		return rc;
	char err[1024], db_copy[PATH_MAX], problems[PATH_MAX], problems_copy[PATH_MAX];
	struct stat sb;
	if (path_in(db_copy, sizeof db_copy, from, "verdict.db") < 0 ||
	    path_in(problems_copy, sizeof problems_copy, from, "problems") < 0 ||
	    state_problems_dir(st->data, problems, sizeof problems) < 0) {
		fprintf(stderr, "verdict restore: path too long\n");
		return 1;
	}
	if (lstat(st->db, &sb) == 0 || lstat(problems, &sb) == 0) {
		fprintf(stderr, "verdict restore: %s already has a database or problems: restore into a new state "
			"directory (or move the old one aside first)\n", st->dir[0] ? st->dir : st->db);
		return 1;
	}
	if (state_data_ready(st, err, sizeof err) < 0) {
		fprintf(stderr, "verdict restore: %s\n", err);
		return 1;
	}
	/* copy_file refuses a link or anything but a regular file. */
	if (copy_file(db_copy, st->db, 0600, 1LL << 40) < 0) {
		fprintf(stderr, "verdict restore: cannot copy %s: %s\n", db_copy,
			errno == ELOOP || errno == EINVAL ? "not a regular file" : strerror(errno));
		return 1;
	}
	struct db *db = cli_open_db("restore", st->db);
	if (!db || db_check_integrity(db, err, sizeof err) < 0) {
		if (db)
			fprintf(stderr, "verdict restore: %s: %s\n", db_copy, err);
		db_close(db);
		unlink(st->db);
		return 1;
	}
	db_close(db);
	if (lstat(problems_copy, &sb) == 0 && copy_tree(problems_copy, problems, &backup_limits, err, sizeof err) < 0) {
		fprintf(stderr, "verdict restore: copying the test data %s: %s\n", problems_copy, err);
		remove_tree(problems);
		unlink(st->db);
		return 1;
	}
	printf("restored %s into %s; start `verdict serve --state %s`\n", from, st->dir[0] ? st->dir : st->db,
	       st->dir[0] ? st->dir : "DIR");
	return 0;
}
