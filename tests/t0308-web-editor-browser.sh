#!/bin/bash
# The code editor in a real browser (headless Chromium, playwright-core: see
# t0303): a student types in the editor, switches the language (the
# highlighting changes), reloads (the draft is kept), submits, and sees
# the submission's source highlighted; the draft is per user. No page may
# log a console error (a CSP violation would). The plain-textarea flow
# without JavaScript is t0303's nojs journey.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/browser_lib.sh"
rm -f "$OUT_DIR"/editor-*.png

browser_setup "stu:student stu2:student" --publish "$REPO/problems/aplusb"
browser_serve --workers 1
FIXTURES=$(fixtures student stu student2 stu2 password "$PW" problem aplusb)
browser_run editor.js
finish
