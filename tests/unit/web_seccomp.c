/* web_seccomp: the web server's filter refuses what an exploit would want
 * (a program, an outgoing socket, a namespace) and keeps what the server
 * needs (threads, files, local sockets). Each check runs in a child that
 * loads the filter. Prints TAP lines. */
#include "web_seccomp.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static int failed;

static void *nothing(void *arg)
{
	return arg;
}

/* Runs what in a child under the filter; the child exits with what's result. */
static int under_filter(int (*what)(void))
{
	pid_t pid = fork();
	if (pid == 0) {
		char err[256];
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 || web_seccomp_load(err, sizeof err) < 0) {
			fprintf(stderr, "%s\n", err);
			_exit(100);
		}
		_exit(what());
	}
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 200;
}

static int try_exec(void)
{
	execl("/bin/true", "true", (char *)NULL);
	return errno == EPERM ? 0 : 1;
}

static int try_inet(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	int fd6 = socket(AF_INET6, SOCK_DGRAM, 0);
	int nl = socket(AF_NETLINK, SOCK_RAW, 0);
	return fd < 0 && fd6 < 0 && nl < 0 ? 0 : 1;
}

static int try_unshare(void)
{
	return unshare(CLONE_NEWUSER) < 0 && errno == EPERM ? 0 : 1;
}

static int try_fork(void)
{
	pid_t p = fork();
	if (p == 0)
		_exit(0);
	return p < 0 ? 0 : 1;
}

static int allowed(void)
{
	pthread_t t;
	int sv[2];
	char path[] = "/tmp/verdict-web-seccomp-XXXXXX";
	int fd = mkstemp(path);
	int ok = fd >= 0 && write(fd, "x", 1) == 1 && unlink(path) == 0 && close(fd) == 0 &&
		 socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0 && pthread_create(&t, NULL, nothing, NULL) == 0 &&
		 pthread_join(t, NULL) == 0;
	return ok ? 0 : 1;
}

static void check(int ok, const char *what)
{
	printf("%s - web_seccomp: %s\n", ok ? "ok" : "not ok", what);
	failed |= !ok;
}

int main(void)
{
	check(under_filter(try_exec) == 0, "running a program is refused (EPERM)");
	check(under_filter(try_inet) == 0, "IPv4, IPv6 and netlink sockets are refused");
	check(under_filter(try_unshare) == 0, "a user namespace is refused");
	check(under_filter(try_fork) == 0, "fork is refused");
	check(under_filter(allowed) == 0, "files, local sockets and threads still work");
	return failed;
}
