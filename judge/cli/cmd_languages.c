/* cmd_languages.c - `verdict languages`: the languages this judge knows, from the one table (judging/language.c). */
#include "commands.h"
#include "language.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
	"usage: verdict languages [--packages]\n"
	"\n"
	"Lists the languages submissions may be written in: id, name, file\n"
	"extensions, and whether its compiler or runtime is installed here.\n"
	"--packages prints the Debian packages they need, one line (make installs them).\n";

/* Is the program a command starts with there? */
static int installed(const struct language *l)
{
	const char *first = l->compile[0] ? l->compile[0] : l->run[0];
	return first && (first[0] != '/' || strncmp(first, "/sub/", 5) == 0 || access(first, X_OK) == 0);
}

int cmd_languages(int argc, char **argv)
{
	int packages = argc == 2 && !strcmp(argv[1], "--packages");
	if (argc > 1 && !packages) {
		fputs(usage_text, argc == 2 && !strcmp(argv[1], "--help") ? stdout : stderr);
		return argc == 2 && !strcmp(argv[1], "--help") ? 0 : 2;
	}
	for (const struct language *l = language_all(); l->id; l++) {
		if (packages) {
			printf("%s%s", l == language_all() ? "" : " ", l->packages);
			continue;
		}
		printf("%-10s %-10s", l->id, l->name);
		for (const char *const *e = l->extensions; *e; e++)
			printf(" %s", *e);
		printf("%s\n", installed(l) ? "" : "   (not installed on this host)");
	}
	if (packages)
		putchar('\n');
	return 0;
}
