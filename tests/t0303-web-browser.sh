#!/bin/bash
# The web pages in a real browser: headless Chromium (Debian's) driven by
# playwright-core (tests/browser, installed into build/node by `make test`).
# A student submits A+B and watches the verdict arrive without a reload, then
# a wrong answer; the same with JavaScript disabled, by reloading; an
# instructor uploads a package, rejudges it and downloads the gradebook. No
# page may log a console error (a CSP violation would). A failed step leaves
# screenshots in build/test-output/browser/ (their paths on "# " lines).
. "$(dirname "$0")/lib.sh"

NODE_MODULES=${NODE_MODULES:-$REPO/build/node/node_modules}
OUT_DIR=${BROWSER_OUT:-$REPO/build/test-output/browser}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null || [ ! -d "$NODE_MODULES/playwright-core" ] || [ ! -x "$CHROMIUM" ]; then
	not_ok "browser tests can run" "need node, $CHROMIUM and $NODE_MODULES/playwright-core (make build/node/node_modules/playwright-core)"
	finish
fi
rm -f "$OUT_DIR"/*.png

# The web server drops to uid 61001; serve hands it $STATE/db.
chmod 755 "$T"
export VERDICT_STATE="$T/state"
PW=browser-pass-1
printf '%s\n' "$PW" >"$T/pw"
{
	"$VERDICT" user add stu --role student --password-file "$T/pw" &&
		"$VERDICT" user add ins --role instructor --password-file "$T/pw" &&
		"$VERDICT" problem add --publish "$REPO/problems/aplusb"
} >"$T/setup.log" 2>&1
rc=$?
check "accounts and problem aplusb set up" "rc=$rc $(tr '\n' '|' <"$T/setup.log")" "$rc" -eq 0

# A package to upload: a copy of aplusb, named addtwo by its archive's name.
$PY - "$REPO/problems/aplusb" "$T/addtwo.zip" <<'PYEOF'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, files in os.walk(src):
        for f in files:
            p = os.path.join(d, f)
            z.write(p, os.path.relpath(p, src))
PYEOF

PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$VERDICT" serve --listen "127.0.0.1:$PORT" --workers 1 >"$T/serve.log" 2>&1 &
SERVE=$!
at_exit "kill $SERVE; wait $SERVE"
up=0
for _ in $(seq 100); do
	curl -sf -o /dev/null "http://127.0.0.1:$PORT/login" && { up=1; break; }
	kill -0 $SERVE 2>/dev/null || break
	sleep 0.1
done
check "verdict serve answers on port $PORT" "$(tr '\n' '|' <"$T/serve.log")" "$up" = 1
[ "$up" = 1 ] || finish

FIXTURES=$($PY -c 'import json, sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))' \
	student stu instructor ins password "$PW" problem aplusb newProblem addtwo zip "$T/addtwo.zip" \
	ac "$REPO/problems/aplusb/submissions/accepted/aplusb.c" \
	wa "$REPO/problems/aplusb/submissions/wrong_answer/int32.c")
t0=$(date +%s)
# TMPDIR: the browser's profile and downloads, under $T (found there if left).
mkdir "$T/tmp"
BASE_URL="http://127.0.0.1:$PORT" OUT_DIR="$OUT_DIR" FIXTURES="$FIXTURES" CHROMIUM="$CHROMIUM" \
	NODE_PATH="$NODE_MODULES" TMPDIR="$T/tmp" timeout -k 5 90 node "$REPO/tests/browser/run.js" student.js nojs.js instructor.js \
	>"$T/node.out" 2>"$T/node.err"
rc=$?
cat "$T/node.out"
FAILED=$((FAILED + $(grep -c '^not ok ' "$T/node.out")))
if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$T/node.out"; then
	not_ok "the browser journeys ran" "node exited $rc: $(tail -c 600 "$T/node.err" | tr '\n' '|')"
fi
echo "# journeys took $(($(date +%s) - t0)) s"
kill $SERVE
wait $SERVE
no_leftovers "the server, its judge and the browser are gone" "$T/"
if [ $FAILED -gt 0 ]; then
	echo "# server log:"
	tail -n 20 "$T/serve.log" | sed 's/^/#   /'
fi
finish
