/* seccomp_policy.c - the system call filter every boxed program runs under.
 *
 * A deny list over a default of ALLOW: judged programs (C, C++, Python,
 * Java and their compilers) use a wide and changing set of calls, while
 * what an attacker needs from the kernel is a short, stable list. Denied
 * calls fail with EPERM (so a probing runtime carries on); anything from a
 * non-native ABI (i386 `int 0x80`, x32) kills the process with SIGSYS,
 * since no judged program has a reason to switch ABI mid-run.
 */
#include "seccomp_policy.h"
#include "util.h"

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

static struct sock_fprog filter; /* built once, read-only afterwards */

/* Calls no judged program needs, each a known way out of a box or a large
 * piece of kernel attack surface. */
static const char *const denied[] = {
	/* Watching or steering other processes. */
	"ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd", "kcmp",
	/* Rebuilding the filesystem view: the box's mounts are fixed at start. */
	"mount", "umount2", "pivot_root", "chroot", "mount_setattr", "move_mount", "open_tree",
	"fsopen", "fsconfig", "fsmount", "fspick",
	/* Entering or making namespaces (clone's flags are checked below). */
	"setns", "unshare",
	/* Kernel keyrings are per uid, not per box: a key would outlive the run. */
	"keyctl", "add_key", "request_key",
	/* Large, often-exploited kernel surfaces. */
	"bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter",
	"io_uring_register", "fanotify_init", "open_by_handle_at", "name_to_handle_at",
	"modify_ldt", "iopl", "ioperm", "uselib", "lookup_dcookie", "quotactl", "quotactl_fd",
	"move_pages", "migrate_pages", "vhangup",
	/* Machine-wide switches (most need capabilities the box lacks anyway). */
	"kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
	"reboot", "swapon", "swapoff", "acct", "syslog", "settimeofday", "clock_settime",
	"clock_adjtime", "adjtimex", "sethostname", "setdomainname",
};

/* Namespace flags that clone() must not carry: a new namespace is a new
 * place to be root in. */
static const unsigned long clone_ns_flags[] = {
	CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET, CLONE_NEWIPC,
	CLONE_NEWUTS, CLONE_NEWCGROUP, 0x00000080 /* CLONE_NEWTIME */,
};

/* Socket families a program may open: local sockets, and IP, which fails
 * anyway in an empty network namespace. Netlink, packet, AF_ALG, vsock and
 * the rest are kernel surface nobody is judged on. */
static int add_socket_rules(scmp_filter_ctx ctx)
{
	int rc = 0;
	for (int fam = 0; fam < 11; fam++)
		if (fam != AF_UNIX && fam != AF_INET && fam != AF_INET6)
			rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1,
					       SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)fam));
	rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1,
			       SCMP_A0(SCMP_CMP_GE, (scmp_datum_t)11));
	return rc;
}

static int add_rules(scmp_filter_ctx ctx, char *err, size_t n)
{
	for (size_t i = 0; i < sizeof denied / sizeof *denied; i++) {
		int nr = seccomp_syscall_resolve_name(denied[i]);
		if (nr == __NR_SCMP_ERROR)
			continue; /* not on this architecture or unknown to this libseccomp */
		int rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 0);
		if (rc < 0)
			return errf(err, n, "seccomp: cannot deny %s: %s", denied[i], strerror(-rc));
	}
	for (size_t i = 0; i < sizeof clone_ns_flags / sizeof *clone_ns_flags; i++)
		if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
				     SCMP_A0(SCMP_CMP_MASKED_EQ, clone_ns_flags[i], clone_ns_flags[i])) < 0)
			return errf(err, n, "seccomp: cannot restrict clone");
	/* clone3 passes its flags in memory the filter cannot read. ENOSYS
	 * (not EPERM) makes glibc fall back to clone, which is checked. */
	if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) < 0)
		return errf(err, n, "seccomp: cannot deny clone3");
	/* TIOCSTI/TIOCLINUX push keystrokes into a terminal the box inherited. */
	if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1,
			     SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffUL, TIOCSTI)) < 0 ||
	    seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1,
			     SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffUL, TIOCLINUX)) < 0)
		return errf(err, n, "seccomp: cannot restrict ioctl");
	if (add_socket_rules(ctx) < 0)
		return errf(err, n, "seccomp: cannot restrict socket");
	return 0;
}

int seccomp_policy_init(char *err, size_t n)
{
	if (filter.filter)
		return 0;
	int rc = -1, fd = -1;
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!ctx)
		return errf(err, n, "seccomp: cannot create a filter");
	/* Only the native ABI is added, so i386 and x32 calls meet this. */
	/* A binary tree over syscall numbers: shorter paths through the filter,
	 * and loading it (the kernel tries every number to build its cache)
	 * is cheaper than for a linear list. */
	if (seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS) < 0 ||
	    seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0) < 0 ||
	    seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2) < 0) {
		errf(err, n, "seccomp: cannot set filter attributes");
		goto out;
	}
	if (add_rules(ctx, err, n) < 0)
		goto out;
	/* libseccomp 2.5 exports BPF only to a file descriptor. */
	fd = memfd_create("verdict-seccomp", MFD_CLOEXEC);
	if (fd < 0 || seccomp_export_bpf(ctx, fd) < 0) {
		errf(err, n, "seccomp: cannot export the filter");
		goto out;
	}
	off_t size = lseek(fd, 0, SEEK_END);
	if (size <= 0 || size % (off_t)sizeof(struct sock_filter) != 0) {
		errf(err, n, "seccomp: exported filter has a bad size");
		goto out;
	}
	struct sock_filter *prog = malloc((size_t)size);
	if (!prog || pread(fd, prog, (size_t)size, 0) != size) {
		free(prog);
		errf(err, n, "seccomp: cannot read the exported filter");
		goto out;
	}
	filter.len = (unsigned short)(size / (off_t)sizeof(struct sock_filter));
	filter.filter = prog;
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	seccomp_release(ctx);
	return rc;
}

int seccomp_policy_load(void)
{
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &filter);
}
