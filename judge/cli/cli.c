/* cli.c - what the subcommands share: where the state lives, opening the database, JSON fields. */
#include "cli.h"
#include "db.h"
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
