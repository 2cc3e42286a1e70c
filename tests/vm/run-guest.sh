#!/bin/bash
# tests/vm/run-guest.sh VMDIR JOB TIMEOUT [plain|systemd]: boots a guest
# (software emulation, or KVM when $VM_ACCEL=kvm: t0401 probes for it,
# since KVM hung before the kernel printed anything on some hosts) with
# the kernel and initramfs in VMDIR, runs the shell script JOB
# (a host path: the guest sees the host's root read-only) as root in it, and
# prints the guest's console. plain (the default): tests/vm/guest.sh is PID
# 1 and mounts cgroup2 at /sys/fs/cgroup; systemd: the host's systemd is
# PID 1 and runs JOB as a service (tests/vm/systemd-prep.sh). Exits 0 when
# the job ran to its end, 1 when the guest did not boot or the job did not
# finish within TIMEOUT seconds. $VM_CPUS: the guest's CPUs (default 2).
# Keep the vCPUs of all running guests within the host's cores: a
# descheduled vCPU's time is charged to the guest's running program, and
# limits were missed (t0401 runs its guests one after the other).
set -u
vmdir=$1 job=$2 limit=$3 mode=${4:-plain}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
case "$mode" in
plain) boot="verdict.run=$here/guest.sh" ;;
systemd) boot="verdict.run=/lib/systemd/systemd verdict.prep=$here/systemd-prep.sh systemd.unit=verdict-guest.target systemd.show_status=0 systemd.log_level=warning" ;;
*) echo "run-guest.sh: mode plain or systemd, not $mode" >&2; exit 2 ;;
esac
timeout -k 5 "$limit" qemu-system-x86_64 -machine accel="${VM_ACCEL:-tcg}" -m 2048 -smp "${VM_CPUS:-2}" -nographic -no-reboot -nic none \
	-kernel "$vmdir/vmlinuz" -initrd "$vmdir/initrd.img" \
	-append "console=ttyS0 quiet loglevel=1 panic=-1 $boot verdict.job=$job" \
	-virtfs local,path=/,mount_tag=host,security_model=passthrough,readonly=on,multidevs=remap \
	</dev/null >"$out" 2>&1
tr -d '\r' <"$out" | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\x1bc//g'
grep -q '^# guest: job done' <(tr -d '\r' <"$out")
