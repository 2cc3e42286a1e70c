#!/bin/bash
# verdict sandbox: what the box sees of the file system. Host files are
# invisible, / /dev /proc hold only what they should, /usr is read-only,
# /box and /tmp start empty in every run, Debian's python3 runs inside.
. "$(dirname "$0")/lib.sh"

tag=verdict-marker-$$
echo secret >"/tmp/$tag"
mkdir -p "$REPO/build" && echo secret >"$REPO/build/$tag"
echo secret >"/root/$tag"
at_exit "rm -f /tmp/$tag $REPO/build/$tag /root/$tag"
box -- /progs/probe_file "/tmp/$tag" "$REPO/build/$tag" "/root/$tag" "$REPO" /work /root /home \
	/var /srv /opt /mnt /media /boot /run /sys /etc/shadow /etc/ssh \
	/dev/sda /dev/mem /dev/kmsg /dev/tty /dev/shm /dev/pts
check "host markers in /tmp /work /root and other host paths invisible" \
	"$(grep '^visible' "$T/out" | tr '\n' '|') $(last_run)" "$(field status)" = OK
sed -n 's/^visible/# visible/p' "$T/out"

box -- /progs/list_dir -l /
sed 's/^/# \/ has: /' "$T/out"
extra=$(cut -d' ' -f1 "$T/out" | grep -vxE 'bin|box|dev|etc|lib|lib32|lib64|libx32|proc|progs|sbin|tmp|usr' | tr '\n' ' ')
check "/ holds only bin box dev etc lib* proc progs sbin tmp usr" "unexpected: $extra $(last_run)" \
	-z "$extra" -a "$(field status)" = OK
missing=""
for d in box dev etc proc progs tmp usr; do grep -qx "$d dir" "$T/out" || missing="$missing $d"; done
for l in bin lib sbin; do grep -qxE "$l link:/?usr/$l" "$T/out" || missing="$missing $l"; done
grep -qE '^lib64 ' "$T/out" && ! grep -qxE 'lib64 link:/?usr/lib64' "$T/out" && missing="$missing lib64"
check "/ has box dev etc proc progs tmp usr, bin lib sbin as links into usr" "missing:$missing" -z "$missing"

box -- /progs/list_dir -l /dev
devs=$(cut -d' ' -f1 "$T/out" | tr '\n' ' ')
check "/dev has exactly fd full null random stderr stdin stdout urandom zero" "has: $devs" \
	"$devs" = "fd full null random stderr stdin stdout urandom zero "
missing=""
for d in null zero full random urandom; do grep -qx "$d chr" "$T/out" || missing="$missing $d"; done
for d in fd stdin stdout stderr; do grep -q "^$d link:" "$T/out" || missing="$missing $d"; done
check "/dev: null zero full random urandom are char devices, fd stdin stdout stderr links" "wrong:$missing" -z "$missing"

box -- /progs/write_file /dev/null hello
expect_field status OK "/dev/null is writable"

box -- /progs/list_dir /proc
pids=$(grep -cE '^[0-9]+$' "$T/out")
check "/proc is the box's own: at most 3 processes" "pids: $(grep -E '^[0-9]+$' "$T/out" | tr '\n' ' ')" "$pids" -le 3 -a "$pids" -ge 1
check "/proc is mounted" "$(head -c 200 "$T/out")" "$(grep -cx self "$T/out")" -eq 1

box -- /progs/write_file /usr/verdict-test
check "/usr is read-only" "$(head -c 200 "$T/out")" "$(grep -c 'Read-only file system' "$T/out")" -eq 1
box -- /progs/write_file /progs/verdict-test
check "/progs (a --dir without :rw) is read-only" "$(head -c 200 "$T/out")" \
	"$(grep -c 'Read-only file system' "$T/out")" -eq 1
check "nothing was written to the host's programs dir" "" ! -e "$PROGS/verdict-test"

box -- /progs/write_file /box/x run1
expect_field status OK "run 1 writes /box/x"
box -- /progs/write_file /tmp/x run1
expect_field status OK "run 1 writes /tmp/x"
box -- /progs/list_dir /box
check "/box is empty in the next run" "has: $(tr '\n' ' ' <"$T/out") $(last_run)" \
	"$(field status)" = OK -a ! -s "$T/out"
box -- /progs/list_dir /tmp
check "/tmp is empty in the next run" "has: $(tr '\n' ' ' <"$T/out") $(last_run)" \
	"$(field status)" = OK -a ! -s "$T/out"

box --mem 128 -- /usr/bin/python3 -c 'print(1+1)'
expect_field status OK "/usr/bin/python3 runs in the box"
check "/usr/bin/python3 prints 2" "$(last_run) stdout: $(head -c 200 "$T/out")" "$(cat "$T/out")" = 2

box -- sh -c 'echo $((6*7))'
expect_field status OK "sh found through the fixed PATH"
check "sh -c prints 42" "$(last_run) stdout: $(head -c 200 "$T/out")" "$(cat "$T/out")" = 42
finish
