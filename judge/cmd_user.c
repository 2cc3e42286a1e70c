/* cmd_user.c - `verdict user add NAME [--role student|instructor|admin]`. */
#include "cli.h"
#include "commands.h"
#include "db.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
	"usage: verdict user add NAME [--role student|instructor|admin] [--db FILE]\n"
	"\n"
	"NAME: 1 to 32 letters, digits, '.', '_' or '-'. The role defaults to student.\n";

static int valid_name(const char *s)
{
	size_t n = strlen(s);
	return n >= 1 && n <= 32 &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

int cmd_user(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "add") != 0) {
		fputs(usage_text, argc >= 2 && !strcmp(argv[1], "--help") ? stdout : stderr);
		return argc >= 2 && !strcmp(argv[1], "--help") ? 0 : 2;
	}
	static const struct option options[] = { { "role", required_argument, NULL, 'r' },
						 { "db", required_argument, NULL, 'd' },
						 { NULL, 0, NULL, 0 } };
	const char *role = "student", *db_opt = NULL;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc - 1, argv + 1, "", options, NULL)) != -1) {
		if (opt == 'r')
			role = optarg;
		else if (opt == 'd')
			db_opt = optarg;
		else {
			fputs(usage_text, stderr);
			return 2;
		}
	}
	if (argc - 1 - optind != 1) {
		fputs(usage_text, stderr);
		return 2;
	}
	const char *name = argv[1 + optind];
	if (!valid_name(name)) {
		fprintf(stderr, "verdict user add: '%s' is not a valid user name (1 to 32 letters, digits, '.', '_' or '-')\n",
			name);
		return 2;
	}
	if (strcmp(role, "student") && strcmp(role, "instructor") && strcmp(role, "admin")) {
		fprintf(stderr, "verdict user add: unknown role '%s' (student, instructor or admin)\n", role);
		return 2;
	}
	struct db *db = cli_open_db("user add", cli_db_path(db_opt));
	if (!db)
		return 1;
	long long id;
	char err[512];
	int rc = db_user_add(db, name, role, &id, err, sizeof err);
	db_close(db);
	if (rc < 0) {
		fprintf(stderr, "verdict user add: %s\n", err);
		return 1;
	}
	printf("user %s (%s) added with id %lld\n", name, role, id);
	return 0;
}
