/* util.h - small helpers shared by every module: errors, files, clocks. */
#ifndef VERDICT_UTIL_H
#define VERDICT_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Prints "verdict: MESSAGE" to stderr and exits 1. Start-up only. */
__attribute__((noreturn, format(printf, 1, 2))) void die(const char *fmt, ...);

/* snprintf into err (if non-NULL) and return -1, so that error paths read
 * `return errf(err, n, "cannot open %s", path);`. */
__attribute__((format(printf, 3, 4))) int errf(char *err, size_t n, const char *fmt, ...);

/* Writes the whole string to dirfd/name (O_WRONLY, no create). Returns 0 or
 * -1 with errno set. Async-signal-safe. */
int write_file_at(int dirfd, const char *name, const char *text);

/* Reads up to n-1 bytes of dirfd/name into buf, NUL-terminated. Returns the
 * length or -1 with errno set. */
ssize_t read_file_at(int dirfd, const char *name, char *buf, size_t n);

/* Finds "key value" on a line of text (as in memory.stat or pids.events)
 * and returns value, or -1 when absent. */
long long find_keyed_value(const char *text, const char *key);

/* Nanoseconds of CLOCK_MONOTONIC. */
int64_t monotonic_ns(void);

/* Formats a non-negative long into buf without stdio (async-signal-safe);
 * returns buf. */
char *format_long(char *buf, size_t n, long v);

/* The index of s in names[0..count) (a table of an enum's names; NULL
 * entries are skipped), or -1. */
int name_index(const char *const *names, int count, const char *s);

/* Makes room for one more item of size bytes at the end of the array *v
 * of *count items (room for *cap), doubling it when full, and returns the
 * new item (*count counts it), or NULL when out of memory (the array as it
 * was). */
void *array_push(void **v, int *count, int *cap, size_t size);

/* Does s end with suffix, with something before it? */
int ends_with(const char *s, const char *suffix);

#endif
