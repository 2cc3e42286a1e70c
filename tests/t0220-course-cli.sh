#!/bin/bash
# Courses from the command line: course add refuses a taken name and an
# unknown zone; enrol creates missing accounts (passwords in a 0600 file),
# is idempotent, reports who left the roster without deleting them, and
# changes nothing on a bad roster; assignment times are read in the
# course's zone and stored in UTC; assignment add/set refuse what makes no
# sense; a new problem is hidden until published.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
sql() { sqlite3 "$VERDICT_DB" "$1"; }
v() { "$VERDICT" "$@"; }
cd "$T" || exit 1

# ---- courses ----
v course add CS101 --title 'Programming 1' --term '2026 fall' --zone Europe/Amsterdam --late-days 2 >"$T/out" 2>&1
rc=$?
check "course add" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
v course add CS101 --title again >"$T/out" 2>&1
rc=$?
check "a course name in use is refused" "rc=$rc $(cat "$T/out")" "$rc" -eq 1 -a "$(grep -c 'already exists' "$T/out")" -eq 1
v course add CS102 --title x --zone Mars/Olympus >"$T/out" 2>&1
rc=$?
check "an unknown time zone is refused, not taken as UTC" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 2 -a "$(grep -c "unknown time zone 'Mars/Olympus'" "$T/out")" -eq 1
v course add 'bad name' --title x >"$T/out" 2>&1
rc=$?
check "a course name with a space is refused" "rc=$rc" "$rc" -eq 2
check "course list shows the course, its zone and late days" "$(v course list)" \
	"$(v course list | grep -c '^CS101 .*Programming 1 .*2026 fall .*Europe/Amsterdam .*2 late days')" -eq 1

# ---- enrol ----
cat >roster.csv <<'EOF'
user,full name,number,section,role
alice,"Liddell, Alice",s1001,A,student
bob,Bob Builder,bob@example.org,B,
tom,Tom Assistant,t1,,ta
EOF
v course enrol CS101 roster.csv >"$T/out" 2>&1
rc=$?
check "enrol adds everyone on the roster" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 0 -a "$(grep -c '^course CS101: 3 added, 0 updated, 0 unchanged$' "$T/out")" -eq 1
check "missing accounts are created, their passwords in a file only its owner can read" "$(ls -l roster-passwords.csv 2>&1)" \
	"$(stat -c %a roster-passwords.csv)" = 600 -a "$(grep -cE '^(alice|bob|tom),[A-Za-z2-9]{16}$' roster-passwords.csv)" -eq 3
check "a quoted full name keeps its comma; the role defaults to student" "" \
	"$(sql "select m.full_name || '|' || m.role from course_members m join users u on u.id=m.user_id where u.name in ('alice','bob') order by u.name")" \
	= "Liddell, Alice|student
Bob Builder|student"
check "a TA is a member with the course role ta and the site role student" "" \
	"$(sql "select m.role || ' ' || u.role from course_members m join users u on u.id=m.user_id where u.name='tom'")" = "ta student"

before=$(sql "select count(*) from users")
v course enrol CS101 roster.csv >"$T/out" 2>&1
rc=$?
check "enrolling the same roster again changes nothing (idempotent)" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 0 -a "$(grep -c '^course CS101: 0 added, 0 updated, 3 unchanged$' "$T/out")" -eq 1 \
	-a "$(grep -c 'new accounts\|no longer' "$T/out")" -eq 0 -a "$(sql "select count(*) from users")" -eq "$before"

# bob has dropped the course, tom moved to section B, carol joined.
cat >roster2.csv <<'EOF'
alice,"Liddell, Alice",s1001,A,student
tom,Tom Assistant,t1,B,ta
carol,Carol,s1003,A
EOF
v course enrol CS101 roster2.csv >"$T/out" 2>&1
rc=$?
check "an updated roster adds and updates" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 0 -a "$(grep -c '^course CS101: 1 added, 1 updated, 1 unchanged$' "$T/out")" -eq 1
check "it reports who is no longer on the roster" "$(cat "$T/out")" \
	"$(grep -c '^1 no longer on the roster' "$T/out")" -eq 1 -a "$(grep -c '^  bob .*Bob Builder .*bob@example.org' "$T/out")" -eq 1
check "without deleting them: bob is still a member, marked off the roster, his account kept" "" \
	"$(sql "select m.on_roster from course_members m join users u on u.id=m.user_id where u.name='bob'")" = 0
check "only the new account's password is written, to a file of its own" "$(cat roster2-passwords.csv 2>&1)" \
	"$(grep -c '^carol,' roster2-passwords.csv)" -eq 1 -a "$(wc -l <roster2-passwords.csv)" -eq 2
v course members CS101 >"$T/out" 2>&1
check "course members marks who is off the roster" "$(cat "$T/out")" \
	"$(grep -c '^bob .*(not on the roster)' "$T/out")" -eq 1 -a "$(grep -c '^tom  *ta .* B' "$T/out")" -eq 1

members=$(sql "select count(*) || '/' || sum(on_roster) from course_members")
users=$(sql "select count(*) from users")
bad() {
	local what=$1 text=$2 content=$3
	printf "$content" >bad.csv
	rm -f bad-passwords.csv
	v course enrol CS101 bad.csv >"$T/out" 2>&1
	local rc=$?
	check "enrol refuses $what" "rc=$rc $(cat "$T/out")" "$rc" -ne 0 -a "$(grep -cF -- "$text" "$T/out")" -eq 1
	check "and changes nothing after $what" "" \
		"$(sql "select count(*) || '/' || sum(on_roster) from course_members")" = "$members" \
		-a "$(sql "select count(*) from users")" -eq "$users" -a ! -e bad-passwords.csv
}
bad "an unknown role" "bad.csv:2: 'zed' has an unknown role" 'alice,A,1,A,student\nzed,Z,2,A,wizard\n'
bad "a bad user name" "bad.csv:1: 'no spaces' is not a valid user name" 'no spaces,N,1,A\n'
bad "a name twice" "bad.csv:3: 'yan' appears twice" 'yan,Y,1\nxu,X,2\nyan,Y,1\n'
bad "an unclosed quote" "bad.csv:1: a quoted field is not closed" 'yan,"Y,1\n'
bad "an empty roster" "has nobody on it" ''
printf 'alice,"Liddell, Alice",s1001,A\nnewbie,New,s9,A\n' >taken.csv
echo 'earlier' >taken-passwords.csv
v course enrol CS101 taken.csv >"$T/out" 2>&1
rc=$?
check "enrol never writes over an earlier passwords file" "rc=$rc $(cat "$T/out")" \
	"$rc" -ne 0 -a "$(grep -c 'would be overwritten' "$T/out")" -eq 1 -a "$(cat taken-passwords.csv)" = earlier
check "and then adds nobody" "" "$(sql "select count(*) from users where name='newbie'")" -eq 0 \
	-a "$(sql "select count(*) || '/' || sum(on_roster) from course_members")" = "$members"

# ---- assignments: times in the course's zone ----
v problem add "$REPO/problems/aplusb" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v problem add "$REPO/problems/groupsum" --publish >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
check "a newly added problem is hidden from students" "$(v problem list)" "$(v problem list | grep -c '^aplusb .*(hidden)')" -eq 1
check "problem add --publish publishes it" "$(v problem list)" "$(v problem list | grep -c '^groupsum .*(hidden)')" -eq 0
v assignment add CS101 hw1 --title 'Homework 1' --opens '2026-01-20 09:00' --due '2026-07-01 12:00' \
	--late-until '2026-07-03 12:00' --late penalty:10/day,floor:50 --problem aplusb:40 --problem groupsum:60 >"$T/out" 2>&1
rc=$?
check "assignment add" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
# 09:00 CET is 08:00 UTC; 12:00 CEST is 10:00 UTC.
check "times are read in the course's zone and stored in UTC, across the DST change" \
	"$(sql "select opens_at, due_at, late_until from assignments")" \
	"$(sql "select opens_at || ' ' || due_at || ' ' || late_until from assignments where short_name='hw1'")" \
	= "$(date -u -d '2026-01-20 08:00' +%s) $(date -u -d '2026-07-01 10:00' +%s) $(date -u -d '2026-07-03 10:00' +%s)"
check "the policy and the points are stored as given" "" \
	"$(sql "select late_kind || ' ' || late_percent || ' ' || late_unit || ' ' || late_floor from assignments")" = "penalty 1000 day 5000" \
	-a "$(sql "select group_concat(points, ',') from (select points from assignment_problems order by position)")" = "4000,6000"
v assignment list CS101 >"$T/out" 2>&1
check "assignment list shows the times in the course's zone, offset written out" "$(cat "$T/out")" \
	"$(grep -c 'opens .*2026-01-20 09:00 CET (UTC+01:00)' "$T/out")" -eq 1 \
	-a "$(grep -c 'due .*2026-07-01 12:00 CEST (UTC+02:00)' "$T/out")" -eq 1 \
	-a "$(grep -c 'late penalty:10/day,floor:50, counts best, feedback full' "$T/out")" -eq 1

refused() {
	local what=$1 text=$2
	shift 2
	v assignment "$@" >"$T/out" 2>&1
	local rc=$?
	check "assignment refuses $what" "rc=$rc $(cat "$T/out")" "$rc" -ne 0 -a "$(grep -cF -- "$text" "$T/out")" -eq 1
}
refused "a local time the clocks skip" "does not exist" add CS101 hw2 --title x --opens '2026-03-29 02:30' \
	--due '2026-04-01 12:00' --problem aplusb
refused "a time not in YYYY-MM-DD HH:MM" "--due" add CS101 hw2 --title x --opens '2026-03-01 10:00' --due 'tomorrow' \
	--problem aplusb
refused "a due time before it opens" "open after its due time" add CS101 hw2 --title x --opens '2026-03-10 10:00' \
	--due '2026-03-01 10:00' --problem aplusb
refused "a late policy without a late window" "needs --late-until" add CS101 hw2 --title x --opens '2026-03-01 10:00' \
	--due '2026-03-02 10:00' --late days --problem aplusb
refused "an unknown late policy" "is not one of none, penalty" add CS101 hw2 --title x --opens '2026-03-01 10:00' \
	--due '2026-03-02 10:00' --late-until '2026-03-03 10:00' --late penalty:200/day --problem aplusb
refused "an unknown problem" "no problem named 'nope'" add CS101 hw2 --title x --opens '2026-03-01 10:00' \
	--due '2026-03-02 10:00' --problem nope
refused "a name in use" "already has an assignment named 'hw1'" add CS101 hw1 --title x --opens '2026-03-01 10:00' \
	--due '2026-03-02 10:00' --problem aplusb
refused "a freeze outside a contest" "--freeze is for contests" add CS101 hw2 --title x --opens '2026-03-01 10:00' \
	--due '2026-03-02 10:00' --freeze 60 --problem aplusb
refused "an unknown course" "no course named 'CS999'" list CS999
check "nothing was stored by the refused assignments" "" "$(sql "select count(*) from assignments")" -eq 1

v assignment set CS101 hw1 --due '2026-07-02 12:00' --counts last --problem aplusb:100 >"$T/out" 2>&1
rc=$?
check "assignment set changes only what it is given" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 \
	-a "$(sql "select due_at || ' ' || which_counts || ' ' || late_kind from assignments")" = "$(date -u -d '2026-07-02 10:00' +%s) last penalty" \
	-a "$(sql "select count(*) || ' ' || sum(points) from assignment_problems")" = "1 10000"
refused "a set that would leave the late window before the due time" "--late-until is before the due time" \
	set CS101 hw1 --due '2026-07-05 12:00'
check "a refused set stores nothing" "" "$(sql "select due_at from assignments")" -eq "$(date -u -d '2026-07-02 10:00' +%s)"
v assignment add CS101 final --title Final --opens '2026-06-01 09:00' --due '2026-06-01 12:00' --contest icpc \
	--freeze 60 --window 120 --problem aplusb --problem groupsum >"$T/out" 2>&1
rc=$?
check "a contest gets labels A, B, a freeze and a personal window" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 \
	-a "$(sql "select group_concat(label, '') from (select label from assignment_problems ap join assignments a on a.id=ap.assignment_id where a.short_name='final' order by position)")" = AB \
	-a "$(grep -c 'contest icpc, freeze 60 min before the end, 120-minute personal window' "$T/out")" -eq 1
v assignment set CS101 final --contest none --freeze none >"$T/out" 2>&1
rc=$?
check "out of contest mode the problems are labelled by name again, points kept" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 \
	-a "$(sql "select group_concat(label || ':' || points, ' ') from (select label, points from assignment_problems ap join assignments a on a.id=ap.assignment_id where a.short_name='final' order by position)")" = "aplusb:10000 groupsum:10000"
v extension add CS101 hw1 nobody --due '2026-07-09 12:00' --reason ill >"$T/out" 2>&1
rc=$?
check "an extension for someone not in the course is refused" "rc=$rc $(cat "$T/out")" "$rc" -eq 1 -a "$(grep -c 'not in course CS101' "$T/out")" -eq 1
v extension add CS101 hw1 --section Z --due '2026-07-09 12:00' --reason ill >"$T/out" 2>&1
rc=$?
check "an extension for an empty section is refused" "rc=$rc $(cat "$T/out")" "$rc" -eq 1 -a "$(grep -c "section 'Z'" "$T/out")" -eq 1
v extension add CS101 hw1 alice --due '2026-07-09 12:00' >"$T/out" 2>&1
rc=$?
check "an extension needs a reason" "rc=$rc" "$rc" -eq 2
check "no extension was stored" "" "$(sql "select count(*) from extensions")" -eq 0
finish
