/* state.c - where Verdict keeps its state (state.h draws the layout), made and checked without following links. */
#include "state.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DB_NAME "verdict.db"

static int set_path(char *out, size_t n, const char *a, const char *b, char *err, size_t errlen)
{
	if ((size_t)snprintf(out, n, "%s%s", a, b) >= n)
		return errf(err, errlen, "path too long: %.200s%s", a, b);
	return 0;
}

int state_resolve(const char *state_opt, const char *db_opt, struct state *s, char *err, size_t n)
{
	memset(s, 0, sizeof *s);
	const char *env_state = getenv("VERDICT_STATE"), *env_db = getenv("VERDICT_DB");
	const char *dir = state_opt;
	const char *db = dir ? NULL : db_opt;
	if (!dir && !db) {
		if (env_state && *env_state)
			dir = env_state;
		else
			db = env_db && *env_db ? env_db : DB_NAME;
	}
	if (dir) {
		if (!*dir)
			return errf(err, n, "--state needs a directory");
		size_t len = strlen(dir);
		while (len > 1 && dir[len - 1] == '/')
			len--;
		if (len >= sizeof s->dir)
			return errf(err, n, "path too long: %.200s", dir);
		memcpy(s->dir, dir, len);
		s->dir[len] = 0;
		return set_path(s->db, sizeof s->db, s->dir, "/db/" DB_NAME, err, n) < 0 ||
				       set_path(s->data, sizeof s->data, s->dir, "/data", err, n) < 0 ||
				       set_path(s->spool, sizeof s->spool, s->dir, "/spool", err, n) < 0
			       ? -1
			       : 0;
	}
	const char *env_data = getenv("VERDICT_DATA");
	if (set_path(s->db, sizeof s->db, db, "", err, n) < 0 ||
	    (env_data && *env_data ? set_path(s->data, sizeof s->data, env_data, "", err, n)
				   : set_path(s->data, sizeof s->data, db, ".data", err, n)) < 0 ||
	    set_path(s->spool, sizeof s->spool, db, ".spool", err, n) < 0)
		return -1;
	return 0;
}

/* Root's and writable by nobody else, or sticky (nobody can rename what
 * others put there). */
static int root_only(const struct stat *st)
{
	return st->st_uid == 0 && (!(st->st_mode & (S_IWGRP | S_IWOTH)) || (st->st_mode & S_ISVTX) ||
				   (st->st_gid == 0 && !(st->st_mode & S_IWOTH)));
}

/* The real directories are checked below; a symbolic link on the way is
 * as trusted as the directory it is in, and its owner: both must be root's,
 * or whoever can write there could point the path elsewhere. */
static int links_root_only(const char *path, char *err, size_t n)
{
	char abs[PATH_MAX], cwd[PATH_MAX];
	if (path[0] != '/' && !getcwd(cwd, sizeof cwd))
		return errf(err, n, "%s: %s", path, strerror(errno));
	if ((size_t)snprintf(abs, sizeof abs, "%s%s%s", path[0] == '/' ? "" : cwd, path[0] == '/' ? "" : "/", path) >=
	    sizeof abs)
		return errf(err, n, "path too long: %.200s", path);
	for (char *slash = strchr(abs + 1, '/');; slash = strchr(slash + 1, '/')) {
		if (slash)
			*slash = 0;
		struct stat link, dir;
		char *up = strrchr(abs, '/');
		char keep = up[1];
		if (lstat(abs, &link) == 0 && S_ISLNK(link.st_mode)) {
			up[1] = 0; /* the directory the link is in */
			int safe = link.st_uid == 0 && stat(abs, &dir) == 0 && root_only(&dir);
			up[1] = keep;
			if (!safe)
				return errf(err, n,
					    "%s is not safe for root's data: the link %s could be changed by someone "
					    "other than root",
					    path, abs);
		}
		if (!slash)
			return 0;
		*slash = '/';
	}
}

int state_check_root_only(const char *path, char *err, size_t n)
{
	char real[PATH_MAX];
	if (links_root_only(path, err, n) < 0)
		return -1;
	if (!realpath(path, real))
		return errf(err, n, "%s: %s", path, strerror(errno));
	/* Each directory from / down to path itself. */
	for (char *end = real;;) {
		char save = *end;
		if (end != real)
			*end = 0;
		struct stat st;
		const char *here = end == real ? "/" : real;
		if (lstat(here, &st) < 0)
			return errf(err, n, "%s: %s", here, strerror(errno));
		if (!S_ISDIR(st.st_mode) || !root_only(&st))
			return errf(err, n,
				    "%s is not safe for root's data: %s (owner uid %d, mode %o); only root may be able to "
				    "change it and every directory above it",
				    path, here, (int)st.st_uid, (unsigned)(st.st_mode & 07777));
		*end = save;
		if (!save)
			return 0;
		end = strchr(end + 1, '/');
		if (!end)
			end = real + strlen(real);
	}
}

/* Opens (creating with mode) the directory name under dirfd without
 * following a link, and makes it uid:gid's with mode. */
static int own_dir(int dirfd, const char *shown, const char *name, uid_t uid, gid_t gid, mode_t mode, char *err,
		   size_t n)
{
	if (mkdirat(dirfd, name, mode) < 0 && errno != EEXIST)
		return errf(err, n, "cannot create %s: %s", shown, strerror(errno));
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errf(err, n, "%s is not a directory (a link?): %s", shown, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) < 0 || ((st.st_uid != uid || st.st_gid != gid) && fchown(fd, uid, gid) < 0) ||
	    ((st.st_mode & 07777) != mode && fchmod(fd, mode) < 0)) {
		close(fd);
		return errf(err, n, "cannot give %s to uid %d: %s", shown, (int)uid, strerror(errno));
	}
	return fd;
}

/* The database file and its journals become the web account's, so that
 * SQLite run by root gives its -wal and -shm to that account too. A link,
 * a FIFO or a file with other names (a hard link to a file of root's) is
 * refused, never followed. */
static int own_db_files(int dbfd, const struct state *s, uid_t uid, gid_t gid, char *err, size_t n)
{
	static const char *const names[] = { DB_NAME, DB_NAME "-wal", DB_NAME "-shm" };
	for (int i = 0; i < 3; i++) {
		int fd = openat(dbfd, names[i], O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (i == 0 ? O_CREAT : 0),
				0600);
		if (fd < 0 && errno == ENOENT)
			continue;
		struct stat st;
		int ok = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1 &&
			 (st.st_uid == uid || fchown(fd, uid, gid) == 0);
		if (fd >= 0)
			close(fd);
		if (!ok)
			return errf(err, n, "%s/db/%s must be a regular file with one name (not a link): refusing it",
				    s->dir, names[i]);
	}
	return 0;
}

/* An install from before this layout kept DIR/verdict.db beside
 * DIR/verdict.db.data, in a directory the web account could write. */
static int refuse_old_layout(const struct state *s, char *err, size_t n)
{
	char old[PATH_MAX + 16];
	struct stat st;
	snprintf(old, sizeof old, "%s/" DB_NAME, s->dir);
	if (lstat(old, &st) < 0)
		return 0;
	const char *d = s->dir;
	return errf(err, n,
		    "%s holds a database in the old layout, where the web account could replace root's data. "
		    "Stop Verdict, then move it (as root):\n"
		    "  mkdir -p %s/db %s/spool && mv %s/" DB_NAME "* %s/db/ && mv %s/" DB_NAME ".data %s/data\n"
		    "  rm -rf %s/data/spool && chown root:root %s && chmod 755 %s\n"
		    "(check %s/data for files you did not put there: the web account could write around it)",
		    d, d, d, d, d, d, d, d, d, d, d);
}

int state_prepare(const struct state *s, uid_t uid, gid_t gid, char *err, size_t n)
{
	if (!s->dir[0])
		return errf(err, n,
			    "the web server needs a state directory (--state DIR): with --db the web account could "
			    "replace the judge's data beside the database (README: the state layout)");
	if (mkdir(s->dir, 0755) < 0 && errno != EEXIST)
		return errf(err, n, "cannot create %s: %s", s->dir, strerror(errno));
	if (refuse_old_layout(s, err, n) < 0 || state_check_root_only(s->dir, err, n) < 0)
		return -1;
	int top = open(s->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (top < 0)
		return errf(err, n, "cannot open %s: %s", s->dir, strerror(errno));
	char shown[3][PATH_MAX + 8];
	snprintf(shown[0], sizeof shown[0], "%s/db", s->dir);
	snprintf(shown[1], sizeof shown[1], "%s/spool", s->dir);
	snprintf(shown[2], sizeof shown[2], "%s/data", s->dir);
	int rc = -1, dbfd = own_dir(top, shown[0], "db", uid, gid, 0700, err, n), spool = -1, data = -1;
	if (dbfd >= 0 && (spool = own_dir(top, shown[1], "spool", uid, gid, 0700, err, n)) >= 0 &&
	    (data = own_dir(top, shown[2], "data", 0, 0, 0755, err, n)) >= 0 && own_db_files(dbfd, s, uid, gid, err, n) == 0)
		rc = 0;
	close(top);
	if (dbfd >= 0)
		close(dbfd);
	if (spool >= 0)
		close(spool);
	if (data >= 0)
		close(data);
	return rc;
}

int state_make_db_dir(const struct state *s, char *err, size_t n)
{
	char db_dir[PATH_MAX + 8];
	snprintf(db_dir, sizeof db_dir, "%s/db", s->dir);
	if ((mkdir(s->dir, 0755) < 0 && errno != EEXIST) || (mkdir(db_dir, 0700) < 0 && errno != EEXIST))
		return errf(err, n, "cannot create %s: %s", db_dir, strerror(errno));
	return 0;
}

int state_data_ready(const struct state *s, char *err, size_t n)
{
	if (mkdir(s->data, 0755) < 0 && errno != EEXIST)
		return errf(err, n, "cannot create the data directory %s: %s", s->data, strerror(errno));
	return state_check_root_only(s->data, err, n);
}

int state_name_ok(const char *name)
{
	size_t len = strlen(name);
	return len >= 1 && len <= 63 && name[0] != '-' &&
	       strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == len;
}

const char *state_part_name(enum version_part part, const char *name)
{
	switch (part) {
	case VERSION_PACKAGE: return name;
	case VERSION_VALIDATOR: return "validator";
	case VERSION_GRADER: return "grader";
	case VERSION_STATEMENT: return "statement.html";
	case VERSION_STATEMENT_IMAGES: return "statement-images";
	case VERSION_STATEMENT_PDF: return "statement.pdf";
	case VERSION_DIR: break;
	}
	return "";
}

int state_version_path(const char *data, const char *name, int version, enum version_part part, char *out, size_t n,
		       char *err, size_t errlen)
{
	if (!state_name_ok(name))
		return errf(err, errlen, "'%.80s' is not a valid problem name", name);
	if (version < 1)
		return errf(err, errlen, "problem %s: %d is not a valid version number", name, version);
	int len = part == VERSION_DIR ? snprintf(out, n, "%s/problems/%s/v%d", data, name, version)
				      : snprintf(out, n, "%s/problems/%s/v%d/%s", data, name, version,
						 state_part_name(part, name));
	if (len < 0 || (size_t)len >= n)
		return errf(err, errlen, "problem %s: the data directory's path is too long", name);
	return 0;
}

int state_problems_dir(const char *data, char *out, size_t n)
{
	return (size_t)snprintf(out, n, "%s/problems", data) < n ? 0 : -1;
}

int state_backup_dir(const struct state *s, char *out, size_t n)
{
	int len = s->dir[0] ? snprintf(out, n, "%s/backup", s->dir) : snprintf(out, n, "%s.backup", s->db);
	return len >= 0 && (size_t)len < n ? 0 : -1;
}

int state_work_dir(const char *data, char *out, size_t n)
{
	return (size_t)snprintf(out, n, "%s/work", data) < n ? 0 : -1;
}
