#!/bin/bash
# verdict sandbox: no network. A listener on the host's loopback (TCP, UDP and
# an abstract unix socket) must be unreachable; the box has only a down lo.
. "$(dirname "$0")/lib.sh"

abstract=verdict-test-$$
$PY - "$T/port" "$abstract" <<'PYEOF' &
import os, select, socket, sys, time
t = socket.socket(); t.bind(("127.0.0.1", 0)); t.listen(16)
port = t.getsockname()[1]
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", port))
a = socket.socket(socket.AF_UNIX); a.bind("\0" + sys.argv[2]); a.listen(16)
open(sys.argv[1] + ".tmp", "w").write(str(port)); os.rename(sys.argv[1] + ".tmp", sys.argv[1])
end = time.time() + 100
while time.time() < end:
    for s in select.select([t, u, a], [], [], 1)[0]:
        if s is u: s.recvfrom(100)
        else: s.accept()[0].close()
PYEOF
listener=$!
at_exit "kill $listener"
for i in $(seq 50); do [ -s "$T/port" ] && break; sleep 0.1; done
port=$(cat "$T/port" 2>/dev/null)

# The targets are reachable from the host, so a failure inside means isolation.
$PY -c 'import socket,sys
socket.create_connection(("127.0.0.1", int(sys.argv[1])), 2).close()
s = socket.socket(socket.AF_UNIX); s.connect("\0" + sys.argv[2]); s.close()' "$port" "$abstract" 2>/dev/null
check "host listener reachable from the host (port ${port:-none})" "listener did not start" $? -eq 0

box --time 5 --wall 20 -- /progs/net_connect "$port" "$abstract"
check "net_connect: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
expect_field status OK "net_connect: every attempt denied, only a down lo"
sed 's/^/# /' "$T/out"
check "net_connect: tcp to the host listener failed" "$(grep '^tcp 127' "$T/out")" \
	"$(grep -c '^tcp 127.0.0.1.* denied' "$T/out")" -eq 1
check "net_connect: abstract unix socket of the host unreachable" "$(grep '^unix' "$T/out")" \
	"$(grep -c '^unix @.* denied' "$T/out")" -eq 1
check "net_connect: only interface is lo, down" "$(grep '^iface' "$T/out" | tr '\n' '|')" \
	"$(grep '^iface' "$T/out" | tr '\n' '|')" = "iface lo down|"
check "net_connect: returns within 10 s" "took ${BOX_MS} ms" $BOX_MS -lt 10000
no_leftovers "net_connect: no processes or cgroups left" net_connect
finish
