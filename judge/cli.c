/* cli.c - what the subcommands share: where the database and its data live, JSON fields. */
#include "cli.h"
#include "db.h"
#include "util.h"

#include <cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *cli_db_path(const char *option)
{
	if (option)
		return option;
	const char *env = getenv("VERDICT_DB");
	return env && *env ? env : "verdict.db";
}

int cli_data_dir(const char *db_path, char *out, size_t n, char *err, size_t errlen)
{
	const char *env = getenv("VERDICT_DATA");
	if ((size_t)snprintf(out, n, env && *env ? "%s" : "%s.data", env && *env ? env : db_path) >= n)
		return errf(err, errlen, "data directory path too long");
	if (mkdir(out, 0755) < 0 && errno != EEXIST)
		return errf(err, errlen, "cannot create %s: %s", out, strerror(errno));
	return 0;
}

struct db *cli_open_db(const char *cmd, const char *db_path)
{
	struct db *db;
	char err[1024];
	if (db_open(db_path, &db, err, sizeof err) < 0) {
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
