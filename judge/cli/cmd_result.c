/* cmd_result.c - `verdict result ID [--json]`: a submission's state, verdict and tests.
 *
 * The JSON is a contract: {"id", "state", "verdict", "score", "tests":
 * [{"name", "verdict", "cpu_ms", "wall_ms", "mem_kb", "message"}],
 * "compile_output"}; verdict and score are null until they exist.
 */
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "state.h"

#include <cJSON.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] = "usage: verdict result ID [--json] [--state DIR | --db FILE]\n";

static void print_json(const struct db_result *r)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "id", (double)r->id);
	cJSON_AddStringToObject(o, "state", r->state);
	cli_json_verdict_score(o, strcmp(r->state, "done") ? NULL : r->verdict, r->has_score, r->score);
	cJSON *tests = cJSON_AddArrayToObject(o, "tests");
	for (int i = 0; i < r->ntests; i++) {
		const struct db_test_row *t = &r->tests[i];
		cJSON *row = cJSON_CreateObject();
		cJSON_AddStringToObject(row, "name", t->name);
		cJSON_AddStringToObject(row, "verdict", t->verdict);
		cJSON_AddNumberToObject(row, "cpu_ms", (double)t->cpu_ms);
		cJSON_AddNumberToObject(row, "wall_ms", (double)t->wall_ms);
		cJSON_AddNumberToObject(row, "mem_kb", (double)t->mem_kb);
		cJSON_AddStringToObject(row, "message", t->message);
		cJSON_AddItemToArray(tests, row);
	}
	cJSON *subtasks = cJSON_AddArrayToObject(o, "subtasks");
	for (int i = 0; i < r->nsubtasks; i++) {
		cJSON *row = cJSON_CreateObject();
		cJSON_AddStringToObject(row, "name", r->subtasks[i].name);
		cJSON_AddNumberToObject(row, "score", r->subtasks[i].score);
		isfinite(r->subtasks[i].max) ? cJSON_AddNumberToObject(row, "max_score", r->subtasks[i].max)
					     : cJSON_AddNullToObject(row, "max_score");
		cJSON_AddItemToArray(subtasks, row);
	}
	cJSON_AddStringToObject(o, "compile_output", r->compile_output ? r->compile_output : "");
	char *text = cJSON_PrintUnformatted(o);
	if (text)
		puts(text);
	free(text);
	cJSON_Delete(o);
}

static void print_text(const struct db_result *r)
{
	printf("submission %lld: %s, problem %s, %s (%s)\n", r->id, r->user, r->problem, r->language, r->file_name);
	printf("state %s, verdict %s", r->state, strcmp(r->state, "done") ? "-" : r->verdict);
	if (r->has_score)
		printf(", score %g", r->score);
	putchar('\n');
	for (int i = 0; i < r->ntests; i++) {
		const struct db_test_row *t = &r->tests[i];
		printf("  %-24s %-3s %6ld ms cpu %6ld ms wall %8ld kB  %s\n", t->name, t->verdict, t->cpu_ms, t->wall_ms,
		       t->mem_kb, t->message);
	}
	for (int i = 0; i < r->nsubtasks; i++) {
		printf("  subtask %-16s %g", r->subtasks[i].name, r->subtasks[i].score);
		if (isfinite(r->subtasks[i].max))
			printf(" of %g", r->subtasks[i].max);
		putchar('\n');
	}
	if (r->compile_output && *r->compile_output)
		printf("compiler output:\n%s", r->compile_output);
}

int cmd_result(int argc, char **argv)
{
	static const struct option options[] = { { "json", no_argument, NULL, 'j' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { NULL, 0, NULL, 0 } };
	const char *db_opt = NULL, *state_opt = NULL;
	int json = 0, opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (opt == 'j')
			json = 1;
		else if (opt == 'd')
			db_opt = optarg;
		else if (opt == 'S')
			state_opt = optarg;
		else {
			fputs(usage_text, stderr);
			return 2;
		}
	}
	char *end;
	long long id = argc - optind == 1 ? strtoll(argv[optind], &end, 10) : 0;
	if (argc - optind != 1 || id <= 0 || *end) {
		fputs(usage_text, stderr);
		return 2;
	}
	struct db *db = cli_open_db("result", cli_state(state_opt, db_opt)->db);
	if (!db)
		return 1;
	struct db_result r;
	char err[512];
	int found = db_result_get(db, id, &r, err, sizeof err);
	db_close(db);
	if (found <= 0) {
		fprintf(stderr, "verdict result: %s\n", found < 0 ? err : "no such submission");
		return 1;
	}
	json ? print_json(&r) : print_text(&r);
	db_result_free(&r);
	return 0;
}
