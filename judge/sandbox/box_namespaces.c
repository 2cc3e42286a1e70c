/* box_namespaces.c - namespaces made outside the box: the user namespace
 * every program runs in (made once), and each box's network namespace. */
#include "box_namespaces.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
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

int box_netns_create(int home, char *err, size_t n)
{
	if (unshare(CLONE_NEWNET) < 0)
		return errf(err, n, "cannot create a network namespace: %s", strerror(errno));
	int fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	int saved = errno;
	/* Only this thread moved; it must go home before it does anything else. */
	if (setns(home, CLONE_NEWNET) < 0)
		die("cannot return to the original network namespace: %s", strerror(errno));
	if (fd < 0)
		return errf(err, n, "cannot open the new network namespace: %s", strerror(saved));
	return fd;
}

union fd_control {
	struct cmsghdr align;
	char buf[CMSG_SPACE(sizeof(int) * BOX_MAX_PASSED_FDS)];
};

int box_fds_send(int sock, const int *fds, int n)
{
	if (n < 1 || n > BOX_MAX_PASSED_FDS) {
		errno = EINVAL;
		return -1;
	}
	char data = 'f';
	struct iovec iov = { &data, 1 };
	union fd_control control;
	memset(&control, 0, sizeof control);
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
			      .msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)n) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)n);
	memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)n);
	return sendmsg(sock, &msg, MSG_NOSIGNAL) == 1 ? 0 : -1;
}

int box_fds_recv(int sock, int *fds, int max)
{
	char data;
	struct iovec iov = { &data, 1 };
	union fd_control control;
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
			      .msg_controllen = sizeof control.buf };
	ssize_t got;
	do
		got = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
	while (got < 0 && errno == EINTR);
	struct cmsghdr *c = got == 1 ? CMSG_FIRSTHDR(&msg) : NULL;
	if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS || c->cmsg_len < CMSG_LEN(sizeof(int))) {
		if (got >= 0)
			errno = EPROTO; /* EOF: the supervisor gave up on this box */
		return -1;
	}
	int n = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
	if (n > max) {
		errno = EPROTO;
		return -1;
	}
	memcpy(fds, CMSG_DATA(c), sizeof(int) * (size_t)n);
	return n;
}
