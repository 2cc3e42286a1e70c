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
polygon standard && rm "$T/pkgs/standard/tests/02" "$T/pkgs/standard/tests/02.a"
refused standard "tests/02: test 2 is missing, and it is not a generated test.*full package"
polygon nogen && rm "$T/pkgs/nogen/tests/06" "$T/pkgs/nogen/tests/06.a"
refused nogen "test 6: its cmd names 'gen', which is not one of the package's executables"
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

# ---- groups, points and generators ----
# addup: the sum of n numbers. Groups of both points policies, tests of
# different points in one each-test group, two tests made by a testlib
# generator the package carries (no input file), every answer made by the
# main solution. Polygon's scores: g1 30 (complete-group, its own points),
# g2 10 + 10 + 25 (each-test), g3 5 + 10 (complete-group, its tests'
# points); samples worth nothing.
addup() {
	local d="$T/pkgs/$1"
	rm -rf "$d" && mkdir -p "$d/tests" "$d/files" "$d/solutions"
	cp "$P/coprimesplit/output_validator/testlib.h" "$d/files/testlib.h"
	cat >"$d/files/gen.cpp" <<'EOC'
#include "testlib.h"
#include <cstdio>
int main(int argc, char *argv[])
{
	registerGen(argc, argv, 1);
	int n = atoi(argv[1]);
	printf("%d\n", n);
	for (int i = 0; i < n; i++)
		printf("%d%c", rnd.next(1, 100), i + 1 < n ? ' ' : '\n');
}
EOC
	printf 'int main(void) { for (;;) ; }\n' >"$d/files/spin.c"
	printf '#include <stdio.h>\nint main(void) { for (;;) fputs("1 1 1 1 1 1 1 1\\n", stdout); }\n' >"$d/files/flood.c"
	printf '2\n1 2\n' >"$d/tests/01"
	printf '2\n3 4\n' >"$d/tests/02"
	printf '3\n1 1 1\n' >"$d/tests/03"
	printf '2\n1000 2000\n' >"$d/tests/06"
	printf '2\n5 5\n' >"$d/tests/07"
	printf '4\n1 2 3 4\n' >"$d/tests/08"
	cat >"$d/solutions/sum.c" <<'EOC'
#include <stdio.h>
int main(void)
{
	int n;
	long long s = 0, x;
	if (scanf("%d", &n) != 1)
		return 1;
	for (int i = 0; i < n && scanf("%lld", &x) == 1; i++)
		s += x;
	printf("%lld\n", s);
	return 0;
}
EOC
	sed 's/printf("%lld\\n", s)/printf("%lld\\n", n <= 3 ? s : 0)/' "$d/solutions/sum.c" >"$d/solutions/smallonly.c"
	sed 's/printf("%lld\\n", s)/printf("%lld\\n", n == 2 ? s + 1 : s)/' "$d/solutions/sum.c" >"$d/solutions/wrongpair.c"
	cat >"$d/problem.xml" <<'EOX'
<?xml version="1.0" encoding="utf-8" standalone="no"?>
<problem revision="1" short-name="addup">
    <names><name language="english" value="Add Up"/></names>
    <judging input-file="" output-file="">
        <testset name="tests">
            <time-limit>1000</time-limit>
            <memory-limit>268435456</memory-limit>
            <test-count>8</test-count>
            <input-path-pattern>tests/%02d</input-path-pattern>
            <answer-path-pattern>tests/%02d.a</answer-path-pattern>
            <tests>
                <test method="manual" sample="true" group="samples" points="0.0"/>
                <test method="manual" group="g1" points="0.0"/>
                <test method="manual" group="g1" points="0.0"/>
                <test cmd="gen 5 &gt; $" method="generated" group="g2" points="10.0"/>
                <test cmd="gen 6" method="generated" group="g2" points="10.0"/>
                <test method="manual" group="g2" points="25.0"/>
                <test method="manual" group="g3" points="5.0"/>
                <test method="manual" group="g3" points="10.0"/>
            </tests>
            <groups>
                <group feedback-policy="complete" name="samples" points="0.0" points-policy="each-test"/>
                <group feedback-policy="icpc" name="g1" points="30.0" points-policy="complete-group"/>
                <group feedback-policy="points" name="g2" points-policy="each-test"/>
                <group feedback-policy="complete" name="g3" points-policy="complete-group"/>
            </groups>
        </testset>
    </judging>
    <files>
        <resources><file path="files/testlib.h" type="h.g++"/></resources>
        <executables>
            <executable><source path="files/gen.cpp" type="cpp.g++17"/></executable>
            <executable><source path="files/spin.c" type="c.gcc"/></executable>
            <executable><source path="files/flood.c" type="c.gcc"/></executable>
        </executables>
    </files>
    <assets>
        <checker name="std::ncmp.cpp" type="testlib"/>
        <solutions>
            <solution tag="main"><source path="solutions/sum.c" type="c.gcc"/></solution>
            <solution tag="wrong-answer"><source path="solutions/smallonly.c" type="c.gcc"/></solution>
            <solution tag="wrong-answer"><source path="solutions/wrongpair.c" type="c.gcc"/></solution>
        </solutions>
    </assets>
</problem>
EOX
}
addup addup
verified addup "groups and points: the best score is the sum of Polygon's points" "scoring \(best score 90\)"
check "... the main solution scores it all" "$(head -c 600 "$T/out")" \
	"$(grep -c '^ok   accepted/sum.c (C): AC, score 90 of 90' "$T/out")" -eq 1
check "... n <= 3 only: g1 30 + the 25-point test of g2; each-test g2's 10-point tests and complete-group g3 lost" \
	"$(head -c 900 "$T/out")" "$(grep -c '^ok   wrong_answer/smallonly.c (C): WA on secret/g2-10pt/04, score 55 of 90' "$T/out")" -eq 1
check "... wrong when n = 2: only g2's two 10-point tests (g1, g3 lose all, the 25-point test)" \
	"$(head -c 900 "$T/out")" "$(grep -c '^ok   wrong_answer/wrongpair.c (C): WA on sample/01, score 20 of 90' "$T/out")" -eq 1
check "... the two generated inputs were made by the package's generator" "$(head -c 900 "$T/out")" \
	"$(grep -c "2 test inputs made by running the package's generators" "$T/out")" -eq 1
check "... a feedback-policy is said not to be applied" "$(head -c 900 "$T/out")" \
	"$(grep -c "group 'g1': feedback-policy icpc is not applied" "$T/out")" -eq 1
v problem add "$T/pkgs/addup" >"$T/out" 2>&1
made="$DATA/problems/addup/v1/addup/data"
check "problem add: the groups under data/secret with Polygon's points" "$(head -c 300 "$T/out"; ls -R "$made")" \
	"$(cat "$made/secret/g1/test_group.yaml" "$made/secret/g2-10pt/test_group.yaml" \
		"$made/secret/g2-25pt/test_group.yaml" "$made/secret/g3/test_group.yaml" "$made/secret/test_group.yaml" |
		tr '\n' ' ')" = "max_score: 30 score_aggregation: pass-fail output_validator_args: [case_sensitive] max_score: 20 score_aggregation: sum output_validator_args: [case_sensitive] max_score: 25 score_aggregation: sum output_validator_args: [case_sensitive] max_score: 15 score_aggregation: pass-fail output_validator_args: [case_sensitive] max_score: 90 output_validator_args: [case_sensitive] "
check "... the sample (worth nothing) stays a sample only; the generated tests are g2's" "$(ls -R "$made")" \
	"$(ls "$made/sample" "$made/secret/g2-10pt" | grep -c '^0[145]\.in$')" -eq 3 -a ! -e "$made/secret/samples"
check "... a generated input is what gen 5 writes: 5, then 5 numbers" "$(cat "$made/secret/g2-10pt/04.in")" \
	"$(head -1 "$made/secret/g2-10pt/04.in")" = 5 -a "$(sed -n 2p "$made/secret/g2-10pt/04.in" | wc -w)" -eq 5
judged "$T/pkgs/addup/solutions/smallonly.c" addup
check "... and a submission to it is scored as Polygon would: 55" "$(head -c 600 "$T/result")" \
	"$(grep -cE '"score": *55([^0-9.]|$)' "$T/result")" -ge 1

before=$(sql "select count(*) from problem_versions")
# edited_addup NAME SED WHY: addup with its problem.xml edited by SED is refused for WHY.
edited_addup() { addup "$1" && sed -i "$2" "$T/pkgs/$1/problem.xml" && refused "$1" "$3"; }
edited_addup genshell 's|cmd="gen 6"|cmd="gen 6; touch /tmp/pwned"|' \
	"test 5: its cmd 'gen 6; touch /tmp/pwned' has ';': generators are run without a shell"
edited_addup gensubst 's|cmd="gen 6"|cmd="gen \$(id)"|' "test 5: its cmd .* has '\\\$'"
edited_addup genpipe 's|cmd="gen 6"|cmd="gen 6 \| tee x"|' "test 5: its cmd .* has '\\|'"
edited_addup genother 's|cmd="gen 6"|cmd="gen 6 \&gt; 7"|' "test 5: its cmd .* writes to '7': only '> \\\$'"
edited_addup genmissing 's|cmd="gen 6"|cmd="nosuch 6"|' \
	"test 5: its cmd names 'nosuch', which is not one of the package's executables"
edited_addup genpath 's|cmd="gen 6"|cmd="/bin/sh 6"|' \
	"test 5: its cmd names '/bin/sh', which is not one of the package's executables"
# (The first generated test, 4, is the hostile one: no testlib generator
# is built first, a compile of some seconds each.)
addup gensource && rm "$T/pkgs/gensource/files/flood.c" && sed -i 's|cmd="gen 5 &gt; \$"|cmd="flood"|' "$T/pkgs/gensource/problem.xml"
refused gensource "test 4: its generator 'flood' has no source in the package"
edited_addup genspin 's|cmd="gen 5 &gt; \$"|cmd="spin"|' "test 4: its generator 'spin' failed: TLE"
edited_addup genflood 's|cmd="gen 5 &gt; \$"|cmd="flood"|' "test 4: its generator 'flood' failed: OLE"
check "... a shell never ran the cmd" "$(ls /tmp/pwned 2>&1)" ! -e /tmp/pwned
edited_addup dependency '/name="g3"/s|points-policy="complete-group"/>|points-policy="complete-group"><dependencies><dependency group="g1"/></dependencies></group>|' \
	"group 'g3' depends on group 'g1' \(<dependencies>\): Verdict cannot yet"
edited_addup groupname 's|group="g3"|group="../g3"|' "group name '../g3' must be 1 to 32 letters"
edited_addup policy 's|points-policy="each-test"/>|points-policy="best-test"/>|' \
	"points-policy 'best-test' is not complete-group or each-test"
edited_addup points 's|points="25.0"|points="-25"|' "test 6: points must be a number from 0"
edited_addup fromfile 's|cmd="gen 6"|cmd="gen 6" from-file="5"|' "test 5: from-file .* is not supported"
check "refused generators and groups leave no version, scratch or staging directory behind" \
	"$(sql 'select count(*) from problem_versions') $(ls -a "$DATA" "$DATA/problems" | tr '\n' ' ')" \
	"$(sql 'select count(*) from problem_versions')" -eq "$before" -a \
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
