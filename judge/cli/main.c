/* main.c - build/verdict: dispatch to a subcommand. */
#include "cgroup_scope.h"
#include "commands.h"
#include "language.h"
#include "package_archive.h"

#include <stdio.h>
#include <string.h>

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	int boxes; /* runs sandbox boxes: needs a cgroup it may hand limits down in */
} commands[] = {
	{ "serve", cmd_serve, "the web pages and the judge: http://127.0.0.1:8080/ by default", 1 },
	{ "sandbox", cmd_sandbox, "run a program in a fresh, limited box and report on it as JSON", 1 },
	{ "problem", cmd_problem, "problem packages: add (import), list, verify (judge its own submissions)", 1 },
	{ "user", cmd_user, "add a user, or import a class from CSV", 0 },
	{ "course", cmd_course, "courses: add, list, members, enrol (a roster from CSV)", 0 },
	{ "assignment", cmd_assignment, "a course's assignments and contests: add, set, list, start (a personal window)", 0 },
	{ "extension", cmd_extension, "a later due time for one student or a section, with the reason", 0 },
	{ "scoreboard", cmd_scoreboard, "a contest's standings, ICPC or IOI, live or as the frozen public board", 0 },
	{ "submit", cmd_submit, "queue a submission (for an assignment: inside its window) and print its id", 0 },
	{ "judge", cmd_judge, "judge queued submissions (--once: until the queue is empty)", 1 },
	{ "submissions", cmd_submissions, "list submissions, newest first, filtered and a page at a time", 0 },
	{ "result", cmd_result, "a submission's state, verdict and per-test results (--json)", 0 },
	{ "regrade", cmd_regrade, "judge submissions again and report which verdicts (or points) changed", 1 },
	{ "grades", cmd_grades, "the gradebook: per problem, or a course's after its late policies (--csv)", 0 },
	{ "backup", cmd_backup, "copy the database and test data while Verdict runs", 0 },
	{ "restore", cmd_restore, "fill a new state directory from a backup", 0 },
	{ "languages", cmd_languages, "the languages submissions may be written in, their versions here (--packages: their Debian packages)", 1 },
	{ "unpack", cmd_unpack, "unpack a package archive (problem add runs it in a sandbox box)", 0 },
};

static int usage(FILE *out)
{
	fputs("usage: verdict COMMAND [ARGS...]\n\ncommands:\n", out);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fputs("\n'verdict COMMAND --help' describes one.\n", out);
	return out == stdout ? 0 : 2;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0)
		return usage(stdout);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			if (commands[i].boxes)
				cgroup_scope_enter(argv); /* before --languages is taken out: it runs argv again */
			char err[1024];
			if (language_table_init(&argc, argv, err, sizeof err) < 0) {
				fprintf(stderr, "verdict %s: %s\n", argv[1], err);
				return 2;
			}
			return commands[i].run(argc - 1, argv + 1);
		}
	fprintf(stderr, "verdict: unknown command '%s'\n\n", argv[1]);
	return usage(stderr);
}
