#!/bin/bash
# timeout: 600
# Scores from interactive and multi-pass validators, testlib points as a
# scoring problem's score, and testlib interactors (Kattis and Polygon
# packages): an interactive validator's score.txt is read after it
# accepts; a multi-pass one's as the feedback directory holds it after the
# last pass; a testlib checker's or interactor's points (exit 7) are the
# test's score in a scoring problem and only shown in a pass-fail one; a
# testlib interactor runs as `interactor input tout answer`, its checker
# on tout. Hostile validators (odd exit codes, huge or non-numeric points,
# a score above the maximum, links planted as score.txt or tout) are JE.
# (Each testlib program compiles in ~7 s of CPU.)
. "$(dirname "$0")/lib.sh"

P="$REPO/problems"
mkdir -p "$T/work"

# verify_case NAME PKG PATTERN...: problem verify of PKG prints every
# PATTERN (extended regular expressions), each on some line.
verify_case() {
	local name=$1 pkg=$2 start=$SECONDS missing=""
	shift 2
	"$VERDICT" problem verify --work "$T/work" "$pkg" >"$T/verify.out" 2>&1
	for pattern in "$@"; do
		grep -qE -- "$pattern" "$T/verify.out" || missing="$missing '$pattern'"
	done
	[ -z "$missing" ] || sed 's/^/# /' "$T/verify.out"
	check "$name ($((SECONDS - start)) s)" "missing:$missing" -z "$missing"
}

# ---- the example packages ----
verify_case "fewguesses: an interactive validator's score.txt is the test's score" "$P/fewguesses" \
	'^ok   accepted/halving.c \(C\): AC, score 50 of 50' \
	'^ok   partially_accepted/one_by_one.py \(Python 3\): AC, score 11.9913 of 50' \
	'^ok   wrong_answer/zero.c' '^3 submissions: 3 as expected, 0 not$'
verify_case "higherlower (Polygon): a testlib interactor, then its checker on tout" "$P/higherlower" \
	'^ok   accepted/bisect.cpp \(C\+\+\): AC' '^ok   accepted/bisect.py' \
	'^ok   wrong_answer/upwards.c \(C\): WA on sample/01' '^ok   time_limit_exceeded/unflushed.c \(C\): TLE' \
	'^4 submissions: 4 as expected, 0 not$'

# Imported and judged as students' submissions are: the kept interactor
# and its checker (validator/next) are found again, and the score stored.
export VERDICT_DB="$T/verdict.db"
"$VERDICT" user add ann >/dev/null 2>&1
# judged PROBLEM SOURCE: submits SOURCE, judges it, leaves `result --json` in $T/result.
judged() {
	local id
	id=$("$VERDICT" submit --user ann --problem "$1" "$2" 2>"$T/err")
	"$VERDICT" judge --once --workers 1 >/dev/null 2>&1
	"$VERDICT" result "$id" --json >"$T/result" 2>&1
}
for pkg in higherlower fewguesses; do
	"$VERDICT" problem add "$P/$pkg" >"$T/out" 2>&1
	check "problem add $pkg" "$(head -c 400 "$T/out")" "$?" -eq 0
done
judged higherlower "$P/higherlower/solutions/bisect.cpp"
check "judged: higherlower, halving in C++ is AC" "$(head -c 600 "$T/result")" \
	"$(grep -c '"verdict": *"AC"' "$T/result")" -ge 1
judged higherlower "$P/higherlower/solutions/upwards.c"
check "judged: higherlower, counting up is WA" "$(head -c 600 "$T/result")" \
	"$(grep -c '"verdict": *"WA"' "$T/result")" -ge 1
judged fewguesses "$P/fewguesses/submissions/partially_accepted/one_by_one.py"
check "judged: fewguesses, counting up scores 11.9913" "$(head -c 600 "$T/result")" \
	"$(grep -cE '"score": *11.99' "$T/result")" -ge 1

# ---- Kattis interactive validators that score badly: JE ----
# with_score NAME C-STATEMENT PATTERN: fewguesses whose interactor, having
# seen the right guess, does C-STATEMENT (with `score` the path of
# score.txt) before accepting; halving.c must get JE saying PATTERN.
with_score() {
	local dir="$T/ks/fewguesses"
	rm -rf "$T/ks" && mkdir -p "$T/ks" && cp -r "$P/fewguesses" "$dir"
	rm -r "$dir/submissions/wrong_answer" "$dir/submissions/partially_accepted"
	python3 - "$dir/output_validator/interactor.c" "$2" <<'PY'
import sys
path, statement = sys.argv[1], sys.argv[2]
src = open(path).read()
old = '\t\t\twrite_feedback("score.txt", "%.6f\\n", score);\n'
assert old in src
new = ('\t\t\t{ char score_path[4096]; const char *score = score_path; (void)score;\n'
       '\t\t\t  snprintf(score_path, sizeof score_path, "%sscore.txt", feedback); ' + statement + ' }\n')
open(path, 'w').write('#include <unistd.h>\n#include <sys/stat.h>\n' + src.replace(old, new))
PY
	verify_case "interactive score.txt: $1: JE" "$dir" '^FAIL accepted/halving.c \(C\): got JE' "$3"
}
with_score "above the test's maximum" 'write_feedback("score.txt", "%g", 11);' "score.txt says 11, above the test's maximum 10"
with_score "not a number" 'write_feedback("score.txt", "ten%.0f", 0);' "must hold one non-negative number, not 'ten0'"
with_score "a link to /etc/shadow" 'symlink("/etc/shadow", score);' "score.txt is not a regular file"
with_score "a FIFO" 'mkfifo(score, 0666);' "score.txt is not a regular file"
with_score "huge" 'FILE *f = fopen(score, "w"); for (int i = 0; i < 1000000; i++) fputs("1", f); fclose(f);' \
	"score.txt is longer than 128 bytes"
with_score "negative" 'write_feedback("score.txt", "%g", -1);' "must hold one non-negative number"

# In a pass-fail interactive problem a score.txt is the format's judge error.
PF="$T/pf/fewguesses"
mkdir -p "$T/pf" && cp -r "$P/fewguesses" "$PF" && rm -r "$PF/submissions/partially_accepted"
sed -i 's/^type: .*/type: interactive/' "$PF/problem.yaml" && rm "$PF/data/secret/test_group.yaml"
verify_case "score.txt from a pass-fail interactive problem's validator: JE" "$PF" \
	'^FAIL accepted/halving.c \(C\): got JE.*but the problem is not of type scoring'

# ---- multi-pass: the feedback directory (and score.txt) persists ----
# multipass PASS1 PASS2: codeword, scoring (8 tests, 1 point each),
# whose validator runs the C statement PASS1 when it accepts the first
# pass and PASS2 when it accepts the second; put_score(TEXT) writes score.txt.
multipass() {
	local dir="$T/mp/codeword"
	rm -rf "$T/mp" && mkdir -p "$T/mp" && cp -r "$P/codeword" "$dir"
	rm -r "$dir/submissions/wrong_answer" "$dir/submissions/time_limit_exceeded" "$dir/submissions/accepted/base27.py"
	sed -i 's/^type: multi-pass/type: [multi-pass, scoring]/' "$dir/problem.yaml"
	printf 'max_score: 8\n' >"$dir/data/secret/test_group.yaml"
	python3 - "$dir/output_validator/validator.c" "$1" "$2" <<'PY'
import sys
path, first, second = sys.argv[1:4]
src = open(path).read()
helper = ('static const char *feedback;\n'
          'static void put_score(const char *text)\n{\n\tchar p[4096];\n'
          '\tsnprintf(p, sizeof p, "%sscore.txt", feedback);\n\tFILE *f = fopen(p, "w");\n'
          '\tif (f) { fputs(text, f); fclose(f); }\n}\n')
for old, new in (('static const char *feedback;\n', helper),
                 ('return verdict(42, "encoded");', '{ ' + first + ' } return verdict(42, "encoded");'),
                 ('return verdict(42, "decoded the word");', '{ ' + second + ' } return verdict(42, "decoded the word");')):
    assert old in src
    src = src.replace(old, new)
open(path, 'w').write(src)
PY
}
multipass 'put_score("0.25");' 'put_score("0.5");'
mkdir -p "$T/mp/codeword/submissions/partially_accepted"
mv "$T/mp/codeword/submissions/accepted/base27.c" "$T/mp/codeword/submissions/partially_accepted/"
verify_case "multi-pass: the last pass's score.txt is the test's score" "$T/mp/codeword" \
	'^ok   partially_accepted/base27.c \(C\): AC, score 4 of 8'
multipass 'put_score("0.25");' ''
mkdir -p "$T/mp/codeword/submissions/partially_accepted"
mv "$T/mp/codeword/submissions/accepted/base27.c" "$T/mp/codeword/submissions/partially_accepted/"
verify_case "multi-pass: a score.txt written in an earlier pass persists to the end" "$T/mp/codeword" \
	'^ok   partially_accepted/base27.c \(C\): AC, score 2 of 8'
multipass '' 'put_score("2");'
verify_case "multi-pass: a score above the test's maximum: JE" "$T/mp/codeword" \
	'^FAIL accepted/base27.c \(C\): got JE' "test secret/01: the output validator's score.txt says 2, above the test's maximum 1$"
multipass 'put_score("0.25");' ''
cp "$P/codeword/submissions/wrong_answer/length_only.py" "$T/mp/codeword/submissions/accepted/"
verify_case "multi-pass: a score.txt from pass 1, then a rejection in pass 2: JE" "$T/mp/codeword" \
	'^FAIL accepted/length_only.py \(Python 3\): got JE.*rejected the output but wrote a score'

# ---- testlib checkers' points in a scoring problem ----
# points_pkg NAME TYPE STATEMENT: coprimesplit as TYPE whose checker ends with STATEMENT.
points_pkg() {
	local dir="$T/tp/$1"
	rm -rf "$dir" && mkdir -p "$T/tp" && cp -r "$P/coprimesplit" "$dir"
	rm -r "$dir/submissions/wrong_answer" "$dir/submissions/accepted/neighbours.py"
	sed -i "s/^name:/type: $2\nname:/" "$dir/problem.yaml"
	cat >"$dir/output_validator/checker.cpp" <<EOC
#include "testlib.h"
int main(int argc, char *argv[])
{
	registerTestlibCmd(argc, argv);
	ouf.readLong(); ouf.readLong();
	$3
}
EOC
}
points_pkg scoring scoring 'quitp(12.5, "an eighth");'
printf 'max_score: 600\n' >"$T/tp/scoring/data/secret/test_group.yaml"
mkdir -p "$T/tp/scoring/submissions/partially_accepted"
mv "$T/tp/scoring/submissions/accepted/one.c" "$T/tp/scoring/submissions/partially_accepted/"
verify_case "testlib points (exit 7) are the test's score in a scoring problem" "$T/tp/scoring" \
	'^ok   partially_accepted/one.c \(C\): AC, score 75 of 600'
points_pkg above scoring 'quitp(101, "too many");'
verify_case "testlib points above the test's maximum: JE" "$T/tp/above" \
	'^FAIL accepted/one.c \(C\): got JE' "score.txt says 101, above the test's maximum 16.6667"
points_pkg passfail pass-fail 'quitp(0.5, "half");'
verify_case "testlib points in a pass-fail problem: AC, as before" "$T/tp/passfail" '^ok   accepted/one.c \(C\): AC \('

# ---- testlib interactors in a Kattis package ----
# interactor_pkg NAME TYPE BODY: fewguesses as TYPE whose validator is a
# testlib interactor (no checker) doing BODY after registerInteraction;
# one secret test (the number 64).
interactor_pkg() {
	local dir="$T/ti/$1"
	rm -rf "$dir" && mkdir -p "$T/ti" && cp -r "$P/fewguesses" "$dir"
	rm -r "$dir/submissions/wrong_answer" "$dir/submissions/partially_accepted" "$dir/output_validator/interactor.c"
	rm "$dir/data/secret/0"[13-5].* "$dir/data/secret/test_group.yaml"
	sed -i "s/^type: .*/type: $2/" "$dir/problem.yaml"
	cp "$P/higherlower/files/testlib.h" "$dir/output_validator/"
	cat >"$dir/output_validator/interactor.cpp" <<EOC
#include "testlib.h"
#include <cstdio>
#include <iostream>
#include <unistd.h>
int main(int argc, char *argv[])
{
	registerInteraction(argc, argv);
	int secret = inf.readInt(1, 1000, "secret");
	$3
}
EOC
}
GAME='for (int k = 1; k <= 10; k++) {
		int g = ouf.readInt(1, 1000, "guess");
		if (g == secret) {
			std::cout << "correct" << std::endl;
			tout << k << std::endl;
			FINISH;
		}
		std::cout << (g > secret ? "lower" : "higher") << std::endl;
	}
	quitf(_wa, "no guesses left");'
interactor_pkg plain interactive "${GAME//FINISH/quitf(_ok, \"found\")}"
cp "$P/fewguesses/submissions/wrong_answer/zero.c" "$P/higherlower/solutions/upwards.c" "$T/ti/plain/submissions/"
mkdir -p "$T/ti/plain/submissions/wrong_answer" && mv "$T/ti/plain/submissions/"*.c "$T/ti/plain/submissions/wrong_answer/"
# Still writing after the interactor accepted (exit 0): not killed by SIGPIPE for it.
sed 's|return 0;|{ usleep(300000); for (int i = 0; i < 1000; i++) puts("bye"); return 0; }|' \
	"$P/fewguesses/submissions/accepted/halving.c" | sed 's|#include <stdio.h>|#include <stdio.h>\n#include <unistd.h>|' \
	>"$T/ti/plain/submissions/accepted/writes_after.c"
verify_case "a testlib interactor in a Kattis package: its verdicts" "$T/ti/plain" \
	'^ok   accepted/halving.c \(C\): AC' '^ok   accepted/writes_after.c \(C\): AC' \
	'^ok   wrong_answer/upwards.c \(C\): WA' '^ok   wrong_answer/zero.c \(C\): WA' '^4 submissions: 4 as expected'
interactor_pkg points "[interactive, scoring]" "${GAME//FINISH/quitp(100.0 \/ k, \"fewer is better\")}"
printf 'max_score: 50\n' >"$T/ti/points/data/secret/test_group.yaml"
mkdir -p "$T/ti/points/submissions/partially_accepted"
mv "$T/ti/points/submissions/accepted/halving.c" "$T/ti/points/submissions/partially_accepted/"
verify_case "a testlib interactor's points are the score" "$T/ti/points" \
	'^ok   partially_accepted/halving.c \(C\): AC, score 10 of 50'
interactor_pkg above "[interactive, scoring]" "${GAME//FINISH/quitp(51, \"too many\")}"
printf 'max_score: 50\n' >"$T/ti/above/data/secret/test_group.yaml"
verify_case "a testlib interactor's points above the maximum: JE" "$T/ti/above" \
	'^FAIL accepted/halving.c \(C\): got JE' "score.txt says 51, above the test's maximum 50"
interactor_pkg oddexit interactive 'ouf.readInt(); std::cout << "correct" << std::endl; _exit(5);'
verify_case "a testlib interactor that exits 5: JE" "$T/ti/oddexit" \
	'^FAIL accepted/halving.c \(C\): got JE.*the testlib interactor exited 5, which testlib never does'
interactor_pkg nan "[interactive, scoring]" 'ouf.readInt(); std::cout << "correct" << std::endl; fputs("points abc\n", stderr); _exit(7);'
verify_case "a testlib interactor whose points are not a number: JE" "$T/ti/nan" \
	'^FAIL accepted/halving.c \(C\): got JE.*the testlib interactor exited 7 \(points\) without printing them'
interactor_pkg huge "[interactive, scoring]" 'ouf.readInt(); std::cout << "correct" << std::endl;
	fputs("points ", stderr); for (int i = 0; i < 1000000; i++) fputc(0x39, stderr); _exit(7);'
verify_case "a testlib interactor whose points are a million digits: JE" "$T/ti/huge" \
	'^FAIL accepted/halving.c \(C\): got JE.*the testlib interactor exited 7 \(points\) without printing them'

# ---- a testlib interactor with its checker (checker/) ----
interactor_pkg checked interactive "${GAME//FINISH/quitf(_ok, \"found\")}"
mkdir -p "$T/ti/checked/output_validator/checker"
cp "$P/higherlower/files/testlib.h" "$T/ti/checked/output_validator/checker/"
cat >"$T/ti/checked/output_validator/checker/check.cpp" <<'EOC'
#include "testlib.h"
int main(int argc, char *argv[])
{
	registerTestlibCmd(argc, argv);
	int guesses = ouf.readInt(1, 10, "guesses");
	if (guesses > 5)
		quitf(_wa, "%d guesses, more than 5", guesses);
	quitf(_ok, "%d guesses", guesses);
}
EOC
mkdir -p "$T/ti/checked/submissions/wrong_answer"
cp "$P/higherlower/solutions/upwards.c" "$T/ti/checked/submissions/wrong_answer/"
mv "$T/ti/checked/submissions/accepted/halving.c" "$T/ti/checked/submissions/wrong_answer/"
verify_case "the checker judges what the interactor wrote to tout" "$T/ti/checked" \
	'^ok   wrong_answer/halving.c \(C\): WA on secret/02' '^2 submissions: 2 as expected'
sed -i 's|tout << k << std::endl;|tout.close(); unlink(argv[2]); symlink("/etc/shadow", argv[2]);|' "$T/ti/checked/output_validator/interactor.cpp"
verify_case "tout a link to /etc/shadow: JE, nothing read" "$T/ti/checked" \
	'^FAIL wrong_answer/halving.c \(C\): got JE.*tout\) is not a regular file'
rm "$T/ti/checked/output_validator/checker/check.cpp"
cat >"$T/ti/checked/output_validator/checker/check.py" <<'EOC'
print("not testlib")
EOC
verify_case "a checker/ that is not a testlib checker is refused" "$T/ti/checked" \
	'must be a testlib checker \(its source calls registerTestlibCmd\)'

# ---- Polygon: what an interactive package must hold ----
polygon() { rm -rf "$T/pg/$1" && mkdir -p "$T/pg" && cp -r "$P/higherlower" "$T/pg/$1"; }
polygon noanswer && rm "$T/pg/noanswer/tests/03.a"
verify_case "Polygon interactive without an answer file: refused, naming the test" "$T/pg/noanswer" \
	'1 tests have no answer file \(the first: test 3\), which an interactive problem cannot make'
polygon nochecker && sed -i 's|<source path="files/check.cpp" type="cpp.g++17"/>||' "$T/pg/nochecker/problem.xml"
verify_case "Polygon interactive whose checker has no source: refused" "$T/pg/nochecker" \
	"an interactive problem's checker needs its source in the package"
polygon nointeractor && rm "$T/pg/nointeractor/files/interactor.cpp"
verify_case "Polygon interactive whose interactor is missing: refused" "$T/pg/nointeractor" \
	"the interactor's source is missing from the package"
finish
