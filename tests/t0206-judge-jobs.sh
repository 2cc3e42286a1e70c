#!/bin/bash
# What the web hands the judge: import jobs (an upload spooled to a file and
# queued in the database) are carried out by `verdict judge`, recorded done
# or failed with a message a person can act on; hostile archives and spool
# paths outside the spool directory are refused; an import whose judge died
# is taken again; a regrade records the old verdicts so the changed ones show;
# the judge uses the database's time limit, so an instructor's change counts.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
DATA="$VERDICT_DB.data"
SPOOL="$VERDICT_DB.spool"
P="$REPO/problems"
sql() { sqlite3 "$VERDICT_DB" "$1"; }
v() { "$VERDICT" "$@"; }
# queue FILE_NAME SPOOL_PATH [STATE [LEASE_EXPIRES]]: as the web would; prints the id.
queue() {
	local owner=NULL
	[ -n "${3:-}" ] && owner="'dead-judge'"
	sql "INSERT INTO imports (file_name, spool_path, state, lease_owner, lease_expires, created_at)
	     VALUES ('$1', '$2', '${3:-queued}', $owner, ${4:-NULL}, 0); SELECT last_insert_rowid();"
}
state() { sql "SELECT state FROM imports WHERE id = $1"; }
message() { sql "SELECT message FROM imports WHERE id = $1"; }

v user add alice >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
mkdir -p "$SPOOL"

# The archives: good ones (a zip with the package at the top, a tar.gz with
# it in a directory), and bad ones.
mkdir -p "$T/slow/data/secret"
printf 'problem_format_version: 2025-09\nname: Slow Sum\nlimits:\n  time_limit: 2.0\n' >"$T/slow/problem.yaml"
echo "1 2" >"$T/slow/data/secret/1.in"
echo 3 >"$T/slow/data/secret/1.ans"
tar -C "$T" -czf "$T/slow.tar.gz" slow
# sum2.zip: the same package with secret/03's answer changed (for a regrade).
cp -r "$P/aplusb" "$T/sum2" && echo 1 >"$T/sum2/data/secret/03.ans"
$PY - "$T" "$P/aplusb" <<'PYEOF'
import os, sys, zipfile
t, aplusb = sys.argv[1], sys.argv[2]
def zipdir(name, root):
    with zipfile.ZipFile(os.path.join(t, name), "w", zipfile.ZIP_DEFLATED) as z:
        for d, dirs, files in os.walk(root):
            for f in files:
                z.write(os.path.join(d, f), os.path.relpath(os.path.join(d, f), root))
zipdir("sum.zip", aplusb)
zipdir("sum2.zip", os.path.join(t, "sum2"))
with zipfile.ZipFile(os.path.join(t, "dotdot.zip"), "w") as z:
    z.writestr("problem.yaml", "name: Evil\n")
    z.writestr("../escaped-by-zip", "gotcha\n")
with zipfile.ZipFile(os.path.join(t, "nosecret.zip"), "w") as z:
    z.writestr("problem.yaml", "problem_format_version: 2025-09\nname: No Data\n")
open(os.path.join(t, "garbage.zip"), "wb").write(b"this is not a zip file at all\n" * 10)
PYEOF

# Spooled under names of the web's choosing: the file name recorded with
# the job, not the spool file's, tells the type and the problem's name.
spool() { cp "$T/$1" "$SPOOL/$2"; echo "$SPOOL/$2"; }
good=$(queue sum.zip "$(spool sum.zip upload-000001)")
slow=$(queue slow.tar.gz "$(spool slow.tar.gz upload-000002)")
garbage=$(queue garbage.zip "$(spool garbage.zip upload-000003)")
dotdot=$(queue dotdot.zip "$(spool dotdot.zip upload-000004)")
nosecret=$(queue nosecret.zip "$(spool nosecret.zip upload-000005)")
notarchive=$(queue notes.txt "$(spool sum.zip upload-000006)")
cp "$T/sum.zip" "$T/outside.zip"
outside=$(queue outside.zip "$T/outside.zip")
mkdir -p "$DATA" && cp "$T/sum.zip" "$DATA/above.zip"
above=$(queue above.zip "$SPOOL/../verdict.db.data/above.zip")
cp "$T/sum.zip" "$T/upload-ELSEWH"
elsewhere=$(queue elsewhere.zip "$T/upload-ELSEWH")
cp "$T/sum.zip" "$T/target.zip" && ln -s "$T/target.zip" "$SPOOL/upload-000007"
linked=$(queue linked.zip "$SPOOL/upload-000007")
check "imports are queued" "" "$(sql "SELECT COUNT(*) FROM imports WHERE state = 'queued'")" -eq 10

ls -d /tmp/verdict-unpack-* >"$T/scratch-before" 2>/dev/null
v judge --once --workers 2 >"$T/judge.out" 2>&1
rc=$?
sed 's/^/# /' "$T/judge.out"
check "judge --once carries out every queued import" "rc=$rc" \
	"$rc" -eq 0 -a "$(sql "SELECT COUNT(*) FROM imports WHERE state IN ('queued', 'running')")" -eq 0
check "a good archive is imported: done, as version 1 of the problem named by the upload" "$(message "$good")" \
	"$(sql "SELECT i.state || ' ' || i.version || ' ' || p.short_name FROM imports i JOIN problems p ON p.id = i.problem_id WHERE i.id = $good")" = "done 1 sum"
check "its message says what was added, as problem add does" "$(message "$good")" \
	"$(message "$good" | grep -c '^problem sum (A Plus B) added as version 1: 14 test cases, time limit 1 s, memory 64 MB$')" -eq 1
check "the judge reports it" "" "$(grep -c "^import $good done: problem sum " "$T/judge.out")" -eq 1
check "it is a problem like any other" "$(v problem list 2>&1)" "$(v problem list | grep -c '^sum .* v1 .* 14 tests')" -eq 1
check "a package in one directory of a .tar.gz is imported" "$(message "$slow")" "$(state "$slow")" = done
check "the spool files of finished imports are removed" "$(ls "$SPOOL")" \
	! -e "$SPOOL/upload-000001" -a ! -e "$SPOOL/upload-000002" -a ! -e "$SPOOL/upload-000003" -a ! -e "$SPOOL/upload-000006"
check "a malformed archive fails, named as uploaded" "$(message "$garbage")" \
	"$(state "$garbage")" = failed -a "$(message "$garbage" | grep -c '^problem garbage: garbage.zip: not a readable archive')" -eq 1
check "a hostile archive ('..' entry) fails, with the entry named" "$(message "$dotdot")" \
	"$(state "$dotdot")" = failed -a "$(message "$dotdot" | grep -c "dotdot.zip: entry '../escaped-by-zip' is an absolute path or leaves the package")" -eq 1
check "nothing escaped the scratch directory" "" ! -e /tmp/escaped-by-zip -a -z "$(ls -d /tmp/verdict-unpack-* 2>/dev/null | grep -vxFf "$T/scratch-before")"
check "a malformed package fails with the file at fault" "$(message "$nosecret")" \
	"$(state "$nosecret")" = failed -a "$(message "$nosecret" | grep -c 'data/secret is missing')" -eq 1
check "a file name that is no archive fails" "$(message "$notarchive")" \
	"$(state "$notarchive")" = failed -a "$(message "$notarchive" | grep -c 'notes.txt is not a package archive')" -eq 1
check "a spool path outside the spool directory fails, and the file is left alone" "$(message "$outside")" \
	"$(state "$outside")" = failed -a "$(message "$outside" | grep -c 'not one the web server gives')" -eq 1 -a -f "$T/outside.zip"
check "so does one that climbs out with '..'" "$(message "$above")" \
	"$(state "$above")" = failed -a "$(message "$above" | grep -c 'not one the web server gives')" -eq 1 -a -f "$DATA/above.zip"
check "a spool name of the web's form in another directory is looked for in the judge's spool only" "$(message "$elsewhere")" \
	"$(state "$elsewhere")" = failed -a "$(message "$elsewhere" | grep -c 'cannot be read')" -eq 1 -a -f "$T/upload-ELSEWH"
check "a symbolic link in the spool directory is not followed (and its target is left alone)" "$(message "$linked")" \
	"$(state "$linked")" = failed -a "$(message "$linked" | grep -c 'symbolic link')" -eq 1 -a -f "$T/target.zip"
check "no message names the judge's own paths" "$(sql "SELECT message FROM imports WHERE message LIKE '%/proc/%' OR message LIKE '%verdict-unpack%'")" \
	"$(sql "SELECT COUNT(*) FROM imports WHERE message LIKE '%/proc/%' OR message LIKE '%verdict-unpack%'")" -eq 0
check "failed imports added no problem" "$(sql "SELECT short_name FROM problems")" \
	"$(sql "SELECT group_concat(short_name, ' ') FROM (SELECT short_name FROM problems ORDER BY short_name)")" = "slow sum"
check "finished imports have a finish time, failed ones no problem" "" \
	"$(sql "SELECT COUNT(*) FROM imports WHERE finished_at IS NULL OR (state = 'failed' AND problem_id IS NOT NULL)")" -eq 0

# A judge that died mid-import: once its lease has expired, the import is
# taken again; a lease still running is left to its judge.
tar -C "$P" -czf "$T/circle.tar.gz" circlearea
expired=$(queue circle.tar.gz "$(spool circle.tar.gz upload-000008)" running 1)
held=$(queue held.tar.gz "$(spool circle.tar.gz upload-000009)" running "$(($(date +%s) + 3600))")
v judge --once --workers 1 >"$T/out" 2>&1
check "an import whose judge died (lease expired) is taken again" "$(cat "$T/out") $(message "$expired")" \
	"$(state "$expired")" = done -a "$(sql "SELECT COUNT(*) FROM problems WHERE short_name = 'circle'")" -eq 1
check "an import another judge holds is left to it" "$(message "$held")" \
	"$(state "$held")" = running -a -f "$SPOOL/upload-000009"
sql "DELETE FROM imports WHERE id = $held"

# kill -9 during an import (building factor's validator takes a while):
# nothing is recorded, and after the lease another judge imports it once.
tar -C "$P" -czf "$T/factor.tar.gz" factor
killed=$(queue factor.tar.gz "$(spool factor.tar.gz upload-000010)")
ls -d /tmp/verdict-unpack-* >"$T/scratch-before" 2>/dev/null
{ "$VERDICT" judge --workers 1 --lease 2 >"$T/killed.out" 2>&1 & } 2>/dev/null
jpid=$!
for _ in $(seq 200); do
	[ "$(state "$killed")" = running ] && break
	sleep 0.02
done
kill -9 "$jpid"
wait "$jpid" 2>/dev/null
# The killed judge's scratch directory is ours to clean up.
ls -d /tmp/verdict-unpack-* 2>/dev/null | grep -vxFf "$T/scratch-before" | while read -r d; do rm -rf "$d"; done
check "the killed judge had claimed the import and recorded nothing" "$(cat "$T/killed.out")" \
	"$(state "$killed")" = running -a "$(sql "SELECT COUNT(*) FROM problems WHERE short_name = 'factor'")" -eq 0
sleep 3.2 # the lease: 2 s, counted in whole seconds
v judge --once --workers 1 --lease 2 >"$T/out" 2>&1
check "after the lease another judge imports it, once" "$(cat "$T/out") $(message "$killed")" \
	"$(state "$killed")" = done -a "$(sql "SELECT MAX(v.version) FROM problem_versions v JOIN problems p ON p.id = v.problem_id WHERE p.short_name = 'factor'")" = 1

# A regrade records what it changes: new test data (version 2, imported as
# a job too) makes the accepted submission wrong; the wrong one stays wrong.
ac=$(v submit --user alice --problem sum "$P/aplusb/submissions/accepted/aplusb.c")
wa=$(v submit --user alice --problem sum "$P/aplusb/submissions/wrong_answer/int32.c")
v judge --once --workers 2 >/dev/null 2>&1
check "(judged AC and WA)" "" "$(sql "SELECT group_concat(verdict, ' ') FROM (SELECT verdict FROM submissions WHERE id IN ($ac, $wa) ORDER BY id)")" = "AC WA"
second=$(queue sum.zip "$(spool sum2.zip upload-000011)")
v judge --once --workers 1 >/dev/null 2>&1
check "a second import of a problem makes version 2" "$(message "$second")" \
	"$(sql "SELECT state || ' ' || version FROM imports WHERE id = $second")" = "done 2"
# best: alice's cell for sum in the gradebook ("points verdict").
best() { v grades --csv | awk -F, -v p=sum 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == p) c = i } $1 == "alice" { print $c, $(c + 1) }'; }
check "the gradebook has alice's AC on sum" "$(v grades --csv 2>&1 | head -3)" "$(best)" = "1 AC"
v regrade --problem sum --workers 2 >"$T/regrade.out" 2>&1
rc=$?
sed 's/^/# /' "$T/regrade.out"
check "after the regrade took the AC away, it has her newest verdict, WA, and 0 points" "$(v grades --csv 2>&1 | head -3)" \
	"$(best)" = "0 WA"
check "regrade prints what changed, as before" "rc=$rc" \
	"$rc" -eq 0 -a "$(grep -c "^$ac .* AC -> WA$" "$T/regrade.out")" -eq 1 -a \
	"$(tail -1 "$T/regrade.out")" = "regraded 2 submissions: 1 changed, 1 unchanged"
check "the regrade is recorded with its scope" "" \
	"$(sql "SELECT COUNT(*) || ' ' || scope FROM regrades WHERE user_id IS NULL")" = "1 problem sum"
check "with each submission's old verdict" "" \
	"$(sql "SELECT group_concat(submission_id || ':' || old_verdict, ' ') FROM (SELECT * FROM regrade_items ORDER BY submission_id)")" = "$ac:AC $wa:WA"
check "so the changed ones can be found" "" \
	"$(sql "SELECT group_concat(i.submission_id) FROM regrade_items i JOIN submissions s ON s.id = i.submission_id WHERE s.state = 'done' AND i.old_verdict IS NOT s.verdict")" = "$ac"

# The time limit is the database's: lowered below what a program needs,
# the same program goes from AC to TLE without a new import.
cat >"$T/slow.c" <<'EOF'
#include <stdio.h>
#include <time.h>
int main(void)
{
	long long a, b;
	volatile unsigned long spin = 0;
	while (clock() < CLOCKS_PER_SEC * 3 / 10) /* 0.3 s of CPU */
		spin++;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b);
	return 0;
}
EOF
before=$(v submit --user alice --problem slow "$T/slow.c")
v judge --once --workers 1 >/dev/null 2>&1
out=$(v problem set slow --time-limit 0.1 2>&1)
check "problem set lowers the time limit" "$out" "$out" = "problem slow: hidden, time limit 0.1 s, memory $(sql "SELECT memory_mb FROM problem_versions WHERE problem_id = (SELECT id FROM problems WHERE short_name = 'slow')") MB"
after=$(v submit --user alice --problem slow "$T/slow.c")
v judge --once --workers 1 >/dev/null 2>&1
check "with the package's time limit (2 s) a 0.3 s program is AC" "" "$(sql "SELECT verdict FROM submissions WHERE id = $before")" = AC
check "with the database's, lowered to 0.1 s, it is TLE" "" "$(sql "SELECT verdict FROM submissions WHERE id = $after")" = TLE

# An upload whose name is not a problem's ("x (1).tar.gz", as browsers save a
# second download) takes the name of the single directory it holds; with
# no such directory it fails, saying what to rename.
mkdir -p "$T/renamed" && cp -r "$T/slow" "$T/renamed/slowtwo"
tar -C "$T/renamed" -czf "$T/renamed.tar.gz" slowtwo
cp "$T/sum.zip" "$T/flat.zip"
twice=$(queue 'slow (1).tar.gz' "$(spool renamed.tar.gz upload-000020)")
flat=$(queue 'my sum.zip' "$(spool flat.zip upload-000021)")
v judge --once --workers 1 >/dev/null 2>&1
check "'slow (1).tar.gz' holding slowtwo/ is imported as slowtwo" "$(message "$twice")" \
	"$(sql "SELECT i.state || ' ' || p.short_name FROM imports i JOIN problems p ON p.id = i.problem_id WHERE i.id = $twice")" = "done slowtwo"
check "'my sum.zip' with the package at its top fails, saying to rename it" "$(message "$flat")" \
	"$(state "$flat")" = failed -a "$(message "$flat" | grep -c 'rename the file')" -eq 1

# problem set: refusals leave the problem as it was.
v problem set slow --memory-mb 5 >"$T/out" 2>&1
rc=$?
check "a memory limit out of range is refused (exit 2)" "rc=$rc $(cat "$T/out")" $rc = 2 -a "$(grep -c "16 to 4096" "$T/out")" = 1
v problem set slow --time-limit soon >"$T/out" 2>&1
rc=$?
check "a time limit that is not a number is refused (exit 2)" "rc=$rc $(cat "$T/out")" $rc = 2
v problem set nosuch --hidden >"$T/out" 2>&1
rc=$?
check "an unknown problem is refused (exit 1)" "rc=$rc $(cat "$T/out")" $rc = 1 -a "$(grep -c "no problem named nosuch" "$T/out")" = 1
check "and the limit stays" "" "$(sql "SELECT time_limit FROM problem_versions WHERE problem_id = (SELECT id FROM problems WHERE short_name = 'slow')")" = 0.1
v problem set slow --hidden >/dev/null 2>&1
check "problem set --hidden hides it" "" "$(sql "SELECT visible FROM problems WHERE short_name = 'slow'")" = 0
check "and problem list says so" "$(v problem list 2>&1)" "$(v problem list 2>&1 | grep -c '^slow .*(hidden)$')" = 1
v problem set slow --visible >/dev/null 2>&1
check "problem set --visible shows it again" "" "$(sql "SELECT visible FROM problems WHERE short_name = 'slow'")" = 1
no_leftovers "no box left behind"
finish
