/* cli.h - what the subcommands share: where the database and its data live. */
#ifndef VERDICT_CLI_H
#define VERDICT_CLI_H

#include <stddef.h>

struct db;
struct cJSON;

/* --db FILE, else $VERDICT_DB, else ./verdict.db. */
const char *cli_db_path(const char *option);

/* Where problem packages and scratch files of the database at db_path
 * live: $VERDICT_DATA, else "<db_path>.data". Created if missing. */
int cli_data_dir(const char *db_path, char *out, size_t n, char *err, size_t errlen);

/* Opens the database, printing the reason on stderr on failure. */
struct db *cli_open_db(const char *cmd, const char *db_path);

/* Adds "verdict" (null when verdict is NULL or "") and "score" (null
 * unless has_score) to the JSON object o, as result and submissions print them. */
void cli_json_verdict_score(struct cJSON *o, const char *verdict, int has_score, double score);

#endif
