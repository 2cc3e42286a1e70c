#!/bin/bash
# verdict sandbox: --stdin/--stdout/--stderr files and the --fsize limit.
. "$(dirname "$0")/lib.sh"

box --time 5 --fsize 1 --stdout "$T/endless" -- /progs/endless_output
check "endless_output --fsize 1: verdict exits 0" "$(last_run)" "$BOX_RC" -eq 0
expect_field status OLE "endless_output --fsize 1: OLE"
size=$(stat -c %s "$T/endless" 2>/dev/null || echo missing)
check "endless_output --fsize 1: stdout file <= 1 MiB" "size $size" "$size" -le 1048576
check "endless_output --fsize 1: stdout file not empty" "size $size" "$size" -gt 0

box --fsize 16 --stdout "$T/eight" -- /progs/write_mb 8
expect_field status OK "write_mb 8 --fsize 16: OK"
size=$(stat -c %s "$T/eight" 2>/dev/null || echo missing)
check "write_mb 8 --fsize 16: stdout file is exactly 8 MiB" "size $size" "$size" -eq 8388608

box --fsize 8 --stdout "$T/nine" -- /progs/write_mb 9
expect_field status OLE "write_mb 9 --fsize 8: OLE"

box --fsize 1 -- /progs/write_file /box/big --mb 2
expect_field status OLE "2 MB file in /box under --fsize 1: OLE"

box --fsize 4 -- /progs/write_file /box/big --mb 2
expect_field status OK "2 MB file in /box under --fsize 4: OK"

head -c $((10 * 1024 * 1024)) /dev/urandom >"$T/in"
want=$($PY -c 'import sys,zlib; d=open(sys.argv[1],"rb").read(); print("bytes %d crc32 %08x" % (len(d), zlib.crc32(d)))' "$T/in")
box --stdin "$T/in" -- /progs/cat_stdin
expect_field status OK "cat_stdin of 10 MB: OK"
check "cat_stdin of 10 MB: byte count and checksum" "got '$(head -c 100 "$T/out")', want '$want'" \
	"$(cat "$T/out")" = "$want"

box --stdout "$T/hello.out" -- /progs/hello
check "--stdout FILE: program output in FILE" "file: $(head -c 100 "$T/hello.out" 2>&1)" \
	"$(cat "$T/hello.out" 2>/dev/null)" = hello
check "--stdout FILE: nothing on verdict's stdout" "stdout: $(head -c 100 "$T/out")" ! -s "$T/out"

box --stderr "$T/err.out" -- sh -c 'echo oops >&2' 
expect_field status OK "--stderr FILE: OK"
check "--stderr FILE: program's stderr in FILE" "file: $(head -c 100 "$T/err.out" 2>&1)" \
	"$(cat "$T/err.out" 2>/dev/null)" = oops

box --stdin /no/such/file -- /progs/cat_stdin
check "--stdin of a missing file: verdict exits non-zero" "$(last_run)" "$BOX_RC" -ne 0
expect_field status SE "--stdin of a missing file: SE"
no_leftovers "no processes or cgroups left" endless_output
finish
