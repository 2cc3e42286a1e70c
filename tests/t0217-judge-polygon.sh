#!/bin/bash
# timeout: 600
# Polygon packages: a problem.xml (or package.xml) package is converted and judged as its
# tags say; answers it lacks are made by the main solution; its testlib
# checker and input validator are used (the validator checks every test);
# a standard checker by name becomes the default validator's flags. A
# hostile problem.xml (huge, deep, entities, external entities, paths with
# .. or absolute, a test that is a link out, counts that lie) is refused
# with exit 2 and the reason, leaving nothing behind.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
DATA="$T/verdict.db.data"
P="$REPO/problems"
v() { timeout -k 5 "${IMPORT_TIMEOUT:-300}" "$VERDICT" "$@"; }
sql() { sqlite3 "$VERDICT_DB" "$1"; }
mkdir -p "$T/pkgs" "$T/work"

v user add ann >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
# judged SOURCE PROBLEM: submits it, judges it, leaves `result --json` in $T/result.
judged() {
	local id
	id=$(v submit --user ann --problem "$2" "$1" 2>"$T/err")
	v judge --once --workers 1 >/dev/null 2>&1
	v result "$id" --json >"$T/result" 2>&1
}
verdict_is() { grep -q "\"verdict\": *\"$1\"" "$T/result"; }
# ---- Polygon packages ----
v problem verify --work "$T/work" "$P/maxpair" >"$T/out" 2>&1
rc=$?
check "the Polygon example verifies: its tags as Kattis directories" "$(head -c 600 "$T/out")" \
	"$rc" -eq 0 -a "$(grep -c '^ok ' "$T/out")" -eq 4
polygon() { rm -rf "$T/pkgs/$1" && cp -r "$P/maxpair" "$T/pkgs/$1"; }
# The name issue 11 gives, package.xml, is read too.
polygon oldname && mv "$T/pkgs/oldname/problem.xml" "$T/pkgs/oldname/package.xml"
v problem verify --work "$T/work" "$T/pkgs/oldname" >"$T/out" 2>&1
rc=$?
check "a Polygon package whose description is named package.xml verifies too" "$(head -c 600 "$T/out")" \
	"$rc" -eq 0 -a "$(grep -c '^ok ' "$T/out")" -eq 4
v problem add "$P/maxpair" >"$T/out" 2>&1
check "problem add: a Polygon package, named and limited as problem.xml says" "$(head -c 400 "$T/out")" \
	"$(grep -c 'maxpair (Best Pair) added as version 1: 6 test cases, time limit 1 s, memory 256 MB' "$T/out")" -eq 1
check "its statement is made from the statement sections" "no Input heading" \
	-n "$(grep -l 'id="input">Input' "$DATA"/problems/maxpair/v1/statement.html 2>/dev/null)"
judged "$P/maxpair/solutions/int32.c" maxpair
check "a submission to it is judged (std::ncmp as case-sensitive tokens)" "$(head -c 400 "$T/result")" \
	-n "$(verdict_is WA && echo y)"

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
	"$T/pkgs/withchecker/problem.xml"
cat >"$T/pkgs/withchecker/files/val.cpp" <<'EOC'
#include "testlib.h"
int main(int argc, char *argv[])
{
	registerValidation(argc, argv);
	int n = inf.readInt(2, 100000, "n");
	inf.readEoln();
	for (int i = 0; i < n; i++) {
		if (i)
			inf.readSpace();
		inf.readLong(-2000000000LL, 2000000000LL, "a_i");
	}
	inf.readEoln();
	inf.readEof();
}
EOC
sed -i 's|<solutions>|<validators><validator><source path="files/val.cpp" type="cpp.g++17"/></validator></validators><solutions>|' \
	"$T/pkgs/withchecker/problem.xml"
cp -r "$T/pkgs/withchecker" "$T/pkgs/badinput" && printf '1\n5\n' >"$T/pkgs/badinput/tests/02"
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
# edited NAME SED WHY: maxpair with its problem.xml edited by SED is refused for WHY.
edited() { polygon "$1" && sed -i "$2" "$T/pkgs/$1/problem.xml" && refused "$1" "$3"; }
refused badinput "data/secret/02.in: the package's input validator rejects it \(FAIL Integer parameter \[name=n\] equals to 1"
refused badmain "test 5 has no answer file, and the main solution best.cpp did not make one: RE"
polygon standard && rm "$T/pkgs/standard/tests/06" "$T/pkgs/standard/tests/06.a"
refused standard "tests/06: test 6 is missing.*full package"
edited interactive 's|<solutions>|<interactor><source path="files/interactor.cpp" type="cpp.g++17"/></interactor><solutions>|' \
	"the interactor.s source is missing from the package"
edited fileio 's|input-file=""|input-file="input.txt"|' \
	"reads and writes files"
edited slow 's|<time-limit>1000<|<time-limit>100000<|' \
	"limits.time_limit"
edited nochecker 's|std::ncmp.cpp|std::hcmp.cpp|' \
	"std::hcmp.cpp' has no source"
edited count 's|<test-count>6<|<test-count>7<|' \
	"test-count says 7, but 6 tests are listed"

# ---- hostile problem.xml ----
polygon huge && "$PY" -c "
import sys
sys.stdout.write('<?xml version=\"1.0\"?><problem>' + '<!-- x -->' * 500000 + '</problem>')" >"$T/pkgs/huge/problem.xml"
refused huge "problem.xml: larger than 4 MiB"
polygon deep && "$PY" -c "
import sys
sys.stdout.write('<problem>' + '<a>' * 100000 + '</a>' * 100000 + '</problem>')" >"$T/pkgs/deep/problem.xml"
refused deep "problem.xml: not well-formed XML"
polygon laughs && "$PY" -c "
ents = ''.join('<!ENTITY l%d \"%s\">' % (i, ('&l%d;' % (i - 1)) * 10 if i else 'lol') for i in range(10))
print('<?xml version=\"1.0\"?><!DOCTYPE problem [' + ents + ']><problem><names><name language=\"english\" value=\"&l9;\"/></names></problem>')
" >"$T/pkgs/laughs/problem.xml"
refused laughs "DOCTYPE or other markup declaration"
edited xxe 's|<?xml version="1.0" encoding="utf-8" standalone="no"?>|<?xml version="1.0"?><!DOCTYPE problem [<!ENTITY x SYSTEM "file:///etc/passwd">]>|; s|value="Best Pair"|value="\&x;"|' \
	"DOCTYPE or other markup declaration"
check "... and no file outside was read into the message" "$(head -c 300 "$T/out")" "$(grep -c 'root:' "$T/out")" -eq 0
edited dotdot 's|solutions/best.py|solutions/../../../../../../etc/passwd|' \
	"a solution's source '.*' is not a relative path inside the package"
edited absolute 's|solutions/int32.c|/etc/passwd|' \
	"a solution's source '/etc/passwd' is not a relative path"
edited pattern 's|tests/%02d.a<|../../%02d.a<|' \
	"path patterns must each hold one %d"
edited format 's|tests/%02d<|tests/%s%n<|' \
	"path patterns must each hold one %d"
mkdir -p "$T/outside" && echo "OUTSIDEMARKER 1" >"$T/outside/secret"
polygon linkout && rm "$T/pkgs/linkout/tests/03" && ln -s "$T/outside/secret" "$T/pkgs/linkout/tests/03"
refused linkout "tests/03.*link that leads out of the package"
polygon notxml && echo "<problem><names>" >"$T/pkgs/notxml/problem.xml"
refused notxml "problem.xml: not well-formed XML"
polygon xmldir && rm "$T/pkgs/xmldir/problem.xml" && mkdir "$T/pkgs/xmldir/problem.xml"
refused xmldir "problem.xml: not a regular file"
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
rc=$?
check "a Polygon package as a zip archive imports" "rc=$rc $(head -c 400 "$T/out")" \
	"$(grep -c 'bestpair (Best Pair) added as version 1: 6 test cases' "$T/out")" -eq 1
finish
