/* sandbox.h - run one untrusted program in a throwaway box and measure it.
 *
 * sandbox_init() once per process (builds the seccomp program, finds the
 * cgroup hierarchies); then sandbox_run() as often as needed, from any thread.
 * The theory of operation is at the top of sandbox.c.
 */
#ifndef VERDICT_SANDBOX_H
#define VERDICT_SANDBOX_H

#include <stddef.h>

enum sandbox_status {
	SANDBOX_OK,  /* exited with code 0 within every limit */
	SANDBOX_RE,  /* non-zero exit or fatal signal */
	SANDBOX_TLE, /* CPU (summed over the box) or wall time over its limit */
	SANDBOX_MLE, /* the box hit its memory limit */
	SANDBOX_OLE, /* tried to write past the file size limit */
	SANDBOX_SE,  /* the sandbox itself failed: never the program's fault */
};

#define SANDBOX_UID 61000 /* uid and gid boxed programs run as: a --dir they write to must allow it */
#define SANDBOX_MAX_BINDS 32
#define SANDBOX_MAX_ENV 64

struct sandbox_bind {
	const char *host; /* host path; resolved with realpath() by sandbox_run */
	const char *box;  /* absolute path inside the box */
	int writable;
};

struct sandbox_config {
	double time_sec;   /* CPU seconds, summed over every process in the box */
	double wall_sec;   /* 0: 2 * time_sec + 1 */
	long mem_mb;       /* memory of the whole box, swap included */
	long pids;         /* processes and threads in the box */
	long fsize_mb;     /* largest file the program may write, stdout included */
	long stack_mb;     /* 0: mem_mb */
	long box_size_mb;  /* size of the writable tmpfs at /box (and of /tmp) */
	long nofile;       /* RLIMIT_NOFILE */
	const char *stdin_path;  /* host paths opened by the sandbox; NULL: inherit */
	const char *stdout_path;
	const char *stderr_path;
	int stdin_fd, stdout_fd, stderr_fd; /* used instead of the paths when >= 0 */
	struct sandbox_bind binds[SANDBOX_MAX_BINDS];
	int nbinds;
	const char *env[SANDBOX_MAX_ENV]; /* "K=V"; PATH is fixed unless given */
	int nenv;
	const char *cwd;   /* inside the box; NULL: /box */
	char *const *argv; /* argv[0] is looked up in the box's PATH unless it has a '/' */
};

struct sandbox_result {
	enum sandbox_status status;
	int exit_code; /* the program's exit code, 0 when it died of a signal */
	int signal;    /* the signal that ended it, 0 when it exited */
	long cpu_ms;   /* CPU of every process in the box */
	long wall_ms;
	long mem_kb;   /* peak memory of the whole box */
	long long end_ns; /* CLOCK_MONOTONIC when the program was reaped (0: never started): orders two boxes */
	char message[512];
	/* Where the run's wall time went, for benchmarks: cgroup and clone,
	 * the box's setup (mounts, pivot_root), the program from start to
	 * reaping, the init's exit (namespaces torn down), and cleanup
	 * (cgroup statistics and removal). */
	struct { long long create_ns, setup_ns, program_ns, exit_ns, cleanup_ns; } phases;
};

/* Fills *cfg with the documented defaults: 10 s CPU, 64 MB memory, 64 pids,
 * 64 MB files, 64 MB /box, inherited streams, empty environment. */
void sandbox_config_defaults(struct sandbox_config *cfg);

/* Prepares what every run shares. Returns 0, or -1 with a message in err
 * (not running as root, no usable cgroup hierarchy, seccomp unavailable). */
int sandbox_init(char *err, size_t errlen);

/* Runs cfg->argv in a fresh box and fills *res. Returns 0 when the box
 * worked, whatever the program did; -1 with res->status == SANDBOX_SE and a
 * message when the sandbox itself failed. Safe to call from several threads. */
int sandbox_run(const struct sandbox_config *cfg, struct sandbox_result *res);

/* "OK", "RE", "TLE", "MLE", "OLE" or "SE". */
const char *sandbox_status_name(enum sandbox_status status);

#endif
