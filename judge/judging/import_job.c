/* import_job.c - the judge's side of import jobs: packages the web spooled, imported as root.
 *
 * The spool file's path comes from the database, which an unprivileged
 * process writes: only its last part is used, and only if it is a name the
 * web server gives ("upload-XXXXXX"). The file is opened relative to the
 * judge's own spool directory (state.h) without following links, must be a
 * regular file with one name, and is handed to libarchive as
 * /proc/thread-self/fd/N, so the file checked is the file read, whatever is
 * renamed meanwhile. Only that directory entry is ever removed (unlinkat
 * never follows a link).
 */
#include "import_job.h"
#include "db.h"
#include "job_lease.h"
#include "problem_import.h"
#include "state.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The only names the web server gives uploads (mkstemp's "upload-XXXXXX"):
 * whatever else a row names is refused, never looked up. */
static int spool_name_ok(const char *name)
{
	return strlen(name) == 13 && !strncmp(name, "upload-", 7) &&
	       strspn(name + 7, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == 6;
}

int import_job_sweep_spool(struct db *db, const char *spool, int min_age, char *err, size_t n)
{
	int fd = open(spool, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return e == ENOENT ? 0 : errf(err, n, "cannot read the spool directory %s: %s", spool, strerror(e));
	}
	int removed = 0, rc = 0;
	time_t now = time(NULL);
	struct dirent *e;
	while (rc == 0 && (e = readdir(d))) {
		char path[PATH_MAX + 256];
		struct stat st;
		if (!spool_name_ok(e->d_name) || (size_t)snprintf(path, sizeof path, "%s/%s", spool, e->d_name) >= sizeof path ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 || now - st.st_mtime < min_age)
			continue;
		int used = db_import_spool_in_use(db, path, err, n);
		if (used < 0)
			rc = -1;
		else if (!used && unlinkat(dirfd(d), e->d_name, 0) == 0) /* the name only: never follows a link */
			removed++;
	}
	closedir(d);
	return rc < 0 ? -1 : removed;
}

/* ---- the spool file ---- */

/* Opens the spool file read-only, as described at the top. Returns its
 * descriptor, or -1 with why set; *dirfd is the spool directory's (or -1:
 * then nothing may be removed). */
static int open_spool_file(const char *spool, const char *spool_path, int *dirfd, const char **base, char *why,
			   size_t n)
{
	*dirfd = -1;
	const char *slash = strrchr(spool_path, '/');
	*base = slash ? slash + 1 : spool_path;
	if (!spool_name_ok(*base))
		return errf(why, n, "the uploaded file's name is not one the web server gives (upload it again)");
	*dirfd = open(spool, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (*dirfd < 0)
		return errf(why, n, "cannot open the spool directory %s: %s", spool, strerror(errno));
	int fd = openat(*dirfd, *base, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return errf(why, n, "the uploaded file %s cannot be read (upload it again): %s", *base,
			    errno == ELOOP ? "it is a symbolic link" : strerror(errno));
	/* A second name would be a hard link to a file the web account
	 * does not own the contents of (fs.protected_hardlinks may be off). */
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1) {
		close(fd);
		return errf(why, n, "the uploaded file %s is not a regular file with one name", *base);
	}
	return fd;
}

/* ---- one job ---- */

/* message = text, then the package's warnings if any (without a last newline). */
static void compose(char *out, size_t n, const char *text, const struct problem_import_result *r)
{
	if (r->warnings[0])
		snprintf(out, n, "%.1900s\nwarnings for problem %s:\n%.2000s", text, r->short_name, r->warnings);
	else
		snprintf(out, n, "%s", text);
	size_t len = strlen(out);
	while (len && out[len - 1] == '\n')
		out[--len] = 0;
}

int import_job_run_next(struct db *db, const struct state *state, struct job_lease *lease,
			struct import_job_outcome *out, char *err, size_t n)
{
	struct db_import imp;
	const char *owner = lease->owner;
	int claimed = db_import_claim_next(db, owner, lease->lease, &imp, err, n);
	if (claimed <= 0)
		return claimed;
	memset(out, 0, sizeof *out);
	out->id = imp.id;
	job_lease_hold(lease, DB_JOB_IMPORT, imp.id);

	struct problem_import_result r;
	memset(&r, 0, sizeof r);
	char why[2048], text[2048];
	const char *base;
	int dirfd = -1, ok = 0, fd = -1;
	if (imp.attempts > JOB_MAX_ATTEMPTS)
		snprintf(why, sizeof why,
			 "the judge stopped %d times while importing %.200s (out of memory or time?): not tried again",
			 imp.attempts - 1, imp.file_name);
	else
		fd = open_spool_file(state->spool, imp.spool_path, &dirfd, &base, why, sizeof why);
	if (fd >= 0) {
		char path[64];
		snprintf(path, sizeof path, "/proc/thread-self/fd/%d", fd);
		ok = problem_import_archive(db, state->data, path, imp.file_name, &r, why, sizeof why) == 0;
		close(fd);
	}
	if (ok)
		problem_import_describe(&r, text, sizeof text);
	compose(out->message, sizeof out->message, ok ? text : why, &r);

	job_lease_drop(lease);
	int stored = db_import_finish(db, imp.id, owner, ok, r.problem_id, r.version, out->message, err, n);
	if (stored == 1 && dirfd >= 0)
		unlinkat(dirfd, base, 0); /* done with; a lost lease leaves it to the judge that has it now */
	if (dirfd >= 0)
		close(dirfd);
	if (stored < 0)
		return -1;
	snprintf(out->state, sizeof out->state, "%s", stored == 0 ? "lost" : ok ? "done" : "failed");
	return 1;
}
