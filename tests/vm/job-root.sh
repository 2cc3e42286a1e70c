#!/bin/bash
# tests/vm/job-root.sh: the cgroup v2 guest's job in layout 1, Verdict at a
# plain cgroup2 root (tests/vm/guest.sh is PID 1, no systemd): the sandbox
# tests (t01*) and a judge smoke test, then the shape a systemd
# service's cgroup has, made by hand. TAP lines named "v2 root: ...".
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO" || exit 1
export VERDICT="$REPO/build/verdict" PROGS="$REPO/build/tests/progs" LC_ALL=C
export VERDICT_TEST_JOBS=1 # the streams below are this job's own
name() { sed -u -n 's/^ok - /ok - v2 root: /p; s/^not ok - /not ok - v2 root: /p; s/^# /#   /p'; }
[ -x "$VERDICT" ] || { echo "not ok - v2 root: the guest sees $VERDICT" ; exit 1; }
echo "+cpu +memory +pids" >/sys/fs/cgroup/cgroup.subtree_control

# expect STATUS NAME SANDBOX-ARGS...: one box run whose status must be STATUS.
expect() {
	local want=$1 what=$2 r
	shift 2
	r=$("$VERDICT" sandbox --dir "$PROGS=/progs" "$@" 2>/dev/null | tail -1)
	case "$r" in *'"status":"'$want'"'*) echo "ok - $what" ;; *) echo "not ok - $what: $r" ;; esac
}

# Every sandbox test (t01*). The guest has two vCPUs and these run one
# after the other in about 115 s, so after t0102 (its summed-CPU check
# needs both vCPUs to itself) they run in two streams, the smoke test
# in the second: about 75 s. A box's limits are CPU time, which the guest
# charges only while a program runs, so the streams do not push each
# other's runs past a limit.
T0=$(cut -d. -f1 /proc/uptime)
mark() { echo "# v2 root: at $(($(cut -d. -f1 /proc/uptime) - T0)) s of the job: $1"; }
# t0102 alone: its summed-CPU check needs both vCPUs. t0111 alone: it
# looks for the group a killed supervisor left, which the next sandbox
# to start (another stream's) would clean up.
tests/run.sh t0102 t0111 2>&1 | grep -v ' passed, ' | name
mark "t0102 and t0111 done"

smoke() {
	local S=/tmp/smoke-root r
	mkdir -p $S
	# Java is left out here (the service guest judges it), and all but
	# four tests (two samples, 10^18, 2^31): Python's runs are most of the time under emulation.
	cp -r problems/aplusb $S/aplusb && rm $S/aplusb/submissions/accepted/*.java
	find $S/aplusb/data/secret -type f ! -name '03.*' ! -name '05.*' -delete
	# 4 s, not 1: Python's start alone took 0.5 to 1.2 s of CPU under
	# emulation (count_up.py's 10^18 steps are too slow for any limit).
	sed -i 's/^  time_limit: .*/  time_limit: 4.0/' $S/aplusb/problem.yaml
	if "$VERDICT" problem verify $S/aplusb >$S/verify 2>&1; then
		echo "ok - problem verify aplusb: C, C++ and Python accepted; WA, TLE, RE as the package says"
	else
		echo "not ok - problem verify aplusb: $(tail -5 $S/verify | tr '\n' '|')"
	fi
	expect MLE "256 MB under a 64 MB limit is MLE" --mem 64 -- /progs/mem_touch 256
	expect OLE "4 MB past a 1 MB file limit is OLE" --fsize 1 --stdout /tmp/o -- /progs/write_mb 4
	r=$("$VERDICT" sandbox --dir "$PROGS=/progs" --pids 16 --time 2 -- /progs/fork_bomb 2>/dev/null | tail -1)
	case "$r" in *'"status":"OK"'* | *'"status":"SE"'* | '') echo "not ok - a fork bomb is stopped: $r" ;; *) echo "ok - a fork bomb is stopped" ;; esac
	# A parent group without the controllers: SE, never a run without limits.
	mkdir -p /sys/fs/cgroup/bare/inner
	VERDICT_CGROUP_ROOT=/sys/fs/cgroup/bare/inner expect SE "a box whose cgroup lacks memory and pids is SE" -- /progs/trivial
}
W=/tmp/job-root
mkdir -p $W
tests/run.sh t0101 t0103 t0105 t0107 t0109 t0110 >$W/a 2>&1 &
{ tests/run.sh t0104 t0106 t0108 2>&1; smoke; } >$W/b 2>&1
wait
cat $W/a $W/b | grep -v ' passed, ' | name
mark "the two streams done"
left=$(find /sys/fs/cgroup -name 'box-*' 2>/dev/null)
[ -z "$left" ] && echo "ok - no box cgroup is left" | name || echo "not ok - no box cgroup is left: $left" | name

# A systemd service's shape, made by hand: controllers enabled down to
# system.slice/verdict.service, which holds Verdict's own processes (the
# kernel's "no internal processes" rule). Verdict must move them into a
# leaf and make its boxes beside it, by itself.
service_shape() {
	local svc=/sys/fs/cgroup/system.slice/verdict.service r
	mkdir -p $svc
	echo "+cpu +memory +pids" >/sys/fs/cgroup/system.slice/cgroup.subtree_control
	echo 0 >$svc/cgroup.procs # this shell, and what it starts
	expect MLE "in a service's cgroup: 256 MB under a 64 MB limit is MLE" --mem 64 -- /progs/mem_touch 256
	expect TLE "in a service's cgroup: a spin loop is TLE" --time 1 -- /progs/spin
	r=$("$VERDICT" sandbox --dir "$PROGS=/progs" --pids 16 --time 2 -- /progs/fork_bomb 2>/dev/null | tail -1)
	case "$r" in *'"status":"OK"'* | *'"status":"SE"'* | '') echo "not ok - in a service's cgroup: a fork bomb is stopped: $r" ;; *) echo "ok - in a service's cgroup: a fork bomb is stopped" ;; esac
	# (cgroup files have no size: read them.)
	if [ -n "$(cat $svc/supervisor/cgroup.procs)" ] && [ -z "$(cat $svc/cgroup.procs)" ] && [ -d $svc/verdict ]; then
		echo "ok - Verdict moved its processes into verdict.service/supervisor and boxes beside it, with no setting"
	else
		echo "not ok - Verdict moved its processes into a leaf: $(ls -d $svc/*/ | tr '\n' ' ') procs=$(cat $svc/cgroup.procs | tr '\n' ' ')"
	fi
}
service_shape | name
