/* try_syscalls: tries each system call a box must not have, each in its own
 * child so that one that works (a new user namespace, say) cannot change the
 * others. Prints "NAME denied errno=E", "NAME denied signal=N",
 * "NAME ALLOWED" (it worked, or failed past the permission checks, e.g.
 * EINVAL/EBADF/ENOKEY) or "NAME WRONG errno=E (want W)" where the contract
 * names the errno. Exits 0 iff every one was denied as required.
 * Denied means: failed with EPERM, EACCES or ENOSYS, or killed by a signal. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/io_uring.h>
#include <linux/perf_event.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long try_ptrace_traceme(void) { return syscall(SYS_ptrace, PTRACE_TRACEME, 0, 0, 0); }

static long try_ptrace_attach(void)
{
	pid_t t = fork();
	long rc;

	if (t == 0) {
		pause();
		_exit(0);
	}
	rc = syscall(SYS_ptrace, PTRACE_ATTACH, t, 0, 0);
	int e = errno;
	kill(t, SIGKILL);
	errno = e;
	return rc;
}

static long try_mount(void) { return syscall(SYS_mount, "none", "/tmp", "tmpfs", 0, NULL); }
static long try_umount2(void) { return syscall(SYS_umount2, "/proc", 2 /* MNT_DETACH */); }
static long try_pivot_root(void) { return syscall(SYS_pivot_root, "/tmp", "/tmp"); }
static long try_chroot(void) { return syscall(SYS_chroot, "/"); }
static long try_unshare_user(void) { return syscall(SYS_unshare, CLONE_NEWUSER); }
static long try_unshare_ns(void) { return syscall(SYS_unshare, CLONE_NEWNS); }
static long try_unshare_net(void) { return syscall(SYS_unshare, CLONE_NEWNET); }

static long try_setns(void)
{
	int fd = open("/proc/self/ns/uts", O_RDONLY);
	if (fd < 0)
		fd = open("/proc/self/ns/net", O_RDONLY);
	if (fd < 0) {
		errno = EBADF; /* cannot tell: count as reached */
		return -1;
	}
	return syscall(SYS_setns, fd, 0);
}

/* After a clone-like call: the child leaves at once, the parent reaps it. */
static long reap_clone(long rc)
{
	if (rc == 0)
		_exit(0);
	if (rc > 0) {
		waitpid((pid_t)rc, NULL, 0);
		return 0;
	}
	return rc;
}

static long clone_flags(unsigned long flags)
{
	return reap_clone(syscall(SYS_clone, flags | SIGCHLD, NULL, NULL, NULL, NULL));
}

static long try_clone_newuser(void) { return clone_flags(CLONE_NEWUSER); }
static long try_clone_newns(void) { return clone_flags(CLONE_NEWNS); }
static long try_clone_newpid(void) { return clone_flags(CLONE_NEWPID); }

static long try_clone3(void)
{
	uint64_t args[8] = {0}; /* struct clone_args, CLONE_ARGS_SIZE_VER0 */
	long rc;

	args[4] = SIGCHLD; /* exit_signal */
	rc = syscall(SYS_clone3, args, sizeof args);
	return reap_clone(rc);
}

static long try_keyctl(void) { return syscall(SYS_keyctl, 0 /* GET_KEYRING_ID */, -3 /* SESSION */, 1); }
static long try_add_key(void) { return syscall(SYS_add_key, "user", "verdict-test", "x", 1, -2 /* PROCESS */); }
static long try_request_key(void) { return syscall(SYS_request_key, "user", "verdict-none", NULL, -2); }

static long try_bpf(void)
{
	union bpf_attr a;

	memset(&a, 0, sizeof a);
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = 4;
	a.value_size = 4;
	a.max_entries = 1;
	return syscall(SYS_bpf, BPF_MAP_CREATE, &a, sizeof a);
}

static long try_perf_event_open(void)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = PERF_TYPE_SOFTWARE;
	a.config = PERF_COUNT_SW_TASK_CLOCK;
	a.exclude_kernel = 1;
	a.exclude_hv = 1;
	return syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
}

static long try_userfaultfd(void) { return syscall(SYS_userfaultfd, O_CLOEXEC | 1 /* UFFD_USER_MODE_ONLY */); }

static long try_io_uring_setup(void)
{
	struct io_uring_params p;

	memset(&p, 0, sizeof p);
	return syscall(SYS_io_uring_setup, 2, &p);
}

static long try_io_uring_enter(void) { return syscall(SYS_io_uring_enter, -1, 0, 0, 0, NULL, 0); }
static long try_io_uring_register(void) { return syscall(SYS_io_uring_register, -1, 0, NULL, 0); }
static long try_kexec_load(void) { return syscall(SYS_kexec_load, 0, 0, NULL, 0); }
static long try_kexec_file_load(void) { return syscall(SYS_kexec_file_load, -1, -1, 0, "", 0); }
static long try_init_module(void) { return syscall(SYS_init_module, "", 0, ""); }
static long try_finit_module(void) { return syscall(SYS_finit_module, -1, "", 0); }
static long try_delete_module(void) { return syscall(SYS_delete_module, "verdict_none", 0); }
static long try_reboot(void) { return syscall(SYS_reboot, 0xfee1dead, 672274793, 0 /* CAD_OFF */, NULL); }
static long try_swapon(void) { return syscall(SYS_swapon, "/nonexistent", 0); }
static long try_swapoff(void) { return syscall(SYS_swapoff, "/nonexistent"); }
static long try_acct(void) { return syscall(SYS_acct, NULL); }
static long try_syslog(void) { return syscall(SYS_syslog, 10 /* SIZE_BUFFER */, NULL, 0); }
static long try_fsopen(void) { return syscall(SYS_fsopen, "tmpfs", 0); }
static long try_open_tree(void) { return syscall(SYS_open_tree, -100, "/tmp", 1 /* OPEN_TREE_CLONE */); }

static const struct {
	const char *name;
	long (*fn)(void);
	int want; /* 0: any denial; else exactly this errno */
} tries[] = {
	{"ptrace_traceme", try_ptrace_traceme, 0},
	{"ptrace_attach", try_ptrace_attach, 0},
	{"mount", try_mount, 0},
	{"umount2", try_umount2, 0},
	{"pivot_root", try_pivot_root, 0},
	{"chroot", try_chroot, 0},
	{"unshare_newuser", try_unshare_user, 0},
	{"unshare_newns", try_unshare_ns, 0},
	{"unshare_newnet", try_unshare_net, 0},
	{"setns", try_setns, 0},
	{"clone_newuser", try_clone_newuser, EPERM},
	{"clone_newns", try_clone_newns, EPERM},
	{"clone_newpid", try_clone_newpid, EPERM},
	{"clone3", try_clone3, ENOSYS},
	{"keyctl", try_keyctl, 0},
	{"add_key", try_add_key, 0},
	{"request_key", try_request_key, 0},
	{"bpf", try_bpf, 0},
	{"perf_event_open", try_perf_event_open, 0},
	{"userfaultfd", try_userfaultfd, 0},
	{"io_uring_setup", try_io_uring_setup, 0},
	{"io_uring_enter", try_io_uring_enter, 0},
	{"io_uring_register", try_io_uring_register, 0},
	{"kexec_load", try_kexec_load, 0},
	{"kexec_file_load", try_kexec_file_load, 0},
	{"init_module", try_init_module, 0},
	{"finit_module", try_finit_module, 0},
	{"delete_module", try_delete_module, 0},
	{"reboot", try_reboot, 0},
	{"swapon", try_swapon, 0},
	{"swapoff", try_swapoff, 0},
	{"acct", try_acct, 0},
	{"syslog", try_syslog, 0},
	{"fsopen", try_fsopen, 0},
	{"open_tree", try_open_tree, 0},
};

int main(void)
{
	int bad = 0;

	setvbuf(stdout, NULL, _IONBF, 0);
	for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
		int status;
		pid_t p = fork();

		if (p < 0) {
			printf("%s cannot fork: %s\n", tries[i].name, strerror(errno));
			bad++;
			continue;
		}
		if (p == 0) {
			long rc = tries[i].fn();
			_exit(rc >= 0 ? 0 : (errno > 0 && errno < 255 ? errno : 255));
		}
		if (waitpid(p, &status, 0) != p) {
			printf("%s waitpid failed\n", tries[i].name);
			bad++;
		} else if (WIFSIGNALED(status)) {
			printf("%s denied signal=%d\n", tries[i].name, WTERMSIG(status));
			if (tries[i].want) {
				printf("%s WRONG (want errno=%s)\n", tries[i].name, strerrorname_np(tries[i].want));
				bad++;
			}
		} else {
			int e = WEXITSTATUS(status);
			if (e == 0) {
				printf("%s ALLOWED\n", tries[i].name);
				bad++;
			} else if (tries[i].want ? e != tries[i].want : e != EPERM && e != EACCES && e != ENOSYS) {
				printf("%s %s errno=%s (want %s)\n", tries[i].name, tries[i].want ? "WRONG" : "ALLOWED",
				       strerrorname_np(e), tries[i].want ? strerrorname_np(tries[i].want) : "EPERM/EACCES/ENOSYS");
				bad++;
			} else {
				printf("%s denied errno=%s\n", tries[i].name, strerrorname_np(e));
			}
		}
	}
	printf("%d not denied\n", bad);
	return bad ? 1 : 0;
}
