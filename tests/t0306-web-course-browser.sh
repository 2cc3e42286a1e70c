#!/bin/bash
# timeout: 300
# A course and a contest in a real browser (headless Chromium).
# tests/browser/course.js: an instructor makes a course, enrols a pasted
# roster, makes an assignment due in a minute or two and one already due,
# each with a late penalty, and grants an extension; a student submits on
# time and, after the due time, late, and sees both scores; another
# submits late and sees the penalty beside the raw points, a third submits
# under the extension; deadlines in the course's zone and the reader's own
# (live.js). tests/browser/contest.js: an ICPC contest with a frozen
# board, live for staff, frozen for participants, then unfrozen. No console
# errors or CSP violations.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/browser_lib.sh"

browser_setup "ins:instructor" "$REPO/problems/aplusb" "$REPO/problems/groupsum"

browser_serve --state "$S" --workers 1

FIXTURES=$(fixtures \
	instructor ins password "$PW" problem aplusb ac "$REPO/problems/aplusb/submissions/accepted/aplusb.c" \
	scoring groupsum sixty "$REPO/problems/groupsum/submissions/wrong_answer/sixty_points.c" \
	scoring_ac "$REPO/problems/groupsum/submissions/accepted/sum.c")
# course.js waits for its assignment's due time, up to two minutes.
BROWSER_TIMEOUT=240 browser_run course.js contest.js
finish
