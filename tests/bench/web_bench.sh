#!/bin/sh
# web_bench.sh - the web pages under load, at 100,000 judged submissions (part of `make bench`).
# Also a course's gradebook of 1,000 students and a contest's scoreboard of
# 500 participants and 12 problems, each against the problem list's ratio.
#
# Builds a database with build/verdict (users, the problem packages) and
# fills it in one SQL transaction: 200 students, 100,000 judged submissions
# with their judgings and per-test results. Starts `verdict serve
# --no-judge --threads 2`, logs in as a student, and runs wrk (-t2 -c32
# -d5s) against the problem list, a problem's page and one of the
# student's submissions, each round next to the baseline: the stylesheet,
# compiled in and served by the same server with no session lookup and no
# database, the server's floor, so a page's ratio to it is what the page
# itself costs, whatever the machine. Rounds are interleaved; medians of the rounds are printed.
# Then times N submissions (POST /problems/aplusb/submit, as the
# instructor, who has no per-user limits), one after another on one
# connection (build/bench/web_post). Then the problem list again, during a
# flood of wrong logins for unknown names from many addresses
# (tests/bench/login_flood.py), each an argon2 check of 64 MiB.
# Prints PASS/FAIL against the targets,
# as information: the exit status says only whether the bench ran.
#
# Environment: VERDICT (build/verdict), WEB_POST (build/bench/web_post),
# WEB_BENCH_ROUNDS (3), WEB_BENCH_DURATION (5s), WEB_BENCH_POSTS (500).
set -eu

VERDICT=${VERDICT:-build/verdict}
WEB_POST=${WEB_POST:-build/bench/web_post}
ROUNDS=${WEB_BENCH_ROUNDS:-3}
DURATION=${WEB_BENCH_DURATION:-5s}
POSTS=${WEB_BENCH_POSTS:-500}
SUBMISSIONS=100000
STUDENTS=200 # the benchmarked student and 199 others
COURSE_STUDENTS=1000 # in course BENCH's gradebook
CONTEST_PARTICIPANTS=500 # on contest CONTEST/final's scoreboard
HERE=$(cd "$(dirname "$0")/../.." && pwd)
case $VERDICT in /*) ;; *) VERDICT=$HERE/$VERDICT ;; esac
case $WEB_POST in /*) ;; *) WEB_POST=$HERE/$WEB_POST ;; esac

fail() { echo "web_bench: $*" >&2; exit 1; }
command -v wrk >/dev/null || fail "wrk is not installed (apt-get install wrk)"
command -v sqlite3 >/dev/null || fail "sqlite3 is not installed (apt-get install sqlite3)"
command -v curl >/dev/null || fail "curl is not installed (apt-get install curl)"

DIR=$(mktemp -d /tmp/verdict-web-bench-XXXXXX)
SERVER=
cleanup() {
	if [ -n "$SERVER" ]; then
		kill "$SERVER" 2>/dev/null || true
		wait "$SERVER" 2>/dev/null || true
	fi
	[ -n "${WEB_BENCH_KEEP:-}" ] && echo "kept $DIR" || rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
# The state layout (README): serve hands $DIR/state/db to the web account.
chmod 755 "$DIR"
export VERDICT_STATE=$DIR/state
DB=$VERDICT_STATE/db/verdict.db

# ---- the database ----
t0=$(date +%s)
printf 'web-bench-password\n' > "$DIR/password"
"$VERDICT" user add student --password-file "$DIR/password" >/dev/null
"$VERDICT" user add instructor --role instructor --password-file "$DIR/password" >/dev/null
for p in aplusb circlearea groupsum largesort factor; do
	"$VERDICT" problem add --publish "$HERE/problems/$p" >/dev/null
done
# Submission i belongs to the benchmarked student (id 1) when i % 200 = 0,
# else to one of the other 199; problems, verdicts and tests spread out.
# Every one is judged: a judging and a result per test of its problem.
sqlite3 "$DB" >/dev/null <<EOF
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $STUDENTS - 1)
INSERT INTO users (name, role, password_hash, created_at) SELECT printf('s%03d', i), 'student', NULL, 0 FROM k;
CREATE TEMP TABLE pv AS SELECT problem_id, id AS vid, test_count FROM problem_versions;
CREATE TEMP TABLE src AS SELECT readfile('$HERE/problems/aplusb/submissions/accepted/aplusb.c') AS t,
	(SELECT COUNT(*) FROM problems) AS np, (SELECT MAX(id) FROM users) AS nu;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $SUBMISSIONS)
INSERT INTO submissions (id, user_id, problem_id, language, file_name, source, state, verdict, judging_id,
	submitted_at)
SELECT i, CASE WHEN i % $STUDENTS = 0 THEN 1 ELSE 3 + (i * 7919) % (nu - 2) END,
	1 + ((i * 2654435761) % 1000003) % np, 'c', 'main.c', t, 'done',
	CASE (i / 7) % 8 WHEN 0 THEN 'WA' WHEN 1 THEN 'TLE' WHEN 2 THEN 'RE' WHEN 3 THEN 'WA' ELSE 'AC' END,
	i, CAST(strftime('%s', 'now') AS INTEGER) - $SUBMISSIONS + i
FROM k, src;
INSERT INTO judgings (id, submission_id, problem_version_id, verdict, compile_output, max_cpu_ms, max_mem_kb,
	judge, started_at, finished_at)
SELECT s.id, s.id, pv.vid, s.verdict, '', 12, 1500, 'bench', s.submitted_at, s.submitted_at + 1
FROM submissions s JOIN pv ON pv.problem_id = s.problem_id;
WITH RECURSIVE t(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM t WHERE x < 99)
INSERT INTO test_results (judging_id, test_index, test_name, sample, verdict, cpu_ms, wall_ms, mem_kb, message)
SELECT j.id, t.x, printf('test%02d', t.x + 1), t.x < 2,
	CASE WHEN t.x = pv.test_count - 1 THEN j.verdict ELSE 'AC' END, 3, 5, 1500, 'ok'
FROM judgings j JOIN pv ON pv.vid = j.problem_version_id JOIN t ON t.x < pv.test_count;
-- What judging them would have kept up to date (schema/006_best_results.sql).
INSERT INTO best_results (user_id, problem_id, attempts, solved, best_score, last_id)
SELECT user_id, problem_id, COUNT(*), MAX(CASE WHEN verdict = 'AC' THEN 1 ELSE 0 END), MAX(score), MAX(id)
FROM submissions WHERE verdict IS NOT NULL GROUP BY user_id, problem_id;
COMMIT;
ANALYZE;
EOF
# ---- a course and a contest ----
# Seven more problems (copies of aplusb), so that the contest has twelve.
for i in 1 2 3 4 5 6 7; do
	cp -r "$HERE/problems/aplusb" "$DIR/extra$i"
	"$VERDICT" problem add --publish "$DIR/extra$i" >/dev/null
done
at() { date -u -d "@$(($(date +%s) + $1))" '+%Y-%m-%d %H:%M'; }
all5="--problem aplusb:20 --problem circlearea:20 --problem groupsum:20 --problem largesort:20 --problem factor:20"
{
	"$VERDICT" course add BENCH --title 'Bench course' --zone UTC
	# shellcheck disable=SC2086 # one --problem per word
	"$VERDICT" assignment add BENCH hw --title Homework --opens "$(at -864000)" --due "$(at -86400)" \
		--late-until "$(at 86400)" --late penalty:10/day,floor:50 $all5
	"$VERDICT" course add CONTEST --title 'Bench contest' --zone UTC
	# shellcheck disable=SC2086
	"$VERDICT" assignment add CONTEST final --title Final --opens "$(at -7200)" --due "$(at 3600)" --contest icpc \
		--freeze 90 $all5 $(for i in 1 2 3 4 5 6 7; do printf -- '--problem extra%d ' "$i"; done)
} >"$DIR/course.log" 2>&1 || fail "cannot make the course and the contest: $(cat "$DIR/course.log")"
# BENCH: 1,000 students, each with two judged submissions to each of its
# five problems, some late. CONTEST: 500 of them with three attempts at
# each of twelve problems. The benchmarked student is in both.
sqlite3 "$DB" >/dev/null <<EOF
BEGIN;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $COURSE_STUDENTS)
INSERT INTO users (name, role, password_hash, created_at) SELECT printf('c%04d', i), 'student', NULL, 0 FROM k;
INSERT INTO course_members (course_id, user_id, role, full_name, student_number, section, added_at)
SELECT c.id, u.id, 'student', 'Student ' || u.name, 'n' || u.id, 'S' || (u.id % 4), 0
FROM courses c, users u WHERE c.short_name = 'BENCH' AND (u.name LIKE 'c____' OR u.name = 'student');
INSERT INTO course_members (course_id, user_id, role, full_name, student_number, section, added_at)
SELECT c.id, u.id, 'student', 'Student ' || u.name, 'n' || u.id, '', 0
FROM courses c, users u WHERE c.short_name = 'CONTEST'
	AND ((u.name LIKE 'c____' AND CAST(substr(u.name, 2) AS INTEGER) < $CONTEST_PARTICIPANTS) OR u.name = 'student');
INSERT INTO course_members (course_id, user_id, role, added_at)
SELECT c.id, u.id, 'instructor', 0 FROM courses c, users u WHERE u.name = 'instructor';
CREATE TEMP TABLE ap AS SELECT a.id AS aid, a.opens_at, a.due_at, a.course_id, p.problem_id, p.position,
	(SELECT MAX(id) FROM problem_versions v WHERE v.problem_id = p.problem_id) AS vid
	FROM assignments a JOIN assignment_problems p ON p.assignment_id = a.id;
CREATE TEMP TABLE tries AS SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2;
CREATE TEMP TABLE base AS SELECT MAX(id) AS b FROM submissions;
CREATE TEMP TABLE cs (rn INTEGER PRIMARY KEY, user_id, problem_id, aid, vid, verdict, at);
INSERT INTO cs (user_id, problem_id, aid, vid, verdict, at)
SELECT m.user_id, ap.problem_id, ap.aid, ap.vid,
	CASE (m.user_id * 31 + ap.position * 7 + t.n) % 5 WHEN 0 THEN 'WA' WHEN 1 THEN 'TLE' ELSE 'AC' END,
	CASE WHEN c.short_name = 'BENCH' THEN ap.due_at - 3600 + (m.user_id * 97 + t.n * 3600) % 7200
	     ELSE ap.opens_at + 60 + (m.user_id * 13 + ap.position * 211 + t.n * 600) % 5000 END
FROM ap JOIN courses c ON c.id = ap.course_id JOIN course_members m ON m.course_id = ap.course_id AND m.role = 'student'
JOIN tries t ON t.n < CASE WHEN c.short_name = 'BENCH' THEN 2 ELSE 3 END;
INSERT INTO submissions (id, user_id, problem_id, language, file_name, source, state, verdict, judging_id, submitted_at,
	assignment_id)
SELECT b + rn, user_id, problem_id, 'c', 'main.c', 'int main(void) { return 0; }', 'done', verdict, b + rn, at, aid
FROM cs, base;
INSERT INTO judgings (id, submission_id, problem_version_id, verdict, compile_output, max_cpu_ms, max_mem_kb,
	judge, started_at, finished_at)
SELECT b + rn, b + rn, vid, verdict, '', 12, 1500, 'bench', at, at + 1 FROM cs, base;
COMMIT;
ANALYZE;
EOF
COURSE_SUBMISSIONS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM submissions WHERE assignment_id IS NOT NULL")

# The benchmarked page: one of the student's, from the middle.
SUB=$(sqlite3 "$DB" "SELECT id FROM submissions WHERE user_id = 1 ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM submissions WHERE user_id = 1)")
TESTS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM test_results WHERE judging_id = $SUB")
[ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM submissions WHERE assignment_id IS NULL")" = $SUBMISSIONS ] || fail "the database was not filled"
built=$(($(date +%s) - t0))

# ---- the server ----
PORT=
for try in 1 2 3 4 5; do
	port=$((20000 + ($$ * 7 + try * 1009) % 40000))
	"$VERDICT" serve --listen 127.0.0.1:$port --no-judge --threads 2 >"$DIR/serve.log" 2>&1 &
	SERVER=$!
	for _ in $(seq 50); do
		if curl -s -o /dev/null "http://127.0.0.1:$port/static/style.css"; then PORT=$port; break; fi
		kill -0 "$SERVER" 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$PORT" ] && break
	kill "$SERVER" 2>/dev/null || true
	wait "$SERVER" 2>/dev/null || true
	SERVER=
done
[ -n "$PORT" ] || fail "verdict serve did not start: $(cat "$DIR/serve.log")"
BASE=http://127.0.0.1:$PORT

login() { # NAME -> the session cookie
	curl -s -D - -o /dev/null --data-urlencode "name=$1" --data-urlencode "password=web-bench-password" "$BASE/login" |
		tr -d '\r' | sed -n 's/^Set-Cookie: \(verdict_session=[^;]*\);.*/\1/p'
}
STUDENT=$(login student)
INSTRUCTOR=$(login instructor)
{ [ -n "$STUDENT" ] && [ -n "$INSTRUCTOR" ]; } || fail "cannot log in: $(cat "$DIR/serve.log")"
for page in /problems /problems/aplusb /submissions/$SUB; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $STUDENT" "$BASE$page")
	[ "$code" = 200 ] || fail "GET $page answered $code, not 200"
done
CSRF=$(curl -s -H "Cookie: $INSTRUCTOR" "$BASE/problems/aplusb" |
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$CSRF" ] || fail "no CSRF token on the problem's page"

# ---- the pages ----
# wrk's figures as "rps p50_ms p99_ms errors".
# The gradebook is read as the course's instructor, every other page as the student.
run_wrk() {
	cookie=$STUDENT
	case $1 in /courses/*/grades) cookie=$INSTRUCTOR ;; esac
	# As a browser asks: gzip accepted (the board and the gradebook are
	# sent compressed, web/gzip_splice.c; the other pages as they are).
	wrk -t2 -c32 -d"$DURATION" --latency -H "Cookie: $cookie" -H "Accept-Encoding: gzip" "$BASE$1" 2>&1 | awk '
		function ms(v) {
			if (v ~ /us$/) return v / 1000
			if (v ~ /ms$/) return v + 0
			if (v ~ /s$/) return v * 1000
			return v + 0
		}
		$1 == "50%" { p50 = ms($2) }
		$1 == "99%" { p99 = ms($2) }
		$1 == "Requests/sec:" { rps = $2 }
		/Non-2xx|Socket errors/ { errors = errors "; " $0 }
		END { printf "%s %s %s %s\n", rps + 0, p50 + 0, p99 + 0, errors == "" ? "-" : substr(errors, 3) }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

BASELINE=/static/style.css
GRADEBOOK=/courses/BENCH/grades
BOARD=/courses/CONTEST/final/scoreboard
PAGES="/problems /problems/aplusb /submissions/$SUB $GRADEBOOK $BOARD"
echo "web pages: $SUBMISSIONS judged submissions, $STUDENTS students, 5 problems (database built in ${built} s);"
echo "a course of $COURSE_STUDENTS students (5 problems) and a contest of $CONTEST_PARTICIPANTS (12 problems): $COURSE_SUBMISSIONS submissions;"
echo "verdict serve --threads 2 --no-judge; wrk -t2 -c32 -d$DURATION --latency, Accept-Encoding: gzip, logged in as a student (the gradebook: the instructor);"
echo "$ROUNDS interleaved rounds, each page next to the baseline $BASELINE; medians of the rounds"
: > "$DIR/results"
for _ in $(seq "$ROUNDS"); do
	for page in $PAGES; do
		b=$(run_wrk $BASELINE)
		p=$(run_wrk "$page")
		# The ratio within the round: both ran on the same machine a second apart.
		{
			echo "$page $p"
			echo "$BASELINE $b"
			echo "ratio $page $(echo "${p%% *} ${b%% *}" | awk '{ printf "%.3f", ($2 > 0 ? $1 / $2 : 0) }')"
		} >> "$DIR/results"
	done
done
field() { # PAGE COLUMN -> the median of that column over the rounds
	awk -v p="$1" -v c="$2" '$1 == p { print $c }' "$DIR/results" | median
}
printf '%-36s %10s %9s %9s %12s\n' "page" "req/s" "p50 ms" "p99 ms" "rps/baseline"
printf '%-36s %10.0f %9.2f %9.2f %12s\n' "$BASELINE (baseline)" "$(field $BASELINE 2)" "$(field $BASELINE 3)" \
	"$(field $BASELINE 4)" "1.00"
worst_rps=999999 worst_p99=0
for page in $PAGES; do
	rps=$(field "$page" 2) p99=$(field "$page" 4)
	ratio=$(awk -v p="$page" '$1 == "ratio" && $2 == p { print $3 }' "$DIR/results" | median)
	label=$page
	[ "$page" = "/submissions/$SUB" ] && label="/submissions/$SUB ($TESTS tests)"
	[ "$page" = "$GRADEBOOK" ] && label="$GRADEBOOK (instructor)"
	[ "$page" = "$BOARD" ] && label="$BOARD (frozen)"
	printf '%-36s %10.0f %9.2f %9.2f %12.2f\n' "$label" "$rps" "$(field "$page" 3)" "$p99" "$ratio"
	worst_rps=$(echo "$worst_rps $rps" | awk '{ print ($2 < $1 ? $2 : $1) }')
	worst_p99=$(echo "$worst_p99 $p99" | awk '{ print ($2 > $1 ? $2 : $1) }')
done
errors=$(awk '$1 != "ratio" && $5 != "-" { $2 = $3 = $4 = ""; print }' "$DIR/results" | sort -u)
[ -z "$errors" ] || { echo "wrk reported errors:"; echo "$errors"; }

# ---- the problem list during a login flood ----
secs=${DURATION%s}
python3 "$HERE/tests/bench/login_flood.py" --port "$PORT" --seconds $((secs + 2)) --clients 64 >"$DIR/flood" &
FLOOD=$!
sleep 1
flooded=$(run_wrk /problems)
wait $FLOOD || fail "the login flood failed"
echo "/problems during a login flood ($(cat "$DIR/flood")):"
printf '  %10.0f req/s, p50 %.2f ms, p99 %.2f ms (without the flood: p50 %.2f ms)%s\n' "$(echo "$flooded" | cut -d' ' -f1)" \
	"$(echo "$flooded" | cut -d' ' -f2)" "$(echo "$flooded" | cut -d' ' -f3)" "$(field /problems 3)" \
	"$(echo "$flooded" | awk '$4 != "-" { $1 = $2 = $3 = ""; print ";" $0 }')"

# ---- submitting ----
post=$("$WEB_POST" --port "$PORT" --path /problems/aplusb/submit --cookie "$INSTRUCTOR" -n "$POSTS" \
	--form "csrf=$CSRF" --form language=c --form-file "code=$HERE/problems/aplusb/submissions/accepted/aplusb.c") ||
	fail "submitting failed (see above)"
post_median=$(echo "$post" | awk '{ print $4 }')
post_p99=$(echo "$post" | awk '{ print $6 }')
stored=$(sqlite3 "$DB" "SELECT COUNT(*) FROM submissions WHERE state = 'queued'")
[ "$stored" = "$POSTS" ] || fail "$POSTS submissions were accepted but $stored are queued"
printf 'submit (POST /problems/aplusb/submit, %d in a row, one connection): median %.2f ms, p99 %.2f ms (%d queued)\n' \
	"$POSTS" "$post_median" "$post_p99" "$stored"

verdict() { if [ "$1" = 1 ]; then echo PASS; else echo FAIL; fi; }
echo "targets (information; 2 cores shared with wrk):"
echo "  every page >= 5000 req/s: $(verdict "$(echo "$worst_rps" | awk '{ print ($1 >= 5000) }')") (slowest $(printf '%.0f' "$worst_rps"))"
echo "  every page p99 < 20 ms:   $(verdict "$(echo "$worst_p99" | awk '{ print ($1 < 20) }')") (worst $(printf '%.2f' "$worst_p99") ms)"
echo "  submit median < 5 ms:     $(verdict "$(echo "$post_median" | awk '{ print ($1 < 5) }')") ($(printf '%.2f' "$post_median") ms)"
ratio_of() { awk -v p="$1" '$1 == "ratio" && $2 == p { print $3 }' "$DIR/results" | median; }
list_ratio=$(ratio_of /problems)
for page in $GRADEBOOK $BOARD; do
	r=$(ratio_of "$page")
	printf '  %s at least as fast as /problems, against the baseline: %s (%.2f against %.2f)\n' "$page" \
		"$(verdict "$(echo "$r $list_ratio" | awk '{ print ($1 >= $2) }')")" "$r" "$list_ratio"
done
