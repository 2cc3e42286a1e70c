#!/bin/bash
# verdict sandbox: the result JSON, exit codes, signals, SE and usage errors.
. "$(dirname "$0")/lib.sh"

box -- /progs/trivial
check "trivial: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
check "trivial: meta JSON has every field, well typed" "$(last_run)" "$(meta_valid && echo y)" = y
expect_field status OK "trivial: OK"
expect_field exit_code 0 "trivial: exit_code 0"
expect_field signal 0 "trivial: signal 0"

box -- /progs/exit_code 3
check "exit_code 3: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
expect_field status RE "exit_code 3: RE"
expect_field exit_code 3 "exit_code 3: exit_code 3"
expect_field signal 0 "exit_code 3: signal 0"

box -- /progs/raise_signal SIGSEGV
check "SIGSEGV: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
expect_field status RE "SIGSEGV: RE"
expect_field signal 11 "SIGSEGV: signal 11"
expect_field exit_code 0 "SIGSEGV: exit_code 0"

box -- /progs/raise_signal abort
expect_field status RE "abort: RE"
expect_field signal 6 "abort: signal 6"

# Without --meta the JSON is the last line of stdout, after the program's.
timeout -k 5 60 "$VERDICT" sandbox --dir "$PROGS=/progs" -- /progs/hello >"$T/out" 2>"$T/err" </dev/null
rc=$?
check "hello without --meta: verdict exits 0" "rc=$rc stderr=$(head -c 300 "$T/err")" $rc -eq 0
check "hello without --meta: program output first" "stdout: $(head -c 300 "$T/out" | tr '\n' '|')" \
	"$(head -n 1 "$T/out")" = hello
tail -n 1 "$T/out" >"$T/last.json"
check "hello without --meta: last stdout line is the JSON" "stdout: $(head -c 300 "$T/out" | tr '\n' '|')" \
	"$(meta_valid "$T/last.json" && field status "$T/last.json")" = OK
check "hello without --meta: nothing else on stdout" "stdout: $(head -c 300 "$T/out" | tr '\n' '|')" \
	"$(wc -l <"$T/out")" -eq 2

# With --meta, stdout is the program's alone.
box -- /progs/hello
check "hello with --meta: stdout is just the program's" "stdout: $(head -c 300 "$T/out" | tr '\n' '|')" \
	"$(cat "$T/out")" = hello

# Without --stderr, the program's stderr is the caller's.
box -- sh -c 'echo to-stderr >&2'
check "inherited stderr: program's stderr reaches the caller" "stderr: $(head -c 300 "$T/err" | tr '\n' '|')" \
	"$(grep -cx to-stderr "$T/err")" -eq 1

# Without --stdin, the program's stdin is the caller's.
printf 'abc\n' | timeout -k 5 60 "$VERDICT" sandbox --meta "$T/meta.json" --dir "$PROGS=/progs" -- /progs/cat_stdin >"$T/out" 2>"$T/err"
check "inherited stdin: program reads the caller's stdin" "stdout: $(head -c 300 "$T/out")" \
	"$(cat "$T/out")" = "bytes 4 crc32 4788814e"

box -- /progs/no-such-program
check "missing program: verdict exits non-zero" "$(last_run)" "$BOX_RC" -ne 0
expect_field status SE "missing program: SE"
check "missing program: SE has a message" "$(last_run)" -n "$(field message)"

box -- /no/such/dir/prog
check "missing absolute program: verdict exits non-zero" "$(last_run)" "$BOX_RC" -ne 0
expect_field status SE "missing absolute program: SE"

timeout -k 5 60 "$VERDICT" sandbox --no-such-option -- /progs/trivial >"$T/out" 2>"$T/err" </dev/null
rc=$?
check "unknown option: verdict exits non-zero" "rc=$rc" $rc -ne 0 -a $rc -ne 124
check "unknown option: usage message" "output: $(cat "$T/out" "$T/err" | head -c 400 | tr '\n' '|')" \
	"$(cat "$T/out" "$T/err" | grep -ci usage)" -gt 0

timeout -k 5 60 "$VERDICT" sandbox --time -- /progs/trivial >"$T/out" 2>"$T/err" </dev/null
rc=$?
check "option missing its value: verdict exits non-zero" "rc=$rc" $rc -ne 0 -a $rc -ne 124

timeout -k 5 60 "$VERDICT" sandbox --mem lots -- /progs/trivial >"$T/out" 2>"$T/err" </dev/null
rc=$?
check "bad option value: verdict exits non-zero" "rc=$rc" $rc -ne 0 -a $rc -ne 124

timeout -k 5 60 "$VERDICT" sandbox >"$T/out" 2>"$T/err" </dev/null
rc=$?
check "no program: verdict exits non-zero" "rc=$rc" $rc -ne 0 -a $rc -ne 124

# A box whose cgroup cannot be set up never runs: SE, not a run without
# limits. A parent that is no cgroup at all (so on v1 and v2 alike).
mkdir -p "$T/not-a-cgroup"
VERDICT_CGROUP_ROOT="$T/not-a-cgroup" box -- /progs/hello
check "no cgroup could be set up: verdict exits non-zero" "$(last_run)" "$BOX_RC" -ne 0
expect_field status SE "no cgroup could be set up: SE, not a run without limits"
check "no cgroup could be set up: the program did not run" "stdout: $(head -c 100 "$T/out")" ! -s "$T/out"
check "no cgroup could be set up: the message names the cgroup" "$(last_run)" \
	"$(field message | grep -c "not-a-cgroup")" -eq 1

no_leftovers "no cgroups left after the basic runs"
finish
