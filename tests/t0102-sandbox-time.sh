#!/bin/bash
# alone: it sums CPU time over both cores
# verdict sandbox: CPU and wall time limits, CPU summed over the box.
. "$(dirname "$0")/lib.sh"

box --time 1 -- /progs/spin
check "spin --time 1: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
expect_field status TLE "spin --time 1: TLE"
check "spin --time 1: cpu_ms >= 1000" "$(last_run)" "$(field cpu_ms)" -ge 1000
check "spin --time 1: cpu_ms < 2500" "$(last_run)" "$(field cpu_ms)" -lt 2500
check "spin --time 1: returns within 6 s" "took ${BOX_MS} ms" $BOX_MS -lt 6000

box --time 0.5 --wall 10 -- /progs/spin
expect_field status TLE "spin --time 0.5: TLE"
check "spin --time 0.5: cpu_ms in [500, 1500)" "$(last_run)" \
	"$(field cpu_ms)" -ge 500 -a "$(field cpu_ms)" -lt 1500

# 2*cores spinning processes: CPU summed over the box reaches 1 s in 1/cores
# s of wall time; a per-process limit would take at least 2 s.
n=$(($(nproc) * 2))
[ $n -lt 4 ] && n=4
[ $n -gt 32 ] && n=32
box --time 1 --wall 10 -- /progs/spin_procs $n
expect_field status TLE "spin_procs $n --time 1: TLE"
check "spin_procs $n --time 1: cpu_ms >= 1000" "$(last_run)" "$(field cpu_ms)" -ge 1000
check "spin_procs $n --time 1: CPU summed over the box (wall_ms < 1500)" "$(last_run)" \
	"$(field wall_ms)" -lt 1500
no_leftovers "spin_procs: no processes or cgroups left" spin_procs

box --time 1 --wall 1 -- /progs/sleeper
expect_field status TLE "sleeper --wall 1: TLE"
check "sleeper --wall 1: wall_ms in [1000, 3000)" "$(last_run)" \
	"$(field wall_ms)" -ge 1000 -a "$(field wall_ms)" -lt 3000
check "sleeper --wall 1: cpu_ms < 500" "$(last_run)" "$(field cpu_ms)" -lt 500
check "sleeper --wall 1: returns within 6 s" "took ${BOX_MS} ms" $BOX_MS -lt 6000

box --wall 0.5 -- /progs/sleeper
expect_field status TLE "sleeper --wall 0.5: TLE"
check "sleeper --wall 0.5: wall_ms in [500, 1500)" "$(last_run)" \
	"$(field wall_ms)" -ge 500 -a "$(field wall_ms)" -lt 1500

# Default wall limit: 2 * time + 1.
box --time 1 -- /progs/sleeper
expect_field status TLE "sleeper --time 1: TLE on the default wall limit"
check "sleeper --time 1: wall_ms in [3000, 5000) (default 2*time+1)" "$(last_run)" \
	"$(field wall_ms)" -ge 3000 -a "$(field wall_ms)" -lt 5000
no_leftovers "sleeper: no processes or cgroups left" sleeper

# The kernel's per-process CPU limit (SIGXCPU) going off before the box's
# is a time limit too, not a run-time error.
box --time 5 -- /progs/spin_rlimit
expect_field status TLE "SIGXCPU from the kernel's per-process CPU limit: TLE"

box -- /progs/trivial
expect_field status OK "trivial under the default limits: OK"
check "trivial: wall_ms < 2000" "$(last_run)" "$(field wall_ms)" -lt 2000
check "trivial: cpu_ms < 1000" "$(last_run)" "$(field cpu_ms)" -lt 1000
finish
