#!/bin/bash
# The web server against a hostile client: login throttling that a stranger
# cannot turn against an account, X-Forwarded-For only from a trusted proxy,
# login floods and the password pool, connections that trickle their
# headers, control bytes and too many parameters in a URL, login CSRF by
# Referer, and the old session ended at a new login. Source addresses are
# other 127.0.0.x (curl --interface, or a bound socket).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"

for u in s1:student s2:student inst:instructor; do
	"$VERDICT" user add "${u%%:*}" --role "${u#*:}" --password-file "$T/pw" >>"$T/setup.log" 2>&1
done
"$VERDICT" problem add --publish "$REPO/problems/aplusb" >>"$T/setup.log" 2>&1
check "setup: 3 users and a problem" "$(cat "$T/setup.log")" \
	"$(sql "select count(*) from users")/$(sql "select count(*) from problems")" = 3/1

PROXY=127.0.0.9
if ! start_server --no-judge --threads 2 --trusted-proxy "$PROXY,::2"; then
	not_ok "verdict serve starts and answers" "$(tail -20 "$T/serve.log")"
	finish
fi
ok "verdict serve starts and answers"

# from ADDR NAME PASSWORD [CURL-ARGS...]: a login POST from that source address.
from() {
	local addr=$1 name=$2 pw=$3
	shift 3
	http --interface "$addr" -c "$T/from.jar" --data-urlencode "name=$name" --data-urlencode "password=$pw" "$@" "$B/login"
}
failures_from() { sql "select count(*) from login_failures where address = '$1'"; }

# ==== 1. throttling: per address and per (address, name), never per name ====
refused=0
for i in $(seq 200); do
	from 127.0.0.2 inst "guess $i"
	[ "$CODE" = 403 ] && [ "$(body_has 'too many failed logins')" -ge 1 ] && refused=$((refused + 1))
done
check "200 wrong passwords for an instructor from one address: all but the first 5 refused unchecked" \
	"refused=$refused recorded=$(failures_from 127.0.0.2)" "$refused" -eq 195 -a "$(failures_from 127.0.0.2)" -eq 5
from 127.0.0.3 inst "$PW"
check "then the right password from another address logs in" "$CODE $(grep -o 'too many[^<]*' "$T/b")" "$CODE" = 303
from 127.0.0.2 inst "$PW"
check "but not from the attacking address" "$CODE" "$CODE" = 403 -a "$(body_has 'too many failed logins')" -eq 1
for a in $(seq 10 19); do
	for i in 1 2 3 4 5; do from "127.0.1.$a" inst "guess $a.$i"; done
done
from 127.0.0.4 inst "$PW"
check "5 failures each from 10 addresses (50 for the name): its owner still logs in from a clean address" \
	"$CODE; failures for inst: $(sql "select count(*) from login_failures where user_name='inst'")" "$CODE" = 303
for i in $(seq 20); do from 127.0.0.5 "nobody$i" guess; done
from 127.0.0.5 s1 "$PW"
check "an address with 20 failures (20 names) is refused for every name" "$CODE" \
	"$CODE" = 403 -a "$(body_has 'too many failed logins')" -eq 1
from 127.0.0.6 s1 "$PW"
check "and s1 logs in from elsewhere" "$CODE" "$CODE" = 303

sql "insert into login_failures (user_name, address, at) values ('old', '192.0.2.1', $(($(date +%s) - 3600)))"
from 127.0.0.10 nobody guess
check "a failure past the 15-minute window is deleted when a new one is recorded" "" \
	"$(failures_from 192.0.2.1)/$(failures_from 127.0.0.10)" = 0/1

# ==== 2. X-Forwarded-For: only from a trusted proxy, read from the right ====
from 127.0.0.7 nobody guess -H "X-Forwarded-For: 10.1.2.3"
check "from an untrusted peer the header is ignored: the failure is the peer's" \
	"$(sql "select address from login_failures order by id desc limit 1")" \
	"$(sql "select address from login_failures order by id desc limit 1")" = 127.0.0.7
for i in $(seq 20); do from "$PROXY" "nobody$i" guess -H "X-Forwarded-For: 203.0.113.5"; done
check "from the trusted proxy the client's address is the header's" \
	"$(sql "select address, count(*) from login_failures where at > 0 group by address" | tr '\n' ' ')" \
	"$(failures_from 203.0.113.5)" -eq 20 -a "$(failures_from $PROXY)" -eq 0
from "$PROXY" s2 "$PW" -H "X-Forwarded-For: 203.0.113.5"
check "that client, with 20 failures, is refused behind the proxy" "$CODE" "$CODE" = 403
from "$PROXY" s2 "$PW" -H "X-Forwarded-For: 198.51.100.7, 203.0.113.5"
check "and cannot escape by prepending an address of its choice" "$CODE" "$CODE" = 403
from "$PROXY" s2 "$PW" -H "X-Forwarded-For: 203.0.113.5, 127.0.0.9"
check "a chain through two trusted proxies still finds that client" "$CODE" "$CODE" = 403
from "$PROXY" s2 "$PW" -H "X-Forwarded-For: 203.0.113.99"
check "another client behind the same proxy logs in" "$CODE" "$CODE" = 303
from 127.0.0.8 s2 "$PW" -H "X-Forwarded-For: 127.0.0.5"
check "an untrusted peer's X-Forwarded-For naming a throttled address changes nothing" \
	"$CODE $(failures_from 127.0.0.8)" "$CODE" = 303
"$VERDICT" serve --trusted-proxy not-an-address >"$T/bad.out" 2>&1
rc=$?
check "--trusted-proxy refuses what is not an address" "rc=$rc $(head -1 "$T/bad.out")" \
	"$rc" -eq 2 -a "$(grep -c 'bad value: not-an-address' "$T/bad.out")" -eq 1

# ==== 5. control bytes and too many parameters in the URL ====
for u in "/static/style.css%00.txt" "/problems/aplusb%00x" "/login%0a" "/problems/a%7Fb"; do
	http -b "$T/from.jar" "$B$u"
	check "$u is 400 with a reason" "$CODE" "$CODE" = 400 -a "$(body_has 'control character')" -eq 1
done
many=$($PY -c 'print("&".join("a%d=1" % i for i in range(1000)))')
t0=$(date +%s%N)
http "$B/login?$many"
ms=$((($(date +%s%N) - t0) / 1000000))
check "1,000 query parameters (an 8.8 KB URL) are 414 at once" "$CODE in $ms ms" \
	"$CODE" = 414 -a "$(body_has 'too many query parameters')" -eq 1 -a "$ms" -lt 2000
http "$B/login?next=/problems&$($PY -c 'print("&".join("a%d=1" % i for i in range(60)))')"
check "60 parameters are served" "$CODE" "$CODE" = 200

# ==== 6. login CSRF by Referer; the old session ends at a new login ====
from 127.0.0.6 s2 "$PW" -H "Referer: http://evil.example/login"
check "a login POST with no Origin and a foreign Referer is 403" "$CODE" \
	"$CODE" = 403 -a "$(grep -ci '^set-cookie' "$T/h")" -eq 0 -a "$(body_has 'another site')" -eq 1
from 127.0.0.6 s2 "$PW" -H "Referer: http://127.0.0.1:$PORT.evil.example/"
check "a Referer whose host only starts like this site's is 403 too" "$CODE" "$CODE" = 403
from 127.0.0.6 s2 "$PW" -H "Referer: http://127.0.0.1:$PORT/login?next=/problems"
check "this site's Referer logs in" "$CODE" "$CODE" = 303
from 127.0.0.6 s2 "$PW"
check "no Origin and no Referer (a script) logs in" "$CODE" "$CODE" = 303
s2_cookie=$(sed -n 's/.*verdict_session\t//p' "$T/from.jar")
before=$(sql "select count(*) from sessions s join users u on u.id = s.user_id where u.name = 's2'")
http --interface 127.0.0.6 -H "Cookie: verdict_session=$s2_cookie" -c "$T/s1.jar" --data-urlencode "name=s1" \
	--data-urlencode "password=$PW" "$B/login"
after=$(sql "select count(*) from sessions s join users u on u.id = s.user_id where u.name = 's2'")
check "logging in as s1 with s2's cookie ends s2's session in the database" "$CODE $before -> $after" \
	"$CODE" = 303 -a "$after" -eq $((before - 1))
http -H "Cookie: verdict_session=$s2_cookie" "$B/problems"
check "and the old cookie no longer works" "$CODE" "$CODE" = 303

# ==== 3. logins cost a bounded pool, not the HTTP threads ====
st=$(raw "b'POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n'")
check "a login body over 4 KiB is refused by its Content-Length (413), before it is sent" "$st" "${st:9:3}" = 413
http --data-urlencode "name=s1" --data-urlencode "password=$(head -c 5000 /dev/zero | tr '\0' a)" "$B/login"
check "and sent anyway, it is 413 too" "$CODE" "$CODE" = 413
# 100 clients (each its own address, under the per-address limit) send
# wrong logins for unknown names for 4 s, while a logged-in student asks
# for /problems one request after another.
login s1 "$PW" "$T/s1.jar"
S1=$(sed -n 's/.*verdict_session\t//p' "$T/s1.jar")
$PY - "$PORT" "$S1" >"$T/flood" 2>&1 <<'EOF2'
import socket, sys, threading, time, urllib.parse
port, cookie = int(sys.argv[1]), sys.argv[2]
def request(raw, src=None):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=30, source_address=(src, 0) if src else None)
        s.sendall(raw)
        out = b""
        while b"\r\n" not in out:
            d = s.recv(4096)
            if not d:
                break
            out += d
        s.close()
    except OSError:
        return "error"
    return out[9:12].decode() if out else "closed"
codes, stop = {}, time.time() + 4
def flood(k):
    for i in range(15):
        if time.time() > stop:
            return
        body = urllib.parse.urlencode({"name": "ghost%d_%d" % (k, i), "password": "guess"}).encode()
        c = request(b"POST /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
                    b"application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body),
                    "127.0.2.%d" % (k + 1))
        codes[c] = codes.get(c, 0) + 1
threads = [threading.Thread(target=flood, args=(k,)) for k in range(100)]
for t in threads:
    t.start()
time.sleep(0.5)
lat = []
while time.time() < stop - 0.5:
    t0 = time.time()
    c = request(b"GET /problems HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: verdict_session=%s\r\n\r\n"
                % cookie.encode())
    lat.append((time.time() - t0) * 1000 if c == "200" else 1e9)
for t in threads:
    t.join()
lat.sort()
print("p50_ms=%.1f max_ms=%.1f pages=%d" % (lat[len(lat) // 2], lat[-1], len(lat)))
print(" ".join("%s=%d" % kv for kv in sorted(codes.items())))
EOF2
echo "# $(tr '\n' ' ' <"$T/flood")"
p50=$(sed -n 's/^p50_ms=\([0-9]*\).*/\1/p' "$T/flood")
check "during a login flood (100 clients) /problems is answered at once (median under 300 ms)" "$(tr '\n' ' ' <"$T/flood")" \
	-n "$p50" -a "${p50:-9999}" -lt 300
check "every flooding login got an answer: 403, or 503 when the password pool was full" "$(tail -1 "$T/flood")" \
	"$(tail -1 "$T/flood" | grep -cE '^(403=[0-9]+)( 503=[0-9]+)?$')" -eq 1
check "and some were told the server is busy (503)" "$(tail -1 "$T/flood")" "$(tail -1 "$T/flood" | grep -c ' 503=')" -eq 1
http -H "Cookie: verdict_session=$S1" "$B/problems"
from 127.0.0.6 s2 "$PW"
check "after the flood, logging in works again" "$CODE" "$CODE" = 303

# Stopping while logins wait for the pool: libmicrohttpd aborts when it is
# stopped with a connection suspended, so the pool hands them back first.
$PY "$REPO/tests/bench/login_flood.py" --port "$PORT" --seconds 3 --clients 32 >"$T/flood2" 2>&1 &
FLOODER=$!
sleep 1
log_before=$(wc -l <"$T/serve.log")
stop_server
wait $FLOODER
check "stopped during a login flood, the server exits cleanly" "$(tail -n +$((log_before + 1)) "$T/serve.log" | head -5)" \
	"$(tail -n +$((log_before + 1)) "$T/serve.log" | grep -ciE 'suspended|panic|abort|died|signal')" -eq 0
start_server --no-judge --threads 2 || not_ok "verdict serve starts again" "$(tail -5 "$T/serve.log")"

# ==== 4. connections that trickle their headers are closed at the deadline ====
# trickle ADDRESSES PER-ADDRESS: that many connections (the server allows
# 200 per address) send a header byte a second, while an ordinary client
# asks for /login (again every 0.2 s while it finds no room). Prints when
# the ordinary request was answered and when the tricklers were closed.
trickle() {
	$PY - "$PORT" "$1" "$2" <<'EOF2'
import socket, sys, threading, time
port, naddr, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
conns = []
for a in range(naddr):
    for i in range(per):
        s = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=("127.0.3.%d" % (a + 1), 0))
        try:
            s.sendall(b"GET /login HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        except OSError:
            pass
        s.setblocking(False)
        conns.append(s)
start = time.time()
answered = [None]
def ordinary():
    while time.time() - start < 20:
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=2)
            s.sendall(b"GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            if s.recv(12)[9:12] == b"200":
                answered[0] = (time.time() - start) * 1000
                return
        except OSError:
            pass
        time.sleep(0.2)
threading.Thread(target=ordinary, daemon=True).start()
closed_at = {}
while time.time() - start < 15 and len(closed_at) < len(conns):
    time.sleep(1)
    for k, s in enumerate(conns):
        if k in closed_at:
            continue
        try:
            if s.recv(1) == b"":
                raise ConnectionError
        except BlockingIOError:
            try:
                s.send(b"a")
                continue
            except OSError:
                pass
        except OSError:
            pass
        closed_at[k] = time.time() - start
t = sorted(closed_at.values())
print("ordinary=%s ms" % ("%.0f" % answered[0] if answered[0] is not None else "never"))
print("closed=%d of %d, first at %.1f s, last at %.1f s" % (len(t), len(conns), t[0] if t else -1, t[-1] if t else -1))
print("closed_by_4s=%d" % sum(1 for x in t if x < 4))
EOF2
}
trickle 3 100 >"$T/trickle"
echo "# 300 tricklers: $(tr '\n' ' ' <"$T/trickle")"
check "while 300 connections trickle header bytes, an ordinary request is answered in under a second" \
	"$(tr '\n' ' ' <"$T/trickle")" "$(grep -cE '^ordinary=[0-9]{1,3} ms$' "$T/trickle")" -eq 1
check "the trickling connections are closed at their 10 s deadline (not before)" "$(tr '\n' ' ' <"$T/trickle")" \
	"$(grep -cE '^closed=300 of 300, first at (9|10|11|12)\.[0-9] s, last at (10|11|12|13)\.[0-9] s$' "$T/trickle")" -eq 1 -a \
	"$(sed -n 's/^closed_by_4s=//p' "$T/trickle")" -eq 0
trickle 6 175 >"$T/trickle"
echo "# 1,050 tricklers: $(tr '\n' ' ' <"$T/trickle")"
check "with 1,050 trickling (more than the 1,000 connections allowed), an ordinary request is answered within 4 s" \
	"$(tr '\n' ' ' <"$T/trickle")" "$(grep -cE '^ordinary=[0-9]{1,4} ms$' "$T/trickle")" -eq 1 -a \
	"$(sed -n 's/^ordinary=\([0-9]*\) ms$/\1/p' "$T/trickle")" -lt 4000
check "a crowded server closes the connections that waited 2 s for their headers (the rest at 10 s)" \
	"$(tr '\n' ' ' <"$T/trickle")" "$(sed -n 's/^closed_by_4s=//p' "$T/trickle")" -ge 100 -a \
	"$(grep -cE '^closed=1050 of 1050, ' "$T/trickle")" -eq 1

# A body sent a byte at a time is closed at its deadline (60 s; 3 here).
stop_server
VERDICT_WEB_DEADLINES=10,3 start_server --no-judge --threads 2 || not_ok "verdict serve starts again" "$(tail -5 "$T/serve.log")"
$PY - "$PORT" >"$T/slowbody" 2>&1 <<'EOF2'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
s.sendall(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          b"Content-Length: 200\r\n\r\nname=s1&password=")
start = time.time()
try:
    while time.time() - start < 15:
        time.sleep(0.5)
        s.send(b"a")
    print("open after 15 s")
except OSError:
    print("closed after %.1f s" % (time.time() - start))
EOF2
check "a login body trickled a byte every 0.5 s is closed at its deadline" "$(cat "$T/slowbody")" \
	"$(grep -cE '^closed after [2-5]\.[0-9] s$' "$T/slowbody")" -eq 1
stop_server
VERDICT_WEB_DEADLINES=10 "$VERDICT" serve --no-judge --listen "127.0.0.1:$PORT" >"$T/bad.out" 2>&1
check "a malformed VERDICT_WEB_DEADLINES stops the server with the reason" "$(cat "$T/bad.out")" \
	"$(grep -c 'VERDICT_WEB_DEADLINES=10: expected HEADERS,BODY' "$T/bad.out")" -eq 1

finish
