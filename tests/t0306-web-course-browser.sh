#!/bin/bash
# A course in a real browser (headless Chromium, tests/browser/course.js):
# an instructor makes a course, enrols a pasted roster, makes an assignment
# with a late penalty and grants an extension; one student submits late and
# sees the penalty beside the raw points, another submits under the
# extension; deadlines in the course's zone and the reader's own (live.js);
# no console errors or CSP violations.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/browser_lib.sh"

browser_setup "ins:instructor" "$REPO/problems/aplusb"

browser_serve --state "$S" --workers 1

FIXTURES=$(fixtures \
	instructor ins password "$PW" problem aplusb ac "$REPO/problems/aplusb/submissions/accepted/aplusb.c")
browser_run course.js
finish
