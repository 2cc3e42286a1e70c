#!/bin/bash
# verdict sandbox: memory limit of the whole box, peak memory, stack limit.
. "$(dirname "$0")/lib.sh"

box --mem 64 -- /progs/mem_touch 256
check "mem_touch 256 --mem 64: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
expect_field status MLE "mem_touch 256 --mem 64: MLE"
check "mem_touch 256 --mem 64: did not finish" "stdout: $(head -c 100 "$T/out")" "$(cat "$T/out")" != done
check "mem_touch 256 --mem 64: mem_kb near the limit (48..66 MiB)" "$(last_run)" \
	"$(field mem_kb)" -ge $((48 * 1024)) -a "$(field mem_kb)" -le $((66 * 1024))
no_leftovers "mem_touch 256: no processes or cgroups left" mem_touch

box --mem 64 -- /progs/mem_touch 48
expect_field status OK "mem_touch 48 --mem 64: OK"
check "mem_touch 48 --mem 64: prints done" "stdout: $(head -c 100 "$T/out")" "$(cat "$T/out")" = done
check "mem_touch 48 --mem 64: mem_kb in [48, 64] MiB" "$(last_run)" \
	"$(field mem_kb)" -ge $((48 * 1024)) -a "$(field mem_kb)" -le $((64 * 1024))

# The limit is the box's, not each process's: 2 x 40 MB > 64 MB.
box --mem 64 -- /progs/mem_touch 40 2
expect_field status MLE "2 processes x 40 MB under --mem 64: MLE"
check "2 x 40 MB: mem_kb counts the whole box (>= 48 MiB)" "$(last_run)" \
	"$(field mem_kb)" -ge $((48 * 1024))
no_leftovers "mem_touch 40 2: no processes or cgroups left" mem_touch

box --mem 128 -- /progs/mem_touch 100
expect_field status OK "mem_touch 100 --mem 128: OK"

# cgroup v2 before 5.19 has no memory.peak: the supervisor samples
# memory.current instead. Tried where v2 is (the VM guests), as if the
# kernel lacked the file.
if [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw memory /sys/fs/cgroup/cgroup.controllers; then
	VERDICT_CGROUP_NO_PEAK=1 box --mem 128 -- /progs/mem_touch 100
	expect_field status OK "without memory.peak: mem_touch 100 --mem 128: OK"
	check "without memory.peak: the sampled peak is most of 100 MiB (>= 50 MiB)" "$(last_run)" \
		"$(field mem_kb)" -ge $((50 * 1024))
	VERDICT_CGROUP_NO_PEAK=1 box --mem 64 -- /progs/mem_touch 256
	expect_field status MLE "without memory.peak: mem_touch 256 --mem 64: MLE"
	check "without memory.peak: an MLE's peak is the limit (>= 60 MiB)" "$(last_run)" \
		"$(field mem_kb)" -ge $((60 * 1024))
fi

box --mem 64 --stack 64 -- /progs/stack_recurse 32
expect_field status OK "stack_recurse 32 --stack 64: OK"
check "stack_recurse 32 --stack 64: prints ok" "stdout: $(head -c 100 "$T/out")" "$(cut -d' ' -f1 "$T/out")" = ok

box --mem 64 -- /progs/stack_recurse 32
expect_field status OK "stack_recurse 32 with the default stack (= memory limit): OK"

box --mem 64 --stack 8 -- /progs/stack_recurse 32
expect_field status RE "stack_recurse 32 --stack 8: RE"
expect_field signal 11 "stack_recurse 32 --stack 8: SIGSEGV"
finish
