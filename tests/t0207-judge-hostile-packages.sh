#!/bin/bash
# problem add with hostile packages: an instructor's package cannot harm the
# host. Each package below (a directory, and an archive where that applies)
# is refused with exit 2 and a message naming the problem, the file and the
# reason, quickly (every import runs under timeout: a FIFO must not hang
# it), leaving nothing behind: no scratch or staging directory, no version
# row, nothing written or read outside. Afterwards an honest package still
# imports and an honest submission is still judged.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
DATA="$T/verdict.db.data"
P="$REPO/problems"
sql() { sqlite3 "$VERDICT_DB" "$1"; }
v() { timeout -k 5 "${IMPORT_TIMEOUT:-60}" "$VERDICT" "$@"; }

v user add ann >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v problem add "$P/aplusb" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
before=$(sql "select count(*) from problem_versions")

# Outside every package: a file a link would read, and a FIFO a link would
# open (opening it for reading waits for a writer: the importer would hang).
mkdir -p "$T/outside" "$T/pkgs"
echo "OUTSIDEMARKER" >"$T/outside/secret.in"
mkfifo "$T/outside/fifo"
# From the package's top directory to "/": every package below is at
# $T/pkgs/NAME, so ups() climbs far enough for any $T.
# (10: deep enough, and few enough links to follow: the kernel stops at 40.)
ups() { local i; for ((i = 0; i < 10; i++)); do printf '../'; done; }
downs() { local i; for ((i = 0; i < 10; i++)); do printf 'd/'; done; }

# A package: a copy of aplusb named $1.
pkg() { rm -rf "$T/pkgs/$1" && cp -r "$P/aplusb" "$T/pkgs/$1"; }

# refused NAME FILE WHY [PATH]: `problem add` of $T/pkgs/NAME (or PATH)
# exits 2 within the timeout, naming the problem, the file and the reason
# (FILE and WHY are extended regular expressions).
refused() {
	local name=$1 file=$2 why=$3 path=${4:-$T/pkgs/$1} t0 rc ms
	t0=$(date +%s%N)
	v problem add "$path" >"$T/out" 2>&1
	rc=$?
	ms=$((($(date +%s%N) - t0) / 1000000))
	check "refused: $name ($why)" "rc=$rc ${ms}ms $(head -c 400 "$T/out")" \
		"$rc" -eq 2 -a "$(grep -cF "problem $name: " "$T/out")" -ge 1 -a "$(grep -cE -- "$file" "$T/out")" -ge 1 \
		-a "$(grep -cE -- "$why" "$T/out")" -ge 1
}

# ---- links: resolved inside the package, or refused ----
# d -> . makes d/d/d/... the package's top; climbing 10 levels from there
# passes a lexical check (never more ".." than names before them) and
# resolves to "/". Whichever link is met first refuses the package: d (a
# link to a directory) or the chain (out of the package).
escape="a link that leads out of the package|a link to a directory"
pkg chain && ln -s . "$T/pkgs/chain/d" && echo 0 >"$T/pkgs/chain/data/secret/99.ans"
ln -s "../../$(downs)$(ups)${T#/}/outside/secret.in" "$T/pkgs/chain/data/secret/99.in"
refused chain "data/secret/99.in|: d:" "$escape"
pkg chainfifo && ln -s . "$T/pkgs/chainfifo/d" && rm "$T/pkgs/chainfifo/problem.yaml"
ln -s "$(downs)$(ups)${T#/}/outside/fifo" "$T/pkgs/chainfifo/problem.yaml"
refused chainfifo "problem.yaml|: d:" "$escape"
# The same chain through a link to a file, without a directory link: the
# resolution itself stops at the package's top.
pkg climb && echo 0 >"$T/pkgs/climb/data/secret/99.ans"
ln -s "../../$(ups)${T#/}/outside/secret.in" "$T/pkgs/climb/data/secret/up" &&
	ln -s up "$T/pkgs/climb/data/secret/99.in"
refused climb "data/secret/(99.in|up)" "a link that leads out of the package"
pkg absfifo && rm "$T/pkgs/absfifo/data/secret/01.in" && ln -s "$T/outside/fifo" "$T/pkgs/absfifo/data/secret/01.in"
refused absfifo data/secret/01.in "a link that leads out of the package"
pkg devlink && ln -s "$(ups)dev/zero" "$T/pkgs/devlink/data/secret/zero.in"
refused devlink data/secret/zero.in "a link that leads out of the package"
# Devices and FIFOs inside the package are refused as well, never opened.
pkg fifo && mkfifo "$T/pkgs/fifo/data/secret/98.in" && echo 0 >"$T/pkgs/fifo/data/secret/98.ans"
refused fifo data/secret/98.in "a device, FIFO or socket"
pkg device && mknod "$T/pkgs/device/data/null" c 1 3
refused device data/null "a device, FIFO or socket"
pkg loop && ln -s b "$T/pkgs/loop/data/a" && ln -s a "$T/pkgs/loop/data/b"
refused loop "data/[ab]" "a link loop"
# Links to directories nest paths exponentially (each level doubles them):
# refused outright, whatever their number.
pkg siblings
for i in $(seq 1 20); do
	mkdir -p "$T/pkgs/siblings/data/x$i"
	ln -s "../x$((i - 1))" "$T/pkgs/siblings/data/x$i/a"
	ln -s "../x$((i - 1))" "$T/pkgs/siblings/data/x$i/b"
done
refused siblings "data/x" "a link to a directory"
# A link to a file inside the package is kept, as a regular file.
pkg goodlink && rm "$T/pkgs/goodlink/data/sample/1.ans" && ln -s ../secret/01.ans "$T/pkgs/goodlink/data/sample/1.ans"
v problem add "$T/pkgs/goodlink" >"$T/out" 2>&1
rc=$?
copy=$(ls -d "$DATA"/problems/goodlink/v1/goodlink 2>/dev/null)
check "a link to a file inside the package imports" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
check "and is stored as a regular file with the target's contents" "$(ls -la "$copy/data/sample" 2>&1 | head -5)" \
	-n "$copy" -a -f "$copy/data/sample/1.ans" -a ! -L "$copy/data/sample/1.ans" \
	-a "$(cat "$copy/data/sample/1.ans" 2>/dev/null)" = "$(cat "$P/aplusb/data/secret/01.ans")"

# ---- sizes: entries, depth, bytes of YAML and statements ----
pkg deep && mkdir -p "$T/pkgs/deep/data/$(for i in $(seq 1 40); do printf 'n/'; done)"
refused deep "data/n/n/n" "directories nested too deep"
pkg many && $PY - "$T/pkgs/many/data/junk" <<'PYEOF'
import os, sys
os.makedirs(sys.argv[1])
for i in range(100001):
    os.close(os.open(os.path.join(sys.argv[1], "f%d" % i), os.O_CREAT | os.O_WRONLY, 0o644))
PYEOF
refused many "data/junk/f" "too many files and directories"
rm -rf "$T/pkgs/many"
pkg bigyaml && $PY -c 'import sys; sys.stdout.write("name: Big\nkeywords: [" + "a, " * 400000 + "b]\n")' \
	>>"$T/pkgs/bigyaml/problem.yaml"
refused bigyaml problem.yaml "larger than 1024 KiB"
pkg bigtestdata && $PY -c 'import sys; sys.stdout.write("# padding\n" * 120000)' \
	>"$T/pkgs/bigtestdata/data/secret/testdata.yaml"
refused bigtestdata data/secret/testdata.yaml "larger than 1024 KiB"
pkg bigstatement && head -c $((9 << 20)) /dev/zero | tr '\0' 'x' >"$T/pkgs/bigstatement/statement/problem.en.md"
refused bigstatement statement/problem.en.md "larger than 8 MiB"

# ---- limits: the ranges the settings page and `problem set` keep ----
pkg hugemem && sed -i 's/memory: 64/memory: 1048576/' "$T/pkgs/hugemem/problem.yaml"
refused hugemem problem.yaml "limits.memory: the memory limit must be a whole number from 16 to 4096 MB, not 1048576"
pkg longtime && sed -i 's/time_limit: 1.0/time_limit: 3600/' "$T/pkgs/longtime/problem.yaml"
refused longtime problem.yaml "limits.time_limit: the time limit must be 0.1 to 60 s, not 3600"
pkg hugeout && printf '  output: 1048576\n' >>"$T/pkgs/hugeout/problem.yaml"
refused hugeout problem.yaml "limits.output: the output limit must be a whole number from 1 to 1024 MB"
pkg dottime && printf '3600\n' >"$T/pkgs/dottime/.timelimit" && sed -i '/time_limit/d' "$T/pkgs/dottime/problem.yaml"
refused dottime .timelimit "the time limit must be 0.1 to 60 s"
v problem set aplusb --memory-mb 5000 >"$T/out" 2>&1
rc=$?
check "problem set keeps to the same range" "rc=$rc $(cat "$T/out")" "$rc" -eq 2 -a "$(grep -c "16 to 4096 MB" "$T/out")" -eq 1
"$VERDICT" sandbox --mem 2000000 -- /bin/true >"$T/out" 2>&1
rc=$?
check "verdict sandbox refuses a box beyond its range" "rc=$rc $(head -c 300 "$T/out")" \
	"$rc" -eq 2 -a "$(grep -c "a box's size must be a whole number from 1 to 1048576 MB" "$T/out")" -ge 1

# ---- archives: the same packages, zipped or tarred by hand ----
$PY - "$T" "$P/aplusb" <<'PYEOF'
import io, os, sys, tarfile, zipfile
t, aplusb = sys.argv[1], sys.argv[2]
ups = "../" * 10
def base(tf):
    for d, dirs, files in os.walk(aplusb):
        for f in files:
            full = os.path.join(d, f)
            tf.add(full, os.path.relpath(full, aplusb))
def link(tf, path, target):
    info = tarfile.TarInfo(path); info.type = tarfile.SYMTYPE; info.linkname = target; tf.addfile(info)
def reg(tf, path, data):
    info = tarfile.TarInfo(path); info.size = len(data); tf.addfile(info, io.BytesIO(data))
def tar(name, add, mode="w"):
    with tarfile.open(os.path.join(t, "arch", name), mode) as tf:
        base(tf); add(tf)
os.makedirs(os.path.join(t, "arch"))
# d -> . then a chain that stays lexically inside but resolves to "/".
tar("achain.tar", lambda tf: (link(tf, "d", "."),
    link(tf, "data/secret/99.in", "../../" + "d/" * 10 + ups + t.lstrip("/") + "/outside/secret.in"),
    reg(tf, "data/secret/99.ans", b"0\n")))
tar("afifo.tar", lambda tf: (link(tf, "d", "."),
    link(tf, "data/secret/99.in", "../../" + "d/" * 10 + ups + t.lstrip("/") + "/outside/fifo"),
    reg(tf, "data/secret/99.ans", b"0\n")))
def siblings(tf):
    for i in range(1, 21):
        link(tf, "data/x%d/a" % i, "../x%d" % (i - 1)); link(tf, "data/x%d/b" % i, "../x%d" % (i - 1))
tar("asiblings.tar", siblings)
tar("adeep.tar", lambda tf: reg(tf, "data/" + "n/" * 40 + "f", b"x\n"))
tar("abigyaml.tar", lambda tf: reg(tf, "data/secret/testdata.yaml", b"# padding\n" * 120000))
with zipfile.ZipFile(os.path.join(t, "arch", "amany.zip"), "w") as z:
    for d, dirs, files in os.walk(aplusb):
        for f in files:
            full = os.path.join(d, f); z.write(full, os.path.relpath(full, aplusb))
    for i in range(100001):
        z.writestr("data/junk/f%d" % i, b"")
# Compressed with filters libarchive has no library for here: it would run
# lrzip or lzop (found on $PATH) to read them. The magic numbers suffice.
open(os.path.join(t, "arch", "alrzip.tar"), "wb").write(b"LRZI\x00\x06" + bytes(8) + b"\x00" * 500)
open(os.path.join(t, "arch", "alzop.tar"), "wb").write(
    b"\x89LZO\x00\r\n\x1a\n" + b"\x10\x30\x20\xa0\x09\x40\x01\x05\x03\x00\x00\x01\x00\x00\x81\xa4" + b"\x00" * 500)
PYEOF
refused achain "data/secret/99.in|: d:" "$escape" "$T/arch/achain.tar"
refused afifo "data/secret/99.in|: d:" "$escape" "$T/arch/afifo.tar"
refused asiblings "data/x" "a link to a directory" "$T/arch/asiblings.tar"
refused adeep "data/n/n" "nested more than 32 directories deep" "$T/arch/adeep.tar"
refused amany amany.zip "more than 100000 entries" "$T/arch/amany.zip"
refused abigyaml data/secret/testdata.yaml "larger than 1024 KiB" "$T/arch/abigyaml.tar"
# Decoy decompressors: if libarchive ran one, it would leave its mark.
mkdir -p "$T/bin"
for prog in lrzip lzop grzip lz4 zstd lzip; do
	printf '#!/bin/sh\ntouch "%s/ran-%s"\ncat >/dev/null\nexit 1\n' "$T" "$prog" >"$T/bin/$prog"
	chmod +x "$T/bin/$prog"
done
PATH="$T/bin:$PATH" refused alrzip alrzip.tar "not a readable archive" "$T/arch/alrzip.tar"
PATH="$T/bin:$PATH" refused alzop alzop.tar "not a readable archive" "$T/arch/alzop.tar"
check "no external decompressor was run" "$(ls "$T" | grep '^ran-')" -z "$(ls "$T" | grep '^ran-')"

# ---- nothing left behind ----
check "refused packages added no version" "" "$(sql "select count(*) from problem_versions")" -eq $((before + 1))
check "no scratch, staging or unpacking directories left" \
	"$(ls -d "$DATA"/.package-* "$DATA"/problems/.import-* /tmp/verdict-unpack-* 2>/dev/null | head -3)" \
	-z "$(ls -d "$DATA"/.package-* "$DATA"/problems/.import-* /tmp/verdict-unpack-* 2>/dev/null)"
check "no refused problem has a directory" "$(ls "$DATA/problems")" "$(ls "$DATA/problems" | tr '\n' ' ')" = "aplusb goodlink "
check "nothing outside was copied in" "" -z "$(grep -rl OUTSIDEMARKER "$DATA" 2>/dev/null)"
check "the outside FIFO is still a FIFO" "" -p "$T/outside/fifo"

# ---- a validator that leaves a FIFO as judgemessage.txt ----
pkg fifoval && mkdir "$T/pkgs/fifoval/output_validator"
cat >"$T/pkgs/fifoval/output_validator/validate.c" <<'EOF'
#include <stdio.h>
#include <sys/stat.h>
int main(int argc, char **argv)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/judgemessage.txt", argc > 3 ? argv[3] : ".");
	mkfifo(path, 0644);
	return 42; /* "accepted", with a message the judge would wait for */
}
EOF
v problem add "$T/pkgs/fifoval" >"$T/out" 2>&1
rc=$?
check "a package whose validator leaves a FIFO imports" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
fv=$(v submit --user ann --problem fifoval "$P/aplusb/submissions/accepted/aplusb.c" 2>"$T/out")
good=$(v submit --user ann --problem aplusb "$P/aplusb/submissions/accepted/aplusb.c" 2>>"$T/out")
t0=$(date +%s)
IMPORT_TIMEOUT=120 v judge --once --workers 1 >"$T/judge.out" 2>&1
rc=$?
secs=$(($(date +%s) - t0))
check "judging ends (no worker hangs on the FIFO)" "rc=$rc ${secs}s $(tail -c 300 "$T/judge.out")" "$rc" -ne 124 -a "$secs" -lt 100
check "the FIFO validator's judging is a judge error" \
	"$(sql "select verdict from submissions where id=${fv:-0}")" \
	"$(sql "select verdict from submissions where id=${fv:-0}")" = JE

# ---- and honest work goes on ----
check "an honest submission is still judged" "$(sql "select verdict from submissions where id=${good:-0}")" \
	"$(sql "select verdict from submissions where id=${good:-0}")" = AC
v problem add "$P/circlearea" >"$T/out" 2>&1
rc=$?
check "an honest package still imports" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a "$(grep -c '^problem circlearea ' "$T/out")" -eq 1
no_leftovers "no cgroups or processes left behind"
finish
