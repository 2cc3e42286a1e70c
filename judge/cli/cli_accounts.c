/* cli_accounts.c - new accounts with generated passwords, each written to a file only its owner can read. */
#include "cli_accounts.h"

#include "db.h"
#include "password.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void new_accounts_init(struct new_accounts *na, const char *cmd, const char *undo, const char *path, const char *csv)
{
	memset(na, 0, sizeof *na);
	na->cmd = cmd;
	na->undo = undo;
	if (path) {
		snprintf(na->path, sizeof na->path, "%s", path);
	} else {
		size_t len = strlen(csv);
		int strip = len > 4 && !strcasecmp(csv + len - 4, ".csv") ? 4 : 0;
		snprintf(na->path, sizeof na->path, "%.*s-passwords.csv", (int)(len - (size_t)strip), csv);
	}
}

int new_accounts_open(struct new_accounts *na)
{
	/* Only its owner may read it; never overwrite an earlier one. */
	int fd = open(na->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		fprintf(stderr, "verdict %s: cannot create %s: %s%s\n", na->cmd, na->path, strerror(errno),
			errno == EEXIST ? " (it would be overwritten: move it away or give --passwords)" : "");
		return -1;
	}
	na->out = fdopen(fd, "w");
	if (!na->out) {
		fprintf(stderr, "verdict %s: cannot write %s: %s\n", na->cmd, na->path, strerror(errno));
		close(fd);
		unlink(na->path);
		return -1;
	}
	fprintf(na->out, "name,password\n");
	return 0;
}

int new_accounts_add(struct new_accounts *na, struct db *db, const char *name, const char *role, long long *id)
{
	char password[17], hash[PASSWORD_HASH_MAX], err[512];
	if (!na->out && new_accounts_open(na) < 0)
		return -1;
	password_generate(password);
	int rc = -1;
	if (password_hash(password, hash) < 0)
		fprintf(stderr, "verdict %s: cannot hash a password (out of memory)\n", na->cmd);
	else if (db_user_add(db, name, role, hash, id, err, sizeof err) < 0)
		fprintf(stderr, "verdict %s: %s: %s%s\n", na->cmd, name, err, na->undo);
	else if (fprintf(na->out, "%s,%s\n", name, password) < 0)
		fprintf(stderr, "verdict %s: cannot write %s: %s\n", na->cmd, na->path, strerror(errno));
	else
		rc = 0;
	na->count += rc == 0;
	explicit_bzero(password, sizeof password);
	return rc;
}

int new_accounts_close(struct new_accounts *na, int ok)
{
	if (!na->out)
		return 0;
	int rc = 0;
	if (ok && (fflush(na->out) != 0 || fsync(fileno(na->out)) != 0)) {
		fprintf(stderr, "verdict %s: cannot write %s: %s\n", na->cmd, na->path, strerror(errno));
		rc = -1;
	}
	fclose(na->out);
	na->out = NULL;
	if (!ok || rc < 0)
		unlink(na->path);
	return rc;
}
