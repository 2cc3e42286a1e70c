# tests/web_lib.sh - sourced by the web tests after lib.sh.
#
# Makes a state directory $S (use_state, lib.sh) whose database $DB the web
# server (uid 61001) gets, with `sql QUERY`; $PW a password, in the file $T/pw.
# Picks a free loopback port ($PORT, $B the base URL) and gives:
#   start_server ARGS...        verdict serve --state $S in the background ($SPID);
#                               waits until it answers; stopped on exit
#   stop_server                 SIGTERM, then SIGKILL if it does not stop
#   http CURL-ARGS...           status in $CODE, headers in $T/h, body in $T/b
#   hdr NAME, body_has TEXT     a header of the last answer; count of TEXT in its body
#   login NAME PASSWORD JAR [CURL-ARGS...]
#   csrf_of JAR                 the session's CSRF token
#   raw PYTHON-BYTES            sends them on a fresh connection: the status line

# The web server drops to uid 61001; serve hands it $S/db.
use_state
PW='correct horse 1'
printf '%s\n' "$PW" >"$T/pw"

PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
B="http://127.0.0.1:$PORT"
SPID=

# start_server ARGS...: verdict serve in the background; waits until it answers.
start_server() {
	"$VERDICT" serve --state "$S" --listen "127.0.0.1:$PORT" "$@" >>"$T/serve.log" 2>&1 </dev/null &
	SPID=$!
	for _ in $(seq 100); do
		curl -s -o /dev/null -m 1 "$B/login" && return 0
		kill -0 "$SPID" 2>/dev/null || break
		sleep 0.1
	done
	return 1
}
# children_of PID: the pids whose parent is PID.
children_of() {
	local d
	for d in /proc/[0-9]*; do
		[ "$(awk '/^PPid:/ { print $2 }' "$d/status" 2>/dev/null)" = "$1" ] && echo "${d#/proc/}"
	done
}
stop_server() {
	[ -n "$SPID" ] || return 0
	local kids
	kids=$(children_of "$SPID")
	kill -TERM "$SPID" 2>/dev/null
	for _ in $(seq 100); do
		kill -0 "$SPID" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$SPID" 2>/dev/null; then # it did not stop: its web server and judge too
		echo "# verdict serve did not stop on SIGTERM; killing it"
		# shellcheck disable=SC2086 # one pid a word
		kill -KILL $kids "$SPID" 2>/dev/null
	fi
	wait "$SPID" 2>/dev/null
	SPID=
}
at_exit stop_server

# http CURL-ARGS...: the status in $CODE, headers in $T/h, the body in $T/b
# (an HTML one also appended to $T/all).
http() {
	: >"$T/b"
	CODE=$(curl -sS -m 20 -o "$T/b" -D "$T/h" -w '%{http_code}' "$@" 2>"$T/curl.err")
	grep -qi '^content-type: text/html' "$T/h" && cat "$T/b" >>"$T/all"
}
hdr() { grep -i "^$1:" "$T/h" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
body_has() { grep -cF -- "$1" "$T/b"; }
# login NAME PASSWORD JAR [CURL-ARGS...]
login() {
	local name=$1 pw=$2 jar=$3
	shift 3
	rm -f "$jar"
	http -c "$jar" --data-urlencode "name=$name" --data-urlencode "password=$pw" -d next=/problems "$@" "$B/login"
}
# csrf_of JAR: the session's CSRF token, from a page's form.
csrf_of() {
	curl -s -m 10 -b "$1" "$B/problems" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1
}
# raw PYTHON-EXPRESSION (bytes): sends them on a fresh connection; prints the
# response's status line, or "closed" / "timeout".
raw() {
	$PY - "$PORT" "$1" <<'EOF'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=8)
s.sendall(eval(sys.argv[2]))
out = b""
try:
    while b"\r\n" not in out:
        d = s.recv(4096)
        if not d:
            break
        out += d
except socket.timeout:
    print("timeout")
    sys.exit()
print(out.split(b"\r\n")[0].decode("latin-1") if out else "closed")
EOF
}
