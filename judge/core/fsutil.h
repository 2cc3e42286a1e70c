/* fsutil.h - files and directories on the host: copy, read a prefix, remove a tree. */
#ifndef VERDICT_FSUTIL_H
#define VERDICT_FSUTIL_H

#include <stddef.h>
#include <sys/types.h>

/* Copies the regular file src to dst (created, must not exist) with mode,
 * refusing more than max_bytes. Returns 0, or -1 with errno set (EFBIG when
 * too large). */
int copy_file(const char *src, const char *dst, mode_t mode, off_t max_bytes);

/* Creates path (which must not exist, and is never a link followed) with
 * len bytes of data, mode 0644. Returns 0, or -1 with errno set (the file
 * removed). */
int write_new_file(const char *path, const void *data, size_t len);

/* Opens path for reading if it is a regular file (not a link, FIFO,
 * device, ...: opened O_NOFOLLOW|O_NONBLOCK, so nothing waits, then checked
 * with fstat) of at most max_bytes (any size when max_bytes < 0). Returns
 * the fd, or -1 with errno set: ELOOP for a link, EINVAL for another kind
 * of file, EFBIG when too large. */
int open_regular(const char *path, off_t max_bytes);

/* Reads at most n-1 bytes of path into buf, NUL-terminated; sets *truncated
 * when the file was longer. Only a regular file is read (open_regular):
 * what a program or validator leaves may be anything. Returns the length,
 * or -1 with errno set. */
ssize_t read_prefix(const char *path, char *buf, size_t n, int *truncated);

/* Removes path and everything below it, never following symbolic links
 * (a boxed program may have planted some). Returns 0 or -1. */
int remove_tree(const char *path);

/* Makes a fresh directory "<root>/<prefix>XXXXXX" owned by uid:uid, mode
 * 0755, into out. Returns 0 or -1 with errno set. */
int make_work_dir(const char *root, const char *prefix, uid_t uid, char *out, size_t n);

/* What copy_tree may copy at most. */
struct tree_limits {
	long long max_bytes;  /* of file contents, in all */
	long max_entries;     /* files and directories, in all */
	int max_depth;        /* directories below src */
};

/* Copies the directory tree src to dst (created here: it must not exist)
 * as regular files and directories only, reading src exactly once, through
 * descriptors: every entry is opened O_NOFOLLOW|O_NONBLOCK and fstat'ed
 * before it is read, so a FIFO or device cannot hang or touch anything. A
 * symbolic link is resolved beneath src (openat2 RESOLVE_BENEATH: a chain
 * of links cannot lead out) and, when it leads to a regular file, copied as
 * one; a link to a directory, out of src, to nothing or to anything else,
 * a device, FIFO or socket, and going past any of *lim, is refused with
 * the path relative to src in err. Returns 0 or -1 (dst may then hold a
 * partial copy: remove it). */
int copy_tree(const char *src, const char *dst, const struct tree_limits *lim, char *err, size_t n);

#endif
