# tests/vm/systemd-prep.sh NEWROOT: run by the guest's initramfs (busybox sh)
# before it starts systemd as PID 1 in NEWROOT, the host's root under a
# tmpfs overlay (what is written here stays in the guest). It makes the
# guest a plain server: no filesystems of the host's to mount, and one
# unit to boot to, verdict-guest.target, which runs the job named by
# verdict.job= with its output on the serial console, then powers off.
r=$1
job=$(sed -n 's/.*verdict\.job=\([^ ]*\).*/\1/p' /proc/cmdline)
# The host may be a container: its marker would make systemd believe the
# guest is one too, and then ignore the kernel's command line.
rm -f "$r/.dockerenv" "$r/run/.containerenv"
: >"$r/etc/fstab"
echo guest >"$r/etc/hostname"
u="$r/etc/systemd/system"
mkdir -p "$u"
cat >"$u/verdict-guest.target" <<UNIT
[Unit]
Description=The Verdict test guest
Requires=basic.target verdict-guest.service
After=basic.target verdict-guest.service
AllowIsolate=yes
UNIT
cat >"$u/verdict-guest.service" <<UNIT
[Unit]
Description=The Verdict test guest's job
After=basic.target
[Service]
Type=oneshot
ExecStart=/bin/sh -c '/bin/bash $job; echo "# guest: job done"; sync; echo o >/proc/sysrq-trigger'
StandardOutput=tty
StandardError=tty
TTYPath=/dev/ttyS0
UNIT
# Timers that would run maintenance in a guest that lives a few minutes.
ln -sf /dev/null "$u/tmp.mount" # /tmp stays the host's: a checkout there (a CI clone) is seen
# Walking the host's /var and /tmp over 9p took this unit 40 s of the boot;
# nothing of Verdict's needs it (systemd makes the service's directories).
ln -sf /dev/null "$u/systemd-tmpfiles-setup.service"
for t in apt-daily apt-daily-upgrade logrotate man-db e2scrub_all fstrim dpkg-db-backup; do
	ln -sf /dev/null "$u/$t.timer"
done
