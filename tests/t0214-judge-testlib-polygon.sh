#!/bin/bash
# testlib checkers and Polygon packages.
# testlib: a checker that registers with testlib runs as `checker input
# output answer` in the sandbox; exit 1 is WA, 2 (presentation error) WA
# with the reason said, 3 (FAIL: the jury's answer is wrong) JE, 7 (points)
# AC with the points; a crash is JE.
# Polygon: a package.xml package is converted and judged as its tags say;
# answers it lacks are made by the main solution; a testlib checker among
# its files is used; a standard checker by name becomes the default
# validator's flags. A hostile package.xml (huge, deep, entities, external
# entities, paths with .. or absolute, a test that is a link out, counts
# that lie) is refused with exit 2 and the reason, leaving nothing behind.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
DATA="$T/verdict.db.data"
P="$REPO/problems"
v() { timeout -k 5 "${IMPORT_TIMEOUT:-120}" "$VERDICT" "$@"; }
sql() { sqlite3 "$VERDICT_DB" "$1"; }
mkdir -p "$T/pkgs" "$T/work"

# ---- testlib checkers, judged as students' submissions are ----
v user add ann >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v problem add "$P/coprimesplit" >"$T/out" 2>&1
check "a package with a testlib checker imports" "$(cat "$T/out")" $? -eq 0
# judged SOURCE: submits it, judges it, leaves `result --json` in $T/result.
judged() {
	local id
	id=$(v submit --user ann --problem "${2:-coprimesplit}" "$1" 2>"$T/err")
	v judge --once --workers 1 >/dev/null 2>&1
	v result "$id" --json >"$T/result" 2>&1
}
verdict_is() { grep -q "\"verdict\": *\"$1\"" "$T/result"; }
judged "$P/coprimesplit/submissions/accepted/one.c"
check "testlib exit 0: AC" "$(head -c 600 "$T/result")" -n "$(verdict_is AC && echo y)"
judged "$P/coprimesplit/submissions/wrong_answer/halves.py"
check "testlib exit 1: WA with the checker's message" "$(head -c 600 "$T/result")" \
	-n "$(verdict_is WA && grep -q 'share the divisor' "$T/result" && echo y)"
judged "$P/coprimesplit/submissions/wrong_answer/words.py"
check "testlib exit 2: WA, said to be a presentation error" "$(head -c 600 "$T/result")" \
	-n "$(verdict_is WA && grep -q 'presentation error' "$T/result" && echo y)"

# A package of our own: the checker is written here, to end as told.
checker_pkg() { # NAME CHECKER_BODY: coprimesplit with another checker
	rm -rf "$T/pkgs/$1" && cp -r "$P/coprimesplit" "$T/pkgs/$1"
	cat >"$T/pkgs/$1/output_validator/checker.cpp" <<EOC
#include "testlib.h"
#include <cstdlib>
int main(int argc, char *argv[])
{
	registerTestlibCmd(argc, argv);
	$2
}
EOC
}
checker_pkg points 'ouf.readLong(); ouf.readLong(); quitp(0.25, "a quarter");'
v problem add "$T/pkgs/points" >"$T/out" 2>&1
judged "$P/coprimesplit/submissions/accepted/one.c" points
check "testlib exit 7: AC with the points" "$(head -c 600 "$T/result")" \
	-n "$(verdict_is AC && grep -q 'points 0.25 a quarter' "$T/result" && echo y)"
checker_pkg crash 'std::abort();'
v problem add "$T/pkgs/crash" >"$T/out" 2>&1
judged "$P/coprimesplit/submissions/accepted/one.c" crash
check "a testlib checker that crashes: JE" "$(head -c 600 "$T/result")" -n "$(verdict_is JE && echo y)"
# FAIL: the jury's answer is no coprime split (testlib turns a WA found in
# the answer file into _fail).
rm -rf "$T/pkgs/badjury" && cp -r "$P/coprimesplit" "$T/pkgs/badjury"
echo "2 2" >"$T/pkgs/badjury/data/secret/01.ans"
v problem verify --work "$T/work" "$T/pkgs/badjury" >"$T/out" 2>&1
rc=$?
check "testlib exit 3 (FAIL, a wrong jury answer): JE, and verify says so" "rc=$rc $(head -c 600 "$T/out")" \
	"$rc" -eq 1 -a "$(grep -c 'got JE.*FAIL' "$T/out")" -ge 1

# ---- Polygon packages ----
v problem verify --work "$T/work" "$P/maxpair" >"$T/out" 2>&1
check "the Polygon example verifies: its tags as Kattis directories" "$(head -c 600 "$T/out")" \
	$? -eq 0 -a "$(grep -c '^ok ' "$T/out")" -eq 4
v problem add "$P/maxpair" >"$T/out" 2>&1
check "problem add: a Polygon package, named and limited as package.xml says" "$(head -c 400 "$T/out")" \
	"$(grep -c 'maxpair (Best Pair) added as version 1: 6 test cases, time limit 1 s, memory 256 MB' "$T/out")" -eq 1
check "its statement is made from the statement sections" "no Input heading" \
	-n "$(grep -l 'id="input">Input' "$DATA"/problems/maxpair/v1/statement.html 2>/dev/null)"
judged "$P/maxpair/solutions/int32.c" maxpair
check "a submission to it is judged (std::ncmp as case-sensitive tokens)" "$(head -c 400 "$T/result")" \
	-n "$(verdict_is WA && echo y)"

polygon() { rm -rf "$T/pkgs/$1" && cp -r "$P/maxpair" "$T/pkgs/$1"; }
# verified NAME PATTERN: problem verify of $T/pkgs/NAME exits 0 and prints PATTERN
verified() {
	v problem verify --work "$T/work" "$T/pkgs/$1" >"$T/out" 2>&1
	local rc=$?
	check "$2" "rc=$rc $(head -c 600 "$T/out")" "$rc" -eq 0 -a "$(grep -cE -- "$3" "$T/out")" -ge 1
}
polygon noanswers && rm "$T/pkgs/noanswers/tests/04.a" "$T/pkgs/noanswers/tests/06.a"
verified noanswers "answers missing from the package are made by the main solution" \
	"2 answer files made by running the main solution solutions/best.cpp"
v problem add "$T/pkgs/noanswers" >"$T/out" 2>&1
made="$DATA/problems/noanswers/v1/noanswers/data/secret"
check "... and they are the package's own answers" "$(head -c 300 "$T/out")" \
	-n "$(cmp -s "$made/04.ans" "$P/maxpair/tests/04.a" && cmp -s "$made/06.ans" "$P/maxpair/tests/06.a" && echo y)"

# A testlib checker and its header among the package's files.
polygon withchecker && mkdir -p "$T/pkgs/withchecker/files"
cp "$P/coprimesplit/output_validator/testlib.h" "$T/pkgs/withchecker/files/testlib.h"
cat >"$T/pkgs/withchecker/files/check.cpp" <<'EOC'
#include "testlib.h"
int main(int argc, char *argv[])
{
	registerTestlibCmd(argc, argv);
	long long want = ans.readLong(), got = ouf.readLong();
	if (want != got)
		quitf(_wa, "expected %lld, found %lld", want, got);
	quitf(_ok, "the sum %lld", got);
}
EOC
sed -i 's|<resources/>|<resources><file path="files/testlib.h" type="h.g++"/></resources>|;
	s|<checker name="std::ncmp.cpp" type="testlib"/>|<checker name="std::ncmp.cpp" type="testlib"><source path="files/check.cpp" type="cpp.g++17"/></checker>|' \
	"$T/pkgs/withchecker/package.xml"
verified withchecker "a Polygon package's own testlib checker is built and used" \
	"output validator: .*/output_validator \(built\)"
check "... and it judges: int32 is WA" "$(head -c 600 "$T/out")" "$(grep -c '^ok   wrong_answer/int32.c' "$T/out")" -eq 1

# The main solution cannot make an answer: refused, naming the test.
polygon badmain && rm "$T/pkgs/badmain/tests/05.a"
printf 'int main() { return 3; }\n' >"$T/pkgs/badmain/solutions/best.cpp"

before=$(sql "select count(*) from problem_versions")
# refused NAME WHY: problem add of $T/pkgs/NAME exits 2 quickly, naming the
# problem and the reason (an extended regular expression).
refused() {
	local t0 rc ms
	t0=$(date +%s%N)
	v problem add "$T/pkgs/$1" >"$T/out" 2>&1
	rc=$?
	ms=$((($(date +%s%N) - t0) / 1000000))
	check "refused: $1 ($2)" "rc=$rc ${ms}ms $(head -c 400 "$T/out")" \
		"$rc" -eq 2 -a "$(grep -cF "problem $1: " "$T/out")" -ge 1 -a "$(grep -cE -- "$2" "$T/out")" -ge 1
}
refused badmain "test 5 has no answer file, and the main solution best.cpp did not make one: RE"
polygon standard && rm "$T/pkgs/standard/tests/06" "$T/pkgs/standard/tests/06.a"
refused standard "tests/06: test 6 is missing.*full package"
polygon interactive && sed -i 's|<solutions>|<interactor><source path="files/interactor.cpp" type="cpp.g++17"/></interactor><solutions>|' \
	"$T/pkgs/interactive/package.xml"
refused interactive "interactive problem .*not supported yet"
polygon fileio && sed -i 's|input-file=""|input-file="input.txt"|' "$T/pkgs/fileio/package.xml"
refused fileio "reads and writes files"
polygon slow && sed -i 's|<time-limit>1000<|<time-limit>100000<|' "$T/pkgs/slow/package.xml"
refused slow "limits.time_limit"
polygon nochecker && sed -i 's|std::ncmp.cpp|std::hcmp.cpp|' "$T/pkgs/nochecker/package.xml"
refused nochecker "std::hcmp.cpp' has no source"
polygon count && sed -i 's|<test-count>6<|<test-count>7<|' "$T/pkgs/count/package.xml"
refused count "test-count says 7, but 6 tests are listed"

# ---- hostile package.xml ----
polygon huge && "$PY" -c "
import sys
sys.stdout.write('<?xml version=\"1.0\"?><problem>' + '<!-- x -->' * 500000 + '</problem>')" >"$T/pkgs/huge/package.xml"
refused huge "package.xml: larger than 4 MiB"
polygon deep && "$PY" -c "
import sys
sys.stdout.write('<problem>' + '<a>' * 100000 + '</a>' * 100000 + '</problem>')" >"$T/pkgs/deep/package.xml"
refused deep "package.xml: not well-formed XML"
polygon laughs && "$PY" -c "
ents = ''.join('<!ENTITY l%d \"%s\">' % (i, ('&l%d;' % (i - 1)) * 10 if i else 'lol') for i in range(10))
print('<?xml version=\"1.0\"?><!DOCTYPE problem [' + ents + ']><problem><names><name language=\"english\" value=\"&l9;\"/></names></problem>')
" >"$T/pkgs/laughs/package.xml"
refused laughs "DOCTYPE or other markup declaration"
polygon xxe && sed -i 's|<?xml version="1.0" encoding="utf-8" standalone="no"?>|<?xml version="1.0"?><!DOCTYPE problem [<!ENTITY x SYSTEM "file:///etc/passwd">]>|; s|value="Best Pair"|value="\&x;"|' \
	"$T/pkgs/xxe/package.xml"
refused xxe "DOCTYPE or other markup declaration"
check "... and no file outside was read into the message" "$(head -c 300 "$T/out")" "$(grep -c 'root:' "$T/out")" -eq 0
polygon dotdot && sed -i 's|solutions/best.py|solutions/../../../../../../etc/passwd|' "$T/pkgs/dotdot/package.xml"
refused dotdot "a solution's source '.*' is not a relative path inside the package"
polygon absolute && sed -i 's|solutions/int32.c|/etc/passwd|' "$T/pkgs/absolute/package.xml"
refused absolute "a solution's source '/etc/passwd' is not a relative path"
polygon pattern && sed -i 's|tests/%02d.a<|../../%02d.a<|' "$T/pkgs/pattern/package.xml"
refused pattern "path patterns must each hold one %d"
polygon format && sed -i 's|tests/%02d<|tests/%s%n<|' "$T/pkgs/format/package.xml"
refused format "path patterns must each hold one %d"
mkdir -p "$T/outside" && echo "OUTSIDEMARKER 1" >"$T/outside/secret"
polygon linkout && rm "$T/pkgs/linkout/tests/03" && ln -s "$T/outside/secret" "$T/pkgs/linkout/tests/03"
refused linkout "tests/03.*link that leads out of the package"
polygon notxml && echo "<problem><names>" >"$T/pkgs/notxml/package.xml"
refused notxml "package.xml: not well-formed XML"
polygon xmldir && rm "$T/pkgs/xmldir/package.xml" && mkdir "$T/pkgs/xmldir/package.xml"
refused xmldir "package.xml: not a regular file"
check "refused packages leave no version behind" "$(sql 'select count(*) from problem_versions')" \
	"$(sql 'select count(*) from problem_versions')" -eq "$before"
check "... and no scratch or staging directory" "$(ls -a "$DATA" "$DATA/problems" | tr '\n' ' ')" \
	"$(ls -a "$DATA" "$DATA/problems" | grep -c '^\.package-\|^\.import-')" -eq 0

# ---- an archive, as Polygon downloads it ----
(cd "$P" && "$PY" -c "
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    for root, dirs, files in os.walk('maxpair'):
        for f in files:
            p = os.path.join(root, f)
            z.write(p, os.path.relpath(p, 'maxpair'))
" "$T/maxpair-4\$linux.zip")
cp "$T/maxpair-4\$linux.zip" "$T/bestpair.zip"
v problem add "$T/bestpair.zip" >"$T/out" 2>&1
check "a Polygon package as a zip archive imports" "rc=$? $(head -c 400 "$T/out")" \
	"$(grep -c 'bestpair (Best Pair) added as version 1: 6 test cases' "$T/out")" -eq 1
finish
