/* box_namespaces.c - namespaces made ahead of a run: the shared user
 * namespace every program runs in, and a pool of fresh network namespaces. */
#include "box_namespaces.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int box_userns_create(int box_id, char *err, size_t n)
{
	int sync[2];
	if (pipe2(sync, O_CLOEXEC) < 0)
		return errf(err, n, "pipe: %s", strerror(errno));
	/* A child makes the namespace and waits while we map its ids (only a
	 * process outside may map ids other than its own), then we keep a
	 * reference to the namespace and let the child go. */
	pid_t child = (pid_t)syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0);
	if (child == 0) {
		char c;
		close(sync[1]);
		_exit(read(sync[0], &c, 1) < 0);
	}
	close(sync[0]);
	int fd = -1;
	if (child < 0) {
		errf(err, n, "cannot create a user namespace: %s", strerror(errno));
		goto out;
	}
	char path[64], map[64];
	snprintf(map, sizeof map, "%d %d 1\n", box_id, box_id);
	snprintf(path, sizeof path, "/proc/%d/uid_map", (int)child);
	if (write_file_at(AT_FDCWD, path, map) < 0) {
		errf(err, n, "cannot map user ids: %s", strerror(errno));
		goto out;
	}
	snprintf(path, sizeof path, "/proc/%d/gid_map", (int)child);
	if (write_file_at(AT_FDCWD, path, map) < 0) {
		errf(err, n, "cannot map group ids: %s", strerror(errno));
		goto out;
	}
	snprintf(path, sizeof path, "/proc/%d/ns/user", (int)child);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		errf(err, n, "cannot open %s: %s", path, strerror(errno));
out:
	close(sync[1]);
	if (child > 0)
		while (waitpid(child, NULL, 0) < 0 && errno == EINTR)
			;
	return fd;
}

/* ---- the network namespace pool ---- */

#define POOL_SIZE 4

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_wants_more = PTHREAD_COND_INITIALIZER;
static int pool[POOL_SIZE];
static int pool_count;
static int pool_started;

/* Makes one network namespace (only a loopback, down) and returns its fd,
 * leaving this thread where it was. */
static int make_netns(int home)
{
	if (unshare(CLONE_NEWNET) < 0)
		return -1;
	int fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	if (setns(home, CLONE_NEWNET) < 0) {
		/* Cannot get home: this thread must never make anything again. */
		if (fd >= 0)
			close(fd);
		return -2;
	}
	return fd;
}

static void *pool_main(void *arg)
{
	int home = (int)(intptr_t)arg;
	for (;;) {
		pthread_mutex_lock(&pool_lock);
		while (pool_count == POOL_SIZE)
			pthread_cond_wait(&pool_wants_more, &pool_lock);
		pthread_mutex_unlock(&pool_lock);
		int fd = make_netns(home);
		if (fd == -2)
			return NULL;
		if (fd < 0) { /* out of namespaces for now: boxes make their own */
			sleep(1);
			continue;
		}
		pthread_mutex_lock(&pool_lock);
		pool[pool_count++] = fd;
		pthread_mutex_unlock(&pool_lock);
	}
}

int box_netns_pool_start(char *err, size_t n)
{
	if (__atomic_exchange_n(&pool_started, 1, __ATOMIC_ACQ_REL))
		return 0;
	int home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (home < 0)
		return errf(err, n, "cannot open /proc/self/ns/net: %s", strerror(errno));
	pthread_t t;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	int rc = pthread_create(&t, &attr, pool_main, (void *)(intptr_t)home);
	pthread_attr_destroy(&attr);
	if (rc != 0) {
		close(home);
		return errf(err, n, "cannot start the network namespace pool: %s", strerror(rc));
	}
	return 0;
}

int box_netns_take(void)
{
	int fd = -1;
	pthread_mutex_lock(&pool_lock);
	if (pool_count > 0) {
		fd = pool[--pool_count];
		pthread_cond_signal(&pool_wants_more);
	}
	pthread_mutex_unlock(&pool_lock);
	return fd;
}
