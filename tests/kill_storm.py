#!/usr/bin/python3
"""kill_storm.py STATE PORT SERVE_PID SECONDS KILLS: students submit through the
web forms while the web server and the judge under `verdict serve` are killed
with SIGKILL again and again (KILLS times over SECONDS; every third kill is the
web server's, the rest the judge's). Then waits for the queue to drain and
checks that every submission whose POST was answered is judged exactly once,
with the right verdict, and that the database passes integrity_check.
Prints TAP lines; used by t0209 (short) and `make soak` (long)."""
import http.cookiejar, os, random, re, signal, sqlite3, sys, threading, time
import urllib.error, urllib.parse, urllib.request

state, port, serve_pid, seconds, kills = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
base = "http://127.0.0.1:%d" % port
db_path = os.path.join(state, "db", "verdict.db")
PASSWORD = "storm password 1"
CODE = {"AC": "a, b = map(int, input().split())\nprint(a + b)\n",
        "WA": "a, b = map(int, input().split())\nprint(a - b - 1)\n"}

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None

def children(pid):
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    with open("/proc/%s/cmdline" % d, "rb") as f:
                        out.append((int(d), f.read().split(b"\0")))
            except OSError:
                pass
    return out

answered = {}  # submission id -> expected verdict
lock = threading.Lock()
stop = threading.Event()
errors = []

def student(name):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    logged_in, n = False, 0
    while not stop.is_set():
        try:
            if not logged_in:
                data = urllib.parse.urlencode({"username": name, "password": PASSWORD, "next": "/problems"}).encode()
                try:
                    opener.open(base + "/login", data, timeout=10)
                except urllib.error.HTTPError as e:
                    if e.code != 303:
                        raise
                logged_in = True
            page = opener.open(base + "/problems/aplusb", timeout=10).read().decode()
            m = re.search(r'name="csrf" value="([^"]+)"', page)
            if not m:
                logged_in = False
                continue
            want = random.choice(["AC", "WA"])
            data = urllib.parse.urlencode({"csrf": m.group(1), "language": "python3", "code": CODE[want]}).encode()
            try:
                opener.open(base + "/problems/aplusb/submit", data, timeout=10)
            except urllib.error.HTTPError as e:
                loc = e.headers.get("Location", "")
                m = re.match(r"/submissions/(\d+)$", loc)
                if e.code == 303 and m:
                    with lock:
                        answered[int(m.group(1))] = want
                    n += 1
                elif e.code == 429:
                    time.sleep(0.5)
                elif e.code not in (502, 503):
                    errors.append("%s: POST answered %d" % (name, e.code))
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.2)  # the web server is down: try again, as a person would

threads = [threading.Thread(target=student, args=("storm%d" % i,)) for i in range(3)]
for t in threads:
    t.start()
killed = {"web": 0, "judge": 0}
start = time.time()
for k in range(kills):
    time.sleep(max(0.0, start + seconds * (k + 1) / kills - time.time()))
    want = "web" if k % 3 == 2 else "judge"
    for pid, argv in children(serve_pid):
        is_judge = len(argv) > 1 and argv[1] == b"judge"
        if is_judge == (want == "judge"):
            try:
                os.kill(pid, signal.SIGKILL)
                killed[want] += 1
            except ProcessLookupError:
                pass
            break
stop.set()
for t in threads:
    t.join()
print("# %d submissions answered; killed the judge %d times and the web server %d times in %.0f s"
      % (len(answered), killed["judge"], killed["web"], time.time() - start))

# Drain: every answered submission judged.
con = sqlite3.connect(db_path, timeout=30)
deadline = time.time() + 240
while time.time() < deadline:
    left = con.execute("SELECT COUNT(*) FROM submissions WHERE state <> 'done'").fetchone()[0]
    if left == 0:
        break
    time.sleep(1)
rows = {i: (st, v, n) for i, st, v, n in con.execute(
    "SELECT s.id, s.state, s.verdict, (SELECT COUNT(*) FROM judgings j WHERE j.submission_id = s.id) FROM submissions s")}
integrity = con.execute("PRAGMA integrity_check").fetchone()[0]

def tap(ok, name, detail=""):
    print("ok - %s" % name if ok else "not ok - %s: %s" % (name, detail))

# (A web server in its restart back-off has no process to kill: those kills miss.)
tap(killed["judge"] >= kills // 2 and killed["web"] >= 2,
    "the storm killed the judge and the web server again and again", str(killed))
tap(len(answered) >= 10, "students kept submitting through it", "%d answered" % len(answered))
tap(not errors, "no POST was answered with an error", "; ".join(errors[:5]))
lost = [i for i in answered if i not in rows]
tap(not lost, "no answered submission was lost", str(lost[:10]))
undone = [i for i in answered if i in rows and rows[i][0] != "done"]
tap(not undone, "every answered submission was judged", str(undone[:10]))
twice = [i for i in rows if rows[i][2] != 1]
tap(not twice, "each was judged exactly once", str([(i, rows[i][2]) for i in twice][:10]))
wrong = [(i, answered[i], rows[i][1]) for i in answered if i in rows and rows[i][1] != answered[i]]
tap(not wrong, "each with the right verdict", str(wrong[:10]))
tap(integrity == "ok", "the database passes integrity_check", integrity)
