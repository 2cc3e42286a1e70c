#!/bin/bash
# A judge that never drops, repeats or loses work: a test longer than the
# lease is judged and stored once while other judges keep trying to take
# it; a job that killed its judge again and again ends instead of looping;
# a dead judge's work goes back to the queue at once; and a storm of kill -9s
# of the web server and the judge, while students submit through the web
# forms, loses nothing and judges nothing twice (tests/kill_storm.py; the
# long form is `make soak`).
. "$(dirname "$0")/lib.sh"

use_state
v() { "$VERDICT" "$@"; }

# A problem whose one test takes 3 s of CPU, under a 2 s lease.
mkdir -p "$T/slow/data/secret" "$T/slow/data/sample"
printf 'problem_format_version: 2025-09\nname: Slow\nlimits:\n  time_limit: 6\n' >"$T/slow/problem.yaml"
echo 1 >"$T/slow/data/secret/1.in" && echo 1 >"$T/slow/data/secret/1.ans"
printf 'import time\nt = time.process_time()\nwhile time.process_time() - t < 3:\n    pass\nprint(input())\n' >"$T/spin.py"
v user add alice >/dev/null 2>&1
v problem add "$T/slow" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
id=$(v submit --user alice --problem slow "$T/spin.py")
"$VERDICT" judge --once --workers 1 --lease 2 >"$T/j1" 2>&1 &
j1=$!
for _ in $(seq 50); do [ "$(sql "SELECT state FROM submissions WHERE id = $id")" = judging ] && break; sleep 0.1; done
# Other judges keep looking for work while the first one judges.
for _ in $(seq 10); do "$VERDICT" judge --once --workers 1 --lease 2 >>"$T/j2" 2>&1; sleep 0.5; done
wait "$j1"
check "a test longer than the lease is judged once: its lease was kept throughout" \
	"$(cat "$T/j1" "$T/j2" | tr '\n' '|') $(sql "SELECT judge FROM judgings")" \
	"$(sql "SELECT COUNT(*) FROM judgings WHERE submission_id = $id")/$(sql "SELECT verdict FROM submissions WHERE id = $id")" = 1/AC
check "and no other judge claimed it meanwhile" "$(cat "$T/j2")" "$(grep -c "^submission $id" "$T/j2")" -eq 0

# A submission and an import claimed five times already (each time their
# judge died) end on the next claim, with the reason.
v problem add --publish "$REPO/problems/aplusb" >/dev/null 2>&1
poison=$(v submit --user alice --problem aplusb "$REPO/problems/aplusb/submissions/accepted/aplusb.py")
sql "UPDATE submissions SET attempts = 5 WHERE id = $poison"
mkdir -p "$S/spool" && cp /dev/null "$S/spool/upload-POISON"
imp=$(sql "INSERT INTO imports (file_name, spool_path, state, created_at, attempts) VALUES ('p.zip', '$S/spool/upload-POISON', 'queued', 0, 5); SELECT last_insert_rowid();")
v judge --once >"$T/out" 2>&1
check "a submission that killed its judge five times is JE, with the reason" "$(cat "$T/out")" \
	"$(sql "SELECT verdict FROM submissions WHERE id = $poison")" = JE -a "$(v result "$poison" | grep -c 'stopped 5 times')" -eq 1
check "an import that did is failed, with the reason" "$(sql "SELECT message FROM imports WHERE id = $imp")" \
	"$(sql "SELECT state FROM imports WHERE id = $imp")" = failed -a "$(sql "SELECT message FROM imports WHERE id = $imp" | grep -c 'stopped 5 times')" -eq 1
v regrade --submission "$poison" >"$T/out" 2>&1
check "a regrade starts the count again (and judges it AC)" "$(cat "$T/out")" \
	"$(sql "SELECT verdict || ' ' || attempts FROM submissions WHERE id = $poison")" = "AC 1"

# The storm, through `verdict serve`.
printf 'storm password 1\n' >"$T/pw"
for i in 0 1 2; do v user add "storm$i" --password-file "$T/pw" >/dev/null 2>&1; done
# Three waiting per student: they submit as fast as the judge keeps up.
export VERDICT_SUBMIT_LIMITS="3,10000/600"
PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$VERDICT" serve --listen "127.0.0.1:$PORT" --workers 2 >"$T/serve.log" 2>&1 &
SPID=$!
at_exit "kill $SPID; wait $SPID"
for _ in $(seq 100); do curl -s -o /dev/null -m 1 "http://127.0.0.1:$PORT/login" && break; sleep 0.1; done
$PY "$REPO/tests/kill_storm.py" "$S" "$PORT" "$SPID" "${STORM_SECONDS:-40}" "${STORM_KILLS:-24}"
check "serve gave the dead judges' work back to the queue at once" "$(grep -c 'queued again' "$T/serve.log")" \
	"$(grep -c 'of the dead judge queued again' "$T/serve.log")" -ge 1
kill "$SPID"
wait "$SPID"
finish
