/* cmd_languages.c - `verdict languages`: the languages this judge knows (languages.yaml), their versions here, their packages. */
#include "commands.h"
#include "language.h"
#include "language_version.h"

#include <stdio.h>
#include <string.h>

static const char usage_text[] =
	"usage: verdict languages [--packages] [--languages FILE]\n"
	"\n"
	"Lists the languages submissions may be written in: id, name, file\n"
	"extensions, and the version installed here (the first line of the\n"
	"language's version command, run in a box), or that it is not installed.\n"
	"--packages prints the Debian packages they need, one line (make installs them).\n"
	"--languages FILE (any command takes it; else $VERDICT_LANGUAGES, else\n"
	"/etc/verdict/languages.yaml when it exists) replaces or adds rows of the\n"
	"built-in table.\n";

int cmd_languages(int argc, char **argv)
{
	int packages = argc == 2 && !strcmp(argv[1], "--packages");
	if (argc > 1 && !packages) {
		fputs(usage_text, argc == 2 && !strcmp(argv[1], "--help") ? stdout : stderr);
		return argc == 2 && !strcmp(argv[1], "--help") ? 0 : 2;
	}
	int first = 1;
	for (const struct language *l = language_all(); l->id; l++) {
		if (packages) {
			if (*l->packages && !l->disabled)
				printf("%s%s", first ? "" : " ", l->packages);
			first = 0;
			continue;
		}
		char exts[128] = "", version[256];
		for (const char *const *e = l->extensions; *e; e++)
			snprintf(exts + strlen(exts), sizeof exts - strlen(exts), "%s%s", e == l->extensions ? "" : " ", *e);
		int ok = language_version(l, version, sizeof version) == 0;
		printf("%-10s %-12s %-22s %s%s%s\n", l->id, l->name, exts, ok ? "" : "(", version, ok ? "" : ")");
		fflush(stdout);
	}
	if (packages)
		putchar('\n');
	return 0;
}
