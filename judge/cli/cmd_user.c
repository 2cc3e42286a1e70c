/* cmd_user.c - `verdict user add|import|list|passwd`: accounts and their passwords.
 *
 * Passwords are stored only as argon2id hashes (libsodium). An initial
 * password is generated when none is given: printed once by add, written
 * by import to a file only its owner can read, for the instructor to hand
 * out. import is all or nothing: every line is checked first, and the users
 * are created in one transaction. passwd sets a new password (given or
 * generated) and ends every session of the user.
 */
#include "account.h"
#include "cli.h"
#include "cli_accounts.h"
#include "commands.h"
#include "db.h"
#include "state.h"
#include "password.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define IMPORT_MAX_USERS 5000

static const char usage_text[] =
	"usage: verdict user add NAME [--role student|instructor|admin] [--password-file FILE] [--state DIR | --db FILE]\n"
	"       verdict user import FILE.csv [--passwords OUT.csv] [--state DIR | --db FILE]\n"
	"       verdict user list [--state DIR | --db FILE]\n"
	"       verdict user passwd NAME [--password-file FILE] [--state DIR | --db FILE]\n"
	"\n"
	"NAME: 1 to 32 letters, digits, '.', '_' or '-'. The role defaults to student.\n"
	"add takes the password from the first line of --password-file, or generates one\n"
	"and prints it. import reads lines 'name[,role]' (a 'name,role' header is\n"
	"allowed), creates them all or none, and writes each one's generated password to\n"
	"OUT.csv (default: FILE-passwords.csv beside it), readable only by its owner.\n"
	"passwd sets a new password (from --password-file, or generated and printed) and\n"
	"logs the user out everywhere.\n";

/* The first line of path, without its line ending. */
static int read_password_file(const char *path, char *out, size_t n)
{
	FILE *f = fopen(path, "re");
	if (!f) {
		fprintf(stderr, "verdict user: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!fgets(out, (int)n, f))
		out[0] = 0;
	fclose(f);
	out[strcspn(out, "\r\n")] = 0;
	const char *problem = password_problem(out);
	if (problem) {
		fprintf(stderr, "verdict user: %s: %s\n", path, problem);
		return -1;
	}
	return 0;
}

/* The password from password_file, or a generated one, and its hash.
 * Returns 0, or the exit code after saying why on stderr. */
static int new_password(const char *password_file, char *password, size_t n, char hash[PASSWORD_HASH_MAX])
{
	if (password_file && read_password_file(password_file, password, n) < 0)
		return 2;
	if (!password_file)
		password_generate(password);
	if (password_hash(password, hash) < 0) {
		fprintf(stderr, "verdict user: cannot hash the password (out of memory)\n");
		return 1;
	}
	return 0;
}

static int add(const char *name, const char *role, const char *password_file, const char *db_path)
{
	if (!account_name_ok(name)) {
		fprintf(stderr, "verdict user add: '%s' is not a valid user name (1 to 32 letters, digits, '.', '_' or '-')\n",
			name);
		return 2;
	}
	if (!account_role_ok(role)) {
		fprintf(stderr, "verdict user add: unknown role '%s' (student, instructor or admin)\n", role);
		return 2;
	}
	char password[PASSWORD_MAX + 2], hash[PASSWORD_HASH_MAX];
	int bad = new_password(password_file, password, sizeof password, hash);
	if (bad)
		return bad;
	struct db *db = cli_open_db("user add", db_path);
	if (!db)
		return 1;
	long long id;
	char err[512];
	int rc = db_user_add(db, name, role, hash, &id, err, sizeof err);
	db_close(db);
	if (rc < 0) {
		fprintf(stderr, "verdict user add: %s\n", err);
		return 1;
	}
	printf("user %s (%s) added with id %lld\n", name, role, id);
	if (!password_file)
		printf("initial password for %s: %s\n", name, password);
	return 0;
}

static void print_user(const char *name, const char *role, void *arg)
{
	(void)arg;
	printf("%-32s %s\n", name, role);
}

static int list(const char *db_path)
{
	struct db *db = cli_open_db("user list", db_path);
	if (!db)
		return 1;
	char err[512];
	int rc = db_user_list(db, NULL, print_user, NULL, err, sizeof err);
	db_close(db);
	if (rc < 0) {
		fprintf(stderr, "verdict user list: %s\n", err);
		return 1;
	}
	return 0;
}

static int passwd(const char *name, const char *password_file, const char *db_path)
{
	char password[PASSWORD_MAX + 2], hash[PASSWORD_HASH_MAX];
	int bad = new_password(password_file, password, sizeof password, hash);
	if (bad)
		return bad;
	struct db *db = cli_open_db("user passwd", db_path);
	if (!db)
		return 1;
	char err[512];
	int rc = db_user_set_password(db, name, hash, err, sizeof err);
	db_close(db);
	if (rc < 0) {
		fprintf(stderr, "verdict user passwd: %s\n", err);
		return 1;
	}
	if (rc == 0) {
		fprintf(stderr, "verdict user passwd: no user named '%s' (see: verdict user list)\n", name);
		return 1;
	}
	printf("password of %s changed; their sessions are ended\n", name);
	if (!password_file)
		printf("new password for %s: %s\n", name, password);
	return 0;
}

struct person {
	char name[33], role[16];
};

/* Reads and checks every line of the CSV. Returns how many people, or -1
 * after saying which line is wrong. */
static int read_class(const char *path, struct person **out)
{
	FILE *f = fopen(path, "re");
	if (!f) {
		fprintf(stderr, "verdict user import: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	struct person *people = NULL;
	int count = 0, line_no = 0, rc = 0;
	char line[512];
	while (rc == 0 && fgets(line, sizeof line, f)) {
		line_no++;
		if (!strchr(line, '\n') && !feof(f)) {
			fprintf(stderr, "verdict user import: %s:%d: line too long\n", path, line_no);
			rc = -1;
			break;
		}
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0])
			continue;
		char *comma = strchr(line, ',');
		const char *role = "student";
		if (comma) {
			*comma = 0;
			role = comma + 1;
		}
		if (line_no == 1 && !strcasecmp(line, "name")) /* a header */
			continue;
		if (!account_name_ok(line)) {
			fprintf(stderr, "verdict user import: %s:%d: '%s' is not a valid user name\n", path, line_no, line);
			rc = -1;
		} else if (!account_role_ok(role)) {
			fprintf(stderr, "verdict user import: %s:%d: unknown role '%s'\n", path, line_no, role);
			rc = -1;
		} else if (count >= IMPORT_MAX_USERS) {
			fprintf(stderr, "verdict user import: %s: more than %d users\n", path, IMPORT_MAX_USERS);
			rc = -1;
		}
		for (int i = 0; rc == 0 && i < count; i++)
			if (!strcmp(people[i].name, line)) {
				fprintf(stderr, "verdict user import: %s:%d: '%s' appears twice\n", path, line_no, line);
				rc = -1;
			}
		if (rc < 0)
			break;
		struct person *p = realloc(people, sizeof *p * (size_t)(count + 1));
		if (!p) {
			rc = -1;
			break;
		}
		people = p;
		snprintf(people[count].name, sizeof people->name, "%.32s", line); /* checked: at most 32 */
		snprintf(people[count].role, sizeof people->role, "%s", role);
		count++;
	}
	fclose(f);
	if (rc < 0 || count == 0) {
		if (rc == 0)
			fprintf(stderr, "verdict user import: %s has no users\n", path);
		free(people);
		return -1;
	}
	*out = people;
	return count;
}

static int import(const char *csv, const char *passwords_path, const char *db_path)
{
	struct person *people;
	int count = read_class(csv, &people);
	if (count < 0)
		return 2;
	struct new_accounts na;
	new_accounts_init(&na, "user import", "; nobody was added", passwords_path, csv);
	if (new_accounts_open(&na) < 0) {
		free(people);
		return 2;
	}
	struct db *db = cli_open_db("user import", db_path);
	char err[512];
	int rc = db ? 0 : 1;
	if (rc == 0 && db_begin(db, err, sizeof err) < 0) {
		fprintf(stderr, "verdict user import: %s\n", err);
		rc = 1;
	}
	for (int i = 0; rc == 0 && i < count; i++) {
		long long id;
		if (new_accounts_add(&na, db, people[i].name, people[i].role, &id) < 0)
			rc = 1;
	}
	if (rc == 0 && new_accounts_close(&na, 1) < 0)
		rc = 1;
	if (rc == 0 && db_commit(db, err, sizeof err) < 0) {
		fprintf(stderr, "verdict user import: %s; nobody was added\n", err);
		unlink(na.path);
		rc = 1;
	}
	if (rc != 0) {
		if (db)
			db_rollback(db);
		new_accounts_close(&na, 0);
	} else {
		printf("imported %d users; their initial passwords are in %s\n", count, na.path);
	}
	db_close(db);
	free(people);
	return rc;
}

int cmd_user(int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "add") && strcmp(argv[1], "import") && strcmp(argv[1], "list") &&
			 strcmp(argv[1], "passwd"))) {
		int help = argc >= 2 && !strcmp(argv[1], "--help");
		fputs(usage_text, help ? stdout : stderr);
		return help ? 0 : 2;
	}
	static const struct option options[] = { { "role", required_argument, NULL, 'r' },
						 { "password-file", required_argument, NULL, 'p' },
						 { "passwords", required_argument, NULL, 'o' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { NULL, 0, NULL, 0 } };
	const char *role = "student", *db_opt = NULL, *state_opt = NULL, *password_file = NULL, *passwords_out = NULL;
	int opt, is_add = !strcmp(argv[1], "add"), is_list = !strcmp(argv[1], "list"),
		  is_passwd = !strcmp(argv[1], "passwd");
	optind = 1;
	while ((opt = getopt_long(argc - 1, argv + 1, "", options, NULL)) != -1) {
		if (opt == 'r' && is_add)
			role = optarg;
		else if (opt == 'p' && (is_add || is_passwd))
			password_file = optarg;
		else if (opt == 'o' && !is_add && !is_list && !is_passwd)
			passwords_out = optarg;
		else if (opt == 'd')
			db_opt = optarg;
		else if (opt == 'S')
			state_opt = optarg;
		else {
			fputs(usage_text, stderr);
			return 2;
		}
	}
	if (argc - 1 - optind != (is_list ? 0 : 1)) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (is_list)
		return list(cli_state(state_opt, db_opt)->db);
	if (password_init() < 0) {
		fprintf(stderr, "verdict user: cannot initialize libsodium\n");
		return 1;
	}
	if (is_passwd)
		return passwd(argv[1 + optind], password_file, cli_state(state_opt, db_opt)->db);
	return is_add ? add(argv[1 + optind], role, password_file, cli_state(state_opt, db_opt)->db)
		      : import(argv[1 + optind], passwords_out, cli_state(state_opt, db_opt)->db);
}
