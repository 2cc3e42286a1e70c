/* cli.c - what the subcommands share: where the state lives, opening the database, JSON fields. */
#include "cli.h"
#include "db.h"
#include "db_courses.h"
#include "state.h"
#include "util.h"

#include <cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct state s; /* the command's state, once cli_state found it */
static int have_state;

const struct state *cli_state(const char *state_opt, const char *db_opt)
{
	char err[512];
	if (state_resolve(state_opt, db_opt, &s, err, sizeof err) < 0) {
		fprintf(stderr, "verdict: %s\n", err);
		exit(2);
	}
	/* A new state directory gets its database's directory (root's until
	 * `serve` gives it to the web account) so that commands run before
	 * the first `serve` have somewhere to create the database. */
	if (s.dir[0] && getuid() == 0 && state_make_db_dir(&s, err, sizeof err) < 0) {
		fprintf(stderr, "verdict: %s\n", err);
		exit(1);
	}
	have_state = 1;
	return &s;
}

struct db *cli_open_db(const char *cmd, const char *db_path)
{
	struct db *db;
	char err[1024], backups[PATH_MAX];
	/* Root upgrading the command's own database copies it first. */
	int backing_up = getuid() == 0 && have_state && strcmp(db_path, s.db) == 0 &&
			 state_backup_dir(&s, backups, sizeof backups) == 0;
	if (db_open_with_backups(db_path, backing_up ? backups : NULL, &db, err, sizeof err) < 0) {
		fprintf(stderr, "verdict %s: %s\n", cmd, err);
		return NULL;
	}
	return db;
}

void cli_json_verdict_score(cJSON *o, const char *verdict, int has_score, double score)
{
	if (verdict && verdict[0])
		cJSON_AddStringToObject(o, "verdict", verdict);
	else
		cJSON_AddNullToObject(o, "verdict");
	if (has_score)
		cJSON_AddNumberToObject(o, "score", score);
	else
		cJSON_AddNullToObject(o, "score");
}

int cli_course(struct db *db, const char *cmd, const char *name, struct db_course *c)
{
	char err[512];
	int found = db_course_find(db, name, c, err, sizeof err);
	if (found < 0)
		fprintf(stderr, "verdict %s: %s\n", cmd, err);
	else if (found == 0)
		fprintf(stderr, "verdict %s: no course named '%s' (see: verdict course list)\n", cmd, name);
	return found == 1 ? 0 : -1;
}

int cli_assignment(struct db *db, const char *cmd, const char *course, const char *spec, struct db_assignment *a)
{
	char buf[128], err[512];
	const char *slash = strchr(spec, '/'), *short_name = spec;
	if (slash && !course && (size_t)(slash - spec) < sizeof buf) {
		snprintf(buf, sizeof buf, "%.*s", (int)(slash - spec), spec);
		course = buf;
		short_name = slash + 1;
	}
	int found = db_assignment_find(db, course, short_name, a, err, sizeof err);
	if (found < 0)
		fprintf(stderr, "verdict %s: %s\n", cmd, err);
	else if (found == 0)
		fprintf(stderr, "verdict %s: no assignment '%s'%s%s (see: verdict assignment list COURSE)\n", cmd,
			short_name, course ? " in course " : "", course ? course : "");
	else if (found > 1)
		fprintf(stderr, "verdict %s: several courses have an assignment '%s': write COURSE/%s or give --course\n",
			cmd, short_name, short_name);
	return found == 1 ? 0 : -1;
}
