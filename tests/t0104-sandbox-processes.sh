#!/bin/bash
# verdict sandbox: fork bombs, the pids limit, threads, daemons that try to
# outlive the run, and a program that kills every pid it can.
. "$(dirname "$0")/lib.sh"

box --time 2 --wall 4 -- /progs/fork_bomb
check "fork_bomb: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
check "fork_bomb: not OK" "$(last_run)" "$(field status)" != OK -a -n "$(field status)"
check "fork_bomb: returns within wall limit + 5 s" "took ${BOX_MS} ms" $BOX_MS -lt 9000
no_leftovers "fork_bomb: no processes or cgroups left" fork_bomb
forked=0
for i in $(seq 20); do /bin/true && forked=$((forked + 1)); done
check "host can still fork after the fork bomb" "$forked of 20 forks worked" $forked -eq 20

box -- /progs/threads
expect_field status OK "threads: OK"
check "threads: prints ok" "stdout: $(head -c 100 "$T/out")" "$(cat "$T/out")" = ok

box --pids 3 -- /progs/threads
expect_field status RE "threads under --pids 3: RE (cannot make 4 threads)"

box --time 2 --pids 8 -- /progs/spin_procs 20
check "spin_procs 20 under --pids 8: not OK" "$(last_run)" "$(field status)" != OK -a -n "$(field status)"
check "spin_procs 20 under --pids 8: fork failed in the box" "stderr: $(head -c 200 "$T/err")" \
	"$(grep -c 'fork' "$T/err")" -gt 0
no_leftovers "spin_procs: no processes or cgroups left" spin_procs

marker=vdaemon$$
box --time 1 -- /progs/daemon $marker
check "daemon: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
expect_field status OK "daemon: OK (the program itself exited 0)"
check "daemon: returns within 8 s" "took ${BOX_MS} ms" $BOX_MS -lt 8000
no_leftovers "daemon: double-forked grandchild gone after the run" $marker

sleep 300 &
host_sleep=$!
at_exit "kill $host_sleep"
box --time 2 -- /progs/kill_all
check "kill_all: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
check "kill_all: proper meta JSON" "$(last_run)" "$(meta_valid && echo y)" = y
expect_field status OK "kill_all: OK"
check "kill_all: the program survived" "stdout: $(head -c 200 "$T/out")" "$(cat "$T/out")" = survived
check "kill_all: host process survives" "pid $host_sleep gone" -d /proc/$host_sleep
no_leftovers "kill_all: no cgroups left"
finish
