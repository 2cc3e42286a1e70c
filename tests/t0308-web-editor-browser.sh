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

# The web server drops to uid 61001; serve hands it $STATE/db.
chmod 755 "$T"
export VERDICT_STATE="$T/state"
PW=browser-pass-1
printf '%s\n' "$PW" >"$T/pw"
{
	"$VERDICT" user add stu --role student --password-file "$T/pw" &&
		"$VERDICT" user add stu2 --role student --password-file "$T/pw" &&
		"$VERDICT" problem add --publish "$REPO/problems/aplusb"
} >"$T/setup.log" 2>&1
rc=$?
check "accounts and problem aplusb set up" "rc=$rc $(tr '\n' '|' <"$T/setup.log")" "$rc" -eq 0

browser_serve --workers 1

FIXTURES=$($PY -c 'import json, sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))' \
	student stu student2 stu2 password "$PW" problem aplusb)
browser_run editor.js
finish
