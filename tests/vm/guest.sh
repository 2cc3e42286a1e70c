#!/bin/sh
# PID 1 of a guest, after tests/vm/init switched into the host's root (read
# only, with a tmpfs overlay: writes, /tmp's too, stay in the guest): mounts
# what a system has (cgroup2 at /sys/fs/cgroup), runs the job named by
# verdict.job= on the kernel's command line with its output on the
# console, and powers off. /tmp is the host's, seen through the overlay, so
# that a checkout under /tmp (a CI clone) is there.
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t cgroup2 cgroup2 /sys/fs/cgroup
mount -t tmpfs tmpfs /run
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
hostname guest
ip link set lo up 2>/dev/null || ifconfig lo up 2>/dev/null
job=$(sed -n 's/.*verdict\.job=\([^ ]*\).*/\1/p' /proc/cmdline)
echo "# guest: kernel $(uname -r), cgroup2 controllers: $(cat /sys/fs/cgroup/cgroup.controllers)"
/bin/bash "$job" 2>&1
echo "# guest: job done"
sync
echo o >/proc/sysrq-trigger
while :; do :; done
