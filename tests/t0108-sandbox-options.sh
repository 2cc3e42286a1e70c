#!/bin/bash
# verdict sandbox: --dir (read-only and :rw), --env, --cwd, --box-size.
. "$(dirname "$0")/lib.sh"

mkdir -p "$T/ro" "$T/rw"
echo data >"$T/ro/file"
chmod 0777 "$T/ro" "$T/rw"
chmod 0644 "$T/ro/file"

box --dir "$T/ro=/data" -- /progs/list_dir /data
check "--dir HOST=BOX shows HOST at BOX" "$(last_run) stdout: $(head -c 200 "$T/out")" "$(cat "$T/out")" = file
box --dir "$T/ro=/data" -- /progs/write_file /data/new hi
expect_field status RE "--dir without :rw: writing fails"
check "--dir without :rw: read-only file system" "stdout: $(head -c 200 "$T/out")" \
	"$(grep -c 'Read-only file system' "$T/out")" -eq 1
check "--dir without :rw: nothing appears on the host" "" ! -e "$T/ro/new"

box --dir "$T/rw=/out:rw" -- /progs/write_file /out/new hi
expect_field status OK "--dir HOST=BOX:rw: writing works"
check "--dir :rw: the file appears on the host" "$(cat "$T/rw/new" 2>&1)" "$(cat "$T/rw/new" 2>/dev/null)" = hi

box --dir "$T/missing=/data" -- /progs/trivial
check "--dir of a missing host dir: verdict exits non-zero" "$(last_run)" "$BOX_RC" -ne 0
expect_field status SE "--dir of a missing host dir: SE"

# A mount point the box cannot make (inside the read-only /usr) is the
# sandbox's failure, reported with the box's own reason, every time.
for i in 1 2 3; do
	box --dir "$T/ro=/usr/local/verdict-test-$i" -- /progs/trivial
	check "--dir onto read-only /usr (try $i): SE naming the path" "$(last_run)" \
		"$BOX_RC" -eq 1 -a "$(field status)" = SE -a \
		"$(field message | grep -c "/usr/local/verdict-test-$i: Read-only file system")" -eq 1
done

export VERDICT_HOST_SECRET=leaked
box --env FOO=bar --env EMPTY= --env 'EQ=a=b c' -- /progs/show_env
envs=$(sed -n 's/^env //p' "$T/out" | grep -v '^PATH=' | sort | tr '\n' ' ')
check "--env: environment is exactly the given variables and PATH" "env: $envs" "$envs" = "EMPTY= EQ=a=b c FOO=bar "
check "--env: a fixed PATH is set" "$(head -c 300 "$T/out")" "$(grep -c '^env PATH=/' "$T/out")" -eq 1
check "host environment invisible" "$(head -c 300 "$T/out")" \
	"$(grep -c VERDICT_HOST_SECRET "$T/out")" -eq 0 -a "$(field status)" = OK
box -- /progs/show_env
envs=$(sed -n 's/^env //p' "$T/out" | grep -v '^PATH=' | tr '\n' ' ')
check "no --env: only PATH" "env: $envs $(last_run)" -z "$envs" -a "$(grep -c '^env PATH=/' "$T/out")" -eq 1
check "default cwd is /box" "$(head -n 1 "$T/out")" "$(head -n 1 "$T/out")" = "cwd /box"
box --cwd /tmp -- /progs/show_env
check "--cwd /tmp" "$(head -n 1 "$T/out") $(last_run)" "$(head -n 1 "$T/out")" = "cwd /tmp"
box --cwd /progs -- ./hello
check "--cwd: relative program path resolved in it" "$(last_run) stdout: $(head -c 100 "$T/out")" \
	"$(cat "$T/out")" = hello

box --box-size 1 -- /progs/write_file /box/big --mb 2
check "--box-size 1: writing 2 MB to /box fails" "$(last_run) stdout: $(head -c 200 "$T/out")" \
	"$(field status)" = RE -a "$(grep -c 'No space left' "$T/out")" -eq 1
box --box-size 1 -- /progs/write_file /tmp/big --mb 2
check "--box-size 1: writing 2 MB to /tmp fails too" "$(last_run) stdout: $(head -c 200 "$T/out")" \
	"$(field status)" = RE -a "$(grep -c 'No space left' "$T/out")" -eq 1
box --box-size 4 -- /progs/write_file /box/big --mb 2
expect_field status OK "--box-size 4: writing 2 MB to /box works"
box -- /progs/write_file /box/big --mb 32
expect_field status OK "default box size (64 MB): writing 32 MB to /box works"
finish
