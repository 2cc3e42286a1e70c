#!/bin/bash
# A course in a real browser (headless Chromium, tests/browser/course.js):
# an instructor makes a course, enrols a pasted roster, makes an assignment
# with a late penalty and grants an extension; one student submits late and
# sees the penalty beside the raw points, another submits under the
# extension; deadlines in the course's zone and the reader's own (live.js);
# no console errors or CSP violations.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/browser_lib.sh"

use_state
PW=browser-pass-1
printf '%s\n' "$PW" >"$T/pw"
{
	"$VERDICT" user add ins --role instructor --password-file "$T/pw" &&
		"$VERDICT" problem add "$REPO/problems/aplusb"
} >"$T/setup.log" 2>&1
rc=$?
check "an instructor and problem aplusb (not published) set up" "rc=$rc $(tr '\n' '|' <"$T/setup.log")" "$rc" -eq 0

browser_serve --state "$S" --workers 1

FIXTURES=$($PY -c 'import json, sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))' \
	instructor ins password "$PW" problem aplusb ac "$REPO/problems/aplusb/submissions/accepted/aplusb.c")
browser_run course.js
finish
