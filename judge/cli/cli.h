/* cli.h - what the subcommands share: where the state lives, opening the database, JSON fields. */
#ifndef VERDICT_CLI_H
#define VERDICT_CLI_H

#include <stddef.h>

struct db;
struct cJSON;
struct state;

/* Where the state is (state_resolve: --state DIR, else --db FILE, else
 * the environment). A path that cannot be used ends the command (exit 2). */
const struct state *cli_state(const char *state_opt, const char *db_opt);

/* Opens the database, printing the reason on stderr on failure. */
struct db *cli_open_db(const char *cmd, const char *db_path);

/* Adds "verdict" (null when verdict is NULL or "") and "score" (null
 * unless has_score) to the JSON object o, as result and submissions print them. */
void cli_json_verdict_score(struct cJSON *o, const char *verdict, int has_score, double score);

struct db_course;
struct db_assignment;

/* The course named name; when there is none, says so on stderr (as
 * "verdict CMD: ...") and returns -1. Returns 0, or -1 (also on a
 * database error, said too). */
int cli_course(struct db *db, const char *cmd, const char *name, struct db_course *c);

/* The assignment spec names: "COURSE/SHORT", or SHORT in course (NULL:
 * in whichever course has one; two courses with one is an error that
 * asks for --course). Says why on stderr when none. Returns 0 or -1. */
int cli_assignment(struct db *db, const char *cmd, const char *course, const char *spec, struct db_assignment *a);

#endif
