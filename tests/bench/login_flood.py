#!/usr/bin/env python3
"""login_flood.py - wrong logins for unknown names, from many addresses, as fast as they are answered.

Part of tests/bench/web_bench.sh: the pages are measured while this runs.
Each of --clients threads sends POST /login (a new connection each time)
from its own loopback addresses, 127.2.K.J, moving to the next J every 15
attempts so that the per-address throttle never spares the server an
argon2 check. Prints the answers' status codes and how many per second.
"""
import argparse, socket, threading, time, urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--seconds", type=float, default=7)
ap.add_argument("--clients", type=int, default=64)
args = ap.parse_args()
stop = time.time() + args.seconds
codes, lock = {}, threading.Lock()


def attempt(k, i):
    body = urllib.parse.urlencode({"name": "flood%d_%d" % (k, i), "password": "guess"}).encode()
    src = "127.2.%d.%d" % (k % 250 + 1, i // 15 % 250 + 1)
    try:
        s = socket.create_connection(("127.0.0.1", args.port), timeout=30, source_address=(src, 0))
        s.sendall(b"POST /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
                  b"application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        out = s.recv(12)
        s.close()
        return out[9:12].decode() if out else "closed"
    except OSError:
        return "error"


def client(k):
    i = 0
    while time.time() < stop:
        c = attempt(k, i)
        i += 1
        with lock:
            codes[c] = codes.get(c, 0) + 1


threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = sum(codes.values())
print("%d logins in %.0f s (%.0f/s): %s" % (total, args.seconds, total / args.seconds,
                                            ", ".join("%s %d" % kv for kv in sorted(codes.items()))))
