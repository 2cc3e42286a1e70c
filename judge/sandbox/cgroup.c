/* cgroup.c - one control group per box: limits, accounting and a clean kill.
 *
 * Layout: next to the group this process lives in, a parent group
 * "verdict" holds one child per running box, "box-<supervisor pid>-<seq>".
 * v1 needs that child in three hierarchies (pids, memory, cpuacct);
 * v2 needs it once. The parent's paths are found once, at start-up; a run
 * costs a mkdir, a few small writes and an rmdir per hierarchy.
 */
#include "cgroup.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

enum { V1_PIDS, V1_MEMORY, V1_CPUACCT, V1_COUNT };
static const char *const v1_controllers[V1_COUNT] = { "pids", "memory", "cpuacct" };

/* Set once by cgroup_init(), read-only afterwards (runs may be threaded). */
static int version;
static int no_peak; /* VERDICT_CGROUP_NO_PEAK=1: as if memory.peak were missing */
static int nparents;
static int parent_fd[CGROUP_MAX_DIRS];
static char parent_path[CGROUP_MAX_DIRS][PATH_MAX];
static unsigned long box_seq;
static int wants_delegation; /* the last cgroup_init failed for want of a delegated group */
/* What to do about it, in every message that says so. */
#define DELEGATION_FIX                                                                         \
	"run it as the verdict service (Delegate=yes), or in a delegated scope: systemd-run --scope " \
	"-p Delegate=yes -- verdict ..."

int cgroup_version(void)
{
	return version;
}

/* Does the comma-separated list contain word? */
static int has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; p; p = strchr(p, ','), p = p ? p + 1 : NULL)
		if (strncmp(p, word, n) == 0 && (p[n] == ',' || p[n] == 0 || p[n] == '\n'))
			return 1;
	return 0;
}

/* /proc/self/cgroup and /proc/self/mountinfo, read once by cgroup_init(). */
static char self_cgroup[8192], self_mountinfo[65536];

/* Copies the next line of *text into line (without its newline), advancing
 * *text; returns 0 at the end. */
static int next_line(const char **text, char *line, size_t n)
{
	if (!**text)
		return 0;
	size_t len = strcspn(*text, "\n");
	snprintf(line, n, "%.*s", (int)len, *text);
	*text += len + ((*text)[len] == '\n');
	return 1;
}

/* This process's path in the hierarchy whose /proc/self/cgroup line has
 * the given controller list (v1) or "" (v2). */
static int own_cgroup_path(const char *controller, char *out, size_t n)
{
	char line[PATH_MAX + 128];
	for (const char *text = self_cgroup; next_line(&text, line, sizeof line);) {
		char *c1 = strchr(line, ':');
		char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		if (!c2)
			continue;
		*c2 = 0;
		if (controller ? has_word(c1 + 1, controller) : c1[1] == 0) {
			snprintf(out, n, "%s", c2 + 1);
			return 0;
		}
	}
	return -1;
}

/* Mount point of the cgroup hierarchy holding controller (v1), or of the
 * cgroup2 mount (controller NULL), with the mount's root. */
static int find_mount(const char *controller, char *mnt, size_t n, char *root, size_t rn)
{
	char line[4096];
	for (const char *text = self_mountinfo; next_line(&text, line, sizeof line);) {
		/* id parent maj:min root mountpoint opts [optional...] - fstype src superopts */
		char *sep = strstr(line, " - ");
		if (!sep)
			continue;
		char fstype[32], superopts[1024], mroot[PATH_MAX], mpoint[PATH_MAX];
		if (sscanf(sep + 3, "%31s %*s %1023s", fstype, superopts) < 2)
			continue;
		if (sscanf(line, "%*s %*s %*s %4095s %4095s", mroot, mpoint) != 2)
			continue;
		if (controller ? strcmp(fstype, "cgroup") == 0 && has_word(superopts, controller)
			       : strcmp(fstype, "cgroup2") == 0) {
			snprintf(mnt, n, "%s", mpoint);
			snprintf(root, rn, "%s", mroot);
			return 0;
		}
	}
	return -1;
}

/* The directory of this process's own group in one hierarchy. */
static int own_group_dir(const char *controller, char *out, size_t n)
{
	char mnt[PATH_MAX], root[PATH_MAX], own[PATH_MAX];
	if (find_mount(controller, mnt, sizeof mnt, root, sizeof root) < 0)
		return -1;
	if (own_cgroup_path(controller, own, sizeof own) < 0)
		return -1;
	/* Inside a cgroup namespace the mount's root is a prefix of our path. */
	const char *rel = own;
	size_t rl = strlen(root);
	if (strcmp(root, "/") != 0 && strncmp(own, root, rl) == 0)
		rel = own + rl;
	if (strcmp(rel, "/") == 0)
		rel = "";
	if ((size_t)snprintf(out, n, "%s%s", mnt, rel) >= n)
		return -1;
	return 0;
}

static int v2_has_controllers(const char *dir)
{
	char path[PATH_MAX + 32], buf[512];
	snprintf(path, sizeof path, "%s/cgroup.controllers", dir);
	if (read_file_at(AT_FDCWD, path, buf, sizeof buf) < 0)
		return 0;
	buf[strcspn(buf, "\n")] = ' ';
	return strstr(buf, "memory ") && strstr(buf, "pids ");
}

static int open_parent(int i, const char *dir, char *err, size_t n)
{
	if ((size_t)snprintf(parent_path[i], PATH_MAX, "%s/verdict", dir) >= PATH_MAX)
		return errf(err, n, "cgroup path too long: %s", dir);
	if (mkdir(parent_path[i], 0755) < 0 && errno != EEXIST)
		return errf(err, n, "cannot create cgroup %s: %s", parent_path[i], strerror(errno));
	parent_fd[i] = open(parent_path[i], O_DIRECTORY | O_RDONLY | O_CLOEXEC);
	if (parent_fd[i] < 0)
		return errf(err, n, "cannot open cgroup %s: %s", parent_path[i], strerror(errno));
	return 0;
}

static int init_v1(char *err, size_t n)
{
	char dirs[V1_COUNT][PATH_MAX];
	for (int i = 0; i < V1_COUNT; i++)
		if (own_group_dir(v1_controllers[i], dirs[i], PATH_MAX) < 0)
			return errf(err, n, "cgroup v1: no mounted %s hierarchy", v1_controllers[i]);
	for (int i = 0; i < V1_COUNT; i++)
		if (open_parent(i, dirs[i], err, n) < 0)
			return -1;
	nparents = V1_COUNT;
	version = 1;
	return 0;
}

/* Is dir delegated to us? systemd marks a unit's cgroup it delegates
 * (Delegate=yes) with the trusted.delegate attribute; without systemd as
 * PID 1 nobody else manages the tree, and root may arrange it. */
static int v2_delegated(const char *dir)
{
	char v[8] = "";
	if (getxattr(dir, "trusted.delegate", v, sizeof v - 1) > 0 && v[0] == '1')
		return 1;
	struct stat st;
	return stat("/run/systemd/system", &st) < 0;
}

/* A v2 group that holds processes cannot hand controllers down (the
 * kernel's "no internal processes" rule): the layout a systemd service
 * with Delegate=yes gets. Every process of dir moves into a leaf,
 * dir/supervisor, and the boxes are made beside it, in dir/verdict. */
static int v2_move_into_leaf(const char *dir, char *err, size_t n)
{
	char leaf[PATH_MAX + 16], procs[PATH_MAX + 16], pids[16384];
	snprintf(leaf, sizeof leaf, "%s/supervisor", dir);
	snprintf(procs, sizeof procs, "%s/cgroup.procs", dir);
	if (mkdir(leaf, 0755) < 0 && errno != EEXIST)
		return errf(err, n, "cgroup v2: cannot create %s: %s", leaf, strerror(errno));
	int fd = open(leaf, O_DIRECTORY | O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errf(err, n, "cgroup v2: cannot open %s: %s", leaf, strerror(errno));
	/* Again while processes appear (a child forked meanwhile). */
	for (int round = 0; round < 20; round++) {
		ssize_t len = read_file_at(AT_FDCWD, procs, pids, sizeof pids);
		if (len < 0) {
			close(fd);
			return errf(err, n, "cgroup v2: cannot read %s: %s", procs, strerror(errno));
		}
		/* A full buffer may end inside a pid: that one waits for the next round. */
		char *last = (size_t)len == sizeof pids - 1 ? strrchr(pids, '\n') : NULL;
		if (last)
			last[1] = 0;
		if (!pids[0]) {
			close(fd);
			return 0;
		}
		for (char *p = pids, *end; *p; p = end) {
			end = p + strcspn(p, "\n");
			if (*end)
				*end++ = 0;
			if (write_file_at(fd, "cgroup.procs", p) < 0 && errno != ESRCH) {
				close(fd);
				return errf(err, n, "cgroup v2: cannot move process %s into %s: %s", p, leaf, strerror(errno));
			}
		}
	}
	close(fd);
	return errf(err, n, "cgroup v2: processes keep appearing in %s", dir);
}

/* A process started inside the leaf an earlier Verdict made (a judge
 * started by serve, every `verdict sandbox` after the first) makes its
 * boxes where that one did: beside the leaf, not in a leaf of the leaf. */
static void v2_leave_own_leaf(char *dir)
{
	char *slash = strrchr(dir, '/'), control[256], path[PATH_MAX + 32];
	if (!slash || strcmp(slash + 1, "supervisor") != 0)
		return;
	*slash = 0;
	snprintf(path, sizeof path, "%s/cgroup.subtree_control", dir);
	if (read_file_at(AT_FDCWD, path, control, sizeof control) < 0 || !strstr(control, "memory") ||
	    !strstr(control, "pids"))
		*slash = '/';
}

static int init_v2(const char *forced_root, char *err, size_t n)
{
	char dir[PATH_MAX];
	if (forced_root)
		snprintf(dir, sizeof dir, "%s", forced_root);
	else if (own_group_dir(NULL, dir, sizeof dir) < 0)
		return errf(err, n, "cgroup v2: no cgroup2 mount");
	else
		v2_leave_own_leaf(dir);
	if (!v2_has_controllers(dir)) {
		wants_delegation = !forced_root && !v2_delegated(dir);
		return errf(err, n, "cgroup v2: the memory and pids controllers are not available in %s%s", dir,
			    wants_delegation ? ", which is not delegated to Verdict; " DELEGATION_FIX : "");
	}
	/* Our group must hand memory and pids down to "verdict", and "verdict"
	 * to each box. A group with processes of its own cannot, unless it is
	 * the root: when it is ours (delegated), its processes move to a leaf. */
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/cgroup.subtree_control", dir);
	if (write_file_at(AT_FDCWD, path, "+memory +pids") < 0 && errno == EBUSY && !forced_root) {
		if (!v2_delegated(dir)) {
			wants_delegation = 1;
			return errf(err, n,
				    "cgroup v2: %s is not delegated to Verdict, so it cannot make limited boxes in it; "
				    DELEGATION_FIX,
				    dir);
		}
		if (v2_move_into_leaf(dir, err, n) < 0)
			return -1;
		if (write_file_at(AT_FDCWD, path, "+memory +pids") < 0)
			return errf(err, n, "cgroup v2: cannot enable memory and pids in %s after moving its processes "
					    "into a leaf: %s", dir, strerror(errno));
	}
	if (open_parent(0, dir, err, n) < 0)
		return -1;
	if (write_file_at(parent_fd[0], "cgroup.subtree_control", "+memory +pids") < 0)
		return errf(err, n,
			    "cgroup v2: cannot enable memory and pids in %s: %s (is %s delegated? systemd-run "
			    "--scope -p Delegate=yes, or VERDICT_CGROUP_ROOT)",
			    parent_path[0], strerror(errno), dir);
	nparents = 1;
	version = 2;
	return 0;
}

/* Is the supervisor that made box-<pid>-<seq> gone? */
static int box_is_stale(const char *name)
{
	long pid;
	if (sscanf(name, "box-%ld-", &pid) != 1 || pid <= 0)
		return 0;
	return pid != getpid() && kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

/* Removes boxes whose supervisor died (kill -9 of a judge): their
 * processes are killed and their groups removed. Every hierarchy is
 * scanned, since a supervisor killed while making or removing a box can
 * leave it in some hierarchies and not others. */
static void remove_stale_boxes(void)
{
	for (int h = 0; h < nparents; h++) {
		DIR *d = fdopendir(dup(parent_fd[h]));
		if (!d)
			continue;
		struct dirent *e;
		while ((e = readdir(d))) {
			if (e->d_type != DT_DIR || strlen(e->d_name) >= sizeof(((struct cgroup_box *)0)->name) ||
			    !box_is_stale(e->d_name))
				continue;
			struct cgroup_box cg = { .ndirs = nparents };
			snprintf(cg.name, sizeof cg.name, "%s", e->d_name);
			for (int i = 0; i < nparents; i++)
				cg.dirfd[i] = openat(parent_fd[i], cg.name, O_DIRECTORY | O_RDONLY | O_CLOEXEC);
			cgroup_destroy(&cg);
		}
		closedir(d);
	}
}

int cgroup_init(char *err, size_t n)
{
	if (version)
		return 0;
	wants_delegation = 0;
	if (read_file_at(AT_FDCWD, "/proc/self/cgroup", self_cgroup, sizeof self_cgroup) < 0 ||
	    read_file_at(AT_FDCWD, "/proc/self/mountinfo", self_mountinfo, sizeof self_mountinfo) < 0)
		return errf(err, n, "cannot read /proc/self/cgroup or /proc/self/mountinfo: %s", strerror(errno));
	const char *np = getenv("VERDICT_CGROUP_NO_PEAK");
	no_peak = np && strcmp(np, "1") == 0;
	const char *force = getenv("VERDICT_CGROUP");
	const char *root = getenv("VERDICT_CGROUP_ROOT");
	char v2dir[PATH_MAX];
	int rc;
	if (force && strcmp(force, "v1") == 0)
		rc = init_v1(err, n);
	else if ((force && strcmp(force, "v2") == 0) || root)
		rc = init_v2(root, err, n);
	else if (own_group_dir(NULL, v2dir, sizeof v2dir) == 0 && v2_has_controllers(v2dir))
		rc = init_v2(NULL, err, n);
	else
		rc = init_v1(err, n);
	if (rc == 0)
		remove_stale_boxes();
	return rc;
}

int cgroup_wants_delegation(void)
{
	return wants_delegation;
}

int cgroup_create(struct cgroup_box *cg, long long mem_bytes, long pids, char *err, size_t n)
{
	char num[32];
	memset(cg, 0, sizeof *cg);
	snprintf(cg->name, sizeof cg->name, "box-%ld-%lu", (long)getpid(),
		 __atomic_add_fetch(&box_seq, 1, __ATOMIC_RELAXED));
	for (int i = 0; i < nparents; i++) {
		if (mkdirat(parent_fd[i], cg->name, 0755) < 0) {
			errf(err, n, "cannot create cgroup %s/%s: %s", parent_path[i], cg->name, strerror(errno));
			goto fail;
		}
		cg->dirfd[i] = openat(parent_fd[i], cg->name, O_DIRECTORY | O_RDONLY | O_CLOEXEC);
		cg->ndirs = i + 1;
		if (cg->dirfd[i] < 0) {
			errf(err, n, "cannot open cgroup %s/%s: %s", parent_path[i], cg->name, strerror(errno));
			goto fail;
		}
	}
	snprintf(num, sizeof num, "%ld", pids);
	int pids_fd = cg->dirfd[version == 1 ? V1_PIDS : 0];
	if (write_file_at(pids_fd, "pids.max", num) < 0) {
		errf(err, n, "cannot set pids.max: %s", strerror(errno));
		goto fail;
	}
	snprintf(num, sizeof num, "%lld", mem_bytes);
	if (version == 1) {
		int mfd = cg->dirfd[V1_MEMORY];
		if (write_file_at(mfd, "memory.limit_in_bytes", num) < 0) {
			errf(err, n, "cannot set memory.limit_in_bytes: %s", strerror(errno));
			goto fail;
		}
		/* Swap counts too where the kernel accounts it (memsw). */
		if (write_file_at(mfd, "memory.memsw.limit_in_bytes", num) < 0 && errno != ENOENT) {
			errf(err, n, "cannot set memory.memsw.limit_in_bytes: %s", strerror(errno));
			goto fail;
		}
	} else {
		if (write_file_at(cg->dirfd[0], "memory.max", num) < 0) {
			errf(err, n, "cannot set memory.max: %s", strerror(errno));
			goto fail;
		}
		if (write_file_at(cg->dirfd[0], "memory.swap.max", "0") < 0 && errno != ENOENT) {
			errf(err, n, "cannot set memory.swap.max: %s", strerror(errno));
			goto fail;
		}
		cg->sampling = no_peak || faccessat(cg->dirfd[0], "memory.peak", F_OK, 0) != 0;
	}
	return 0;
fail:
	cgroup_destroy(cg);
	return -1;
}

int cgroup_open_self_attach(const struct cgroup_box *cg, int fds[CGROUP_MAX_DIRS])
{
	if (version != 1)
		return 0; /* v2 boxes are born in their group (CLONE_INTO_CGROUP) */
	for (int i = 0; i < cg->ndirs; i++) {
		fds[i] = openat(cg->dirfd[i], "tasks", O_WRONLY | O_CLOEXEC);
		if (fds[i] < 0) {
			while (i--)
				close(fds[i]);
			return -1;
		}
	}
	return cg->ndirs;
}

int cgroup_clone_fd(const struct cgroup_box *cg)
{
	return version == 2 ? cg->dirfd[0] : -1;
}

long long cgroup_cpu_ns(const struct cgroup_box *cg)
{
	char buf[1024];
	if (version == 1) {
		if (read_file_at(cg->dirfd[V1_CPUACCT], "cpuacct.usage", buf, sizeof buf) < 0)
			return -1;
		return strtoll(buf, NULL, 10);
	}
	if (read_file_at(cg->dirfd[0], "cpu.stat", buf, sizeof buf) < 0)
		return -1;
	long long us = find_keyed_value(buf, "usage_usec");
	return us < 0 ? -1 : us * 1000;
}

static long long read_number(int dirfd, const char *name)
{
	char buf[64];
	if (read_file_at(dirfd, name, buf, sizeof buf) <= 0)
		return -1;
	return strtoll(buf, NULL, 10);
}

static long long max_ll(long long a, long long b)
{
	return a > b ? a : b;
}

void cgroup_read_stats(const struct cgroup_box *cg, struct cgroup_stats *st)
{
	char buf[4096];
	memset(st, 0, sizeof *st);
	st->cpu_ns = max_ll(cgroup_cpu_ns(cg), 0);
	if (version == 1) {
		int m = cg->dirfd[V1_MEMORY];
		/* memsw counts memory plus swap, so it is the larger where present. */
		st->peak_bytes = read_number(m, "memory.memsw.max_usage_in_bytes");
		if (st->peak_bytes < 0)
			st->peak_bytes = read_number(m, "memory.max_usage_in_bytes");
		st->mem_limit_hits = read_number(m, "memory.failcnt");
		if (read_file_at(m, "memory.oom_control", buf, sizeof buf) > 0)
			st->oom_kills = find_keyed_value(buf, "oom_kill");
		st->pids_refused = cgroup_pids_refused(cg);
	} else {
		int d = cg->dirfd[0];
		if (read_file_at(d, "memory.events", buf, sizeof buf) > 0) {
			st->oom_kills = find_keyed_value(buf, "oom_kill");
			st->mem_limit_hits = find_keyed_value(buf, "max");
		}
		if (!cg->sampling) {
			st->peak_bytes = read_number(d, "memory.peak");
		} else { /* what was seen; a box that met its limit reached it */
			st->peak_bytes = max_ll(cg->sampled_peak, read_number(d, "memory.current"));
			if (st->oom_kills > 0 || st->mem_limit_hits > 0)
				st->peak_bytes = max_ll(st->peak_bytes, read_number(d, "memory.max"));
		}
		st->pids_refused = cgroup_pids_refused(cg);
	}
	st->peak_bytes = max_ll(st->peak_bytes, 0);
	st->oom_kills = max_ll(st->oom_kills, 0);
	st->mem_limit_hits = max_ll(st->mem_limit_hits, 0);
	st->pids_refused = max_ll(st->pids_refused, 0);
}

void cgroup_sample_memory(struct cgroup_box *cg)
{
	if (version == 2 && cg->sampling)
		cg->sampled_peak = max_ll(cg->sampled_peak, read_number(cg->dirfd[0], "memory.current"));
}

long long cgroup_pids_refused(const struct cgroup_box *cg)
{
	char buf[256];
	if (read_file_at(cg->dirfd[version == 1 ? V1_PIDS : 0], "pids.events", buf, sizeof buf) <= 0)
		return 0;
	long long n = find_keyed_value(buf, "max");
	return n > 0 ? n : 0;
}

static void sleep_us(long us)
{
	struct timespec ts = { 0, us * 1000 };
	nanosleep(&ts, NULL);
}

/* Sends SIGKILL to every pid listed in dirfd/cgroup.procs; returns how many
 * were listed. */
static int kill_listed(int dirfd)
{
	char buf[65536];
	if (read_file_at(dirfd, "cgroup.procs", buf, sizeof buf) <= 0)
		return 0;
	int count = 0;
	for (char *p = buf; *p;) {
		char *end;
		long pid = strtol(p, &end, 10);
		if (end == p)
			break;
		if (pid > 0 && kill((pid_t)pid, SIGKILL) == 0)
			count++;
		p = end + (*end != 0);
	}
	return count;
}

/* Kills every process in the group so that none escapes by forking: first
 * pids.max drops to 0, after which nothing in the group can fork or start
 * a thread (an atomic barrier, where v1's freezer has to be polled until
 * FROZEN), then everything listed gets SIGKILL. v2 has cgroup.kill for
 * this (5.14+). The box's pid namespace is a third line: when its init
 * dies the kernel kills the rest, and no new process can be born there. */
void cgroup_kill(const struct cgroup_box *cg)
{
	int d = cg->dirfd[version == 1 ? V1_PIDS : 0];
	if (version == 2 && write_file_at(d, "cgroup.kill", "1") == 0)
		return;
	write_file_at(d, "pids.max", "0");
	for (int round = 0; round < 3 && kill_listed(d) > 0; round++)
		;
}

/* rmdir, retried for up to two seconds while killed processes leave the
 * group; every 50 ms, whatever is still in it is killed again. */
static int remove_dir(struct cgroup_box *cg, int i)
{
	for (int tries = 0; tries < 2000; tries++) {
		if (unlinkat(parent_fd[i], cg->name, AT_REMOVEDIR) == 0 || errno == ENOENT)
			return 0;
		if (errno != EBUSY)
			return -1;
		if (tries % 50 == 0)
			cgroup_kill(cg);
		sleep_us(1000);
	}
	return -1;
}

int cgroup_destroy(struct cgroup_box *cg)
{
	int rc = 0;
	/* After a normal run the group is already empty and rmdir succeeds
	 * at once; only a busy group costs a kill and a wait. */
	for (int i = 0; i < cg->ndirs; i++)
		if (remove_dir(cg, i) < 0)
			rc = -1;
	for (int i = 0; i < cg->ndirs; i++)
		if (cg->dirfd[i] >= 0)
			close(cg->dirfd[i]);
	cg->ndirs = 0;
	return rc;
}
