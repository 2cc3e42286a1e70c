/* cmd_submissions.c - `verdict submissions [filters]`: list submissions, newest first, a page at a time.
 *
 * Filters: --user, --problem, --lang, --verdict; pages of --limit (default
 * 50, at most 1000), the next one with --before (the last id shown). --json
 * prints one array of {"id", "user", "problem", "language", "state",
 * "verdict", "score", "submitted_at"}.
 */
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "state.h"
#include "language.h"
#include "verdict.h"

#include <cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage_text[] =
	"usage: verdict submissions [--user U] [--problem P] [--lang L] [--verdict V]\n"
	"                           [--limit N] [--before ID] [--json] [--state DIR | --db FILE]\n"
	"\n"
	"Lists submissions, newest first: N of them (default 50, at most 1000) with\n"
	"ids below ID. V is AC, WA, TLE, MLE, RE, OLE, CE or JE.\n";

struct listing {
	cJSON *json; /* NULL: print a table */
	long long last_id;
};

static void on_row(const struct db_submission_row *r, void *arg)
{
	struct listing *l = arg;
	l->last_id = r->id;
	const char *verdict = !strcmp(r->state, "done") ? r->verdict : NULL;
	if (l->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)r->id);
		cJSON_AddStringToObject(o, "user", r->user);
		cJSON_AddStringToObject(o, "problem", r->problem);
		cJSON_AddStringToObject(o, "language", r->language);
		cJSON_AddStringToObject(o, "state", r->state);
		cli_json_verdict_score(o, verdict, r->has_score, r->score);
		cJSON_AddNumberToObject(o, "submitted_at", (double)r->submitted_at);
		cJSON_AddItemToArray(l->json, o);
		return;
	}
	char when[32] = "?";
	time_t t = (time_t)r->submitted_at;
	struct tm tm;
	if (localtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	char score[32] = "";
	if (r->has_score)
		snprintf(score, sizeof score, "%g", r->score);
	printf("%8lld  %s  %-16s %-16s %-8s %-8s %s\n", r->id, when, r->user, r->problem, r->language,
	       verdict ? verdict : r->state, score);
}

int cmd_submissions(int argc, char **argv)
{
	static const struct option options[] = {
		{ "user", required_argument, NULL, 'u' },    { "problem", required_argument, NULL, 'p' },
		{ "lang", required_argument, NULL, 'l' },    { "verdict", required_argument, NULL, 'v' },
		{ "limit", required_argument, NULL, 'n' },   { "before", required_argument, NULL, 'b' },
		{ "json", no_argument, NULL, 'j' },          { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },          { NULL, 0, NULL, 0 }
	};
	struct db_submission_filter f = { .limit = 50 };
	const char *db_opt = NULL, *state_opt = NULL;
	int json = 0, opt;
	char *end;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'u': f.user = optarg; break;
		case 'p': f.problem = optarg; break;
		case 'l': f.language = optarg; break;
		case 'v': f.verdict = optarg; break;
		case 'n':
			f.limit = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || f.limit < 1 || f.limit > 1000) {
				fprintf(stderr, "verdict submissions: --limit takes a number from 1 to 1000, not '%s'\n", optarg);
				return 2;
			}
			break;
		case 'b':
			f.before_id = strtoll(optarg, &end, 10);
			if (*end || end == optarg || f.before_id < 1) {
				fprintf(stderr, "verdict submissions: --before takes a submission id, not '%s'\n", optarg);
				return 2;
			}
			break;
		case 'j': json = 1; break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		case 'h': fputs(usage_text, stdout); return 0;
		default: fputs(usage_text, stderr); return 2;
		}
	}
	if (optind != argc) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (f.language && !language_by_id(f.language)) {
		char ids[256];
		fprintf(stderr, "verdict submissions: unknown language '%s' (%s)\n", f.language, language_ids(ids, sizeof ids));
		return 2;
	}
	if (f.verdict && verdict_parse(f.verdict) < 0) {
		fprintf(stderr, "verdict submissions: unknown verdict '%s' (AC, WA, TLE, MLE, RE, OLE, CE, JE)\n", f.verdict);
		return 2;
	}
	struct db *db = cli_open_db("submissions", cli_state(state_opt, db_opt)->db);
	if (!db)
		return 1;
	struct listing l = { .json = json ? cJSON_CreateArray() : NULL };
	char err[512];
	int count = db_submission_list(db, &f, on_row, &l, err, sizeof err);
	db_close(db);
	if (count < 0) {
		fprintf(stderr, "verdict submissions: %s\n", err);
		cJSON_Delete(l.json);
		return 1;
	}
	if (json) {
		char *text = cJSON_PrintUnformatted(l.json);
		if (text)
			puts(text);
		free(text);
		cJSON_Delete(l.json);
	} else if (count == f.limit) {
		printf("(more: --before %lld)\n", l.last_id);
	}
	return 0;
}
