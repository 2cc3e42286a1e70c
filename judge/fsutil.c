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
#include <unistd.h>

int copy_file(const char *src, const char *dst, mode_t mode, off_t max_bytes)
{
	int in = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
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

ssize_t read_prefix(const char *path, char *buf, size_t n, int *truncated)
{
	*truncated = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	size_t len = 0;
	ssize_t r;
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

static int inside(const char *path, const char *root)
{
	size_t n = strlen(root);
	return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == 0);
}

static int copy_node(const char *src, const char *dst, const char *root, long long *budget, int depth, char *err,
		     size_t n)
{
	char real[PATH_MAX];
	struct stat st;
	if (depth > 32)
		return snprintf(err, n, "%s: directories nested too deep (a link loop?)", src), -1;
	if (!realpath(src, real) || !inside(real, root))
		return snprintf(err, n, "%s: a link that leads out of the package", src), -1;
	if (stat(real, &st) < 0)
		return snprintf(err, n, "%s: %s", src, strerror(errno)), -1;
	if (S_ISREG(st.st_mode)) {
		*budget -= st.st_size;
		if (*budget < 0)
			return snprintf(err, n, "%s: the package is too large", src), -1;
		if (copy_file(real, dst, (st.st_mode & 0111) ? 0755 : 0644, st.st_size) < 0)
			return snprintf(err, n, "%s: %s", src, strerror(errno)), -1;
		return 0;
	}
	if (!S_ISDIR(st.st_mode))
		return snprintf(err, n, "%s: neither a file nor a directory", src), -1;
	if (mkdir(dst, 0755) < 0)
		return snprintf(err, n, "%s: %s", dst, strerror(errno)), -1;
	DIR *d = opendir(real);
	if (!d)
		return snprintf(err, n, "%s: %s", src, strerror(errno)), -1;
	struct dirent *e;
	int rc = 0;
	while (rc == 0 && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char s2[PATH_MAX], d2[PATH_MAX];
		if ((size_t)snprintf(s2, sizeof s2, "%s/%s", src, e->d_name) >= sizeof s2 ||
		    (size_t)snprintf(d2, sizeof d2, "%s/%s", dst, e->d_name) >= sizeof d2)
			rc = (snprintf(err, n, "%s/%s: path too long", src, e->d_name), -1);
		else
			rc = copy_node(s2, d2, root, budget, depth + 1, err, n);
	}
	closedir(d);
	return rc;
}

int copy_tree(const char *src, const char *dst, const char *root, long long max_bytes, char *err, size_t n)
{
	char real_root[PATH_MAX];
	if (!realpath(root, real_root))
		return snprintf(err, n, "%s: %s", root, strerror(errno)), -1;
	long long budget = max_bytes;
	return copy_node(src, dst, real_root, &budget, 0, err, n);
}
