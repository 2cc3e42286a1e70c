#!/usr/bin/env bash
# `make run`: Verdict on http://127.0.0.1:8080 with the example problems,
# a demo instructor and student, whose passwords are printed here (new
# ones at each start), and a demo course DEMO101 (made at the first
# start): an open assignment, one due soon and a contest in progress. The state lives in build/run/ and is kept from one
# run to the next. Needs root, like the judge (sandboxes).
set -eu
: "${VERDICT:?set VERDICT to build/verdict}"
here=$(cd "$(dirname "$0")/.." && pwd)
listen=${VERDICT_LISTEN:-127.0.0.1:8080}

if [ "$(id -u)" != 0 ]; then
	echo "The judge needs root (cgroups, namespaces): run 'sudo make run'." >&2
	exit 1
fi
run=$here/build/run
# The state directory (README: the state layout): root's, with the web
# account's database in db/, its uploads in spool/ and root's data in data/.
export VERDICT_STATE=$run
if [ -e "$run/verdict.db" ]; then
	# A demo made before this layout: its data could have been changed by
	# the web account, so it is started afresh.
	echo "build/run holds a demo in the old layout: moving it aside to build/run.old and starting afresh" >&2
	rm -rf "$run.old" && mv "$run" "$run.old"
fi
mkdir -p "$run"
chown root:root "$run" && chmod 755 "$run"

for p in "$here"/problems/*/; do
	name=$(basename "$p")
	if ! "$VERDICT" problem list 2>/dev/null | grep -q "^$name "; then
		"$VERDICT" problem add --publish "$p" >/dev/null || echo "could not add $name (see above)" >&2
	fi
done

password() { # NAME ROLE: (re)creates the account with a fresh password and prints it
	local out
	if "$VERDICT" user list | grep -q "^$1 "; then
		out=$("$VERDICT" user passwd "$1")
	else
		out=$("$VERDICT" user add "$1" --role "$2")
	fi
	printf '%s\n' "$out" | sed -n 's/.*password for [^:]*: //p'
}
instructor=$(password instructor instructor)
student=$(password student student)

# The demo course, its times relative to its first start.
if ! "$VERDICT" course list | grep -q '^DEMO101 '; then
	zone=Europe/Amsterdam
	at() { TZ=$zone date -d "@$(($(date +%s) + $1))" '+%Y-%m-%d %H:%M'; }
	roster=$(mktemp)
	printf 'instructor,Demo Instructor,,,instructor\nstudent,Demo Student,s0001,A,student\n' >"$roster"
	{
		"$VERDICT" course add DEMO101 --title 'Programming 1 (demo)' --term 'this term' --zone $zone --late-days 2
		"$VERDICT" course enrol DEMO101 "$roster" --passwords "$roster.pw"
		"$VERDICT" assignment add DEMO101 hw1 --title 'Homework 1' --opens "$(at -86400)" --due "$(at $((7 * 86400)))" \
			--problem aplusb:40 --problem groupsum:60 --feedback samples
		"$VERDICT" assignment add DEMO101 hw2 --title 'Homework 2 (due soon)' --opens "$(at -86400)" --due "$(at 7200)" \
			--late-until "$(at $((3 * 86400)))" --late penalty:10/day,floor:50 --problem aplusb
		"$VERDICT" assignment add DEMO101 contest --title 'Practice contest' --opens "$(at -1800)" --due "$(at 9000)" \
			--contest icpc --freeze 60 --problem aplusb --problem groupsum
	} >/dev/null || echo "the demo course could not be made (see above)" >&2
	rm -f "$roster" "$roster.pw"
fi

cat <<MSG

  Verdict: http://$listen/   (the demo course: http://$listen/courses/DEMO101)

  demo instructor: instructor / $instructor
  demo student:    student / $student

  (data in $run; Ctrl-C stops the server and the judge)

MSG
exec "$VERDICT" serve --state "$run" --listen "$listen"
