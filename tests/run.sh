#!/bin/bash
# tests/run.sh [TEST...]: runs the test scripts (default: every tests/t*.sh,
# in order) and every executable in $UNIT if that directory exists, each under
# `timeout 120` (or its own "# timeout: N"). Each prints TAP lines ("ok -
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
out=$(mktemp)
trap 'rm -f "$out"' EXIT

for t in "${tests[@]}"; do
	echo "# $t"
	t_start=$(date +%s)
	# A script may ask for more time than 120 s with a line "# timeout: N"
	# among its first ten (the VM tests boot a guest in software emulation).
	limit=120
	case "$t" in *.sh) limit=$(head -10 "$t" | sed -n 's/^# timeout: \([0-9][0-9]*\)$/\1/p' | head -1) ;; esac
	limit=${limit:-120}
	case "$t" in
	*.sh) timeout -k 10 "$limit" bash "$t" >"$out" 2>&1 </dev/null ;;
	*) timeout -k 10 "$limit" "$t" >"$out" 2>&1 </dev/null ;;
	esac
	rc=$?
	cat "$out"
	echo "# $(basename "$t") took $(($(date +%s) - t_start)) s"
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	passed=$((passed + p))
	failed=$((failed + f))
	lines=$(grep '^not ok ' "$out")
	[ -z "$lines" ] || while IFS= read -r line; do failures+=("$line"); done <<<"$lines"
	why=""
	if [ $rc -eq 0 ] && [ $((p + f)) -eq 0 ] && grep -q '^# SKIP ' "$out"; then
		skipped=$((skipped + 1)) # it said why, in one line
		continue
	elif [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		why="timed out after $limit s"
	elif [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		why="exited $rc without a failing test"
	elif [ $((p + f)) -eq 0 ]; then
		why="printed no test results"
	fi
	if [ -n "$why" ]; then
		echo "not ok - $t: $why"
		failures+=("not ok - $t: $why")
		failed=$((failed + 1))
	fi
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
