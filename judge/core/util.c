/* util.c - small helpers shared by every module: errors, files, clocks. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("verdict: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

int errf(char *err, size_t n, const char *fmt, ...)
{
	if (err && n) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

int write_file_at(int dirfd, const char *name, const char *text)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t len = strlen(text);
	ssize_t w = write(fd, text, len);
	int saved = errno;
	close(fd);
	if (w != (ssize_t)len) {
		errno = w < 0 ? saved : EIO;
		return -1;
	}
	return 0;
}

ssize_t read_file_at(int dirfd, const char *name, char *buf, size_t n)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t len = 0;
	while (len + 1 < n) {
		ssize_t r = read(fd, buf + len, n - 1 - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	buf[len] = 0;
	return (ssize_t)len;
}

long long find_keyed_value(const char *text, const char *key)
{
	size_t klen = strlen(key);
	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, klen) == 0 && p[klen] == ' ')
			return strtoll(p + klen + 1, NULL, 10);
	}
	return -1;
}

int64_t monotonic_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

char *format_long(char *buf, size_t n, long v)
{
	char tmp[24];
	size_t i = 0, j = 0;
	if (v < 0)
		v = 0;
	do {
		tmp[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v && i < sizeof tmp);
	while (i && j + 1 < n)
		buf[j++] = tmp[--i];
	buf[j] = 0;
	return buf;
}

int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && strcmp(s + n - m, suffix) == 0;
}

int name_index(const char *const *names, int count, const char *s)
{
	for (int i = 0; i < count; i++)
		if (names[i] && !strcmp(names[i], s))
			return i;
	return -1;
}

void *array_push(void **v, int *count, int *cap, size_t size)
{
	if (*count == *cap) {
		int more = *cap ? 2 * *cap : 16;
		void *bigger = realloc(*v, (size_t)more * size);
		if (!bigger)
			return NULL;
		*v = bigger;
		*cap = more;
	}
	return (char *)*v + (size_t)(*count)++ * size;
}
