#!/usr/bin/env bash
# `make run` until the web server exists: shows what the sandbox does with a
# few well-behaved and hostile programs. Needs root, like the judge.
set -u
: "${VERDICT:?set VERDICT to build/verdict}" "${PROGS:?set PROGS to build/tests/progs}"

if [ "$(id -u)" != 0 ]; then
	echo "The sandbox needs root (cgroups, namespaces): run 'sudo make run'." >&2
	exit 1
fi

show() {
	local what=$1
	shift
	printf '\n== %s\n$ verdict sandbox %s\n' "$what" "$*"
	"$VERDICT" sandbox --dir "$PROGS=/progs" "$@"
}

echo "Verdict is not a web application yet: this is a demonstration of 'verdict sandbox',"
echo "the isolation engine every compile and test run will go through."
show "a program that prints" -- /progs/hello
show "Debian's Python 3 inside the box" -- /usr/bin/python3 -c 'import os; print("uid", os.getuid(), "sees", sorted(os.listdir("/")))'
show "an endless loop under a 1 s CPU limit" --time 1 -- /progs/spin
show "256 MB of touched memory under a 64 MB limit" --mem 64 -- /progs/mem_touch 256
show "a fork bomb" --time 1 -- /progs/fork_bomb
out=$(mktemp)
show "endless output under a 1 MB file limit" --fsize 1 --stdout "$out" -- /progs/endless_output
echo "(the output file stopped at $(stat -c %s "$out") bytes)"
rm -f "$out"
show "an i386 system call (int 0x80)" -- /progs/int80
echo
echo "Each line of JSON is the sandbox's report: status, exit code, signal, CPU, wall time, peak memory."
