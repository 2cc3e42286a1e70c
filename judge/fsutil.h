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

/* Reads at most n-1 bytes of path into buf, NUL-terminated; sets *truncated
 * when the file was longer. Returns the length, or -1 with errno set. */
ssize_t read_prefix(const char *path, char *buf, size_t n, int *truncated);

/* Removes path and everything below it, never following symbolic links
 * (a boxed program may have planted some). Returns 0 or -1. */
int remove_tree(const char *path);

/* Makes a fresh directory "<root>/<prefix>XXXXXX" owned by uid:uid, mode
 * 0755, into out. Returns 0 or -1 with errno set. */
int make_work_dir(const char *root, const char *prefix, uid_t uid, char *out, size_t n);

/* Copies the directory tree src to dst (which must not exist). Symbolic
 * links are followed only when they stay inside root (the package), and
 * their targets copied; a link out of it, a device, a FIFO or more than
 * max_bytes in all is refused, with the path in err. Returns 0 or -1 (dst
 * may then hold a partial copy: remove it). */
int copy_tree(const char *src, const char *dst, const char *root, long long max_bytes, char *err, size_t n);

#endif
