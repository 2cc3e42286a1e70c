/* fsutil.c - files and directories on the host: copy, read a prefix, remove a tree. */
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <limits.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

int copy_file(const char *src, const char *dst, mode_t mode, off_t max_bytes)
{
	/* O_NONBLOCK: a FIFO planted as src must not make us wait forever. */
	int in = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (in < 0)
		return -1;
	struct stat st;
	if (fstat(in, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > max_bytes) {
		int e = errno;
		close(in);
		errno = S_ISREG(st.st_mode) ? (st.st_size > max_bytes ? EFBIG : e) : EINVAL;
		return -1;
	}
	int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
	if (out < 0) {
		close(in);
		return -1;
	}
	char buf[65536];
	ssize_t r;
	int rc = 0;
	while ((r = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)r) != r) {
			rc = -1;
			break;
		}
	if (r < 0)
		rc = -1;
	int e = errno;
	close(in);
	if (close(out) < 0)
		rc = -1;
	errno = e;
	return rc;
}

int write_new_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	const char *p = data;
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, p + done, len - done);
		if (w <= 0) {
			int e = errno;
			close(fd);
			unlink(path);
			errno = w < 0 ? e : EIO;
			return -1;
		}
		done += (size_t)w;
	}
	return close(fd);
}

int open_regular(const char *path, off_t max_bytes)
{
	/* O_NONBLOCK: opening a FIFO does not wait for a writer (nor a device
	 * for its carrier); O_NOFOLLOW: a planted link is not followed. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return -1;
	struct stat st;
	int e = fstat(fd, &st) < 0 ? errno : !S_ISREG(st.st_mode) ? EINVAL : max_bytes >= 0 && st.st_size > max_bytes ? EFBIG : 0;
	if (e) {
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

ssize_t read_prefix(const char *path, char *buf, size_t n, int *truncated)
{
	*truncated = 0;
	int fd = open_regular(path, -1);
	if (fd < 0)
		return -1;
	size_t len = 0;
	ssize_t r;
	buf[0] = 0;
	while (len + 1 < n && (r = read(fd, buf + len, n - 1 - len)) > 0)
		len += (size_t)r;
	char extra;
	if (len + 1 >= n && read(fd, &extra, 1) == 1)
		*truncated = 1;
	close(fd);
	buf[len] = 0;
	return (ssize_t)len;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st, (void)ftw;
	return (type == FTW_DP ? rmdir(path) : unlink(path)) < 0 && errno != ENOENT ? -1 : 0;
}

int remove_tree(const char *path)
{
	/* FTW_PHYS: links are removed, never followed; FTW_DEPTH: contents first. */
	return nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

int make_work_dir(const char *root, const char *prefix, uid_t uid, char *out, size_t n)
{
	if ((size_t)snprintf(out, n, "%s/%sXXXXXX", root, prefix) >= n) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (!mkdtemp(out))
		return -1;
	if (chmod(out, 0755) < 0 || chown(out, uid, uid) < 0) {
		int e = errno;
		rmdir(out);
		errno = e;
		return -1;
	}
	return 0;
}

/* The state of one copy_tree: where links resolve, and what is left of
 * each budget. */
struct tree_copy {
	int root;            /* src, where links are resolved (beneath it) */
	long long bytes_left;
	long entries_left;
	int max_depth;
	char rel[PATH_MAX];  /* the entry at hand, relative to src: messages name it */
	char *err;
	size_t n;
};

static int tree_fail(struct tree_copy *c, const char *why)
{
	snprintf(c->err, c->n, "%s: %s", c->rel[0] ? c->rel : ".", why);
	return -1;
}

/* A symbolic link, resolved beneath the copy's root (never out of it, never
 * through /proc's magic links): an fd of what it leads to, opened O_PATH
 * (so that nothing is opened for reading before its type is known). */
static int resolve_beneath(struct tree_copy *c, int flags)
{
	/* (openat2 refuses O_NOCTTY beside O_PATH.) */
	struct open_how how = { .flags = (unsigned long long)flags | O_CLOEXEC | (flags & O_PATH ? 0 : O_NOCTTY),
				.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS };
	int fd;
	do
		fd = (int)syscall(SYS_openat2, c->root, c->rel, &how, sizeof how);
	while (fd < 0 && errno == EAGAIN); /* a rename raced the lookup: try again */
	if (fd >= 0)
		return fd;
	return tree_fail(c, errno == EXDEV	 ? "a link that leads out of the package"
			    : errno == ELOOP	 ? "a link loop"
			    : errno == ENOENT	 ? "a link to nothing"
			    : errno == ENOSYS	 ? "a link, which this kernel cannot resolve safely (openat2)"
						 : strerror(errno));
}

/* Copies the open regular file in (whose fstat is *st) to out_dir/name,
 * counting the bytes actually read against the budget (a file may grow
 * while it is read). */
static int copy_regular(struct tree_copy *c, int in, const struct stat *st, int out_dir, const char *name)
{
	if (st->st_size > c->bytes_left)
		return tree_fail(c, "the package is too large");
	int out = openat(out_dir, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
			 (st->st_mode & 0111) ? 0755 : 0644);
	if (out < 0)
		return tree_fail(c, strerror(errno));
	char buf[65536];
	ssize_t r;
	int rc = 0;
	while (rc == 0 && (r = read(in, buf, sizeof buf)) != 0) {
		if (r < 0)
			rc = tree_fail(c, strerror(errno));
		else if ((c->bytes_left -= r) < 0)
			rc = tree_fail(c, "the package is too large");
		else if (write(out, buf, (size_t)r) != r)
			rc = tree_fail(c, strerror(errno ? errno : ENOSPC));
	}
	if (close(out) < 0 && rc == 0)
		rc = tree_fail(c, strerror(errno));
	return rc;
}

/* Opens entry name of in_dir for reading as what fstatat said it was (a
 * regular file or a directory), or the regular file a link leads to; *st
 * is then the opened file's. -1 (with the message) for anything else. */
static int open_entry(struct tree_copy *c, int in_dir, const char *name, struct stat *st)
{
	if (fstatat(in_dir, name, st, AT_SYMLINK_NOFOLLOW) < 0)
		return tree_fail(c, strerror(errno));
	struct stat before = *st;
	int fd;
	if (S_ISLNK(st->st_mode)) {
		/* Resolved where it is; its target's type decides (O_PATH opens
		 * nothing), then the same file is opened for reading. A link to a
		 * directory is refused: links between directories nest paths
		 * without end, and a package needs none. */
		int path = resolve_beneath(c, O_PATH);
		if (path < 0)
			return -1;
		int statted = fstat(path, &before);
		close(path);
		if (statted < 0)
			return tree_fail(c, strerror(errno));
		if (S_ISDIR(before.st_mode))
			return tree_fail(c, "a link to a directory (packages may link files, not directories)");
		if (!S_ISREG(before.st_mode))
			return tree_fail(c, "a link to a device, FIFO or socket");
		fd = resolve_beneath(c, O_RDONLY | O_NONBLOCK);
	} else if (S_ISREG(st->st_mode) || S_ISDIR(st->st_mode)) {
		fd = openat(in_dir, name,
			    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (S_ISDIR(st->st_mode) ? O_DIRECTORY : 0));
		if (fd < 0)
			return tree_fail(c, strerror(errno));
	} else {
		return tree_fail(c, "neither a file, a directory nor a link (a device, FIFO or socket)");
	}
	if (fd < 0)
		return -1;
	/* The same file that was looked at: not one put in its place since. */
	if (fstat(fd, st) < 0 || st->st_dev != before.st_dev || st->st_ino != before.st_ino ||
	    (!S_ISREG(st->st_mode) && !S_ISDIR(st->st_mode))) {
		close(fd);
		return tree_fail(c, "changed while it was copied");
	}
	return fd;
}

static int copy_dir(struct tree_copy *c, int in_dir, int out_dir, int depth)
{
	int fd = dup(in_dir);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	if (!d) {
		if (fd >= 0)
			close(fd);
		return tree_fail(c, strerror(errno));
	}
	size_t len = strlen(c->rel);
	struct dirent *e;
	int rc = 0;
	errno = 0;
	while (rc == 0 && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if ((size_t)snprintf(c->rel + len, sizeof c->rel - len, "%s%s", len ? "/" : "", e->d_name) >=
		    sizeof c->rel - len) {
			c->rel[len] = 0;
			rc = tree_fail(c, "a path in it is too long");
			break;
		}
		if (--c->entries_left < 0) {
			rc = tree_fail(c, "the package has too many files and directories");
			break;
		}
		struct stat st;
		int in = open_entry(c, in_dir, e->d_name, &st);
		if (in < 0) {
			rc = -1;
			break;
		}
		if (S_ISREG(st.st_mode)) {
			rc = copy_regular(c, in, &st, out_dir, e->d_name);
		} else if (depth + 1 > c->max_depth) {
			rc = tree_fail(c, "directories nested too deep");
		} else if (mkdirat(out_dir, e->d_name, 0755) < 0) {
			rc = tree_fail(c, strerror(errno));
		} else {
			int out = openat(out_dir, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			rc = out < 0 ? tree_fail(c, strerror(errno)) : copy_dir(c, in, out, depth + 1);
			if (out >= 0)
				close(out);
		}
		close(in);
		c->rel[len] = 0;
		errno = 0;
	}
	if (rc == 0 && errno)
		rc = tree_fail(c, strerror(errno));
	closedir(d);
	return rc;
}

int copy_tree(const char *src, const char *dst, const struct tree_limits *lim, char *err, size_t n)
{
	struct tree_copy c = { .bytes_left = lim->max_bytes, .entries_left = lim->max_entries,
			       .max_depth = lim->max_depth, .err = err, .n = n };
	c.root = open(src, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (c.root < 0)
		return snprintf(err, n, "%s: %s", src, strerror(errno)), -1;
	int rc = -1, out = -1;
	if (mkdir(dst, 0755) < 0 || (out = open(dst, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		snprintf(err, n, "%s: %s", dst, strerror(errno));
	else
		rc = copy_dir(&c, c.root, out, 0);
	if (out >= 0)
		close(out);
	close(c.root);
	return rc;
}
