/* sandbox.c - run one untrusted program in a throwaway box and measure it.
 *
 * Theory of operation
 * -------------------
 * The supervisor (this file, running as root) makes a fresh cgroup with the
 * run's limits, then clone3()s the box's init with new pid, mount, net, ipc
 * and uts namespaces and a pidfd. The init (sandbox_box.c) moves itself
 * into the cgroup (on v1 a self-move skips a global lock that costs an RCU
 * grace period; on v2 it is born there with CLONE_INTO_CGROUP), builds a
 * tmpfs root and pivots into it, all as real root in namespaces of its own.
 * Then it enters the user namespace made once by sandbox_init(), which
 * maps only BOX_UID and owns no other namespace, so from there on its
 * capabilities reach nothing. It starts the program, which drops to
 * BOX_UID with no capabilities, no_new_privs and the seccomp filter, and
 * execs. The init reaps until the program is gone and reports its wait
 * status; when the init exits, the kernel kills every other process in the
 * pid namespace, so nothing the program started outlives it, and the
 * mounts die with the namespace.
 *
 * Meanwhile the supervisor sleeps on the init's pidfd with a timeout: the
 * wall-clock deadline, or the next look at the group's CPU counter (which
 * sums every process and thread, unlike RLIMIT_CPU). Over a limit, it
 * stops the group from forking and kills all of it. At the end it reads peak memory, OOM
 * kills and refused forks from the group, removes it, and classifies: a
 * failure of the sandbox is SE, never blamed on the program.
 *
 * Built once (sandbox_init): the seccomp BPF program, the cgroup parents,
 * the user namespace, the list of system mounts. Each run costs one cgroup
 * per hierarchy, one clone with namespaces, about a dozen mounts, and one
 * clone(CLONE_VM | CLONE_VFORK) plus exec for the program.
 *
 * Costs (2-core VM, fork+exec+wait of a static program = ~0.9 ms; see
 * make bench, which prints this run's phases):
 *  - Moving another process into a v1 cgroup waits for an RCU grace period
 *    (12 ms measured); a thread moving itself (writing "0" to tasks) skips
 *    that lock (0.02 ms). Hence the init joins its cgroup itself.
 *  - A fresh network namespace costs ~0.7 ms to make (mostly sysctl and
 *    loopback registration) plus teardown later on a kernel worker. It is
 *    made by this thread while the init builds the root (~0.7 ms), and sent
 *    over a socket. A pool of ready namespaces made by a background thread
 *    was slower here (it competes for the second core), and reusing one
 *    namespace for consecutive runs would let a run read what the last one
 *    did through its counters (/proc/net/snmp): each is used once.
 *  - The program starts with clone(CLONE_VM | CLONE_VFORK): no copy of the
 *    address space, no pipe to learn whether exec worked.
 *  - v1's freezer would cost a fourth hierarchy per run; pids.max = 0 stops
 *    forks atomically before the kill instead.
 */
#include "sandbox.h"
#include "box_namespaces.h"
#include "cgroup.h"
#include "limit.h"
#include "sandbox_box.h"
#include "seccomp_policy.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <linux/sched.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* No CLONE_NEWNET: the supervisor makes the box's network namespace in
 * parallel with the box's own setup (start_box). */
#define NS_FLAGS (CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS)
#define SETUP_GRACE_NS 2000000000LL /* wall time the box may spend on setup */

/* Built once by sandbox_init(); read-only afterwards. */
static struct box_mount sys_mounts[BOX_MAX_MOUNTS];
static int nsys_mounts;
static int last_cap;
static int userns_fd = -1;       /* the shared user namespace, or -1 where the kernel has none */
static int home_netns_fd = -1;   /* where a thread returns after making a box's network namespace */
static int supervisor_pidfd = -1;

static const char *const status_names[] = { "OK", "RE", "TLE", "MLE", "OLE", "SE" };

const char *sandbox_status_name(enum sandbox_status status)
{
	return (unsigned)status < sizeof status_names / sizeof *status_names ? status_names[status] : "SE";
}

void sandbox_config_defaults(struct sandbox_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->time_sec = 10;
	cfg->mem_mb = 64;
	cfg->pids = 64;
	cfg->fsize_mb = 64;
	cfg->box_size_mb = 64;
	cfg->nofile = 256;
	cfg->stdin_fd = cfg->stdout_fd = cfg->stderr_fd = -1;
}

static void add_sys_mount(enum box_mount_kind kind, const char *path, const char *source)
{
	if (nsys_mounts < BOX_MAX_MOUNTS)
		sys_mounts[nsys_mounts++] = (struct box_mount){ kind, path, source, 0 };
}

/* What compilers and interpreters need of the host, read-only: /usr, the
 * top-level links into it (or directories, on systems without merged
 * /usr), the dynamic linker's cache, the alternatives links, Java's
 * configuration; and a /dev of five harmless nodes. */
static void plan_system_mounts(void)
{
	static const char *const top[] = { "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" };
	static char link_targets[sizeof top / sizeof *top][PATH_MAX];
	for (size_t i = 0; i < sizeof top / sizeof *top; i++) {
		struct stat st;
		if (lstat(top[i], &st) < 0)
			continue;
		if (S_ISLNK(st.st_mode)) {
			ssize_t n = readlink(top[i], link_targets[i], PATH_MAX - 1);
			if (n > 0) {
				link_targets[i][n] = 0;
				add_sys_mount(BM_SYMLINK, top[i], link_targets[i]);
			}
		} else if (S_ISDIR(st.st_mode)) {
			add_sys_mount(BM_BIND_RO, top[i], top[i]);
		}
	}
	/* ld.so reads only its cache (ld.so.conf is for ldconfig); the
	 * alternatives links make /usr/bin/cc, java, ... resolve. */
	static const char *const etc[] = { "/etc/ld.so.cache", "/etc/alternatives" };
	for (size_t i = 0; i < sizeof etc / sizeof *etc; i++)
		if (access(etc[i], F_OK) == 0)
			add_sys_mount(BM_BIND_RO, etc[i], etc[i]);
	static glob_t java; /* kept for the life of the process: sys_mounts points into it */
	if (glob("/etc/java-*", GLOB_ONLYDIR, NULL, &java) == 0)
		for (size_t i = 0; i < java.gl_pathc; i++)
			add_sys_mount(BM_BIND_RO, java.gl_pathv[i], java.gl_pathv[i]);
	add_sys_mount(BM_FILE, "/etc/passwd",
		      "root:x:0:0:root:/:/usr/sbin/nologin\nbox:x:61000:61000:box:/box:/usr/sbin/nologin\n");
	add_sys_mount(BM_FILE, "/etc/group", "root:x:0:\nbox:x:61000:\n");
	add_sys_mount(BM_FILE, "/etc/hosts", "127.0.0.1 localhost box\n");
	static const char *const devs[] = { "/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom" };
	for (size_t i = 0; i < sizeof devs / sizeof *devs; i++)
		add_sys_mount(BM_DEVICE, devs[i], devs[i]);
	add_sys_mount(BM_SYMLINK, "/dev/fd", "/proc/self/fd");
	add_sys_mount(BM_SYMLINK, "/dev/stdin", "/proc/self/fd/0");
	add_sys_mount(BM_SYMLINK, "/dev/stdout", "/proc/self/fd/1");
	add_sys_mount(BM_SYMLINK, "/dev/stderr", "/proc/self/fd/2");
}

static int mkdir_p(const char *path)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(buf, 0755) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(buf, 0700) < 0 && errno != EEXIST ? -1 : 0;
}

int sandbox_init(char *err, size_t n)
{
	static int done;
	if (done)
		return 0;
	if (geteuid() != 0)
		return errf(err, n, "the sandbox needs root (for cgroups and id mapping); run verdict as root");
	if (seccomp_policy_init(err, n) < 0 || cgroup_init(err, n) < 0)
		return -1;
	if (mkdir_p(BOX_ROOT_MOUNTPOINT) < 0)
		return errf(err, n, "cannot create %s: %s", BOX_ROOT_MOUNTPOINT, strerror(errno));
	char buf[32];
	last_cap = read_file_at(AT_FDCWD, "/proc/sys/kernel/cap_last_cap", buf, sizeof buf) > 0 ? atoi(buf) : 63;
	const char *u = getenv("VERDICT_SANDBOX_USERNS");
	if (!u || strcmp(u, "0") != 0) {
		char why[256];
		userns_fd = box_userns_create(BOX_UID, why, sizeof why);
		if (userns_fd < 0 && u && strcmp(u, "1") == 0)
			return errf(err, n, "%s", why);
	}
	supervisor_pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	home_netns_fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (home_netns_fd < 0)
		return errf(err, n, "cannot open /proc/self/ns/net: %s", strerror(errno));
	plan_system_mounts();
	done = 1;
	return 0;
}

/* ---- one run ---- */

/* What one run owns; freed by run_free(). */
struct run {
	const struct sandbox_config *cfg;
	struct box_plan plan;
	struct box_mount mounts[BOX_MAX_MOUNTS];
	char bind_src[SANDBOX_MAX_BINDS][PATH_MAX];
	const char *envp[SANDBOX_MAX_ENV + 2];
	int owned_fds[3];
	struct cgroup_box cg;
	int have_cg;
	int rep[2];
	int setup_sock[2];
	pid_t pid;
	int pidfd;
	struct box_report started, exited, failed;
	int64_t t_begin, t0, t_reaped;
	int killed_wall, killed_cpu;
	long long pids_refused_at_kill; /* -1: not killed; the kill itself refuses forks */
};

static int se(struct sandbox_result *res, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int se(struct sandbox_result *res, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	memset(res, 0, sizeof *res);
	res->status = SANDBOX_SE;
	vsnprintf(res->message, sizeof res->message, fmt, ap);
	va_end(ap);
	return -1;
}

/* A box path must be absolute, without "..", and not the root itself. */
static int valid_box_path(const char *p)
{
	if (!p || p[0] != '/' || p[1] == 0 || strlen(p) >= 256)
		return 0;
	for (const char *s = p; (s = strstr(s, "..")); s += 2)
		if ((s == p || s[-1] == '/') && (s[2] == '/' || s[2] == 0))
			return 0;
	return strncmp(p, "/proc", 5) != 0 && strncmp(p, "/dev", 4) != 0;
}

static int check_config(const struct sandbox_config *c, struct sandbox_result *res)
{
	if (!c->argv || !c->argv[0] || !c->argv[0][0])
		return se(res, "no program to run");
	char why[160];
	/* The ranges of judge/core/limit.c, as `verdict sandbox` parses them (0:
	 * the default, for the wall clock and the stack). */
	if (limit_check(LIMIT_BOX_TIME, c->time_sec, why, sizeof why) < 0 ||
	    (c->wall_sec != 0 && limit_check(LIMIT_BOX_TIME, c->wall_sec, why, sizeof why) < 0) ||
	    limit_check(LIMIT_BOX_MB, (double)c->mem_mb, why, sizeof why) < 0 ||
	    limit_check(LIMIT_BOX_MB, (double)c->fsize_mb, why, sizeof why) < 0 ||
	    (c->stack_mb != 0 && limit_check(LIMIT_BOX_MB, (double)c->stack_mb, why, sizeof why) < 0) ||
	    limit_check(LIMIT_BOX_MB, (double)c->box_size_mb, why, sizeof why) < 0 ||
	    limit_check(LIMIT_BOX_PIDS, (double)c->pids, why, sizeof why) < 0)
		return se(res, "%s", why);
	if (c->nofile < 4 || c->nofile > 1 << 20)
		return se(res, "the open-file limit must be 4 to 1048576");
	if (c->nbinds < 0 || c->nbinds > SANDBOX_MAX_BINDS || c->nenv < 0 || c->nenv > SANDBOX_MAX_ENV)
		return se(res, "too many --dir or --env options");
	if (c->cwd && c->cwd[0] != '/')
		return se(res, "the working directory must be an absolute path in the box");
	for (int i = 0; i < c->nbinds; i++)
		if (!c->binds[i].host || !valid_box_path(c->binds[i].box))
			return se(res, "bad box path for --dir: %s (absolute, no '..', not /, /proc or /dev)",
				  c->binds[i].box ? c->binds[i].box : "(null)");
	for (int i = 0; i < c->nenv; i++)
		if (!c->env[i] || !strchr(c->env[i], '=') || c->env[i][0] == '=')
			return se(res, "bad environment entry (want K=V): %s", c->env[i] ? c->env[i] : "(null)");
	return 0;
}

/* Opens a stdio file for the program, numbered above 2 so that the
 * program's dup2 onto 0..2 cannot clobber another one. */
static int open_stdio(const char *path, int flags, struct sandbox_result *res, const char *which)
{
	int fd = open(path, flags | O_CLOEXEC, 0644);
	if (fd < 0)
		return se(res, "cannot open %s file %s: %s", which, path, strerror(errno));
	if (fd < 3) {
		int high = fcntl(fd, F_DUPFD_CLOEXEC, 3);
		close(fd);
		fd = high;
	}
	return fd;
}

static int prepare(struct run *r, struct sandbox_result *res)
{
	const struct sandbox_config *c = r->cfg;
	struct box_plan *p = &r->plan;
	static const char *const names[3] = { "stdin", "stdout", "stderr" };
	const char *paths[3] = { c->stdin_path, c->stdout_path, c->stderr_path };
	const int fds[3] = { c->stdin_fd, c->stdout_fd, c->stderr_fd };
	for (int i = 0; i < 3; i++) {
		p->stdio[i] = i;
		if (fds[i] >= 0) {
			p->stdio[i] = fds[i];
		} else if (paths[i]) {
			int fd = open_stdio(paths[i], i == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC, res, names[i]);
			if (fd < 0)
				return -1;
			p->stdio[i] = r->owned_fds[i] = fd;
		}
	}
	memcpy(r->mounts, sys_mounts, sizeof(struct box_mount) * (size_t)nsys_mounts);
	int nm = nsys_mounts;
	for (int i = 0; i < c->nbinds; i++) {
		if (!realpath(c->binds[i].host, r->bind_src[i]))
			return se(res, "cannot use --dir %s: %s", c->binds[i].host, strerror(errno));
		if (nm >= BOX_MAX_MOUNTS)
			return se(res, "too many mounts");
		r->mounts[nm++] = (struct box_mount){ c->binds[i].writable ? BM_BIND_RW : BM_BIND_RO, c->binds[i].box,
						      r->bind_src[i], 1 };
	}
	int ne = 0, has_path = 0;
	for (int i = 0; i < c->nenv; i++)
		has_path |= strncmp(c->env[i], "PATH=", 5) == 0;
	if (!has_path)
		r->envp[ne++] = BOX_PATH;
	for (int i = 0; i < c->nenv; i++)
		r->envp[ne++] = c->env[i];
	r->envp[ne] = NULL;

	p->mounts = r->mounts;
	p->nmounts = nm;
	p->box_size_mb = c->box_size_mb;
	p->cwd = c->cwd ? c->cwd : "/box";
	p->argv = c->argv;
	p->envp = (char *const *)r->envp;
	p->path_dirs[0] = "/usr/local/bin";
	p->path_dirs[1] = "/usr/bin";
	p->path_dirs[2] = "/bin";
	p->time_sec = c->time_sec;
	p->fsize_mb = c->fsize_mb;
	p->stack_mb = c->stack_mb ? c->stack_mb : c->mem_mb;
	p->nofile = c->nofile;
	p->last_cap = last_cap;
	return 0;
}

/* clone3 with a pidfd (and the cgroup, on v2); the child becomes the init. */
static pid_t clone_box(struct run *r)
{
	int cgfd = cgroup_clone_fd(&r->cg);
	struct clone_args args;
	memset(&args, 0, sizeof args);
	args.flags = NS_FLAGS | CLONE_PIDFD;
	if (cgfd >= 0)
		args.flags |= CLONE_INTO_CGROUP | CLONE_NEWCGROUP;
	args.pidfd = (uint64_t)(uintptr_t)&r->pidfd;
	args.exit_signal = SIGCHLD;
	args.cgroup = cgfd >= 0 ? (uint64_t)cgfd : 0;
	r->plan.new_cgroup_ns = cgfd < 0;
	pid_t pid = (pid_t)syscall(SYS_clone3, &args, sizeof args);
	if (pid == 0)
		box_init_main(&r->plan);
	return pid;
}

static int make_cgroup(struct run *r, struct sandbox_result *res)
{
	char err[256];
	/* pids + 1: the box's init lives in the group too. */
	if (cgroup_create(&r->cg, (long long)r->cfg->mem_mb << 20, r->cfg->pids + 1, err, sizeof err) < 0)
		return se(res, "%s", err);
	r->have_cg = 1;
	return 0;
}

/* Clones the box, then makes what it needs from outside while it builds its
 * root on the other core: a network namespace (~0.7 ms, as long as the
 * root) and, on v1, its cgroup. On v2 the cgroup comes first, since the box
 * is born in it. */
static int start_box(struct run *r, struct sandbox_result *res)
{
	char err[256];
	if (cgroup_version() == 2 && make_cgroup(r, res) < 0)
		return -1;
	if (pipe2(r->rep, O_CLOEXEC) < 0 || socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, r->setup_sock) < 0)
		return se(res, "cannot create a pipe: %s", strerror(errno));
	r->plan.report_fd = r->rep[1];
	r->plan.setup_sock = r->setup_sock[1];
	r->plan.userns_fd = userns_fd;
	r->plan.supervisor_pidfd = supervisor_pidfd;
	r->pid = clone_box(r);
	if (r->pid < 0)
		return se(res, "cannot create the box (clone3): %s", strerror(errno));
	r->t0 = monotonic_ns();
	close(r->rep[1]);
	close(r->setup_sock[1]);
	r->rep[1] = r->setup_sock[1] = -1;

	int fds[1 + CGROUP_MAX_DIRS];
	int nfds = 0;
	fds[nfds] = box_netns_create(home_netns_fd, err, sizeof err);
	if (fds[nfds] < 0)
		return se(res, "%s", err);
	nfds++;
	int rc = 0, n = 0;
	if (cgroup_version() == 1)
		rc = make_cgroup(r, res);
	if (rc == 0 && (n = cgroup_open_self_attach(&r->cg, fds + nfds)) < 0)
		rc = se(res, "cannot open the box's cgroup: %s", strerror(errno));
	nfds += n > 0 ? n : 0;
	if (rc == 0 && box_fds_send(r->setup_sock[0], fds, nfds) < 0)
		rc = se(res, "cannot hand the box its namespaces: %s", strerror(errno));
	for (int i = 0; i < nfds; i++)
		close(fds[i]);
	return rc;
}

/* Takes whatever the box has reported so far, without blocking. */
static void read_reports(struct run *r)
{
	struct box_report rep;
	while (r->rep[0] >= 0) {
		ssize_t got = read(r->rep[0], &rep, sizeof rep);
		if (got != (ssize_t)sizeof rep) {
			if (got == 0) { /* every writer is gone */
				close(r->rep[0]);
				r->rep[0] = -1;
			}
			return;
		}
		if (rep.kind == BOX_STARTED)
			r->started = rep;
		else if (rep.kind == BOX_EXITED)
			r->exited = rep;
		else if (rep.kind == BOX_SETUP_FAILED)
			r->failed = rep;
	}
}

static void kill_box(struct run *r)
{
	if (r->have_cg) {
		r->pids_refused_at_kill = cgroup_pids_refused(&r->cg);
		cgroup_kill(&r->cg);
	}
	kill(r->pid, SIGKILL);
}

/* Waits for the init to exit, killing the box at the wall-clock deadline
 * or when the group's CPU passes the limit. Only the pidfd wakes us up:
 * reports are read at each look at the clock, so a short run costs a
 * single wake-up. */
static void supervise(struct run *r)
{
	const int64_t wall_ns = (int64_t)((r->cfg->wall_sec > 0 ? r->cfg->wall_sec : 2 * r->cfg->time_sec + 1) * 1e9);
	const int64_t cpu_limit_ns = (int64_t)(r->cfg->time_sec * 1e9);
	int64_t next_look = r->t0 + 5000000;
	fcntl(r->rep[0], F_SETFL, O_NONBLOCK);
	for (;;) {
		int64_t now = monotonic_ns();
		if (now >= next_look)
			read_reports(r);
		/* The wall clock starts when the program does; setup gets a grace. */
		int64_t deadline = r->started.kind ? r->started.start_ns + wall_ns : r->t0 + wall_ns + SETUP_GRACE_NS;
		if (now >= deadline) {
			r->killed_wall = 1;
			kill_box(r);
			return;
		}
		if (now >= next_look) {
			cgroup_sample_memory(&r->cg);
			long long used = cgroup_cpu_ns(&r->cg) - r->started.setup_cpu_ns;
			if (r->started.kind && used > cpu_limit_ns) {
				r->killed_cpu = 1;
				kill_box(r);
				return;
			}
			/* Look again when the rest of the budget could be gone on
			 * two cores, but at most every 100 ms and at least 5 ms apart. */
			int64_t gap = (cpu_limit_ns - used) / 2;
			int64_t most = r->cg.sampling ? 10000000 : 100000000; /* memory is sampled too */
			next_look = now + (gap < 5000000 ? 5000000 : gap > most ? most : gap);
		}
		int64_t wake = deadline < next_look ? deadline : next_look;
		struct pollfd pfd = { r->pidfd, POLLIN, 0 };
		if (poll(&pfd, 1, (int)((wake - now + 999999) / 1000000)) < 0 && errno != EINTR)
			return;
		if (pfd.revents)
			return;
	}
}

static const char *describe_signal(int sig)
{
	const char *d = sigdescr_np(sig);
	return d ? d : "unknown signal";
}

/* Has the program written a file up to the size limit? */
static int file_at_limit(int fd, long fsize_mb)
{
	struct stat st;
	return fd > 2 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= (off_t)fsize_mb << 20;
}

static void classify(struct run *r, const struct cgroup_stats *st, struct sandbox_result *res)
{
	const struct sandbox_config *c = r->cfg;
	int ws = r->exited.wstatus;
	int exited = r->exited.kind == BOX_EXITED;
	res->exit_code = exited && WIFEXITED(ws) ? WEXITSTATUS(ws) : 0;
	res->signal = exited && WIFSIGNALED(ws) ? WTERMSIG(ws) : (exited ? 0 : SIGKILL);
	long long cpu = st->cpu_ns - (r->started.kind ? r->started.setup_cpu_ns : 0);
	res->cpu_ms = cpu > 0 ? (long)(cpu / 1000000) : 0;
	int64_t end = exited ? r->exited.end_ns : monotonic_ns();
	int64_t start = r->started.kind ? r->started.start_ns : r->t0;
	res->wall_ms = (long)((end - start) / 1000000);
	res->mem_kb = (long)(st->peak_bytes / 1024);
	res->end_ns = exited ? r->exited.end_ns : 0;
	int clean = exited && WIFEXITED(ws) && WEXITSTATUS(ws) == 0;
	char *m = res->message;
	size_t mn = sizeof res->message;

	if (st->oom_kills > 0 || (!clean && st->mem_limit_hits > 0 && !r->killed_wall && !r->killed_cpu)) {
		res->status = SANDBOX_MLE;
		snprintf(m, mn, "Memory limit exceeded: the box reached %ld MB", c->mem_mb);
	} else if (r->killed_cpu || (double)cpu > c->time_sec * 1e9) {
		res->status = SANDBOX_TLE;
		snprintf(m, mn, "Time limit exceeded: %.3f s of CPU, limit %g s", (double)cpu / 1e9, c->time_sec);
	} else if (res->signal == SIGXCPU) {
		/* The kernel's own per-process limit (time + 1 s, the backstop
		 * for a supervisor that looks too late) went off first: under a
		 * busy hypervisor a process's clock ran ahead of its cgroup's. */
		res->status = SANDBOX_TLE;
		snprintf(m, mn, "Time limit exceeded: a process was stopped by the kernel's per-process CPU limit (SIGXCPU)");
	} else if (r->killed_wall) {
		res->status = SANDBOX_TLE;
		snprintf(m, mn, "Wall time limit exceeded: %.3f s, limit %g s", (double)res->wall_ms / 1e3,
			 c->wall_sec > 0 ? c->wall_sec : 2 * c->time_sec + 1);
	} else if (res->signal == SIGXFSZ || file_at_limit(r->plan.stdio[1], c->fsize_mb) ||
		   file_at_limit(r->plan.stdio[2], c->fsize_mb)) {
		res->status = SANDBOX_OLE;
		snprintf(m, mn, "Output limit exceeded: tried to write more than %ld MB", c->fsize_mb);
	} else if (!exited) {
		res->status = SANDBOX_SE;
		snprintf(m, mn, "the box's init ended without reporting the program's status");
	} else if (res->signal) {
		res->status = SANDBOX_RE;
		snprintf(m, mn, "Killed by signal %d (%s)%s", res->signal, describe_signal(res->signal),
			 res->signal == SIGSYS ? ": forbidden system call or non-native ABI" : "");
	} else if (res->exit_code) {
		res->status = SANDBOX_RE;
		snprintf(m, mn, "Exited with code %d", res->exit_code);
	} else {
		res->status = SANDBOX_OK;
		snprintf(m, mn, "Exited normally");
	}
	long long refused = r->pids_refused_at_kill >= 0 ? r->pids_refused_at_kill : st->pids_refused;
	if (refused > 0) {
		size_t len = strlen(m);
		snprintf(m + len, mn - len, "; process limit of %ld reached (%lld forks refused)", c->pids, refused);
	}
}

static void run_free(struct run *r)
{
	int fds[] = { r->rep[0], r->rep[1], r->pidfd, r->setup_sock[0], r->setup_sock[1],
		      r->owned_fds[0], r->owned_fds[1], r->owned_fds[2] };
	for (size_t i = 0; i < sizeof fds / sizeof *fds; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	free(r);
}

int sandbox_run(const struct sandbox_config *cfg, struct sandbox_result *res)
{
	memset(res, 0, sizeof *res);
	if (check_config(cfg, res) < 0)
		return -1;
	char err[256];
	if (sandbox_init(err, sizeof err) < 0)
		return se(res, "%s", err);
	struct run *r = calloc(1, sizeof *r);
	if (!r)
		return se(res, "out of memory");
	r->cfg = cfg;
	r->rep[0] = r->rep[1] = r->pidfd = r->setup_sock[0] = r->setup_sock[1] = -1;
	r->owned_fds[0] = r->owned_fds[1] = r->owned_fds[2] = -1;
	r->pid = -1;
	r->pids_refused_at_kill = -1;
	r->t_begin = monotonic_ns();
	int rc = prepare(r, res);
	if (rc == 0)
		rc = start_box(r, res);
	if (rc == 0 || r->pid > 0) {
		if (rc == 0)
			supervise(r);
		else
			kill_box(r);
		int ws;
		while (waitpid(r->pid, &ws, __WALL) < 0 && errno == EINTR)
			;
		r->t_reaped = monotonic_ns();
		read_reports(r);
	}
	/* The box's own account of a failed setup says more than ours (a
	 * refused hand-over is only the echo of the box giving up). */
	if (r->failed.kind)
		rc = se(res, "%s", r->failed.msg);
	struct cgroup_stats st = { 0 };
	if (r->have_cg) {
		cgroup_read_stats(&r->cg, &st);
		if (cgroup_destroy(&r->cg) < 0 && rc == 0)
			rc = se(res, "cannot remove the box's cgroup %s", r->cg.name);
	}
	if (rc == 0) {
		classify(r, &st, res);
		if (r->started.kind && r->exited.kind) {
			res->phases.create_ns = r->t0 - r->t_begin;
			res->phases.setup_ns = r->started.start_ns - r->t0;
			res->phases.program_ns = r->exited.end_ns - r->started.start_ns;
			res->phases.exit_ns = r->t_reaped - r->exited.end_ns;
			res->phases.cleanup_ns = monotonic_ns() - r->t_reaped;
		}
	}
	run_free(r);
	return rc == 0 && res->status != SANDBOX_SE ? 0 : -1;
}
