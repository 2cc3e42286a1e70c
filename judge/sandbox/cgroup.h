/* cgroup.h - one control group per box: limits, accounting and a clean kill.
 *
 * cgroup v1 (a hierarchy per controller: pids, memory, cpuacct) and
 * v2 (one unified hierarchy) are told apart at run time by cgroup_init();
 * the rest of the sandbox does not know which one it has.
 */
#ifndef VERDICT_CGROUP_H
#define VERDICT_CGROUP_H

#include <stddef.h>
#include <sys/types.h>

#define CGROUP_MAX_DIRS 4

struct cgroup_box {
	char name[64];                 /* box-<pid>-<seq>, unique on the host */
	int ndirs;
	int dirfd[CGROUP_MAX_DIRS];    /* v1: pids, memory, cpuacct; v2: one */
	int sampling;                  /* v2 without memory.peak (kernels before 5.19) */
	long long sampled_peak;        /* then: the highest memory.current seen */
};

struct cgroup_stats {
	long long cpu_ns;         /* CPU of every process that ran in the group */
	long long peak_bytes;     /* peak memory, swap included where counted */
	long long oom_kills;      /* processes the kernel killed at the limit */
	long long mem_limit_hits; /* times an allocation met the limit */
	long long pids_refused;   /* forks refused at pids.max */
};

/* Finds the hierarchies and makes the parent group "verdict" beside this
 * process's own group, removing boxes left by dead supervisors. Honours
 * VERDICT_CGROUP=v1|v2 (force a version) and VERDICT_CGROUP_ROOT (a
 * delegated v2 group to use as parent). Returns 0 or -1 with err set. */
int cgroup_init(char *err, size_t n);

/* 1 when the last cgroup_init() failed because this process's v2 group
 * is not delegated to it (systemd manages the tree and did not hand it
 * over): cgroup_scope_enter() can then ask systemd for a delegated one. */
int cgroup_wants_delegation(void);

/* 1 or 2 after cgroup_init(). */
int cgroup_version(void);

/* Creates a fresh group with the given limits. Returns 0 or -1 with err
 * set; on failure nothing is left behind. */
int cgroup_create(struct cgroup_box *cg, long long mem_bytes, long pids, char *err, size_t n);

/* Opens, into fds, the files through which a process moves itself into
 * the group (v1: each hierarchy's "tasks"); returns how many, or -1. The
 * process then writes "0" to each: on v1, moving *another* process takes a
 * global lock that waits for an RCU grace period (about 12 ms here), while
 * a single thread moving itself skips it (about 20 us). */
int cgroup_open_self_attach(const struct cgroup_box *cg, int fds[CGROUP_MAX_DIRS]);

/* The group's directory fd for clone3's CLONE_INTO_CGROUP (v2), or -1. */
int cgroup_clone_fd(const struct cgroup_box *cg);

/* CPU used so far by the whole group, in ns; -1 on error. */
long long cgroup_cpu_ns(const struct cgroup_box *cg);

void cgroup_read_stats(const struct cgroup_box *cg, struct cgroup_stats *st);

/* On a kernel whose v2 groups have no memory.peak (before 5.19), the peak
 * is the highest memory.current the supervisor saw: it calls this each
 * time it looks (every 10 ms while cg->sampling). Elsewhere a no-op.
 * VERDICT_CGROUP_NO_PEAK=1 makes a kernel that has memory.peak behave as
 * one without it (the tests' way to try this path). */
void cgroup_sample_memory(struct cgroup_box *cg);

/* Forks refused at pids.max so far (cgroup_kill refuses more on purpose). */
long long cgroup_pids_refused(const struct cgroup_box *cg);

/* Kills every process in the group; none can escape by forking meanwhile. */
void cgroup_kill(const struct cgroup_box *cg);

/* Kills what is left and removes the group. Returns 0, or -1 if a
 * directory could not be removed. */
int cgroup_destroy(struct cgroup_box *cg);

#endif
