#!/bin/bash
# tests/run.sh [TEST...]: runs the test scripts (default: every tests/t*.sh)
# and every executable in $UNIT if that directory exists, each under
# `timeout 120` (or its own "# timeout: N"), several at once (below), each
# one's output printed whole when it ends. Each prints TAP lines ("ok -
# NAME", "not ok - NAME: DETAIL", "# diagnostics"). A script that times out,
# or exits non-zero without a "not ok" line, counts as one failure named
# after it; one that prints only "# SKIP REASON" and exits 0 is skipped.
# Prints the failures again at the end, then one line "N passed, N failed"
# (", N skipped" when some were); exits 1 if any failed.
# Test names given as arguments run just those (and no unit tests).
#   VERDICT=build/verdict PROGS=build/tests/progs UNIT=build/tests/unit tests/run.sh
set -u
export LC_ALL=C
here=$(dirname "$0")
: "${VERDICT:?set VERDICT to the verdict binary}"
: "${PROGS:?set PROGS to the directory of the built test programs}"
VERDICT=$(realpath "$VERDICT")
PROGS=$(realpath "$PROGS")
export VERDICT PROGS

tests=()
for t in "$@"; do # a path, or a name in tests/ ("t0101-sandbox-basic.sh", "t0101")
	if [ -f "$t" ]; then
		tests+=("$t")
	else
		m=("$here/$t" "$here"/"$t"*.sh)
		for c in "${m[@]}"; do [ -f "$c" ] && { tests+=("$c"); break; }; done
		[ -f "$c" ] || { echo "run.sh: no test $t" >&2; exit 2; }
	fi
done
if [ $# -eq 0 ]; then
	for t in "$here"/t[0-9]*.sh; do [ -f "$t" ] && tests+=("$t"); done
fi
if [ $# -eq 0 ] && [ -n "${UNIT:-}" ] && [ -d "$UNIT" ]; then
	for u in "$UNIT"/*; do [ -f "$u" ] && [ -x "$u" ] && tests+=("$u"); done
fi

passed=0
failed=0
skipped=0
failures=()
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# header_value TEST KEY: "# KEY: VALUE" among a script's first ten lines.
header_value() {
	case "$1" in *.sh) head -10 "$1" | sed -n "s/^# $2: \\(.*\\)$/\\1/p" | head -1 ;; esac
}

# A group of its own for each test, in each cgroup v1 hierarchy the
# sandbox uses (root only): a box's group is made under its supervisor's
# own group, so a test sees only its own boxes (tests/lib.sh box_cgroups,
# from $VERDICT_TEST_CGROUPS) and a start cleans up only the dead
# supervisors of its own test. Where they cannot be made (cgroup v2, not
# root), the tests run one at a time.
cg_parents=()
v1_parent() { # CONTROLLER: this shell's group directory in its v1 hierarchy
	local mnt path
	mnt=$(awk -v c="$1" '{ split($0, side, " - "); split(side[2], f, " "); n = split(f[3], o, ",")
		for (i = 1; i <= n; i++) if (f[1] == "cgroup" && o[i] == c) { split(side[1], m, " "); print m[5]; exit } }' /proc/self/mountinfo)
	path=$(awk -F: -v c="$1" '{ n = split($2, o, ","); for (i = 1; i <= n; i++) if (o[i] == c) { print $3; exit } }' /proc/$$/cgroup)
	[ -n "$mnt" ] && [ -n "$path" ] && [ -d "$mnt$path" ] && [ -w "$mnt$path/cgroup.procs" ] || return 1
	echo "$mnt${path%/}"
}
if [ "$(id -u)" = 0 ]; then
	for c in pids memory cpuacct; do
		p=$(v1_parent $c) || { cg_parents=(); break; }
		cg_parents+=("$p")
	done
fi

# in_own_groups I: moves this (sub)shell into test I's groups, and sets
# VERDICT_TEST_CGROUPS to them.
in_own_groups() {
	local p g dirs=""
	for p in "${cg_parents[@]}"; do
		g="$p/verdict-test-$$-$1"
		mkdir -p "$g" && echo "$BASHPID" >"$g/cgroup.procs" || return 1
		dirs="$dirs${dirs:+:}$g"
	done
	[ -z "$dirs" ] || export VERDICT_TEST_CGROUPS="$dirs"
}
# out_of_own_groups I: back to the parents, and the test's groups removed
# (with any box group a killed supervisor left in them).
out_of_own_groups() {
	local p
	for p in "${cg_parents[@]}"; do
		echo "$BASHPID" >"$p/cgroup.procs" 2>/dev/null
		find "$p/verdict-test-$$-$1" -depth -type d -exec rmdir {} + 2>/dev/null
	done
}

# run_one I: runs tests[I] into $dir/I.out, its exit status into $dir/I.rc
# and its limit and seconds into $dir/I.info. A script may ask for more
# time than 120 s with a line "# timeout: N" (the VM tests boot a guest in
# software emulation).
run_one() {
	local t=${tests[$1]} limit t_start rc
	limit=$(header_value "$t" timeout)
	limit=${limit:-120}
	t_start=$(date +%s)
	in_own_groups "$1" || echo "# run.sh: cannot give $t cgroups of its own"
	case "$t" in
	*.sh) timeout -k 10 "$limit" bash "$t" >"$dir/$1.out" 2>&1 </dev/null ;;
	*) timeout -k 10 "$limit" "$t" >"$dir/$1.out" 2>&1 </dev/null ;;
	esac
	rc=$?
	out_of_own_groups "$1"
	echo "$limit $(($(date +%s) - t_start))" 2>/dev/null >"$dir/$1.info"
	echo $rc 2>/dev/null >"$dir/$1.rc" # (gone when run.sh was stopped)
}

# report I: prints tests[I]'s output and adds up its results.
report() {
	local t=${tests[$1]} out="$dir/$1.out" rc limit secs p f lines why=""
	rc=$(cat "$dir/$1.rc")
	read -r limit secs <"$dir/$1.info"
	echo "# $t"
	cat "$out"
	echo "# $(basename "$t") took $secs s"
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	passed=$((passed + p))
	failed=$((failed + f))
	lines=$(grep '^not ok ' "$out")
	[ -z "$lines" ] || while IFS= read -r line; do failures+=("$line"); done <<<"$lines"
	if [ "$rc" -eq 0 ] && [ $((p + f)) -eq 0 ] && grep -q '^# SKIP ' "$out"; then
		skipped=$((skipped + 1)) # it said why, in one line
		return
	elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		why="timed out after $limit s"
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		why="exited $rc without a failing test"
	elif [ $((p + f)) -eq 0 ]; then
		why="printed no test results"
	fi
	if [ -n "$why" ]; then
		echo "not ok - $t: $why"
		failures+=("not ok - $t: $why")
		failed=$((failed + 1))
	fi
}

# Several at once, one more than the cores (at most 4; $VERDICT_TEST_JOBS
# overrides): many tests spend much of their time waiting (for a judge, a
# browser, a kill storm's pauses), each test has its own scratch directory,
# state, port and cgroups, and a box's limits are CPU time, which a busy
# neighbour does not use up. On 2 cores the tests other than the VM's took
# 9 min one per core and 7.8 min three at a time (16 min one by one). A
# script with a line "# alone: WHY" among its first ten runs by itself,
# after the others (t0102 sums CPU over both cores, the VM guests need
# every core). The long ones (a "# timeout:" above 120 s) start first, so
# that no core idles at the end.
jobs=${VERDICT_TEST_JOBS:-$(($(nproc) + 1))}
[ ${#cg_parents[@]} -gt 0 ] || jobs=1
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1
[ "$jobs" -le 4 ] || jobs=4
long=() short=() alone=()
for i in "${!tests[@]}"; do
	if [ -n "$(header_value "${tests[$i]}" alone)" ]; then
		alone+=("$i")
	elif [ "$(header_value "${tests[$i]}" timeout)" -gt 120 ] 2>/dev/null; then
		long+=("$i")
	else
		short+=("$i")
	fi
done
declare -A running=()
# Stopped (Ctrl-C, a CI timeout): the running tests too. Each runs under
# `timeout`, in a process group of its own, which a terminal's SIGINT
# does not reach; TERM to it is passed on to the test.
trap 'for p in "${!running[@]}"; do pkill -TERM -P "$p"; done; exit 130' INT TERM
reap_one() { # waits for one running test to end, and reports it
	local done_pid
	wait -n -p done_pid "${!running[@]}"
	report "${running[$done_pid]}"
	unset "running[$done_pid]"
}
for i in "${long[@]}" "${short[@]}"; do
	while [ ${#running[@]} -ge "$jobs" ]; do reap_one; done
	run_one "$i" &
	running[$!]=$i
done
while [ ${#running[@]} -gt 0 ]; do reap_one; done
for i in "${alone[@]}"; do
	run_one "$i" &
	running[$!]=$i
	reap_one
done

if [ $failed -gt 0 ]; then
	echo "# failures:"
	printf '%s\n' "${failures[@]}"
fi
if [ $skipped -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ $failed -eq 0 ]
