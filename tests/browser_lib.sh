# tests/browser_lib.sh - sourced by the browser tests after lib.sh: headless
# Chromium (Debian's) driven by playwright-core (tests/browser, installed
# into build/node by `make test`).
#   browser_setup "NAME:ROLE..." [--publish] PACKAGE...
#                              a state directory ($S: use_state), $PW (in
#                              $T/pw), these accounts and these problems
#                              (published, or not), with one check line
#   fixtures KEY VALUE...      them as a JSON object (for $FIXTURES)
#   browser_serve ARGS...      verdict serve on a free loopback port ($PORT,
#                              $SERVE) with ARGS; finishes when it does not answer
#   browser_run JOURNEYS...    tests/browser/run.js with $FIXTURES (a JSON
#                              object) on them, within $BROWSER_TIMEOUT s
#                              (90); its TAP lines counted; then stops the
#                              server and checks nothing is left
# A failed step leaves screenshots in build/test-output/browser/.

NODE_MODULES=${NODE_MODULES:-$REPO/build/node/node_modules}
OUT_DIR=${BROWSER_OUT:-$REPO/build/test-output/browser}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null || [ ! -d "$NODE_MODULES/playwright-core" ] || [ ! -x "$CHROMIUM" ]; then
	not_ok "browser tests can run" "need node, $CHROMIUM and $NODE_MODULES/playwright-core (make build/node/node_modules/playwright-core)"
	finish
fi

browser_setup() {
	local accounts=$1 publish= u p rc=0
	shift
	[ "$1" = --publish ] && publish=$1 && shift
	use_state
	PW=browser-pass-1
	printf '%s\n' "$PW" >"$T/pw"
	{
		for u in $accounts; do
			"$VERDICT" user add "${u%%:*}" --role "${u#*:}" --password-file "$T/pw" || rc=1
		done
		for p in "$@"; do
			"$VERDICT" problem add $publish "$p" || rc=1
		done
	} >"$T/setup.log" 2>&1
	check "set up: accounts $accounts; problems ${publish:+($publish) }${*##*/}" \
		"$(tr '\n' '|' <"$T/setup.log")" "$rc" -eq 0
}

fixtures() {
	$PY -c 'import json, sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))' "$@"
}

browser_serve() {
	PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	"$VERDICT" serve --listen "127.0.0.1:$PORT" "$@" >"$T/serve.log" 2>&1 &
	SERVE=$!
	at_exit "kill $SERVE; wait $SERVE"
	local up=0
	for _ in $(seq 100); do
		curl -sf -o /dev/null "http://127.0.0.1:$PORT/login" && { up=1; break; }
		kill -0 $SERVE 2>/dev/null || break
		sleep 0.1
	done
	check "verdict serve answers on port $PORT" "$(tr '\n' '|' <"$T/serve.log")" "$up" = 1
	[ "$up" = 1 ] || finish
}

browser_run() {
	local t0 rc
	t0=$(date +%s)
	# TMPDIR: the browser's profile and downloads, under $T (found there if left).
	mkdir -p "$T/tmp"
	BASE_URL="http://127.0.0.1:$PORT" OUT_DIR="$OUT_DIR" FIXTURES="$FIXTURES" CHROMIUM="$CHROMIUM" \
		NODE_PATH="$NODE_MODULES" TMPDIR="$T/tmp" timeout -k 5 "${BROWSER_TIMEOUT:-90}" node "$REPO/tests/browser/run.js" "$@" \
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
}
