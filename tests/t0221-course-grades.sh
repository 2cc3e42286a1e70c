#!/bin/bash
# Assignments graded: a submission is refused outside the student's window
# (a personal one too, once started) with a message saying why and when
# (in the course's zone); an extension
# (a student's or their section's) lets them in on time; staff may always
# submit; a late one costs the late policy's penalty, shown beside the raw
# points; late days are spent from the bank and refused when it runs out;
# best and last count differently; a regrade prints each student's old ->
# new points; the LMS CSV has one row per student on the roster and one
# column per assignment, and the detail export one row per problem.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
sql() { sqlite3 "$VERDICT_DB" "$1"; }
v() { "$VERDICT" "$@"; }
cd "$T" || exit 1
Z=Europe/Amsterdam
NOW=$(date +%s)
# at SECONDS: now + SECONDS as the course's local time, to the minute.
at() { TZ=$Z date -d "@$((NOW + $1))" '+%Y-%m-%d %H:%M'; }
H=3600
D=86400

mkdir pkg && cp -r "$REPO/problems/aplusb" pkg/aplusb
AC=pkg/aplusb/submissions/accepted/aplusb.c
WA=pkg/aplusb/submissions/wrong_answer/int32.c
v problem add pkg/aplusb >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v course add C1 --title Course --zone $Z --late-days 2 >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
printf 'alice,Alice,s1,A\nbob,Bob,s2,A\ncarol,Carol,s3,B\ndan,Dan,s4,B\ntom,Tom,t1,,ta\n' >roster.csv
v course enrol C1 roster.csv >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
add() { # NAME OPENS DUE [OPTIONS...]
	local name=$1 opens=$2 due=$3
	shift 3
	v assignment add C1 "$name" --title "$name" --opens "$(at "$opens")" --due "$(at "$due")" --problem aplusb "$@" \
		>"$T/out" 2>&1 || echo "# add $name: $(cat "$T/out")"
}
# late: due 25 hours ago (2 started days), open for 1 more day at 10 %/day.
add late $((-3 * D)) $((-25 * H)) --late-until "$(at $D)" --late penalty:10/day,floor:50
add closed $((-3 * D)) $((-2 * H))
add future $H $((2 * H))
add best $((-H)) $H
add last $((-H)) $H --counts last
add bank $((-3 * D)) $((-25 * H)) --late-until "$(at $D)" --late days
add bank2 $((-3 * D)) $((-2 * H)) --late-until "$(at $D)" --late days

submit() { # USER ASSIGNMENT FILE: prints the id, or the refusal on stderr
	v submit --user "$1" --problem aplusb --assignment "C1/$2" "$3"
}
ok_submit() {
	local id
	id=$(submit "$@" 2>"$T/err") || echo "# submit $*: $(cat "$T/err")"
}
refused() { # NAME TEXT USER ASSIGNMENT FILE
	local name=$1 text=$2
	shift 2
	local before rc
	before=$(sql "select count(*) from submissions")
	submit "$@" >"$T/out" 2>&1
	rc=$?
	check "$name" "rc=$rc $(cat "$T/out")" "$rc" -eq 1 -a "$(grep -cF -- "$text" "$T/out")" -eq 1 \
		-a "$(sql "select count(*) from submissions")" -eq "$before"
}
refused "refused after the window closes, saying when, in the course's zone" \
	"closed: this assignment closed at $(at $((-2 * H)))" alice closed "$AC"
refused "refused before the assignment opens, saying when" "future: this assignment opens at $(at $H)" alice future "$AC"
v user add mallory >/dev/null 2>&1
refused "refused for a user who is not in the course" "you are not in course C1" mallory best "$AC"
v problem add "$REPO/problems/groupsum" >/dev/null 2>&1
v submit --user alice --problem groupsum --assignment C1/best "$AC" >"$T/out" 2>&1
rc=$?
check "refused for a problem not in the assignment" "rc=$rc $(cat "$T/out")" "$rc" -eq 1 \
	-a "$(grep -c 'not part of the assignment' "$T/out")" -eq 1
check "the message names the zone's abbreviation and offset" "" \
	"$(submit alice closed "$AC" 2>&1 | grep -cE 'CES?T \(UTC\+0[12]:00\)')" -eq 1

v extension add C1 closed bob --due "$(at $D)" --reason 'ill, certificate' >"$T/out" 2>&1
rc=$?
check "extension add for one student" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
v extension add C1 closed --section B --due "$(at $D)" --reason 'lab outage' >"$T/out" 2>&1
rc=$?
check "extension add for a section" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
ok_submit bob closed "$AC"
ok_submit carol closed "$AC"
refused "another student's extension does not let alice in" "closed at" alice closed "$AC"
ok_submit tom closed "$AC"
check "staff may submit outside the window" "" "$(sql "select count(*) from submissions s join users u on u.id=s.user_id where u.name='tom'")" -eq 1

ok_submit alice late "$AC"
ok_submit alice best "$AC"
sleep 1
ok_submit alice best "$WA"
ok_submit alice last "$AC"
sleep 1
ok_submit alice last "$WA"
ok_submit dan bank "$AC"
check "a late-days submission takes the days from the bank" "" \
	"$(sql "select days from late_days_used l join users u on u.id=l.user_id where u.name='dan'")" -eq 2
refused "refused when the bank has no days left" "needs 1 more late day, 0 left" dan bank2 "$AC"
ok_submit carol bank2 "$AC"
check "another student's bank is their own" "" \
	"$(sql "select days from late_days_used l join users u on u.id=l.user_id where u.name='carol'")" -eq 1
# A personal window (an exam): 30 minutes from when the student starts it.
add exam $((-H)) $((2 * H)) --window 30
refused "a personal window must be started before submitting" "start it first" alice exam "$AC"
v assignment start C1 exam --user alice >"$T/out" 2>&1
rc=$?
check "assignment start opens the student's window" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a "$(grep -c '(30 minutes)' "$T/out")" -eq 1
started=$(sql "select started_at from contest_starts")
ok_submit alice exam "$AC"
v assignment start C1 exam --user alice >/dev/null 2>&1
check "starting again keeps the first start" "" "$(sql "select started_at from contest_starts")" = "$started"
sql "update contest_starts set started_at = started_at - 3600"
refused "after the personal window: refused, saying when it closed" "exam: this assignment closed at" alice exam "$AC"
sql "update contest_starts set started_at = started_at + 3600" # back to the truth, for the grades
v judge --once --workers 2 >"$T/out" 2>&1 || echo "# $(cat "$T/out")"

v grades --course C1 --detail --out detail.csv >"$T/out" 2>&1
rc=$?
check "grades --detail" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
cell() { # USER ASSIGNMENT: raw,final,late from the detail export
	awk -F, -v u="$1" -v a="$2" '$2 == u && $5 == a { print $8 "," $9 "," $10 }' detail.csv
}
check "a late submission loses the penalty: -20% for 2 started days, raw beside it" "$(cell alice late)" \
	"$(cell alice late)" = "100.00,80.00,1"
check "the penalty is explained" "$(grep '^s1,alice,Alice,1,late,' detail.csv)" \
	"$(grep -c '^s1,alice,Alice,1,late,.*20% (2 days late), 80.00 of 100' detail.csv)" -eq 1
check "a student's extension is honoured: on time, full points" "$(cell bob closed)" "$(cell bob closed)" = "100.00,100.00,0"
check "a section's extension is honoured" "$(cell carol closed)" "$(cell carol closed)" = "100.00,100.00,0"
check "best: an AC before a later WA counts" "$(cell alice best)" "$(cell alice best)" = "100.00,100.00,0"
check "last: the later WA counts" "$(cell alice last)" "$(cell alice last)" = "0.00,0.00,0"
check "late days: a late submission keeps its points" "$(cell dan bank)" "$(cell dan bank)" = "100.00,100.00,1"
check "staff are not in the gradebook" "" "$(grep -c ',tom,' detail.csv)" -eq 0
check "the detail export has one row per student, assignment and problem" "$(head -3 detail.csv)" \
	"$(head -1 detail.csv)" = "student_number,user,full_name,on_roster,assignment,problem,points,raw,final,late,submission,explanation" \
	-a "$(wc -l <detail.csv)" -eq $((1 + 4 * 8))

v grades --course C1 --csv --out lms.csv >"$T/out" 2>&1
rc=$?
check "grades --csv" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
check "the LMS CSV: student number, user, name and a column per assignment, by due time then name" "$(head -1 lms.csv)" \
	"$(head -1 lms.csv)" = "student_number,user,full_name,bank,late,bank2,closed,best,last,exam,future"
check "one row per student on the roster, each assignment's points after the late policy" "$(cat lms.csv)" \
	"$(wc -l <lms.csv)" -eq 5 -a "$(grep -c '^s1,alice,Alice,0.00,80.00,0.00,0.00,100.00,0.00,100.00,0.00$' lms.csv)" -eq 1
v grades --course C1 >"$T/out" 2>&1
check "the table shows the points after the late policy with the raw beside them" "$(cat "$T/out")" \
	"$(grep -c '^alice .* 80.00 (100.00) ' "$T/out")" -eq 1

# A regrade after new test data: every AC becomes WA.
echo 1 >pkg/aplusb/data/secret/03.ans
v problem add pkg/aplusb >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v regrade --assignment C1/best --workers 2 >"$T/out" 2>&1
rc=$?
sed 's/^/# /' "$T/out"
check "regrade --assignment" "rc=$rc" "$rc" -eq 0
check "it prints each student's old -> new points" "$(cat "$T/out")" \
	"$(grep -c '^alice  *100.00 -> 0.00  (changed)$' "$T/out")" -eq 1 -a "$(grep -c '^bob  *0.00 -> 0.00$' "$T/out")" -eq 1
check "and how many changed" "" "$(grep -c '^C1/best: points changed for 1 of 4 students$' "$T/out")" -eq 1
others="from submissions s join assignments a on a.id=s.assignment_id where a.short_name<>'best'"
check "only the assignment's submissions were judged again" "" \
	"$(sql "select count(*) from judgings j join submissions s on s.id=j.submission_id join assignments a on a.id=s.assignment_id where a.short_name<>'best'")" \
	-eq "$(sql "select count(*) $others")"
v regrade --assignment nope >"$T/out" 2>&1
rc=$?
check "regrade of an unknown assignment is refused" "rc=$rc $(cat "$T/out")" "$rc" -eq 1 -a "$(grep -c "no assignment 'nope'" "$T/out")" -eq 1
# Late days by the student's choice ("days,ask", in a course of its own so
# that C1's gradebook stays as checked above): a late submission that would
# take days is refused, saying how many and what is left, until the student
# says to spend them.
v course add C2 --title Asked --zone $Z --late-days 3 >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v course enrol C2 roster.csv >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v assignment add C2 ask --title ask --opens "$(at $((-3 * D)))" --due "$(at $((-25 * H)))" --late-until "$(at $D)" \
	--problem aplusb --late days:3,ask >"$T/out" 2>&1 || echo "# add ask: $(cat "$T/out")"
check "assignment list shows the policy as days:3,ask" "$(v assignment list C2 2>&1)" "$(v assignment list C2 2>&1 | grep -c 'days:3,ask')" -ge 1
before=$(sql "select count(*) from submissions")
v submit --user bob --problem aplusb --assignment C2/ask "$AC" >"$T/out" 2>&1
rc=$?
check "days,ask: a late submission without the say-so is refused, saying what it takes, nothing stored" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 1 -a "$(grep -c 'takes 2 more late days from your bank (3 left).*--spend-late-days' "$T/out")" -eq 1 \
	-a "$(sql "select count(*) from submissions")" = "$before" \
	-a "$(sql "select count(*) from late_days_used l join users u on u.id = l.user_id where u.name = 'bob'")" = 0
v submit --user bob --problem aplusb --assignment C2/ask --spend-late-days "$AC" >"$T/out" 2>&1
rc=$?
check "with --spend-late-days it is taken and the days spent" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 \
	-a "$(sql "select days from late_days_used l join users u on u.id = l.user_id join assignments a on a.id = l.assignment_id where u.name = 'bob' and a.short_name = 'ask'")" = 2
v submit --user bob --problem aplusb --assignment C2/ask "$AC" >"$T/out" 2>&1
rc=$?
check "a second late submission that takes no more days needs no say-so" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
finish
