/* web_seccomp.c - what the web server process may not ask the kernel for. */
#include "web_seccomp.h"
#include "util.h"

#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <string.h>
#include <sys/socket.h>

static const char *const denied[] = {
	/* no program is ever started: an exploit gets no shell */
	"execve", "execveat", "fork", "vfork",
	/* no other process is looked into */
	"ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd", "kcmp",
	/* no new view of the system */
	"unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen",
	"fsmount", "fsconfig", "fspick", "mount_setattr",
	/* the ids were dropped for good */
	"setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setfsuid", "setfsgid", "setgroups",
	"capset",
	/* kernel surface a web server has no use for */
	"bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register",
	"keyctl", "add_key", "request_key", "init_module", "finit_module", "delete_module", "kexec_load",
	"kexec_file_load", "personality", "acct", "swapon", "swapoff", "reboot", "syslog", "quotactl",
	"name_to_handle_at", "open_by_handle_at", "lookup_dcookie", "iopl", "ioperm",
};

int web_seccomp_load(char *err, size_t n)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!ctx)
		return errf(err, n, "seccomp: out of memory");
	int rc = 0;
	for (size_t i = 0; i < sizeof denied / sizeof *denied && rc == 0; i++) {
		int nr = seccomp_syscall_resolve_name(denied[i]);
		if (nr != __NR_SCMP_ERROR) /* else not on this architecture */
			rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 0);
	}
	/* Threads are made with clone; a new process (clone without
	 * CLONE_THREAD: glibc's fork) or namespace flags are refused. clone3
	 * hides its flags from the filter: ENOSYS makes glibc use clone. */
	rc = rc ? rc : seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
					SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0));
	static const unsigned long ns_flags[] = { CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET,
						  CLONE_NEWIPC, CLONE_NEWUTS, CLONE_NEWCGROUP };
	for (size_t i = 0; i < sizeof ns_flags / sizeof *ns_flags && rc == 0; i++)
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
				      SCMP_A0(SCMP_CMP_MASKED_EQ, ns_flags[i], ns_flags[i]));
	if (rc == 0)
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
	/* Connections come in on the socket the supervisor bound; the server
	 * never makes one (local sockets stay allowed for the C library). */
	if (rc == 0)
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(socket), 1,
				      SCMP_A0(SCMP_CMP_NE, (scmp_datum_t)AF_UNIX));
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	return rc < 0 ? errf(err, n, "seccomp: %s", strerror(-rc)) : 0;
}
