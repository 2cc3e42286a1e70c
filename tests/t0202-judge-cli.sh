#!/bin/bash
# The judge from the command line: users, problem import, submit, judge,
# result; bad input refused with nothing stored; a judge killed with -9 loses
# nothing; a regrade after new test data flips the expected verdicts.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
P="$REPO/problems/aplusb"
sql() { sqlite3 "$VERDICT_DB" "$1"; }
v() { "$VERDICT" "$@"; }

v user add alice >"$T/out" 2>&1
rc=$?
check "user add" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
v user add alice >"$T/out" 2>&1
rc=$?
check "adding the same user again is refused" "rc=$rc $(cat "$T/out")" "$rc" -ne 0 -a "$(grep -c 'already exists' "$T/out")" -eq 1
v user add 'bad name' >"$T/out" 2>&1
rc=$?
check "a user name with a space is refused" "rc=$rc $(cat "$T/out")" "$rc" -eq 2
v user add bob --role wizard >"$T/out" 2>&1
rc=$?
check "an unknown role is refused" "rc=$rc $(cat "$T/out")" "$rc" -eq 2
v problem add "$P" >"$T/out" 2>&1
rc=$?
check "problem add" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
check "problem list shows it" "$(v problem list)" "$(v problem list | grep -c '^aplusb .* v1 ')" -eq 1

# submit FILE [ARGS]: prints the id, or fails.
declare -A want
for f in accepted/aplusb.c accepted/aplusb.cpp accepted/aplusb.py accepted/Aplusb.java wrong_answer/int32.c \
	run_time_error/assert_small.py time_limit_exceeded/count_up.py; do
	id=$(v submit --user alice --problem aplusb "$P/submissions/$f" 2>"$T/err")
	check "submit $f prints an id" "$(cat "$T/err")" -n "$id"
	case $f in accepted/*) want[$id]=AC ;; wrong_answer/*) want[$id]=WA ;; run_time_error/*) want[$id]=RE ;; *) want[$id]=TLE ;; esac
done
printf 'int main(void) { return x; }\n' >"$T/broken.c"
ce=$(v submit --user alice --problem aplusb "$T/broken.c")
want[$ce]=CE
check "queued submissions are in state queued" "" "$(sql "select count(*) from submissions where state='queued'")" -eq 8

v judge --once --workers 2 >"$T/judge.out" 2>&1
check "judge --once drains the queue" "$(cat "$T/judge.out")" "$(sql "select count(*) from submissions where state<>'done'")" -eq 0
for id in "${!want[@]}"; do
	v result "$id" --json >"$T/r.json"
	got=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdict"])' "$T/r.json")
	check "submission $id judged ${want[$id]}" "$(head -c 300 "$T/r.json")" "$got" = "${want[$id]}"
done
$PY - "$T" "$VERDICT" "${!want[@]}" >"$T/shape" 2>&1 <<'EOF'
import json, subprocess, sys
t, verdict, ids = sys.argv[1], sys.argv[2], sys.argv[3:]
for i in ids:
    r = json.loads(subprocess.run([verdict, "result", i, "--json"], capture_output=True, text=True).stdout)
    assert set(r) == {"id", "state", "verdict", "score", "tests", "subtasks", "compile_output"}, r.keys()
    assert r["state"] == "done" and r["id"] == int(i)
    for row in r["tests"]:
        assert set(row) == {"name", "verdict", "cpu_ms", "wall_ms", "mem_kb", "message"}, row.keys()
        assert isinstance(row["cpu_ms"], int) and isinstance(row["mem_kb"], int)
    if r["verdict"] == "CE":
        assert "undeclared" in r["compile_output"] and r["tests"] == []
    if r["verdict"] == "AC":
        assert len(r["tests"]) == 14 and all(x["verdict"] == "AC" for x in r["tests"])
print("shape ok")
EOF
check "result --json has the documented fields and per-test rows" "$(cat "$T/shape")" "$(cat "$T/shape")" = "shape ok"

# Bad input: a clear error, a non-zero exit, nothing stored.
before=$(sql "select count(*) from submissions")
: >"$T/empty.c"
printf 'int main(void)\0{}\n' >"$T/binary.c"
head -c 200000 /dev/zero | tr '\0' 'x' >"$T/huge.c"
printf 'print(1)\n' >"$T/prog.cob"
printf 'public class A {}\n' >"$T/not-a-class.java"
bad() {
	local what=$1 text=$2
	shift 2
	v submit "$@" >"$T/out" 2>&1
	local rc=$?
	check "submit refuses $what" "rc=$rc $(cat "$T/out")" "$rc" -ne 0 -a "$(grep -c -- "$text" "$T/out")" -ge 1
}
bad "an unknown user" "no user named 'mallory'" --user mallory --problem aplusb "$P/submissions/accepted/aplusb.c"
bad "an unknown problem" "no problem named 'nope'" --user alice --problem nope "$P/submissions/accepted/aplusb.c"
bad "an unknown language" "unknown language 'cobol'" --user alice --problem aplusb --lang cobol "$P/submissions/accepted/aplusb.c"
bad "an unknown extension" "cannot tell the language" --user alice --problem aplusb "$T/prog.cob"
bad "an empty file" "is empty" --user alice --problem aplusb "$T/empty.c"
bad "a binary file" "looks like a binary file" --user alice --problem aplusb "$T/binary.c"
bad "an oversized file" "larger than 128 KiB" --user alice --problem aplusb "$T/huge.c"
bad "a missing file" "cannot read" --user alice --problem aplusb "$T/missing.c"
bad "a Java file not named after its class" "named after its public class" --user alice --problem aplusb "$T/not-a-class.java"
check "nothing was stored by the refused submissions" "" "$(sql "select count(*) from submissions")" -eq "$before"

# A judge killed with -9 in the middle of a run loses nothing.
slow=$(v submit --user alice --problem aplusb "$P/submissions/time_limit_exceeded/count_up.py")
# $VERDICT itself, not the v function: $! must be the judge, not a subshell.
{ "$VERDICT" judge --workers 1 --lease 3 >"$T/killed.out" 2>&1 & } 2>/dev/null
jpid=$!
for _ in $(seq 100); do
	[ "$(sql "select state from submissions where id=$slow")" = judging ] && break
	sleep 0.05
done
sleep 0.3
kill -9 "$jpid"
wait "$jpid" 2>/dev/null
check "the judge is dead" "" ! -d "/proc/$jpid"
check "the killed judge had claimed the submission" "" "$(sql "select state from submissions where id=$slow")" = judging
check "and recorded no judging for it" "" "$(sql "select count(*) from judgings where submission_id=$slow")" -eq 0
sleep 4.2 # let the lease expire: 3 s, counted in whole seconds
v judge --once --workers 1 --lease 3 >"$T/out" 2>&1
check "after the lease expires another judge judges it: TLE" "$(cat "$T/out")" \
	"$(sql "select state || ' ' || verdict from submissions where id=$slow")" = "done TLE"
check "exactly one judging recorded for it (none lost, none duplicated)" "" \
	"$(sql "select count(*) from judgings where submission_id=$slow")" -eq 1
no_leftovers "no box left behind by the killed judge" "count_up"

# New test data: secret/03's answer changes, so every solution that was
# right is now wrong there, and the wrong ones stay wrong.
cp -r "$P" "$T/aplusb"
echo 1 >"$T/aplusb/data/secret/03.ans"
v problem add "$T/aplusb" >"$T/out" 2>&1
check "re-adding a problem makes version 2" "$(cat "$T/out")" "$(grep -c 'added as version 2' "$T/out")" -eq 1
judged_before=$(sql "select count(*) from judgings")
v regrade --problem aplusb --workers 2 >"$T/regrade.out" 2>&1
rc=$?
sed 's/^/# /' "$T/regrade.out"
accepted=$(for id in "${!want[@]}"; do [ "${want[$id]}" = AC ] && echo "$id"; done | sort -n | tr '\n' ' ')
flipped=$(awk '$4 == "AC" && $5 == "->" && $6 == "WA" { print $1 }' "$T/regrade.out" | sort -n | tr '\n' ' ')
check "regrade exits 0" "rc=$rc" "$rc" -eq 0
check "regrade flips exactly the accepted ones to WA" "accepted: $accepted flipped: $flipped" "$flipped" = "$accepted"
check "regrade ends with a summary line" "$(tail -1 "$T/regrade.out")" \
	"$(tail -1 "$T/regrade.out" | grep -c '^regraded 9 submissions: 4 changed, 5 unchanged$')" -eq 1
check "old judgings stay in the history" "" "$(sql "select count(*) from judgings")" -eq $((judged_before + 9))
check "new judgings used version 2" "" \
	"$(sql "select count(*) from judgings j join problem_versions v on v.id=j.problem_version_id where v.version=2")" -eq 9
v regrade --user nobody >"$T/out" 2>&1
rc=$?
check "regrade of an unknown user is refused" "rc=$rc $(cat "$T/out")" "$rc" -ne 0

# A custom validator is built once, at import, kept root's beside the
# package, and its judgemessage.txt is the test's message.
F="$REPO/problems/factor"
v problem add "$F" >"$T/out" 2>&1
kept="$VERDICT_DB.data/problems/factor/v1/validator"
check "the validator is built at import and kept with the version" "$(cat "$T/out")" \
	-x "$kept/validator" -a "$(stat -c %u "$kept/validator" 2>/dev/null)" = 0
good=$(v submit --user alice --problem factor "$F/submissions/accepted/reversed.py")
bad=$(v submit --user alice --problem factor "$F/submissions/wrong_answer/trivial.py")
v judge --once --workers 2 >/dev/null 2>&1
check "a valid answer other than the judge's is AC" "" "$(sql "select verdict from submissions where id=$good")" = AC
v result "$bad" --json >"$T/r.json"
check "a wrong one is WA with the validator's message" "$(cat "$T/r.json")" \
	"$($PY -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["verdict"], r["tests"][-1]["message"])' "$T/r.json")" \
	= "WA both factors must be greater than 1 and less than N"
# Languages come from one table: listed, with their packages, and named in messages.
v languages >"$T/out" 2>&1
check "verdict languages lists every language in the table" "$(cat "$T/out")" \
	"$(awk '{ print $1 }' "$T/out" | tr '\n' ' ')" = "c cpp python2 python3 pypy3 java kotlin scala go rust javascript csharp haskell ocaml ruby php pascal lisp prolog gprolog "
check "and --packages the Debian packages they need" "$(v languages --packages)" \
	"$(v languages --packages | grep -c 'openjdk-17-jdk-headless')" -eq 1
v submit --user alice --problem aplusb --lang cobol "$P/submissions/accepted/aplusb.c" >"$T/out" 2>&1
check "an unknown language's message lists the table's ids" "$(cat "$T/out")" "$(grep -c '(c, cpp, python2, python3, pypy3, java, kotlin, scala, go, .*, lisp, prolog, gprolog)' "$T/out")" -eq 1
finish
