/* sandbox_box.h - what the supervisor hands the box, and what it hears back.
 * Internal to sandbox.c and sandbox_box.c. */
#ifndef VERDICT_SANDBOX_BOX_H
#define VERDICT_SANDBOX_BOX_H

#include "sandbox.h"

#include <limits.h>
#include <stdint.h>
#include <sys/types.h>

#define BOX_UID SANDBOX_UID /* unprivileged uid and gid the program runs as, inside and out */
#define BOX_ROOT_MOUNTPOINT "/run/verdict/root" /* where the box's root is built, in its own mount namespace */
#define BOX_HOSTNAME "box"
#define BOX_PATH "PATH=/usr/local/bin:/usr/bin:/bin"

/* One step of building the box's root, relative to its top. */
enum box_mount_kind {
	BM_SYMLINK, /* path -> source */
	BM_BIND_RO, /* read-only, nosuid, nodev bind of the host's source */
	BM_BIND_RW,
	BM_DEVICE,  /* a device node made with the same numbers as the host's source */
	BM_FILE,    /* a small read-only file whose content is source */
};

struct box_mount {
	enum box_mount_kind kind;
	const char *path;   /* absolute, inside the box */
	const char *source; /* host path, link target or file content */
	int caller_path;    /* path comes from the caller: create it without following links */
};

#define BOX_MAX_MOUNTS 64

/* Everything the box needs, prepared before clone so that the child calls
 * no allocator: it may be a copy of a threaded process. */
struct box_plan {
	int userns_fd;                  /* user namespace to enter before the program, or -1 */
	int setup_sock;                 /* the supervisor sends, while the box builds its root: the
					 * network namespace, then the files to write "0" to that move
					 * the init into its cgroup (v1; none on v2) */
	int supervisor_pidfd;           /* readable once the supervisor is gone, or -1 */
	int new_cgroup_ns;              /* unshare the cgroup namespace once inside the group */
	int report_fd;                  /* write end of the report pipe */
	int stdio[3];
	const struct box_mount *mounts;
	int nmounts;
	long box_size_mb;
	const char *cwd;
	char *const *argv;
	char *const *envp;
	const char *path_dirs[4];       /* where argv[0] is looked up without a '/' */
	double time_sec;
	long fsize_mb, stack_mb, nofile;
	int last_cap;
};

enum box_report_kind {
	BOX_SETUP_FAILED = 1, /* msg says what; errno_value is the cause */
	BOX_STARTED,          /* the program was exec'd */
	BOX_EXITED,           /* wstatus holds its wait status */
};

/* One fixed-size message on the report pipe (atomic: under PIPE_BUF). */
struct box_report {
	int kind;
	int wstatus;
	int errno_value;
	int64_t setup_cpu_ns; /* CPU the box's init spent on setup, charged to the group */
	int64_t start_ns;     /* CLOCK_MONOTONIC just before the program was forked */
	int64_t end_ns;       /* ... and when it was reaped */
	char msg[256];
};

/* The box's init (pid 1 of the new pid namespace). Never returns. */
__attribute__((noreturn)) void box_init_main(const struct box_plan *plan);

#endif
