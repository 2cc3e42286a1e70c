/* sandbox_box.c - inside the box: its init builds the root, then runs the program.
 *
 * Runs in a child that may be a copy of a threaded process, made without
 * glibc's fork, so nothing here allocates, locks, uses stdio or calls a
 * glibc function that keeps thread state (set*id): plain system calls and
 * stack buffers only.
 * The order of setup is the order of this file, top to bottom:
 *   init:    build the root filesystem, set the hostname, enter the network
 *            namespace and (v1) the cgroup the supervisor made meanwhile (all
 *            still as real root, in namespaces of its own), enter the shared
 *            user namespace, start the program,
 *            reap everything until the program is gone, report, exit (the
 *            kernel then kills whatever the program left behind);
 *   program: stdio, rlimits, drop capabilities and ids, no_new_privs,
 *            seccomp, exec.
 */
#include "sandbox_box.h"
#include "box_namespaces.h"
#include "seccomp_policy.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

/* ---- messages back to the supervisor ---- */

static void report(const struct box_plan *plan, struct box_report *r)
{
	ssize_t w;
	do
		w = write(plan->report_fd, r, sizeof *r);
	while (w < 0 && errno == EINTR);
}

/* Appends s to buf (capacity n) without stdio. */
static void cat(char *buf, size_t n, const char *s)
{
	size_t len = strlen(buf);
	while (*s && len + 1 < n)
		buf[len++] = *s++;
	buf[len] = 0;
}

/* Fills r as a failed setup: "what subject: strerror(errno)". */
static void describe_failure(struct box_report *r, const char *what, const char *subject)
{
	int err = errno;
	const char *reason = strerrordesc_np(err);
	memset(r, 0, sizeof *r);
	r->kind = BOX_SETUP_FAILED;
	r->errno_value = err;
	cat(r->msg, sizeof r->msg, what);
	if (subject) {
		cat(r->msg, sizeof r->msg, " ");
		cat(r->msg, sizeof r->msg, subject);
	}
	cat(r->msg, sizeof r->msg, ": ");
	cat(r->msg, sizeof r->msg, reason ? reason : "unknown error");
}

__attribute__((noreturn)) static void setup_failed(const struct box_plan *plan, const char *what,
						   const char *subject)
{
	struct box_report r;
	describe_failure(&r, what, subject);
	report(plan, &r);
	_exit(127);
}

/* ---- the root filesystem ---- */

/* Joins the build directory and a box path: "/run/verdict/root" + "/usr". */
static const char *in_root(char *buf, size_t n, const char *box_path)
{
	buf[0] = 0;
	cat(buf, n, BOX_ROOT_MOUNTPOINT);
	cat(buf, n, box_path);
	return buf;
}

/* Creates the mount point for box_path (a directory, or an empty file when
 * want_file) and its missing parents, refusing to follow any symbolic link
 * on the way: a path that runs through a link or into a bind of host data
 * must not place a mount outside the box's own tmpfs tree. Returns an
 * O_PATH fd of the mount point, or -1. */
static int make_mount_point(const char *box_path, int want_file)
{
	int dir = open(BOX_ROOT_MOUNTPOINT, O_PATH | O_DIRECTORY | O_CLOEXEC);
	const char *p = box_path;
	char part[256];
	while (dir >= 0) {
		while (*p == '/')
			p++;
		size_t len = strcspn(p, "/");
		if (len == 0 || len >= sizeof part) {
			errno = len ? ENAMETOOLONG : EINVAL; /* the box's root itself is no mount point */
			close(dir);
			return -1;
		}
		memcpy(part, p, len);
		part[len] = 0;
		p += len;
		while (*p == '/')
			p++;
		int last = *p == 0;
		if (last && want_file) {
			int fd = openat(dir, part, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
			if (fd >= 0)
				close(fd);
		} else if (mkdirat(dir, part, 0755) < 0 && errno != EEXIST) {
			close(dir);
			return -1;
		}
		int next = openat(dir, part, O_PATH | O_NOFOLLOW | O_CLOEXEC | (last && want_file ? 0 : O_DIRECTORY));
		close(dir);
		if (last)
			return next;
		dir = next;
	}
	return -1;
}

/* mount(2) onto an O_PATH fd through /proc/self/fd: the kernel mounts on
 * exactly the inode the fd names, whatever happens to the path. */
static int mount_on_fd(const char *src, int fd, const char *type, unsigned long flags, const char *data)
{
	char target[64] = "/proc/self/fd/", num[16];
	cat(target, sizeof target, format_long(num, sizeof num, fd));
	return mount(src, target, type, flags, data);
}

/* Makes a mount (and everything below it) read-only, nosuid and nodev.
 * mount_setattr keeps the flags a user namespace may not clear; older
 * kernels get a bind remount of the top mount. */
static int lock_down(const char *path, int readonly, int nodev)
{
	struct mount_attr attr = { .attr_set = MOUNT_ATTR_NOSUID };
	if (readonly)
		attr.attr_set |= MOUNT_ATTR_RDONLY;
	if (nodev)
		attr.attr_set |= MOUNT_ATTR_NODEV;
	if (syscall(SYS_mount_setattr, AT_FDCWD, path, AT_RECURSIVE, &attr, sizeof attr) == 0)
		return 0;
	if (errno != ENOSYS)
		return -1;
	unsigned long flags = MS_REMOUNT | MS_BIND | MS_NOSUID | (readonly ? MS_RDONLY : 0) | (nodev ? MS_NODEV : 0);
	return mount(NULL, path, NULL, flags, NULL);
}

static void write_small_file(const struct box_plan *plan, const char *box_path, const char *content)
{
	char path[PATH_MAX];
	int fd = open(in_root(path, sizeof path, box_path), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, content, strlen(content)) != (ssize_t)strlen(content))
		setup_failed(plan, "cannot write", box_path);
	close(fd);
}

static void do_mount(const struct box_plan *plan, const struct box_mount *m)
{
	char path[PATH_MAX];
	if (m->kind == BM_SYMLINK) {
		if (symlink(m->source, in_root(path, sizeof path, m->path)) < 0)
			setup_failed(plan, "cannot create symlink", m->path);
		return;
	}
	if (m->kind == BM_FILE) {
		write_small_file(plan, m->path, m->source);
		return;
	}
	struct stat st;
	if (stat(m->source, &st) < 0)
		setup_failed(plan, "cannot bind", m->source);
	if (m->kind == BM_DEVICE) {
		/* A node of our own (we are still real root here) is cheaper than
		 * a bind of the host's, and the root it lives on is read-only. */
		if (!S_ISCHR(st.st_mode) || mknod(in_root(path, sizeof path, m->path), S_IFCHR | 0666, st.st_rdev) < 0 ||
		    chmod(path, 0666) < 0)
			setup_failed(plan, "cannot create device", m->path);
		return;
	}
	int is_dir = S_ISDIR(st.st_mode);
	unsigned long flags = MS_BIND | (is_dir ? MS_REC : 0);
	if (m->caller_path) {
		int fd = make_mount_point(m->path, !is_dir);
		if (fd < 0)
			setup_failed(plan, "cannot create mount point", m->path);
		if (mount_on_fd(m->source, fd, NULL, flags, NULL) < 0)
			setup_failed(plan, "cannot bind", m->source);
		close(fd);
	} else {
		/* System mounts go straight into directories this file made. */
		in_root(path, sizeof path, m->path);
		int made = is_dir ? mkdir(path, 0755) : close(open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
		if (made < 0 || mount(m->source, path, NULL, flags, NULL) < 0)
			setup_failed(plan, "cannot bind", m->source);
	}
	in_root(path, sizeof path, m->path);
	if (lock_down(path, m->kind == BM_BIND_RO, 1) < 0)
		setup_failed(plan, "cannot restrict mount", m->path);
}

/* A writable directory of the root tmpfs, bound onto itself so that it
 * stays writable (nosuid, nodev) when the root is made read-only. */
static void writable_dir(const struct box_plan *plan, const char *box_path, mode_t mode, uid_t owner)
{
	char path[PATH_MAX];
	in_root(path, sizeof path, box_path);
	if (mkdir(path, 0755) < 0 || chmod(path, mode) < 0 || chown(path, owner, owner) < 0 ||
	    mount(path, path, NULL, MS_BIND, NULL) < 0 || lock_down(path, 0, 1) < 0)
		setup_failed(plan, "cannot create", box_path);
}

/* Builds the root: a fresh tmpfs holding read-only binds of the system,
 * a minimal /etc and /dev, a fresh /proc and writable /box and /tmp; then
 * pivot_root into it and drop every trace of the host's tree. */
static void setup_root(const struct box_plan *plan)
{
	char path[PATH_MAX];
	/* Nothing mounted here may propagate back to the host. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		setup_failed(plan, "cannot make / private", NULL);
	/* One tmpfs holds the root and the program's writable /box and /tmp,
	 * sized for them (plus a megabyte of skeleton): a superblock costs more
	 * to make and destroy than a bind. Not nodev: /dev's nodes live here;
	 * the program cannot make nodes (no CAP_MKNOD), the root ends
	 * read-only, and the /box and /tmp binds are nodev. */
	char opts[96] = "size=", num[24];
	cat(opts, sizeof opts, format_long(num, sizeof num, plan->box_size_mb + 1));
	cat(opts, sizeof opts, "m,nr_inodes=65536,mode=0755");
	if (mount("tmpfs", BOX_ROOT_MOUNTPOINT, "tmpfs", MS_NOSUID, opts) < 0)
		setup_failed(plan, "cannot mount the root tmpfs on", BOX_ROOT_MOUNTPOINT);
	static const char *const dirs[] = { "/etc", "/dev", "/proc" };
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
		if (mkdir(in_root(path, sizeof path, dirs[i]), 0755) < 0)
			setup_failed(plan, "cannot create", dirs[i]);

	/* The box's own /proc: only its pid namespace, other users' processes
	 * (the init) invisible, so nothing of the supervisor can be read. */
	if (mount("proc", in_root(path, sizeof path, "/proc"), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, "hidepid=2") < 0)
		setup_failed(plan, "cannot mount", "/proc");
	writable_dir(plan, "/box", 0755, BOX_UID);
	writable_dir(plan, "/tmp", 01777, 0);
	/* Mounts come in order: system binds, /dev and /etc, then the
	 * caller's binds (which may land inside /box). */
	for (int i = 0; i < plan->nmounts; i++)
		do_mount(plan, &plan->mounts[i]);

	if (chdir(BOX_ROOT_MOUNTPOINT) < 0 || syscall(SYS_pivot_root, ".", ".") < 0)
		setup_failed(plan, "cannot pivot_root into", BOX_ROOT_MOUNTPOINT);
	/* The old root is now stacked under the new one: detach it whole. */
	if (umount2(".", MNT_DETACH) < 0 || chdir("/") < 0)
		setup_failed(plan, "cannot detach the host's root", NULL);
	if (mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID, NULL) < 0)
		setup_failed(plan, "cannot make the root read-only", NULL);
}

/* ---- the program ---- */

static void set_limit(int resource, rlim_t soft, rlim_t hard)
{
	struct rlimit rl = { soft, hard };
	setrlimit(resource, &rl);
}

/* Looks name up in the box's PATH and execs it; returns only on failure. */
static void exec_program(const struct box_plan *plan)
{
	const char *name = plan->argv[0];
	if (strchr(name, '/')) {
		execve(name, plan->argv, plan->envp);
		return;
	}
	int saved = ENOENT;
	for (int i = 0; i < 4 && plan->path_dirs[i]; i++) {
		char path[PATH_MAX] = "";
		cat(path, sizeof path, plan->path_dirs[i]);
		cat(path, sizeof path, "/");
		cat(path, sizeof path, name);
		execve(path, plan->argv, plan->envp);
		if (errno != ENOENT)
			saved = errno;
	}
	errno = saved;
}

/* Where a failing program process leaves its reason: it shares the init's
 * memory (CLONE_VM) until it execs or exits. */
static struct box_report program_failure;

/* The program's process: from root-in-the-box to an unprivileged,
 * filtered process, then exec. Started with CLONE_VM | CLONE_VFORK, so it
 * costs no copy of the address space and the init sleeps until the exec
 * (or the failure) has happened. */
static int program_main(void *arg)
{
	const struct box_plan *plan = arg;
	const char *step = "cannot set up stdio", *subject = NULL;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	for (int i = 0; i < 3; i++) {
		if (plan->stdio[i] == i)
			fcntl(i, F_SETFD, 0);
		else if (dup2(plan->stdio[i], i) < 0)
			goto fail;
	}
	/* Every other descriptor closes at exec. */
	if (syscall(SYS_close_range, 3, ~0U, CLOSE_RANGE_CLOEXEC) < 0)
		for (int fd = 3; fd < 1024; fd++)
			fcntl(fd, F_SETFD, FD_CLOEXEC);
	umask(022);

	rlim_t cpu = (rlim_t)plan->time_sec + 1; /* the group's CPU sum is the real limit */
	set_limit(RLIMIT_CPU, cpu, cpu + 1);
	set_limit(RLIMIT_FSIZE, (rlim_t)plan->fsize_mb << 20, (rlim_t)plan->fsize_mb << 20);
	set_limit(RLIMIT_STACK, (rlim_t)plan->stack_mb << 20, (rlim_t)plan->stack_mb << 20);
	set_limit(RLIMIT_NOFILE, (rlim_t)plan->nofile, (rlim_t)plan->nofile);
	set_limit(RLIMIT_CORE, 0, 0);

	step = "cannot drop privileges";
	for (int cap = 0; cap <= plan->last_cap; cap++)
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
			goto fail;
	/* Raw system calls, not glibc's set*id: those broadcast the change to
	 * every thread glibc believes the process has, and this process is a
	 * copy of a threaded supervisor made without glibc's fork, so it would
	 * wait forever on threads that live elsewhere. */
	gid_t gid = BOX_UID;
	if (syscall(SYS_setgroups, 1, &gid) < 0 || syscall(SYS_setresgid, BOX_UID, BOX_UID, BOX_UID) < 0 ||
	    syscall(SYS_setresuid, BOX_UID, BOX_UID, BOX_UID) < 0)
		goto fail;
	step = "cannot enter the working directory";
	subject = plan->cwd;
	if (chdir(plan->cwd) < 0)
		goto fail;
	step = "cannot install the seccomp filter";
	subject = NULL;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 || seccomp_policy_load() < 0)
		goto fail;
	step = "cannot execute";
	subject = plan->argv[0];
	exec_program(plan);
fail:
	describe_failure(&program_failure, step, subject);
	_exit(127);
}

/* ---- the init ---- */

static int64_t cpu_ns_self(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void box_init_main(const struct box_plan *plan)
{
	/* Die with the supervisor; lead a session of our own so that a fork
	 * bomb lands in its own scheduling group, away from the host's. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	struct pollfd gone = { plan->supervisor_pidfd, POLLIN, 0 };
	if (plan->supervisor_pidfd >= 0 && poll(&gone, 1, 0) > 0)
		_exit(1); /* the supervisor died before PDEATHSIG was armed */
	setsid();
	setup_root(plan);
	if (sethostname(BOX_HOSTNAME, strlen(BOX_HOSTNAME)) < 0)
		setup_failed(plan, "cannot set the hostname", NULL);
	/* Meanwhile the supervisor made our network namespace and cgroup. */
	int fds[BOX_MAX_PASSED_FDS];
	int nfds = box_fds_recv(plan->setup_sock, fds, BOX_MAX_PASSED_FDS);
	if (nfds < 1)
		setup_failed(plan, "no network namespace and cgroup from the supervisor", NULL);
	close(plan->setup_sock);
	if (setns(fds[0], CLONE_NEWNET) < 0)
		setup_failed(plan, "cannot enter the box's network namespace", NULL);
	/* Into the box's cgroup (v1) before the program: it and all it forks
	 * inherit it. The CPU we spend from here on is charged to the box. */
	int64_t cpu_at_join = cpu_ns_self();
	for (int i = 1; i < nfds; i++)
		if (write(fds[i], "0", 1) != 1)
			setup_failed(plan, "cannot join the box's cgroup", NULL);
	for (int i = 0; i < nfds; i++)
		close(fds[i]);
	if (plan->new_cgroup_ns && unshare(CLONE_NEWCGROUP) < 0)
		setup_failed(plan, "cannot unshare the cgroup namespace", NULL);
	/* From here on our capabilities reach only into a user namespace that
	 * owns nothing; the program inherits that before it drops them all. */
	if (plan->userns_fd >= 0 && setns(plan->userns_fd, CLONE_NEWUSER) < 0)
		setup_failed(plan, "cannot enter the user namespace", NULL);

	static char program_stack[64 * 1024] __attribute__((aligned(16)));
	struct box_report r = { .kind = BOX_STARTED };
	r.setup_cpu_ns = plan->new_cgroup_ns ? cpu_ns_self() - cpu_at_join : cpu_ns_self();
	r.start_ns = monotonic_ns();
	pid_t child = clone(program_main, program_stack + sizeof program_stack, CLONE_VM | CLONE_VFORK | SIGCHLD,
			    (void *)plan);
	if (child < 0)
		setup_failed(plan, "cannot start the program", NULL);
	if (program_failure.kind) {
		report(plan, &program_failure);
		_exit(127);
	}
	report(plan, &r);
	/* Drop every descriptor but the report pipe: we were copied from a
	 * supervisor whose other threads may own pipes to other boxes (an
	 * interactive pair), and a copy held here would keep such a pipe open
	 * after its real owner ended, so its reader would never see EOF. */
	if (plan->report_fd > 0)
		syscall(SYS_close_range, 0, (unsigned)plan->report_fd - 1, 0);
	syscall(SYS_close_range, (unsigned)plan->report_fd + 1, ~0U, 0);

	/* As pid 1, reap every orphan too, or zombies would eat pids.max. */
	int status = 0;
	for (;;) {
		pid_t p = waitpid(-1, &status, __WALL);
		if (p == child)
			break;
		if (p < 0 && errno != EINTR)
			_exit(1);
	}
	struct box_report done = { .kind = BOX_EXITED, .wstatus = status, .end_ns = monotonic_ns() };
	done.start_ns = r.start_ns;
	report(plan, &done);
	/* Leaving pid 1 makes the kernel kill everything else in the box. */
	_exit(0);
}
