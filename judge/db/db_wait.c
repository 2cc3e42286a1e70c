/* db_wait.c - an idle judge waits for the database to change instead of polling it.
 *
 * Every write to an SQLite database in WAL mode is a write() to its -wal
 * file (a checkpoint writes the database file), so an inotify watch on
 * the directory says when anyone wrote: the web server queuing a
 * submission, a judge storing a result. The watch is on the directory,
 * not the files, because the WAL comes and goes; IN_DONT_FOLLOW and
 * IN_ONLYDIR because the directory is the web account's: root watches
 * what is there and follows no link. An event only wakes the caller,
 * which then asks the database itself; a spurious one costs one query. */
#include "db.h"
#include "db_internal.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#define WATCH_REFUSED (-2)
#define FALLBACK_SLEEP_MS 200

/* Without a watch, or when it fails: a short sleep, and "may have changed". */
static int nap(long long ms)
{
	poll(NULL, 0, (int)(ms < FALLBACK_SLEEP_MS ? ms : FALLBACK_SLEEP_MS));
	return 1;
}

/* The watch, made on first use: 0, or -1 when inotify or the path refuse. */
static int watch_open(struct db *db)
{
	const char *file = sqlite3_db_filename(db->h, "main");
	if (!file || !*file)
		return -1;
	char dir[PATH_MAX];
	const char *slash = strrchr(file, '/');
	const char *base = slash ? slash + 1 : file;
	if (slash ? (size_t)snprintf(dir, sizeof dir, "%.*s", (int)(slash - file), file) >= sizeof dir
		  : (size_t)snprintf(dir, sizeof dir, ".") >= sizeof dir)
		return -1;
	if (!*dir)
		snprintf(dir, sizeof dir, "/");
	if ((size_t)snprintf(db->wake_names[0], sizeof db->wake_names[0], "%s", base) >= sizeof db->wake_names[0] ||
	    (size_t)snprintf(db->wake_names[1], sizeof db->wake_names[1], "%s-wal", base) >= sizeof db->wake_names[1])
		return -1;
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0)
		return -1;
	if (inotify_add_watch(fd, dir, IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_DONT_FOLLOW | IN_ONLYDIR) <
	    0) {
		close(fd);
		return -1;
	}
	db->wake_fd = fd;
	return 0;
}

/* Reads what is queued: 1 if an event names the database or its WAL (or
 * the queue overflowed, which may have hidden one). */
static int drain(struct db *db)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	int woke = 0;
	ssize_t len;
	while ((len = read(db->wake_fd, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + len;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			if (e->mask & IN_Q_OVERFLOW)
				woke = 1;
			else if (e->len && (!strcmp(e->name, db->wake_names[0]) || !strcmp(e->name, db->wake_names[1])))
				woke = 1;
			p += sizeof *e + e->len;
		}
	}
	return woke;
}

int db_wait_change(struct db *db, int timeout_ms)
{
	if (db->wake_fd == -1 && watch_open(db) < 0)
		db->wake_fd = WATCH_REFUSED;
	if (db->wake_fd == WATCH_REFUSED)
		return nap(timeout_ms);
	int64_t end = monotonic_ns() + (int64_t)timeout_ms * 1000000;
	for (;;) {
		if (drain(db))
			return 1;
		int64_t left_ms = (end - monotonic_ns()) / 1000000;
		if (left_ms <= 0)
			return 0;
		struct pollfd pfd = { .fd = db->wake_fd, .events = POLLIN };
		if (poll(&pfd, 1, (int)left_ms) < 0 && errno != EINTR)
			return nap(left_ms);
	}
}
