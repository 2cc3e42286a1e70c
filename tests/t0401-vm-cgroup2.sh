#!/bin/bash
# timeout: 420
# cgroup v2, where most servers are: a guest booted in QEMU (software
# emulation) with the host's root read-only over 9p and cgroup2 mounted at
# /sys/fs/cgroup with every controller, Verdict at the cgroup root (layout
# 1 of issue 9). In it: the sandbox tests whose subject is the cgroup
# (basic, CPU time, memory, processes, a killed supervisor's leftovers) and a
# judge smoke test (problem verify of aplusb: C, C++ and Python accepted,
# WA, TLE and RE as the package says; MLE, OLE and a fork bomb in the box). The guest's TAP lines come back over its console, named "v2
# root: ...". QEMU missing is a failure unless VERDICT_SKIP_VM=1.
. "$(dirname "$0")/lib.sh"

if [ "${VERDICT_SKIP_VM:-0}" = 1 ]; then
	echo "# SKIP VERDICT_SKIP_VM=1: the cgroup v2 guest was not booted"
	exit 0
fi
if ! command -v qemu-system-x86_64 >/dev/null; then
	not_ok "a cgroup v2 guest can boot" "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86), or set VERDICT_SKIP_VM=1"
	finish
fi
VM="$REPO/build/vm"
if ! "$REPO/tests/vm/build.sh" "$VM" >"$T/build.log" 2>&1; then
	not_ok "a kernel and initramfs for the guest are built" "$(tail -5 "$T/build.log" | tr '\n' '|')"
	finish
fi
# The job, where the guest can read it (the host's root, read-only).
JOB="$VM/job-t0401-$$.sh"
at_exit "rm -f '$JOB'"
cat >"$JOB" <<JOBEOF
cd '$REPO' || { echo "not ok - v2 root: the guest sees the checkout at $REPO"; exit 1; }
[ -x '$VERDICT' ] || { echo "not ok - v2 root: the guest sees $VERDICT"; exit 1; }
export VERDICT='$VERDICT' PROGS='$PROGS' LC_ALL=C
name() { sed -n 's/^ok - /ok - v2 root: /p; s/^not ok - /not ok - v2 root: /p; s/^# /#   /p'; }
# A plain cgroup2 root: every controller handed down.
echo "+cpu +memory +pids" >/sys/fs/cgroup/cgroup.subtree_control
tests/run.sh t0101 t0102 t0103 t0104 t0111 2>&1 | grep -v ' passed, ' | name
smoke() {
	S=/tmp/smoke
	mkdir -p \$S
	# Java is left out: under software emulation the JVM's start alone
	# takes longer than the problem's second (the host's tests judge it).
	cp -r problems/aplusb \$S/aplusb && rm \$S/aplusb/submissions/accepted/*.java
	if "\$VERDICT" problem verify \$S/aplusb >\$S/verify 2>&1; then
		echo "ok - problem verify aplusb: C, C++ and Python accepted; WA, TLE, RE as the package says"
	else
		echo "not ok - problem verify aplusb: \$(tail -5 \$S/verify | tr '\n' '|')"
	fi
	expect MLE "256 MB under a 64 MB limit is MLE" --mem 64 -- /progs/mem_touch 256
	expect OLE "4 MB past a 1 MB file limit is OLE" --fsize 1 --stdout /tmp/o -- /progs/write_mb 4
	r=\$("\$VERDICT" sandbox --dir "\$PROGS=/progs" --pids 16 --time 2 -- /progs/fork_bomb 2>/dev/null | tail -1)
	case "\$r" in *'"status":"OK"'*|'') echo "not ok - a fork bomb is stopped: \$r" ;; *) echo "ok - a fork bomb is stopped" ;; esac
	left=\$(find /sys/fs/cgroup -name 'box-*' 2>/dev/null)
	[ -z "\$left" ] && echo "ok - no box cgroup is left" || echo "not ok - no box cgroup is left: \$left"
}
# expect STATUS NAME SANDBOX-ARGS...: one box run whose status must be STATUS.
expect() {
	want=\$1 what=\$2
	shift 2
	r=\$("\$VERDICT" sandbox --dir "\$PROGS=/progs" "\$@" 2>/dev/null | tail -1)
	case "\$r" in *'"status":"'\$want'"'*) echo "ok - \$what" ;; *) echo "not ok - \$what: \$r" ;; esac
}
smoke | name
# A systemd service's layout (no systemd here: its shape): controllers
# enabled down to system.slice/verdict.service, which holds Verdict's own
# processes, so the kernel's "no internal processes" rule applies. Verdict
# must move them into a leaf and make its boxes beside it, by itself.
service() {
	svc=/sys/fs/cgroup/system.slice/verdict.service
	mkdir -p \$svc
	echo "+cpu +memory +pids" >/sys/fs/cgroup/system.slice/cgroup.subtree_control
	echo 0 >\$svc/cgroup.procs # this shell (0: the writer), and what it starts
	expect MLE "in a service's cgroup: 256 MB under a 64 MB limit is MLE" --mem 64 -- /progs/mem_touch 256
	expect TLE "in a service's cgroup: a spin loop is TLE" --time 1 -- /progs/spin
	r=\$("\$VERDICT" sandbox --dir "\$PROGS=/progs" --pids 16 --time 2 -- /progs/fork_bomb 2>/dev/null | tail -1)
	case "\$r" in *'"status":"OK"'*|*'"status":"SE"'*|'') echo "not ok - in a service's cgroup: a fork bomb is stopped: \$r" ;; *) echo "ok - in a service's cgroup: a fork bomb is stopped" ;; esac
	# (cgroup files have no size: read them.)
	[ -n "\$(cat \$svc/supervisor/cgroup.procs)" ] && [ -z "\$(cat \$svc/cgroup.procs)" ] && [ -d \$svc/verdict ] &&
		echo "ok - Verdict moved its processes into verdict.service/supervisor and boxes beside it, with no setting" ||
		echo "not ok - Verdict moved its processes into a leaf: \$(ls -d \$svc/*/ | tr '\n' ' ') procs=\$(cat \$svc/cgroup.procs | tr '\n' ' ')"
}
service | name
JOBEOF
start=$(date +%s)
"$REPO/tests/vm/run-guest.sh" "$VM" "$JOB" 400 >"$T/console" 2>&1
rc=$?
grep -E '^(ok|not ok) - |^#' "$T/console" | grep -v '^# guest: job done'
echo "# the guest ran $(($(date +%s) - start)) s"
check "the cgroup v2 guest booted and ran its job to the end" "$(tail -15 "$T/console" | tr '\n' '|')" "$rc" -eq 0
# Every part reported: the sandbox tests, the smoke test, the service shape.
check "the guest reported every part (at least 100 results, the smoke test and the service's shape)" \
	"$(grep -c '^ok - v2 root' "$T/console") results" \
	"$(grep -c '^\(not \)\?ok - v2 root' "$T/console")" -ge 100 -a \
	"$(grep -c '^\(not \)\?ok - v2 root: problem verify' "$T/console")" -eq 1 -a \
	"$(grep -c "^\(not \)\?ok - v2 root: Verdict moved its processes" "$T/console")" -eq 1
finish
