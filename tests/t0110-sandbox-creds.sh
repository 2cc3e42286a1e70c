#!/bin/bash
# verdict sandbox: who the program is. Unprivileged uid/gid, no capabilities,
# no_new_privs, a seccomp filter, no core dumps, its own hostname and its own
# SysV IPC namespace.
. "$(dirname "$0")/lib.sh"

box -- /progs/creds
expect_field status OK "creds: OK"
sed 's/^/# /' "$T/out"
line() { grep -m1 "^$1" "$T/out" | tr -s ' \t' ' '; }
check "uid non-zero" "$(line uid)" -n "$(line uid)" -a "$(line uid)" != "uid 0"
check "euid non-zero" "$(line euid)" -n "$(line euid)" -a "$(line euid)" != "euid 0"
check "gid non-zero" "$(line gid)" -n "$(line gid)" -a "$(line gid)" != "gid 0"
check "egid non-zero" "$(line egid)" -n "$(line egid)" -a "$(line egid)" != "egid 0"
check "no supplementary group 0" "$(line groups)" -n "$(line groups)" -a "$(line groups | grep -cw 0)" -eq 0
for cap in CapInh CapPrm CapEff CapBnd CapAmb; do
	check "$cap is 0" "$(line $cap:)" "$(line $cap:)" = "$cap: 0000000000000000"
done
check "NoNewPrivs 1" "$(line NoNewPrivs:)" "$(line NoNewPrivs:)" = "NoNewPrivs: 1"
check "Seccomp 2 (filter)" "$(line Seccomp:)" "$(line 'Seccomp:')" = "Seccomp: 2"
check "RLIMIT_CORE 0 (soft and hard)" "$(line core)" "$(line core)" = "core 0 0"
check "hostname is box" "$(line hostname)" "$(line hostname)" = "hostname box"
check "host hostname unchanged" "$(hostname)" "$(hostname)" != box

# A SysV shared memory segment and a message queue made on the host.
shm_id=$(ipcmk -M 4096 2>/dev/null | grep -o '[0-9]*$')
msg_id=$(ipcmk -Q 2>/dev/null | grep -o '[0-9]*$')
at_exit "ipcrm -m $shm_id"
at_exit "ipcrm -q $msg_id"
shm_key=$(awk -v id="$shm_id" '$2 == id { print $1 }' /proc/sysvipc/shm)
msg_key=$(awk -v id="$msg_id" '$2 == id { print $1 }' /proc/sysvipc/msg)
check "host made a shm segment and a message queue" "shm ${shm_id:-?} key ${shm_key:-?}, msg ${msg_id:-?} key ${msg_key:-?}" \
	-n "$shm_key" -a -n "$msg_key"
box -- /progs/ipc_probe "${shm_key:-0}" "${msg_key:-0}"
sed 's/^/# /' "$T/out"
expect_field status OK "host SysV shm segment and message queue invisible in the box"
finish
