#!/bin/bash
# timeout: 600
# testlib checkers: a checker that registers with testlib runs as `checker
# input output answer` in the sandbox; exit 1 is WA, 2 (presentation error)
# WA with the reason said, 3 (FAIL: the jury's answer is wrong) JE, 7
# (points) AC with the points; a crash is JE. (Each checker is compiled
# with testlib.h: ~7 s of CPU each.)
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
DATA="$T/verdict.db.data"
P="$REPO/problems"
v() { timeout -k 5 "${IMPORT_TIMEOUT:-300}" "$VERDICT" "$@"; }
sql() { sqlite3 "$VERDICT_DB" "$1"; }
mkdir -p "$T/pkgs" "$T/work"

# ---- testlib checkers, judged as students' submissions are ----
v user add ann >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v problem add "$P/coprimesplit" >"$T/out" 2>&1
rc=$?
check "a package with a testlib checker imports" "$(cat "$T/out")" "$rc" -eq 0
# judged SOURCE [PROBLEM]: submits it, judges it, leaves `result --json` in $T/result.
judged() {
	local id
	id=$(v submit --user ann --problem "${2:-coprimesplit}" "$1" 2>"$T/err")
	v judge --once --workers 1 >/dev/null 2>&1
	v result "$id" --json >"$T/result" 2>&1
}
verdict_is() { grep -q "\"verdict\": *\"$1\"" "$T/result"; }
judged "$P/coprimesplit/submissions/accepted/one.c"
check "testlib exit 0: AC" "$(head -c 600 "$T/result")" -n "$(verdict_is AC && echo y)"
judged "$P/coprimesplit/submissions/wrong_answer/halves.py"
check "testlib exit 1: WA with the checker's message" "$(head -c 600 "$T/result")" \
	-n "$(verdict_is WA && grep -q 'share the divisor' "$T/result" && echo y)"
judged "$P/coprimesplit/submissions/wrong_answer/words.py"
check "testlib exit 2: WA, said to be a presentation error" "$(head -c 600 "$T/result")" \
	-n "$(verdict_is WA && grep -q 'presentation error' "$T/result" && echo y)"

# A package of our own: the checker is written here, to end as told.
checker_pkg() { # NAME CHECKER_BODY: coprimesplit with another checker
	rm -rf "$T/pkgs/$1" && cp -r "$P/coprimesplit" "$T/pkgs/$1"
	cat >"$T/pkgs/$1/output_validator/checker.cpp" <<EOC
#include "testlib.h"
#include <cstdlib>
int main(int argc, char *argv[])
{
	registerTestlibCmd(argc, argv);
	$2
}
EOC
}
checker_pkg points 'ouf.readLong(); ouf.readLong(); quitp(0.25, "a quarter");'
v problem add "$T/pkgs/points" >"$T/out" 2>&1
judged "$P/coprimesplit/submissions/accepted/one.c" points
check "testlib exit 7: AC with the points" "$(head -c 600 "$T/result")" \
	-n "$(verdict_is AC && grep -q 'points 0.25 a quarter' "$T/result" && echo y)"
checker_pkg crash 'std::abort();'
v problem add "$T/pkgs/crash" >"$T/out" 2>&1
judged "$P/coprimesplit/submissions/accepted/one.c" crash
check "a testlib checker that crashes: JE" "$(head -c 600 "$T/result")" -n "$(verdict_is JE && echo y)"
# FAIL: the jury's answer is no coprime split (testlib turns a WA found in
# the answer file into _fail).
rm -rf "$T/pkgs/badjury" && cp -r "$P/coprimesplit" "$T/pkgs/badjury"
echo "2 2" >"$T/pkgs/badjury/data/secret/01.ans"
v problem verify --work "$T/work" "$T/pkgs/badjury" >"$T/out" 2>&1
rc=$?
check "testlib exit 3 (FAIL, a wrong jury answer): JE, and verify says so" "rc=$rc $(head -c 600 "$T/out")" \
	"$rc" -eq 1 -a "$(grep -c 'got JE.*FAIL' "$T/out")" -ge 1

finish
