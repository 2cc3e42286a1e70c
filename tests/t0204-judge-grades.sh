#!/bin/bash
# The gradebook: each student's best result per problem (an AC before a
# later WA, the highest score), instructors left out, a student with no
# submissions still listed; CSV a spreadsheet cannot mistake for formulas.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
A="$REPO/problems/aplusb"
G="$REPO/problems/groupsum"
v() { "$VERDICT" "$@"; }

printf 'name,role\nalice,student\nbob,student\n-dash,student\ncarol,instructor\n' >"$T/class.csv"
v user import "$T/class.csv" --passwords "$T/pw.csv" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v problem add "$A" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v problem add "$G" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
for s in "alice aplusb $A/submissions/accepted/aplusb.c" "alice aplusb $A/submissions/wrong_answer/int32.c" \
	"alice groupsum $G/submissions/wrong_answer/sixty_points.c" "bob aplusb $A/submissions/wrong_answer/int32.c" \
	"carol groupsum $G/submissions/accepted/sum.c"; do
	set -- $s
	v submit --user "$1" --problem "$2" "$3" >/dev/null 2>"$T/err" || echo "# submit $s: $(cat "$T/err")"
done
v judge --once --workers 2 >"$T/out" 2>&1 || echo "# $(cat "$T/out")"

v grades --csv --out "$T/grades.csv" >"$T/out" 2>&1
rc=$?
check "grades --csv writes the gradebook" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a -s "$T/grades.csv"
expected='user,aplusb,aplusb verdict,groupsum,groupsum verdict,total
'"'"'-dash,,,,,0
alice,1,AC,60,WA,61
bob,0,WA,,,0'
check "each student's best result: AC before a later WA, the score on a scoring problem" \
	"got: $(cat "$T/grades.csv")" "$(cat "$T/grades.csv")" = "$expected"
check "instructors are not graded" "" "$(grep -c '^carol' "$T/grades.csv")" -eq 0

v grades >"$T/table" 2>&1
rc=$?
check "grades prints a table" "rc=$rc $(cat "$T/table")" "$rc" -eq 0 -a "$(grep -c '^alice .* 1 AC .* 60 WA .* 61$' "$T/table")" -eq 1

v grades --out /nonexistent/dir/g.csv >"$T/out" 2>&1
rc=$?
check "an unwritable --out is a clear error" "rc=$rc $(cat "$T/out")" "$rc" -eq 1 -a "$(grep -c 'cannot write' "$T/out")" -eq 1
v grades extra >"$T/out" 2>&1
rc=$?
check "a stray argument is a usage error" "rc=$rc" "$rc" -eq 2
finish
