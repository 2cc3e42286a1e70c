#!/usr/bin/env bash
# `make run`: Verdict on http://127.0.0.1:8080 with the example problems
# and a demo instructor and student, whose passwords are printed here (new
# ones at each start). The state lives in build/run/ and is kept from one
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

cat <<MSG

  Verdict: http://$listen/

  demo instructor: instructor / $instructor
  demo student:    student / $student

  (data in $run; Ctrl-C stops the server and the judge)

MSG
exec "$VERDICT" serve --state "$run" --listen "$listen"
