#!/bin/bash
# problem add from archives: .zip and .tar.gz import like directories (named
# after the archive); hostile archives are refused by entry name, nothing is
# written outside the scratch directory, and the database stays as it was.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
P="$REPO/problems"
sql() { sqlite3 "$VERDICT_DB" "$1"; }

# A zip with the package at its top, and a tar.gz with it inside a directory.
(cd "$P/aplusb" && $PY - "$T/sum.zip" <<'PYEOF'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk("."):
        for f in files:
            z.write(os.path.join(root, f))
PYEOF
)
tar -C "$P" -czf "$T/circle.tar.gz" circlearea
"$VERDICT" problem add "$T/sum.zip" >"$T/out" 2>&1
rc=$?
check "a .zip imports, named after the archive" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a "$(grep -c '^problem sum (A Plus B) added as version 1' "$T/out")" -eq 1
"$VERDICT" problem add "$T/circle.tar.gz" >"$T/out" 2>&1
rc=$?
check "a .tar.gz with one top directory imports" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a "$(grep -c '^problem circle ' "$T/out")" -eq 1
id=$("$VERDICT" submit --user nobody --problem sum "$P/aplusb/submissions/accepted/aplusb.c" 2>/dev/null)
"$VERDICT" user add ann >/dev/null
id=$("$VERDICT" submit --user ann --problem sum "$P/aplusb/submissions/accepted/aplusb.c")
"$VERDICT" judge --once --workers 1 >/dev/null 2>&1
check "the imported problem judges" "" "$(sql "select verdict from submissions where id=$id")" = AC

# Hostile archives. Each must be refused with exit 2 and the entry named.
$PY - "$T" <<'PYEOF'
import io, os, sys, tarfile, zipfile
t = sys.argv[1]
def tar(name, add):
    with tarfile.open(os.path.join(t, name), "w:gz") as tf:
        info = tarfile.TarInfo("problem.yaml"); data = b"name: Evil\n"; info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
        add(tf)
def reg(tf, path, data=b"x\n"):
    info = tarfile.TarInfo(path); info.size = len(data); tf.addfile(info, io.BytesIO(data))
def link(tf, path, target, kind=tarfile.SYMTYPE):
    info = tarfile.TarInfo(path); info.type = kind; info.linkname = target; tf.addfile(info)
with zipfile.ZipFile(os.path.join(t, "dotdot.zip"), "w") as z:
    z.writestr("problem.yaml", "name: Evil\n")
    z.writestr("../escaped-by-zip", "gotcha\n")
tar("absolute.tar.gz", lambda tf: reg(tf, t + "/escaped-absolute"))
tar("symlink.tar.gz", lambda tf: link(tf, "data/passwd", "/etc/passwd"))
tar("uplink.tar.gz", lambda tf: link(tf, "data/up", "../../outside"))
tar("hardlink.tar.gz", lambda tf: link(tf, "data/hard", "problem.yaml", tarfile.LNKTYPE))
with zipfile.ZipFile(os.path.join(t, "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("problem.yaml", "name: Bomb\n")
    z.writestr("data/secret/zeros.in", b"\0" * (8 << 20))
open(os.path.join(t, "garbage.zip"), "wb").write(b"this is not a zip file at all\n" * 10)
PYEOF
before=$(sql "select count(*) from problem_versions")
refused() {
	local file=$1 want=$2
	VERDICT_PACKAGE_MAX_MB=4 "$VERDICT" problem add "$T/$file" >"$T/out" 2>&1
	local rc=$?
	check "refused: $file ($want)" "rc=$rc $(cat "$T/out")" "$rc" -eq 2 -a "$(grep -cF -- "$want" "$T/out")" -ge 1
}
refused dotdot.zip "entry '../escaped-by-zip' is an absolute path or leaves the package with '..'"
refused absolute.tar.gz "is an absolute path or leaves the package"
refused symlink.tar.gz "entry 'data/passwd' is a link that leads out of the package (to /etc/passwd)"
refused uplink.tar.gz "entry 'data/up' is a link that leads out of the package"
refused hardlink.tar.gz "entry 'data/hard' is a hard link"
refused bomb.zip "unpacks to more than 4 MB"
refused garbage.zip "not a readable archive"
check "nothing escaped the scratch directory" "" ! -e "$T/escaped-absolute" -a ! -e /tmp/escaped-by-zip
check "refused archives added nothing to the database" "" "$(sql "select count(*) from problem_versions")" -eq "$before"
check "no scratch directories left behind" "$(ls -d /tmp/verdict-unpack-* 2>/dev/null | head -3)" \
	-z "$(ls -d /tmp/verdict-unpack-* 2>/dev/null)"

# LaTeX statements become HTML at import, in the sandbox: a statement that
# \input's a host file gets nothing of it.
echo "TOPSECRETMARKER" >"$T/marker.tex"
cp -r "$P/circlearea" "$T/texcircle"
printf '\\input{%s}\n\\input{/etc/shadow}\n' "$T/marker.tex" >>"$T/texcircle/problem_statement/problem.en.tex"
"$VERDICT" problem add "$T/texcircle" >"$T/out" 2>&1
rc=$?
html=$(ls "$VERDICT_DB".data/problems/texcircle/v1/statement.html 2>/dev/null)
check "a LaTeX statement is converted to HTML at import" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 0 -a -n "$html" -a "$(grep -c 'radius' "$html" 2>/dev/null)" -ge 1
check "with its formulas as MathML" "" "$(grep -c '<math' "$html" 2>/dev/null)" -ge 1
check "and nothing of host files it tries to \\input" "$(grep -c TOPSECRETMARKER "$html" 2>/dev/null)" \
	"$(grep -c -e TOPSECRETMARKER -e 'root:' "$html" 2>/dev/null)" -eq 0

# Markdown statements become HTML at import too (pandoc, in a box); raw
# HTML in them is shown as text, never passed through (t0307 plays the
# attacker at length).
cp -r "$P/aplusb" "$T/mdsum"
printf '\n<script>alert("x")</script>\n\n[bad](javascript:alert(1))\n' >>"$T/mdsum/statement/problem.en.md"
"$VERDICT" problem add "$T/mdsum" >"$T/out" 2>&1
rc=$?
html="$VERDICT_DB.data/problems/mdsum/v1/statement.html"
check "a Markdown statement is rendered to HTML at import" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 0 -a -f "$html" -a "$(grep -c '<h2>Input</h2>' "$html" 2>/dev/null)" -ge 1
check "with raw HTML escaped and javascript: links removed" "$(grep -i -e script -e javascript "$html" 2>/dev/null)" \
	"$(grep -c '&lt;script&gt;' "$html" 2>/dev/null)" -eq 1 -a "$(grep -c -i -e '<script' -e 'javascript:' "$html" 2>/dev/null)" -eq 0
check "with its math (\$A\$) as MathML" "$(grep -o '<math' "$html" 2>/dev/null | wc -l)" \
	"$(grep -o '<math' "$html" 2>/dev/null | wc -l)" -ge 3 -a "$(grep -c 'annotation encoding="application/x-tex">A + B<' "$html" 2>/dev/null)" -eq 1

# A link inside the package is fine.
cp -r "$P/aplusb" "$T/linked" && ln -s ../sample/1.in "$T/linked/data/secret/99.in" && cp "$T/linked/data/sample/1.ans" "$T/linked/data/secret/99.ans"
tar -C "$T" -czf "$T/linked.tar.gz" linked
"$VERDICT" problem add "$T/linked.tar.gz" >"$T/out" 2>&1
rc=$?
check "a link that stays inside the package is accepted" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a "$(grep -c '15 test cases' "$T/out")" -eq 1

# A statement pandoc refuses is refused, with pandoc's reason; nothing is
# left behind.
cp -r "$P/circlearea" "$T/loopy"
printf '\\newcommand{\\boom}{\\boom\\boom}\n\\boom\n' >"$T/loopy/problem_statement/problem.en.tex"
"$VERDICT" problem add "$T/loopy" >"$T/out" 2>&1
rc=$?
check "a statement pandoc cannot convert is refused, with its reason" "rc=$rc $(cat "$T/out")" \
	"$rc" -ne 0 -a "$(grep -c 'problem_statement/problem.en.tex: pandoc could not convert it.*Loop encountered in expanding macro boom' "$T/out")" -eq 1 \
	-a ! -e "$VERDICT_DB.data/problems/loopy"
finish
