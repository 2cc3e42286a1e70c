#!/bin/bash
# verdict sandbox: the seccomp filter. Dangerous system calls are denied,
# clone3 gives ENOSYS, the i386 and x32 ABIs are killed with SIGSYS.
. "$(dirname "$0")/lib.sh"

box --time 5 -- /progs/try_syscalls
check "try_syscalls: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
sed 's/^/# /' "$T/out"
expect_field status OK "try_syscalls: every dangerous system call denied"
for name in ptrace_traceme ptrace_attach mount umount2 pivot_root chroot unshare_newuser \
	unshare_newns setns keyctl add_key bpf perf_event_open userfaultfd io_uring_setup \
	kexec_load init_module reboot swapon acct syslog; do
	check "try_syscalls: $name denied" "$(grep "^$name " "$T/out")" \
		"$(grep -c "^$name denied" "$T/out")" -eq 1
done
check "try_syscalls: clone with CLONE_NEWUSER gives EPERM" "$(grep '^clone_newuser ' "$T/out")" \
	"$(grep -c '^clone_newuser denied errno=EPERM$' "$T/out")" -eq 1
check "try_syscalls: clone3 gives ENOSYS" "$(grep '^clone3 ' "$T/out")" \
	"$(grep -c '^clone3 denied errno=ENOSYS$' "$T/out")" -eq 1

box -- /progs/int80
check "int80: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
expect_field status RE "int80 (i386 ABI): RE"
expect_field signal 31 "int80 (i386 ABI): killed by SIGSYS"
check "int80: did not return" "stdout: $(head -c 100 "$T/out")" ! -s "$T/out"

box -- /progs/x32
expect_field status RE "x32 ABI: RE"
expect_field signal 31 "x32 ABI: killed by SIGSYS"
check "x32: did not return" "stdout: $(head -c 100 "$T/out")" ! -s "$T/out"

# Ordinary programs are not hurt by the filter (threads use clone/clone3).
box -- /progs/threads
expect_field status OK "threads still work under the filter"
finish
