#!/bin/bash
# timeout: 300
# verdict problem verify: every package in problems/ (Kattis or Polygon) verifies; a submission
# in the wrong directory is reported by name; malformed packages get an
# error that names the file at fault, and exit status 2.
. "$(dirname "$0")/lib.sh"

for pkg in "$REPO"/problems/*/; do
	[ -f "$pkg/problem.yaml" ] || [ -f "$pkg/problem.xml" ] || continue # (problem.xml: Polygon)
	name=$(basename "$pkg")
	"$VERDICT" problem verify --work "$T" "$pkg" >"$T/verify.out" 2>&1
	rc=$?
	sed 's/^/# /' "$T/verify.out"
	check "problem $name verifies" "rc=$rc" "$rc" -eq 0
done

# A wrong answer filed as accepted is caught and named.
cp -r "$REPO/problems/aplusb" "$T/aplusb"
rm -f "$T/aplusb/submissions/accepted/"*.java "$T/aplusb/submissions/accepted/"*.cpp
cp "$T/aplusb/submissions/wrong_answer/int32.c" "$T/aplusb/submissions/accepted/int32.c"
"$VERDICT" problem verify --work "$T" "$T/aplusb" >"$T/verify.out" 2>&1
rc=$?
check "a WA submission in accepted/: exit status 1" "rc=$rc $(tr '\n' '|' <"$T/verify.out")" "$rc" -eq 1
check "a WA submission in accepted/: named, with its verdict and test" "$(tr '\n' '|' <"$T/verify.out")" \
	"$(grep -c '^FAIL accepted/int32.c (C): got WA on secret/03' "$T/verify.out")" -eq 1

# Submissions made of several files (a directory, as DOMjudge exports every
# submission): C with a header, Java with a helper class, Python importing
# its own module, and a directory holding one file.
D="$T/dirsub"
cp -r "$REPO/problems/aplusb" "$D"
rm -f "$D"/submissions/accepted/*.java "$D"/submissions/accepted/*.cpp
mkdir -p "$D/submissions/accepted/s42" "$D/submissions/accepted/multi" "$D/submissions/accepted/javadir" \
	"$D/submissions/wrong_answer/pydir"
cp "$REPO/problems/aplusb/submissions/accepted/aplusb.c" "$D/submissions/accepted/s42/"
printf 'long long add(long long a, long long b);\n' >"$D/submissions/accepted/multi/add.h"
printf '#include "add.h"\nlong long add(long long a, long long b) { return a + b; }\n' >"$D/submissions/accepted/multi/add.c"
printf '#include <stdio.h>\n#include "add.h"\nint main(void) { long long a, b; scanf("%%lld %%lld", &a, &b); printf("%%lld\\n", add(a, b)); return 0; }\n' \
	>"$D/submissions/accepted/multi/main.c"
printf 'import java.util.*;\npublic class Main { public static void main(String[] x) { Scanner s = new Scanner(System.in); System.out.println(Helper.add(s.nextLong(), s.nextLong())); } }\n' \
	>"$D/submissions/accepted/javadir/Main.java"
printf 'public class Helper { static long add(long a, long b) { return a + b; } }\n' >"$D/submissions/accepted/javadir/Helper.java"
printf 'from helper import add\na, b = map(int, input().split())\nprint(add(a, b) + 1)\n' >"$D/submissions/wrong_answer/pydir/main.py"
printf 'def add(a, b):\n    return a + b\n' >"$D/submissions/wrong_answer/pydir/helper.py"
"$VERDICT" problem verify --work "$T" "$D" >"$T/verify.out" 2>&1
rc=$?
sed 's/^/# /' "$T/verify.out"
check "directory submissions verify" "rc=$rc" "$rc" -eq 0
for s in "accepted/s42 (C): AC" "accepted/multi (C): AC" "accepted/javadir (Java): AC" "wrong_answer/pydir (Python 3): WA"; do
	check "directory submission $s" "" "$(grep -cF "ok   $s" "$T/verify.out")" -eq 1
done

# malformed NAME EXPECTED-TEXT SETUP...: a copy of aplusb, changed by SETUP,
# must be refused with exit status 2 and EXPECTED-TEXT in the error.
malformed() {
	local what=$1 want=$2 dir="$T/bad/aplusb"
	shift 2
	rm -rf "$T/bad" && mkdir -p "$T/bad" && cp -r "$REPO/problems/aplusb" "$dir"
	(cd "$dir" && eval "$@")
	"$VERDICT" problem verify --work "$T" "$dir" >"$T/bad.out" 2>&1
	local rc=$?
	check "malformed ($what): exit 2 and '$want'" "rc=$rc $(tr '\n' '|' <"$T/bad.out")" \
		"$rc" -eq 2 -a "$(grep -cF -- "$want" "$T/bad.out")" -ge 1
}
malformed "no problem.yaml" "problem aplusb: problem.yaml is missing" 'rm problem.yaml'
malformed "YAML syntax error" "problem.yaml is not valid YAML: " 'printf "name: [unclosed\n" > problem.yaml'
malformed ".in without .ans" "data/secret/05.in has no 05.ans beside it" 'rm data/secret/05.ans'
malformed "no secret data" "data/secret is missing" 'rm -r data/secret'
malformed "empty secret data" "data/secret has no test cases" 'rm data/secret/*'
malformed "bad time limit" "limits.time_limit must be a positive number" 'sed -i "s/time_limit: 1.0/time_limit: fast/" problem.yaml'
malformed "bad memory limit" "limits.memory must be a positive whole number" 'sed -i "s/memory: 64/memory: -3/" problem.yaml'
malformed "conflicting .timelimit" "conflicting time limits: .timelimit says 3 s" 'echo 3 > .timelimit'
malformed "unknown format version" "problem_format_version '2031-01' is not supported" \
	'sed -i "s/2025-09/2031-01/" problem.yaml'
malformed "custom validation without a validator" "asks for a custom validator, but there is no output_validators/ directory" 'sed -i "s/problem_format_version: 2025-09/validation: custom/" problem.yaml'
malformed "bad validator flag" "data/secret: unknown validator flag 'float_tolernce'" \
	'printf "output_validator_args: [float_tolernce, \"1e-6\"]\n" > data/secret/test_group.yaml'
malformed "incompatible types" "type submit-answer cannot be interactive too" 'printf "type: [submit-answer, interactive]\n" >> problem.yaml'
malformed "unknown grader flag" "data/secret/testdata.yaml: grader_flags: unknown flag 'fastest'" \
	'printf "grader_flags: sum fastest\n" > data/secret/testdata.yaml'
malformed "bad score range" "data/secret/testdata.yaml: range must be two numbers" \
	'printf "range: 10 0\n" > data/secret/testdata.yaml'
malformed "bad on_reject" "data/testdata.yaml: on_reject must be break or continue" \
	'printf "on_reject: stop\n" > data/testdata.yaml'

# Custom validators: one that does not compile is refused up front; one
# that exits 0 (neither 42 nor 43) makes every test a judge error, never a
# verdict blamed on the submission.
rm -rf "$T/bad" && mkdir -p "$T/bad" && cp -r "$REPO/problems/factor" "$T/bad/factor"
echo 'int main( {' >"$T/bad/factor/output_validator/validator.cpp"
"$VERDICT" problem verify --work "$T" "$T/bad/factor" >"$T/bad.out" 2>&1
rc=$?
check "a validator that does not compile: exit 2, said so" "rc=$rc $(tr '\n' '|' <"$T/bad.out")" \
	"$rc" -eq 2 -a "$(grep -c 'the output validator does not compile' "$T/bad.out")" -eq 1
printf 'int main(void) { return 0; }\n' >"$T/bad/factor/output_validator/validator.cpp"
"$VERDICT" problem verify --work "$T" "$T/bad/factor" >"$T/bad.out" 2>&1
rc=$?
check "a validator exiting 0: every submission is a judge error" "rc=$rc $(tr '\n' '|' <"$T/bad.out")" \
	"$rc" -eq 1 -a "$(grep -c 'got JE on sample/1 (the output validator exited 0 (42 accepts, 43 rejects))' "$T/bad.out")" -eq 4

mkdir -p "$T/bad name" && cp -r "$REPO/problems/aplusb/." "$T/bad name/"
"$VERDICT" problem verify --work "$T" "$T/bad name" >"$T/bad.out" 2>&1
rc=$?
check "a package directory named 'bad name' is refused" "rc=$rc $(cat "$T/bad.out")" \
	"$rc" -eq 2 -a "$(grep -c "directory name is the problem's name" "$T/bad.out")" -eq 1
"$VERDICT" problem verify --work "$T" "$T/nonexistent" >"$T/bad.out" 2>&1
rc=$?
check "a missing package: exit 2 with the path" "rc=$rc $(cat "$T/bad.out")" \
	"$rc" -eq 2 -a "$(grep -c "nonexistent: No such file" "$T/bad.out")" -eq 1
no_leftovers "no cgroups left after verifying"
check "no build or run directories left in the work dir" "$(ls "$T" | grep -E '^(build|run)-' | head -3)" \
	-z "$(ls "$T" | grep -E '^(build|run)-')"
finish
