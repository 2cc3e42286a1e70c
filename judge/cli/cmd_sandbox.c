/* cmd_sandbox.c - `verdict sandbox [options] -- PROGRAM [ARGS...]`.
 *
 * A contract for tests, the judge and operators: the flags below and the
 * JSON fields of the result do not change meaning. Exit status 0 when the
 * box worked (whatever the program did), 1 when the sandbox failed (status
 * SE), 2 for a bad command line (also reported as SE).
 */
#include "commands.h"
#include "limit.h"
#include "sandbox.h"

#include <cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
	"usage: verdict sandbox [options] -- PROGRAM [ARGS...]\n"
	"\n"
	"Runs PROGRAM in a fresh box and reports one JSON object: to --meta FILE,\n"
	"or else as the last line on stdout.\n"
	"\n"
	"  --time SEC        CPU limit, summed over the box (default 10; fractions allowed)\n"
	"  --wall SEC        wall-clock limit (default 2*time+1)\n"
	"  --mem MB          memory limit of the whole box, swap included (default 64)\n"
	"  --pids N          processes and threads (default 64)\n"
	"  --fsize MB        largest file the program may write, stdout included (default 64)\n"
	"  --stack MB        stack limit (default: the memory limit)\n"
	"  --stdin FILE      host file for the program's stdin (default: inherited)\n"
	"  --stdout FILE     host file for its stdout (default: inherited)\n"
	"  --stderr FILE     host file for its stderr (default: inherited)\n"
	"  --dir HOST=BOX[:rw]  bind a host path into the box, read-only unless :rw\n"
	"  --box-size MB     size of the writable tmpfs at /box, and of /tmp (default 64)\n"
	"  --env K=V         set a variable (the environment is otherwise only PATH)\n"
	"  --cwd DIR         working directory in the box (default /box)\n"
	"  --meta FILE       write the JSON result to FILE instead of stdout\n"
	"  --db FILE         accepted like every subcommand's, and unused: a box needs no database\n";

enum { OPT_TIME = 256, OPT_WALL, OPT_MEM, OPT_PIDS, OPT_FSIZE, OPT_STACK, OPT_STDIN, OPT_STDOUT,
       OPT_STDERR, OPT_DIR, OPT_BOX_SIZE, OPT_ENV, OPT_CWD, OPT_META, OPT_HELP, OPT_DB };

static const struct option options[] = {
	{ "time", required_argument, NULL, OPT_TIME },     { "wall", required_argument, NULL, OPT_WALL },
	{ "mem", required_argument, NULL, OPT_MEM },       { "pids", required_argument, NULL, OPT_PIDS },
	{ "fsize", required_argument, NULL, OPT_FSIZE },   { "stack", required_argument, NULL, OPT_STACK },
	{ "stdin", required_argument, NULL, OPT_STDIN },   { "stdout", required_argument, NULL, OPT_STDOUT },
	{ "stderr", required_argument, NULL, OPT_STDERR }, { "dir", required_argument, NULL, OPT_DIR },
	{ "box-size", required_argument, NULL, OPT_BOX_SIZE }, { "env", required_argument, NULL, OPT_ENV },
	{ "cwd", required_argument, NULL, OPT_CWD },       { "meta", required_argument, NULL, OPT_META },
	{ "help", no_argument, NULL, OPT_HELP },           { "db", required_argument, NULL, OPT_DB },
	{ NULL, 0, NULL, 0 },
};

/* Writes the result as one line of JSON to path, or to stdout. */
static int emit(const struct sandbox_result *res, const char *meta_path)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "status", sandbox_status_name(res->status));
	cJSON_AddNumberToObject(o, "exit_code", res->exit_code);
	cJSON_AddNumberToObject(o, "signal", res->signal);
	cJSON_AddNumberToObject(o, "cpu_ms", (double)res->cpu_ms);
	cJSON_AddNumberToObject(o, "wall_ms", (double)res->wall_ms);
	cJSON_AddNumberToObject(o, "mem_kb", (double)res->mem_kb);
	cJSON_AddStringToObject(o, "message", res->message);
	char *text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (!text)
		return -1;
	int rc = 0;
	FILE *f = meta_path ? fopen(meta_path, "we") : stdout;
	if (!f) {
		fprintf(stderr, "verdict sandbox: cannot write %s: %s\n", meta_path, strerror(errno));
		rc = -1;
	} else {
		fprintf(f, "%s\n", text);
		if ((meta_path ? fclose(f) : fflush(f)) != 0)
			rc = -1;
	}
	free(text);
	return rc;
}

/* A bad command line: say why on stderr, and still keep the JSON contract. */
static int bad_usage(const char *meta_path, const char *fmt, const char *arg)
{
	struct sandbox_result res = { .status = SANDBOX_SE };
	snprintf(res.message, sizeof res.message, fmt, arg);
	fprintf(stderr, "verdict sandbox: %s\n%s", res.message, usage_text);
	emit(&res, meta_path);
	return 2;
}

/* HOST=BOX[:rw] or HOST=BOX[:ro]. Splits in place. */
static int parse_dir(char *spec, struct sandbox_bind *b)
{
	char *eq = strchr(spec, '=');
	if (!eq || eq == spec || !eq[1])
		return -1;
	*eq = 0;
	b->host = spec;
	b->box = eq + 1;
	size_t len = strlen(b->box);
	if (len > 3 && (strcmp(b->box + len - 3, ":rw") == 0 || strcmp(b->box + len - 3, ":ro") == 0)) {
		b->writable = b->box[len - 2] == 'r' && b->box[len - 1] == 'w';
		eq[1 + len - 3] = 0;
	}
	return 0;
}

int cmd_sandbox(int argc, char **argv)
{
	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	const char *meta = NULL;
	int opt;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		double v = 0;
		char why[160];
		switch (opt) {
		case OPT_TIME:
		case OPT_WALL:
			if (limit_parse(LIMIT_BOX_TIME, optarg, &v, why, sizeof why) < 0)
				return bad_usage(meta, "bad number of seconds: %s", why);
			*(opt == OPT_TIME ? &cfg.time_sec : &cfg.wall_sec) = v;
			break;
		case OPT_MEM:
		case OPT_PIDS:
		case OPT_FSIZE:
		case OPT_STACK:
		case OPT_BOX_SIZE:
			if (limit_parse(opt == OPT_PIDS ? LIMIT_BOX_PIDS : LIMIT_BOX_MB, optarg, &v, why, sizeof why) < 0)
				return bad_usage(meta, "bad whole number: %s", why);
			*(opt == OPT_MEM ? &cfg.mem_mb : opt == OPT_PIDS ? &cfg.pids : opt == OPT_FSIZE ? &cfg.fsize_mb
				: opt == OPT_STACK ? &cfg.stack_mb : &cfg.box_size_mb) = (long)v;
			break;
		case OPT_STDIN: cfg.stdin_path = optarg; break;
		case OPT_STDOUT: cfg.stdout_path = optarg; break;
		case OPT_STDERR: cfg.stderr_path = optarg; break;
		case OPT_CWD: cfg.cwd = optarg; break;
		case OPT_META: meta = optarg; break;
		case OPT_DIR:
			if (cfg.nbinds >= SANDBOX_MAX_BINDS)
				return bad_usage(meta, "too many --dir options (at most %s)", "32");
			if (parse_dir(optarg, &cfg.binds[cfg.nbinds++]) < 0)
				return bad_usage(meta, "bad --dir (want HOST=BOX[:rw]): %s", optarg);
			break;
		case OPT_ENV:
			if (cfg.nenv >= SANDBOX_MAX_ENV)
				return bad_usage(meta, "too many --env options (at most %s)", "64");
			if (!strchr(optarg, '=') || optarg[0] == '=')
				return bad_usage(meta, "bad --env (want K=V): %s", optarg);
			cfg.env[cfg.nenv++] = optarg;
			break;
		case OPT_HELP:
			fputs(usage_text, stdout);
			return 0;
		case OPT_DB: /* every subcommand takes --db; a box needs none */
			break;
		default:
			return bad_usage(meta, "unknown or incomplete option: %s", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return bad_usage(meta, "no program given%s", "");
	cfg.argv = argv + optind;
	struct sandbox_result res;
	int rc = sandbox_run(&cfg, &res);
	if (rc < 0)
		fprintf(stderr, "verdict sandbox: %s\n", res.message);
	if (emit(&res, meta) < 0)
		return 1;
	return rc < 0 ? 1 : 0;
}
