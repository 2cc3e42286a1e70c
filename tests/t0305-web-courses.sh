#!/bin/bash
# Courses on the web (HTTP, curl): who sees what across courses (another
# course, an assignment not open yet, a hidden problem and one of another
# course are 404 exactly like missing ones; other students' extensions are
# staff-only), course roles (a TA reads the gradebook but cannot change the
# course; an instructor of one course cannot see or touch another; a site
# admin can), the roster upload (new accounts' passwords shown once, who
# left the roster reported), assignments made and checked through the same
# code as the command line, a submission refused outside the student's
# window (with why and when, a 4xx, nothing stored) and let in by an
# extension, and the feedback policy (samples: secret tests only as a
# pass count, no time or memory; after-close: not even the verdict).
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/web_lib.sh"

Z=Europe/Amsterdam
NOW=$(date +%s)
H=3600
D=86400
# at SECONDS: now + SECONDS as the course's local time, to the minute.
at() { TZ=$Z date -d "@$((NOW + $1))" '+%Y-%m-%d %H:%M'; }

for u in inst:instructor inst2:instructor adm:admin s1:student s2:student s3:student ta1:student; do
	"$VERDICT" user add "${u%%:*}" --role "${u#*:}" --password-file "$T/pw" >>"$T/setup.log" 2>&1
done
# aplusb and three copies, none published: students see a problem only in
# an open assignment of their course.
for p in futureprob bprob hidden2; do
	cp -r "$REPO/problems/aplusb" "$T/$p"
done
for p in "$REPO/problems/aplusb" "$T/futureprob" "$T/bprob" "$T/hidden2"; do
	"$VERDICT" problem add "$p" >>"$T/setup.log" 2>&1
done
check "setup: 7 users and 4 hidden problems" "$(cat "$T/setup.log")" \
	"$(sql "select count(*) from users")/$(sql "select count(*) from problems where visible = 0")" = 7/4
AC="$REPO/problems/aplusb/submissions/accepted/aplusb.c"

if ! start_server --no-judge; then
	not_ok "verdict serve starts and answers" "$(tail -20 "$T/serve.log")"
	finish
fi
for u in inst inst2 adm s1 s2 s3 ta1; do
	login "$u" "$PW" "$T/$u.jar"
	eval "C_$u=\$(csrf_of \"\$T/\$u.jar\")"
done
# post USER PATH CURL-ARGS...: a form from USER's session, with its CSRF token.
post() {
	local u=$1 path=$2 tok
	shift 2
	eval "tok=\$C_$u"
	http -b "$T/$u.jar" --data-urlencode "csrf=$tok" "$@" "$B$path"
}
get() { http -b "$T/$1.jar" "$B$2"; }

# ---- courses and rosters ----
post s1 /courses -d short=X1 -d title=x
check "a student cannot make a course (403)" "$CODE" "$CODE" = 403
post inst /courses -d short=CSA -d title='Course A' -d zone=$Z -d late_days=1
check "an instructor makes course CSA (303 to its page)" "$CODE $(hdr Location)" "$CODE" = 303 -a "$(hdr Location)" = /courses/CSA
post inst /courses -d short=CSZ -d title='Z' -d zone=Mars/Olympus
check "an unknown time zone is refused, saying so" "$CODE" "$CODE" = 400 -a "$(body_has "unknown time zone")" -ge 1
post inst2 /courses -d short=CSB -d title='Course B'
check "another instructor makes course CSB" "$CODE" "$CODE" = 303
printf 'user,full name,number,section,role\ns1,Sam One,n1,A\ns2,Sue Two,n2,B\nta1,Tim Assist,t1,,ta\nnewbie,New Person,n9,A\n' >"$T/roster.csv"
post inst /courses/CSA/roster --data-urlencode "csv@$T/roster.csv"
check "the roster upload enrols four, one a new account with its password shown once" "$CODE $(grep -o '[0-9]* added' "$T/b")" \
	"$CODE" = 200 -a "$(body_has '4 added, 0 updated, 0 unchanged')" -eq 1 -a "$(grep -c '<td>newbie</td><td><code>' "$T/b")" -eq 1 \
	-a "$(sql "select role from users where name = 'newbie'")" = student
printf 's1,Sam One,n1,A\ns2,Sue Two,n2,B\nta1,Tim Assist,t1,,ta\n' >"$T/roster2.csv"
post inst /courses/CSA/roster --data-urlencode "csv@$T/roster2.csv"
check "the same roster less one: nothing added, who left is reported and kept" "$CODE" \
	"$CODE" = 200 -a "$(body_has '0 added, 0 updated, 3 unchanged')" -eq 1 -a "$(grep -c '<li>newbie' "$T/b")" -eq 1 \
	-a "$(sql "select on_roster from course_members m join users u on u.id = m.user_id where u.name = 'newbie'")" = 0
printf 's1,Sam One,n1,A\ns1,Sam Again,n1,A\n' >"$T/bad.csv"
post inst /courses/CSA/roster --data-urlencode "csv@$T/bad.csv"
check "a roster with a name twice changes nothing, naming the line" "$CODE" "$CODE" = 400 -a "$(body_has "roster:2: &#39;s1&#39; appears twice")" -eq 1
printf 's3,Sid Three,n3,A\n' >"$T/rosterb.csv"
post inst2 /courses/CSB/roster --data-urlencode "csv@$T/rosterb.csv"
check "CSB's roster: s3" "$CODE" "$CODE" = 200

# ---- assignments (the same checks as `verdict assignment add`) ----
# new COURSE-OWNER COURSE SHORT OPENS DUE PROBLEMS [CURL-ARGS...]
new() {
	local u=$1 c=$2 a=$3 opens=$4 due=$5 problems=$6
	shift 6
	post "$u" "/courses/$c/new" -d "short=$a" -d "title=Title of $a" --data-urlencode "opens=$(at "$opens")" \
		--data-urlencode "due=$(at "$due")" --data-urlencode "problems=$problems" "$@"
}
new inst CSA hw1 $((-H)) $((2 * D)) 'aplusb:50' -d feedback=samples
check "an open assignment with the samples policy" "$CODE $(cat "$T/b" | head -c 300)" "$CODE" = 303 -a "$(hdr Location)" = /courses/CSA/hw1
new inst CSA hw0 $((-3 * D)) $((-D)) 'aplusb'
check "a closed one" "$CODE" "$CODE" = 303
new inst CSA ac $((-H)) $D 'aplusb' -d feedback=after-close
check "one whose feedback waits for the close" "$CODE" "$CODE" = 303
new inst CSA future $D $((2 * D)) 'futureprob:10'
check "one that opens tomorrow" "$CODE" "$CODE" = 303
new inst CSA bad $D $((-D)) 'aplusb'
check "one due before it opens is refused, saying so" "$CODE" "$CODE" = 400 -a "$(body_has 'it would open after its due time')" -eq 1
new inst CSA bad2 $((-H)) $D 'aplusb' -d late=penalty:10/day
check "a late policy without a late window is refused, as on the command line" "$CODE" \
	"$CODE" = 400 -a "$(body_has 'a late policy needs --late-until')" -eq 1
new inst CSA grades $((-H)) $D 'aplusb'
check "an assignment may not take a name of the course's pages" "$CODE" "$CODE" = 400
new inst2 CSB b1 $((-H)) $D 'bprob'
check "CSB's open assignment b1" "$CODE" "$CODE" = 303
check "nothing refused was stored" "$(sql "select short_name from assignments")" "$(sql "select count(*) from assignments")" = 5
HW0=$(sql "select id from assignments where short_name = 'hw0'")
HW1=$(sql "select id from assignments where short_name = 'hw1'")
ACID=$(sql "select id from assignments where short_name = 'ac'")
FUT=$(sql "select id from assignments where short_name = 'future'")

# ---- what students see ----
get s1 /courses
check "my courses: s1 sees CSA, not CSB" "$CODE" "$CODE" = 200 -a "$(body_has 'href="/courses/CSA"')" -eq 1 -a "$(body_has 'CSB')" -eq 0
get s1 /courses/CSB
c1=$CODE
get s3 /courses/CSA
check "another course is 404 for a student, both ways" "$c1 $CODE" "$c1" = 404 -a "$CODE" = 404
get s1 /courses/NOSUCH
check "as is a course that does not exist" "$CODE" "$CODE" = 404
get s1 /courses/CSA
check "the course page: hw1 open with its due in the course's zone and a <time> for the browser" "$(grep -A1 'a-hw1' "$T/b" | head -3)" \
	"$CODE" = 200 -a "$(grep 'id="a-hw1"' "$T/b" | grep -c 'open, due in 1 day')" -eq 1 \
	-a "$(grep 'id="a-hw1"' "$T/b" | grep -cE '<time datetime="[0-9-]+T[0-9:]+Z">[0-9-]+ [0-9:]+ CES?T \(UTC\+0[12]:00\)</time>')" -eq 1
check "an assignment not open yet is listed without its title or a link" "$(grep 'a-future' "$T/b")" \
	"$(grep 'id="a-future"' "$T/b" | grep -c 'not open yet: opens at')" -eq 1 -a "$(body_has 'Title of future')" -eq 0 \
	-a "$(grep 'id="a-future"' "$T/b" | grep -c 'of 10')" -eq 0 \
	-a "$(body_has 'href="/courses/CSA/future"')" -eq 0
get s1 /courses/CSA/future
c1=$CODE
get s1 /courses/CSA/nosuch
check "its page is 404 for a student, like a missing one" "$c1 $CODE" "$c1" = 404 -a "$CODE" = 404
get ta1 /courses/CSA/future
check "the TA sees it" "$CODE" "$CODE" = 200 -a "$(body_has 'futureprob')" -ge 1
get s1 /problems/nosuch
missing=$(grep -o '<main>.*' "$T/b" | head -1; grep -c 'There is no such problem' "$T/b")
for p in futureprob bprob hidden2; do
	get s1 "/problems/$p"
	check "a student gets 404 for $p (not open yet / another course's / hidden), like a missing problem" "$CODE" \
		"$CODE" = 404 -a "$(grep -o '<main>.*' "$T/b" | head -1; grep -c 'There is no such problem' "$T/b")" = "$missing"
done
get ta1 /problems/futureprob
check "the course's TA previews it (a student account, staff in the course)" "$CODE" "$CODE" = 200
get s3 /problems/bprob
c1=$CODE
get s1 "/problems/aplusb?assignment=$HW1"
check "a problem of an open assignment is shown to its students, with the assignment's form" "$c1 $CODE" \
	"$c1" = 200 -a "$CODE" = 200 -a "$(body_has "name=\"assignment\" value=\"$HW1\"")" -eq 1 -a "$(body_has 'id="for-assignment"')" -eq 1
get s3 "/problems/bprob?assignment=$HW1"
check "naming another course's assignment is 404" "$CODE" "$CODE" = 404

# ---- extensions ----
post inst /courses/CSA/hw0/extensions -d user=s2 --data-urlencode "due=$(at $D)" -d reason='ill, with a note'
check "the instructor grants s2 an extension on hw0" "$CODE" "$CODE" = 303
post inst /courses/CSA/hw0/extensions -d user=s3 --data-urlencode "due=$(at $D)" -d reason=x
check "not to someone outside the course" "$CODE" "$CODE" = 400 -a "$(body_has 'is not in course CSA')" -eq 1
get s1 /courses/CSA/hw0/extensions
check "a student cannot list the extensions (403)" "$CODE" "$CODE" = 403
get s1 /courses/CSA/hw0
check "nor sees another's on the assignment page" "$CODE" "$CODE" = 200 -a "$(body_has 'ill, with a note')" -eq 0 -a "$(body_has 'your extension')" -eq 0
get s2 /courses/CSA/hw0
check "s2 sees their own due and reason" "$CODE" "$CODE" = 200 -a "$(body_has 'your extension: ill, with a note')" -eq 1 \
	-a "$(grep 'id="state"' "$T/b" | grep -c 'open, due in')" -eq 1
get ta1 /courses/CSA/hw0/extensions
check "the TA lists them, without the form to grant one" "$CODE" "$CODE" = 200 -a "$(body_has 'ill, with a note')" -eq 1 \
	-a "$(body_has 'id="extension-form"')" -eq 0

# ---- submitting for an assignment ----
subs() { sql "select count(*) from submissions"; }
before=$(subs)
post s1 /problems/aplusb/submit -d "assignment=$HW0" -d language=c --data-urlencode "code@$AC"
check "a submission after the close is refused (403) with why and when, nothing stored" "$(grep -o 'Not submitted[^<]*' "$T/b")" \
	"$CODE" = 403 -a "$(grep -cE 'Not submitted: hw0: this assignment closed at [0-9-]+ [0-9:]+ CES?T' "$T/b")" -eq 1 -a "$(subs)" = "$before"
post s1 /problems/futureprob/submit -d "assignment=$FUT" -d language=c --data-urlencode "code@$AC"
check "one for an assignment not open yet is 404, nothing stored" "$CODE" "$CODE" = 404 -a "$(subs)" = "$before"
post s3 /problems/aplusb/submit -d "assignment=$HW1" -d language=c --data-urlencode "code@$AC"
check "one for another course's assignment is 404, nothing stored" "$CODE" "$CODE" = 404 -a "$(subs)" = "$before"
post s1 /problems/aplusb/submit -d language=c --data-urlencode "code@$AC"
check "an unpublished problem takes no practice submission from a student (its feedback policy would be bypassed)" \
	"$CODE" "$CODE" = 403 -a "$(subs)" = "$before"
post s2 /problems/aplusb/submit -d "assignment=$HW0" -d language=c --data-urlencode "code@$AC"
check "the extension lets s2 in" "$CODE" "$CODE" = 303 -a "$(sql "select assignment_id from submissions order by id desc limit 1")" = "$HW0"
post s1 /problems/aplusb/submit -d "assignment=$HW1" -d language=c --data-urlencode "code@$AC"
SUB_HW1=$(hdr Location)
post s1 /problems/aplusb/submit -d "assignment=$ACID" -d language=c --data-urlencode "code@$AC"
SUB_AC=$(hdr Location)
check "s1 submits for hw1 and ac" "$SUB_HW1 $SUB_AC" -n "$SUB_HW1" -a -n "$SUB_AC"

# ---- course roles ----
post ta1 /courses/CSA/settings -d title=Hijacked
c1=$CODE
get ta1 /courses/CSA/settings
c2=$CODE
post ta1 /courses/CSA/new -d short=x
c3=$CODE
post ta1 /courses/CSA/hw1/settings -d title=x
check "a TA cannot change the course, its assignments or make one (403)" "$c1 $c2 $c3 $CODE" \
	"$c1 $c2 $c3 $CODE" = "403 403 403 403" -a "$(sql "select title from courses where short_name = 'CSA'")" = 'Course A'
post ta1 /courses/CSA/roster --data-urlencode "csv@$T/roster.csv"
c1=$CODE
post ta1 /courses/CSA/hw1/extensions -d user=s1 --data-urlencode "due=$(at $D)" -d reason=x
check "nor upload a roster or grant an extension" "$c1 $CODE" "$c1 $CODE" = "403 403"
get ta1 /courses/CSA/grades
check "but reads the gradebook" "$CODE" "$CODE" = 200 -a "$(body_has 'Sam One')" -eq 1
get s1 /courses/CSA/grades
check "a student cannot (403)" "$CODE" "$CODE" = 403
for path in /courses/CSB /courses/CSB/grades /courses/CSB/grades.csv /courses/CSB/roster /courses/CSB/b1 /courses/CSB/b1/extensions; do
	get inst "$path"
	check "CSA's instructor gets 404 for $path" "$CODE" "$CODE" = 404
done
post inst /courses/CSB/settings -d title=Mine
c1=$CODE
post inst /courses/CSB/b1/settings -d title=Mine
c2=$CODE
post inst /courses/CSB/roster --data-urlencode "csv@$T/roster.csv"
check "and cannot change it (404)" "$c1 $c2 $CODE" "$c1 $c2 $CODE" = "404 404 404" \
	-a "$(sql "select title from courses where short_name = 'CSB'")" = 'Course B'
get adm /courses/CSB/grades
check "a site admin can read any course's gradebook" "$CODE" "$CODE" = 200
post inst /courses/CSA/settings -d title='Course A, renamed' -d zone=$Z -d late_days=2
check "the instructor changes the course's settings" "$CODE" \
	"$CODE" = 303 -a "$(sql "select title || '/' || late_days from courses where short_name = 'CSA'")" = 'Course A, renamed/2'
post inst /courses/CSA/hw1/settings -d title=hw1 --data-urlencode "opens=$(at $D)" --data-urlencode "due=$(at -$D)" \
	--data-urlencode 'problems=aplusb:50'
check "a setting that does not fit is refused and nothing changes" "$CODE" \
	"$CODE" = 400 -a "$(body_has 'it would open after its due time')" -eq 1 -a "$(sql "select title from assignments where id = $HW1")" = 'Title of hw1'
get inst /courses/CSA/grades.csv
check "the LMS export" "$(head -2 "$T/b")" "$CODE" = 200 -a "$(head -1 "$T/b" | grep -c '^student_number,user,full_name,')" -eq 1
get inst /courses/CSA/grades-detail.csv
check "and the per-problem detail" "$(head -1 "$T/b")" "$CODE" = 200 -a "$(head -1 "$T/b" | grep -c '^student_number,user,full_name,on_roster,assignment,problem')" -eq 1

# ---- feedback: judged, then seen as the policy says ----
"$VERDICT" judge --once --workers 1 >"$T/judge.log" 2>&1 || echo "# judge: $(tail -5 "$T/judge.log")"
check "the three submissions are judged AC" "$(cat "$T/judge.log")" \
	"$(sql "select count(*) from submissions where verdict = 'AC'")" = 3
get s1 "$SUB_HW1"
check "samples policy: the samples in full, secret tests only as a pass count" "$(grep -o 'Secret tests[^<]*' "$T/b")" \
	"$CODE" = 200 -a "$(body_has '(sample)')" -eq 2 -a "$(body_has 'Secret tests: 12 of 12 passed.')" -eq 1 \
	-a "$(grep -c '<td>Test [0-9]*</td>' "$T/b")" -eq 0
get s1 "/api$SUB_HW1"
check "and in the JSON: two test rows, no secret times or memory" "$(cat "$T/b")" \
	"$CODE" = 200 -a "$(grep -o '"n":' "$T/b" | wc -l)" -eq 2 -a "$(grep -c '"secret_tests":{"passed":12,"total":12}' "$T/b")" -eq 1
get inst "$SUB_HW1"
check "staff see every test" "$CODE" "$CODE" = 200 -a "$(grep -c '<tr><td>' "$T/b")" -ge 14
get inst2 "$SUB_HW1"
c1=$CODE
get inst2 "/api$SUB_HW1"
c2=$CODE
post inst2 "$SUB_HW1/rejudge"
c3=$CODE
get inst2 /submissions
check "another course's instructor cannot see, read or rejudge it, nor find it in the list (404)" "$c1 $c2 $c3" \
	"$c1 $c2 $c3" = "404 404 404" -a "$(body_has "href=\"$SUB_HW1\"")" -eq 0
get inst /submissions
check "its course's instructor finds it in the list" "$CODE" "$(body_has "href=\"$SUB_HW1\"")" -eq 1
# The site-wide practice pages are not a way around that: /grades and a
# problem's rejudge give a site instructor practice work and their own
# courses' only (a site admin: everything).
get inst /grades
c1=$(body_has '>s1</a>')
get adm /grades
c2=$(body_has '>s1</a>')
get inst2 /grades
check "/grades: s1 (CSA only, no practice work) is in CSA's instructor's and the admin's, not in CSB's instructor's" \
	"$c1 $c2 $(body_has '>s1</a>')" "$c1 $c2 $(body_has '>s1</a>')" = "1 1 0"
get inst2 /grades.csv
check "nor in its CSV" "$CODE" "$CODE" = 200 -a "$(grep -c '^s1,' "$T/b")" -eq 0
before=$(sql "select count(*) from regrade_items")
post inst2 /problems/aplusb/rejudge
check "a problem's rejudge by CSB's instructor takes none of CSA's submissions" "$CODE $(hdr Location)" \
	"$(sql "select count(*) from regrade_items i join submissions s on s.id = i.submission_id join assignments a on a.id = s.assignment_id join courses c on c.id = a.course_id where c.short_name = 'CSA'")" = 0 \
	-a "$(sql "select count(*) from submissions s join assignments a on a.id = s.assignment_id join courses c on c.id = a.course_id where c.short_name = 'CSA' and s.state <> 'done'")" = 0
post adm /problems/aplusb/rejudge
RJ=$(sql "select max(id) from regrades")
get inst2 "/rejudges/$RJ"
c1=$CODE
h1=$(body_has "href=\"$SUB_HW1\"")
get adm "/rejudges/$RJ"
check "an admin's rejudge of the problem shows CSB's instructor none of CSA's submissions, the admin all" \
	"inst2: $c1 $h1, adm: $CODE" "$h1" = 0 -a "$c1" -lt 500 -a "$CODE" = 200 -a "$(body_has "href=\"$SUB_HW1\"")" -ge 1
"$VERDICT" judge --once --workers 2 >"$T/judge.log" 2>&1 || echo "# judge: $(tail -5 "$T/judge.log")"
get s1 "$SUB_AC"
check "after-close: not even the verdict before the window closes" "$(grep -o 'Verdict:.*' "$T/b" | head -1)" \
	"$CODE" = 200 -a "$(body_has 'id="results-later"')" -eq 1 -a "$(body_has '>AC<')" -eq 0 -a "$(body_has 'id="tests"')" -eq 0
get s1 "/api$SUB_AC"
check "nor in the JSON" "$(cat "$T/b")" "$(grep -c '"verdict":null' "$T/b")" -eq 1 -a "$(grep -c '"tests":\[\]' "$T/b")" -eq 1
get s1 /courses/CSA/hw1
check "the assignment page shows s1's points" "$(grep -o '<td class="status">[^/]*' "$T/b")" \
	"$(grep -c '<td class="status">50.00' "$T/b")" -eq 1
get s1 /courses/CSA
check "and the course page, with the after-close one's points held back" "$(grep 'a-ac' "$T/b")" \
	"$(grep 'id="a-hw1"' "$T/b" | grep -c '50.00 of 50')" -eq 1 -a "$(grep 'id="a-ac"' "$T/b" | grep -c 'after the deadline')" -eq 1

# ---- rejudging an assignment: old -> new points ----
# A judging mistake, put right by a rejudge: s1's hw1 submission is taken
# for WA, then judged again.
sql "update submissions set verdict = 'WA' where id = ${SUB_HW1##*/}"
post ta1 /courses/CSA/hw1/rejudge
check "a TA cannot rejudge an assignment (403)" "$CODE" "$CODE" = 403
post inst /courses/CSA/hw1/rejudge
RJ=$(hdr Location)
check "the instructor rejudges hw1: to its grades with the rejudge's old points" "$RJ" \
	"$CODE" = 303 -a "$(echo "$RJ" | grep -cE '^/courses/CSA/hw1/grades\?rejudge=[0-9]+$')" -eq 1
get inst "$RJ"
check "while it is judged: s1's old points beside '(judging)', and the page updates itself" "$(grep 'id="u-s1"' "$T/b")" \
	"$CODE" = 200 -a "$(grep 'id="u-s1"' "$T/b" | grep -c '<td class="old">0.00 → (judging)</td>')" -eq 1 \
	-a "$(body_has 'data-refresh')" -eq 1
"$VERDICT" judge --once --workers 1 >"$T/judge.log" 2>&1 || echo "# judge: $(tail -5 "$T/judge.log")"
get inst "$RJ"
check "once judged: s1's points 0.00 -> 50.00, marked, and counted" "$(grep -E 'u-s1|rejudge-summary' "$T/b")" \
	"$(grep 'id="u-s1"' "$T/b" | grep -c 'class="changed".*<td class="old">0.00 → 50.00</td>')" -eq 1 \
	-a "$(body_has 'the points of 1 of 3 students changed')" -eq 1 -a "$(body_has 'data-refresh')" -eq 0
get inst "/courses/CSA/hw0/grades?rejudge=${RJ##*=}"
c1=$CODE
get inst2 "$RJ"
check "the rejudge is not another assignment's (404), nor another course's instructor's (404)" "$c1 $CODE" "$c1 $CODE" = "404 404"

# ---- a personal window (an exam each student starts) ----
new inst CSA exam $((-H)) $H 'aplusb' -d window=30
check "an assignment with a 30-minute personal window" "$CODE" "$CODE" = 303
EXAM=$(sql "select id from assignments where short_name = 'exam'")
get s2 /courses/CSA/exam
check "its page offers to start the window" "$CODE" "$CODE" = 200 -a "$(body_has 'id="start"')" -eq 1
before=$(subs)
post s2 /problems/aplusb/submit -d "assignment=$EXAM" -d language=c --data-urlencode "code@$AC"
check "a submission before starting it is refused, saying so, nothing stored" "$(grep -o 'Not submitted[^<]*' "$T/b")" \
	"$CODE" = 403 -a "$(subs)" = "$before"
post s2 /courses/CSA/exam/start
get s2 /courses/CSA/exam
check "once started: its start shown, the button gone, the due within 30 minutes" "$(grep -A1 'Your window' "$T/b" | head -2)" \
	"$(body_has 'started <time')" -eq 1 -a "$(body_has 'id="start"')" -eq 0 -a "$(grep 'id="state"' "$T/b" | grep -cE 'open, due in (29|30) min')" -eq 1
post s2 /problems/aplusb/submit -d "assignment=$EXAM" -d language=c --data-urlencode "code@$AC"
check "and a submission is taken" "$CODE" "$CODE" = 303 -a "$(subs)" = $((before + 1))

# ---- clarifications ----
post s1 /courses/CSA/clarifications --data-urlencode 'text=Is n < 0 allowed?'
check "a student asks" "$CODE" "$CODE" = 303
Q=$(sql "select id from clarifications order by id desc limit 1")
get s2 /courses/CSA/clarifications
check "another student does not see the question" "$CODE" "$CODE" = 200 -a "$(body_has 'Is n &lt; 0 allowed?')" -eq 0
post inst2 "/courses/CSA/clarifications/$Q" -d 'text=no'
c1=$CODE
post s2 "/courses/CSA/clarifications/$Q" -d 'text=no'
check "neither another course's instructor (404) nor a student (403) can answer" "$c1 $CODE" "$c1 $CODE" = "404 403"
post ta1 "/courses/CSA/clarifications/$Q" --data-urlencode 'text=No: n >= 0.'
get s1 /courses/CSA/clarifications
check "the TA answers privately; the asker reads it" "$CODE" \
	"$CODE" = 200 -a "$(body_has 'No: n &gt;= 0.')" -eq 1
post inst /courses/CSA/clarifications --data-urlencode 'text=Deadline moved? No.'
get s2 /courses/CSA/clarifications
check "an announcement reaches every student, the private answer does not" "$CODE" \
	"$(body_has 'Deadline moved? No.')" -eq 1 -a "$(body_has 'No: n &gt;= 0.')" -eq 0
# About one assignment: asked from its page's link, listed with it; an
# assignment not open to a student is neither offered, nor accepted, nor
# are announcements about it shown to them.
get s1 /courses/CSA/hw1
check "an assignment's page links to its clarifications" "$(grep -o 'id="clarifications-link"[^>]*' "$T/b")" \
	"$(body_has 'href="/courses/CSA/clarifications?about=hw1" id="clarifications-link"')" -eq 1
get s1 '/courses/CSA/clarifications?about=hw1'
check "the form asks about it, and future (not open yet) is not offered" "$CODE" "$CODE" = 200 -a \
	"$(body_has '<option value="hw1" selected>')" -eq 1 -a "$(body_has 'value="future"')" -eq 0
post s1 /courses/CSA/clarifications -d about=hw1 --data-urlencode 'text=Is hw1 graded on samples?'
check "a student asks about hw1, and is sent back to its clarifications" "$CODE $(hdr Location)" \
	"$CODE $(hdr Location)" = "303 /courses/CSA/clarifications?about=hw1" -a \
	"$(sql "select a.short_name from clarifications c join assignments a on a.id = c.assignment_id order by c.id desc limit 1")" = hw1
before=$(sql "select count(*) from clarifications")
post s1 /courses/CSA/clarifications -d about=future --data-urlencode 'text=What is in future?'
c1=$CODE
post s1 /courses/CSA/clarifications -d about=b1 --data-urlencode 'text=And in the other course?'
check "a question about an assignment not open yet, or another course's, is refused, nothing stored" "$c1 $CODE" \
	"$c1 $CODE" = "400 400" -a "$(sql "select count(*) from clarifications")" = "$before"
post inst /courses/CSA/clarifications -d about=future --data-urlencode 'text=Future: bring a calculator.'
get inst '/courses/CSA/clarifications?about=future'
check "staff announce about an assignment not open yet, and see it" "$CODE" "$CODE" = 200 -a "$(body_has 'Future: bring a calculator.')" -eq 1
get s2 /courses/CSA/clarifications
c1=$CODE
check "a student does not see it before it opens" "$c1" "$c1" = 200 -a "$(body_has 'bring a calculator')" -eq 0 -a "$(body_has 'Deadline moved? No.')" -eq 1
get s2 '/courses/CSA/clarifications?about=future'
check "nor by asking for it" "$CODE" "$CODE" = 404 -a "$(body_has 'bring a calculator')" -eq 0
get s2 '/courses/CSA/clarifications?about=hw1'
check "the list about hw1 holds only hw1's (another's private question is not there)" "$CODE" "$CODE" = 200 -a \
	"$(body_has 'Deadline moved? No.')" -eq 0 -a "$(body_has 'graded on samples')" -eq 0 -a "$(body_has 'About <a href="/courses/CSA/hw1">')" -eq 1

# ---- late days by the student's choice (days,ask) ----
new inst CSA askd $((-2 * D)) $((-H)) 'aplusb' -d late=days,ask --data-urlencode "late_until=$(at $D)"
ASKD=$(sql "select id from assignments where short_name = 'askd'")
get s2 "/problems/aplusb?assignment=$ASKD"
check "late under days,ask: the problem page offers to spend late days" "$CODE" "$CODE" = 200 -a "$(body_has 'name="spend_late_days"')" -eq 1
before=$(sql "select count(*) from submissions")
post s2 /problems/aplusb/submit -d "assignment=$ASKD" -d language=c --data-urlencode "code@$AC"
check "not ticked: refused, saying what it would take, nothing stored" "$CODE $(grep -o 'takes [^<]*' "$T/b" | head -1)" \
	"$CODE" -ge 400 -a "$(body_has 'takes 1 more late day from your bank')" -eq 1 -a "$(sql "select count(*) from submissions")" = "$before"
post s2 /problems/aplusb/submit -d "assignment=$ASKD" -d language=c -d spend_late_days=1 --data-urlencode "code@$AC"
check "ticked: taken, one day spent" "$CODE" "$CODE" = 303 -a \
	"$(sql "select days from late_days_used l join users u on u.id = l.user_id where u.name = 's2' and l.assignment_id = $ASKD")" = 1

# ---- subtask scores on a submission's page, as the feedback policy allows ----
"$VERDICT" problem add "$REPO/problems/groupsum" >>"$T/setup.log" 2>&1
new inst CSA subf $((-H)) $D 'groupsum' -d feedback=full
new inst CSA subs $((-H)) $D 'groupsum' -d feedback=samples
SIXTY="$REPO/problems/groupsum/submissions/wrong_answer/sixty_points.c"
for a in subf subs; do
	post s1 /problems/groupsum/submit -d "assignment=$(sql "select id from assignments where short_name = '$a'")" \
		-d language=c --data-urlencode "code@$SIXTY"
done
SUB_F=$(sql "select max(id) from submissions where assignment_id = (select id from assignments where short_name = 'subf')")
SUB_S=$(sql "select max(id) from submissions where assignment_id = (select id from assignments where short_name = 'subs')")
"$VERDICT" judge --once --workers 2 >"$T/judge.log" 2>&1 || echo "# judge: $(tail -5 "$T/judge.log")"
get s1 "/submissions/$SUB_F"
check "full feedback: the student sees each subtask's points, numbered, not the groups' names" "$(grep -A6 'id="subtasks"' "$T/b" | tr '\n' ' ')" \
	"$CODE" = 200 -a "$(body_has '<tr><td>Subtask 1</td><td>30 of 30</td></tr>')" -eq 1 \
	-a "$(body_has '<tr><td>Subtask 3</td><td>0 of 40</td></tr>')" -eq 1 -a "$(body_has '1-small')" -eq 0
get s1 "/api/submissions/$SUB_F"
check "and in the JSON" "$(cat "$T/b")" "$(grep -c '"subtasks":\[{"name":"Subtask 1","score":30,"max_score":30}' "$T/b")" -eq 1
get inst "/submissions/$SUB_F"
check "staff see the groups' names" "$CODE" "$(body_has '<td>Subtask 2: secret/2-medium</td><td>30 of 30</td>')" -eq 1
get s1 "/submissions/$SUB_S"
c1=$(body_has 'id="subtasks"')
get s1 "/api/submissions/$SUB_S"
check "samples only: no subtask scores (they would tell which secret tests failed), the total shown" "$c1 $(cat "$T/b")" \
	"$c1" -eq 0 -a "$(grep -c '"subtasks":\[\]' "$T/b")" -eq 1 -a "$(grep -c '"score":60' "$T/b")" -eq 1

# ---- a contest's scoreboard: live for staff, frozen for participants ----
new inst CSA cont $((-H)) $H 'aplusb' -d contest=icpc -d freeze=90
check "an ICPC contest of two hours, frozen for its last 90 minutes" "$CODE $(grep -o 'class="error"[^<]*' "$T/b")" "$CODE" = 303
CONT=$(sql "select id from assignments where short_name = 'cont'")
post s1 /problems/aplusb/submit -d "assignment=$CONT" -d language=c --data-urlencode "code@$AC"
"$VERDICT" judge --once --workers 1 >"$T/judge.log" 2>&1 || echo "# judge: $(tail -5 "$T/judge.log")"
get inst /courses/CSA/cont/scoreboard
check "the staff's live board shows s1's solve" "$(grep -A1 '<td>s1</td>' "$T/b" | head -2)" \
	"$CODE" = 200 -a "$(grep '<td>s1</td>' "$T/b" | grep -cE '<td>1</td><td>6[0-9]</td><td>\+ \(6[0-9]\)\*</td>')" -eq 1
get s2 /courses/CSA/cont/scoreboard
check "participants see it pending behind the freeze" "$(grep '<td>s1</td>' "$T/b")" \
	"$CODE" = 200 -a "$(grep '<td>s1</td>' "$T/b" | grep -c '<td>0</td><td>0</td><td> ?1</td>')" -eq 1
cp "$T/b" "$T/board.plain"
check "the reader's own row is marked by a rule of the page's own (the table is everyone's)" "$(grep -o '<style>#scoreboard[^<]*' "$T/b")" \
	"$(body_has '<style>#scoreboard tr[data-user="s2"]')" -eq 1 -a "$(body_has 'class="changed"')" -eq 0
# Compressed for a browser that accepts gzip: the table compressed once,
# the reader's own head and tail (CSRF token) stored, not compressed.
http -b "$T/s2.jar" -H 'Accept-Encoding: gzip' "$B/courses/CSA/cont/scoreboard"
gunzip -c <"$T/b" >"$T/board.gz.html" 2>"$T/gunzip.err"
check "to a reader who accepts gzip the board comes compressed, a valid gzip (CRC and length checked) of the same page" \
	"$(hdr Content-Encoding) $(hdr Vary) $(cat "$T/gunzip.err") $(diff "$T/board.plain" "$T/board.gz.html" | head -5)" \
	"$(hdr Content-Encoding)" = gzip -a "$(hdr Vary)" = Accept-Encoding -a ! -s "$T/gunzip.err" \
	-a "$(cmp -s "$T/board.plain" "$T/board.gz.html" && echo same)" = same
http -b "$T/s2.jar" -H 'Accept-Encoding: gzip;q=0, identity' "$B/courses/CSA/cont/scoreboard"
check "not to one that refuses it (gzip;q=0)" "$(hdr Content-Encoding)" -z "$(hdr Content-Encoding)" -a "$(body_has '<td>s1</td>')" -eq 1
http -b "$T/inst.jar" -H 'Accept-Encoding: deflate, gzip;q=0.5' "$B/courses/CSA/grades"
gunzip -c <"$T/b" >"$T/grades.html" 2>"$T/gunzip.err"
check "the gradebook too" "$(hdr Content-Encoding) $(cat "$T/gunzip.err")" \
	"$(hdr Content-Encoding)" = gzip -a ! -s "$T/gunzip.err" -a "$(grep -c 'id="u-s1"' "$T/grades.html")" -ge 1
get s2 /courses/CSA/cont/scoreboard?public=0
check "whatever they ask for" "$(grep '<td>s1</td>' "$T/b")" "$(grep '<td>s1</td>' "$T/b" | grep -c '+ (')" -eq 0
get s3 /courses/CSA/cont/scoreboard
check "another course's student gets 404" "$CODE" "$CODE" = 404
post inst /courses/CSA/cont/settings -d title=cont --data-urlencode "opens=$(at -$H)" --data-urlencode "due=$(at $H)" \
	-d contest=icpc -d freeze=90 -d unfreeze=1 --data-urlencode 'problems=aplusb'
get s2 /courses/CSA/cont/scoreboard
check "unfrozen, participants see the solve" "$(grep '<td>s1</td>' "$T/b")" \
	"$(grep '<td>s1</td>' "$T/b" | grep -cE '\+ \(6[0-9]\)\*')" -eq 1

# ---- API tokens and the read-only JSON API ----
get s1 /settings
check "the settings page lists no token yet" "$CODE" "$CODE" = 200 -a "$(body_has 'No tokens yet')" -eq 1
post s1 /settings/tokens -d name=script
TOK=$(sed -n 's/.*id="token-value">\([A-Za-z0-9_-]*\)<.*/\1/p' "$T/b")
check "a token is made and shown once; only its hash is stored" "$CODE ${#TOK}" \
	"$CODE" = 200 -a "${#TOK}" = 43 -a "$(sql "select count(*) from api_tokens where token_hash = '$TOK'")" = 0 \
	-a "$(sql "select count(*) from api_tokens")" = 1
get s1 /settings
check "and not shown again" "$CODE" "$(body_has "$TOK")" -eq 0 -a "$(body_has '<td>script</td>')" -eq 1
api() { http -H "Authorization: Bearer $1" "$B$2"; }
api "$TOK" /api/courses
check "GET /api/courses with the token: s1's courses" "$(cat "$T/b")" \
	"$CODE" = 200 -a "$(grep -c '"short_name":"CSA"' "$T/b")" -eq 1 -a "$(grep -c 'CSB' "$T/b")" -eq 0
api "$TOK" /api/courses/CSA
check "a course's assignments: s1's points, an unopened one without its title" "$(head -c 600 "$T/b")" \
	"$CODE" = 200 -a "$(grep -c '"short_name":"hw1","state":"open, due in[^"]*","opens":"[0-9T:Z-]*","title":"Title of hw1"' "$T/b")" -eq 1 \
	-a "$(grep -c '"mine":{"results_shown":true,"points":50,"raw":50}' "$T/b")" -eq 1 \
	-a "$(grep -c 'Title of future' "$T/b")" -eq 0
api "$TOK" /api/courses/CSB
c1=$CODE
api "$TOK" /api/courses/CSA/grades
check "another course is 404 and the gradebook 403 for a student's token" "$c1 $CODE" "$c1 $CODE" = "404 403"
api "$TOK" /courses
c1=$CODE
http -H "Authorization: Bearer $TOK" --data-urlencode 'text=x' "$B/courses/CSA/clarifications"
check "a token opens no page and sends no form" "$c1 $CODE" "$c1" = 303 -a "$CODE" = 403
api "$TOK" "/api$SUB_AC"
check "the submission API with a token keeps the feedback policy" "$(cat "$T/b")" "$CODE" = 200 -a "$(grep -c '"verdict":null' "$T/b")" -eq 1
post inst /settings/tokens -d name=grades
ITOK=$(sed -n 's/.*id="token-value">\([A-Za-z0-9_-]*\)<.*/\1/p' "$T/b")
api "$ITOK" /api/courses/CSA/grades
check "the instructor's token reads the gradebook" "$(head -c 300 "$T/b")" \
	"$CODE" = 200 -a "$(grep -o '"user":"s1","full_name":"Sam One","student_number":"n1","on_roster":true,.*"user":"s2"' "$T/b" |
		grep -c '"hw1":{"points":50,"raw":50}')" -eq 1
api "$ITOK" /api/courses/CSA/cont/scoreboard
check "and the scoreboard" "$(cat "$T/b")" "$CODE" = 200 -a "$(grep -cE '"user":"s1","solved":1' "$T/b")" -eq 1
TID=$(sql "select id from api_tokens where name = 'script'")
post inst "/settings/tokens/$TID/delete"
check "nobody deletes another's token (404)" "$CODE" "$CODE" = 404 -a "$(sql "select count(*) from api_tokens")" = 2
post s1 "/settings/tokens/$TID/delete"
api "$TOK" /api/courses
check "a deleted token opens nothing" "$CODE" "$CODE" = 303

finish
