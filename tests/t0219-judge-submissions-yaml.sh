#!/bin/bash
# timeout: 600
# submissions/submissions.yaml's keys as `problem verify` applies them, on
# a scoring package of our own (aplusb's data in two groups): a group's
# score, permitted/required under test globs, language, entrypoint (a
# submission of several files), use_for_time_limit false/lower/upper and
# the time limit it derives; violated expectations (exit 1, naming the
# submission, the rule and what happened) and malformed files (exit 2).
. "$(dirname "$0")/lib.sh"

A="$REPO/problems/aplusb"
P="$T/sy/aplusb"

# verify and has: tests/lib.sh.
rules() {
	printf '%b' "$1" >"$P/submissions/submissions.yaml"
	verify "$P"
}

# The package: secret/g1 (01, 40 points) and secret/g2 (02 and 03, 60).
mkdir -p "$P/data/sample" "$P/data/secret/g1" "$P/data/secret/g2" "$P/submissions/accepted/multi" \
	"$P/submissions/partially_accepted" "$P/submissions/time_limit_exceeded"
printf 'problem_format_version: 2025-09\ntype: scoring\nname: Y\nlimits:\n  time_limit: 1\n' >"$P/problem.yaml"
cp "$A"/data/sample/1.* "$P/data/sample/"
cp "$A"/data/secret/01.* "$P/data/secret/g1/"
cp "$A"/data/secret/0[23].* "$P/data/secret/g2/"
printf 'max_score: 40\n' >"$P/data/secret/g1/test_group.yaml"
printf 'max_score: 60\n' >"$P/data/secret/g2/test_group.yaml"
cp "$A/submissions/accepted/aplusb.c" "$P/submissions/accepted/"
# Wrong on 02 only: g1's 40 points.
printf '#include <stdio.h>\nint main(void){long long a,b;scanf("%%lld %%lld",&a,&b);printf("%%lld\\n",a==%s?a+b+1:a+b);}\n' \
	"$(cut -d' ' -f1 "$A/data/secret/02.in")" >"$P/submissions/partially_accepted/fails02.c"
# Several files: solve.py (the entry) uses helper.py; main.py, which the
# default would run, answers wrong.
printf 'from helper import add\na, b = map(int, input().split())\nprint(add(a, b))\n' >"$P/submissions/accepted/multi/solve.py"
printf 'def add(a, b):\n    return a + b\n' >"$P/submissions/accepted/multi/helper.py"
printf 'print(-1)\n' >"$P/submissions/accepted/multi/main.py"
# No extension says its language.
cp "$A/submissions/accepted/aplusb.py" "$P/submissions/accepted/sol.txt"
# Solves g1 (0 0) at once, spins on everything else.
printf 'a, b = map(int, input().split())\nwhile a or b: pass\nprint(a + b)\n' >"$P/submissions/time_limit_exceeded/only_g1.py"

GOOD='accepted/multi:\n  language: python3\n  entrypoint: solve.py\naccepted/sol.txt:\n  language: python3\n'
GOOD="$GOOD"'partially_accepted/fails02.c:\n  score: 40\n  secret/g1:\n    score: 40\n    permitted: [AC]\n'
GOOD="$GOOD"'  secret/g2:\n    score: 0\n    required: [WA]\ntime_limit_exceeded/only_g1.py:\n  secret/g1:\n    permitted: [AC]\n'
rules "$GOOD"
check "every key met: exit 0" "rc=$RC" "$RC" -eq 0 -a "$(has '5 submissions: 5 as expected, 0 not')" -eq 1
check "language: python3 judges a .txt file as Python 3" "rc=$RC" \
	"$(has 'ok   accepted/sol.txt (Python 3): AC')" -eq 1
check "entrypoint: solve.py runs, not main.py" "rc=$RC" "$(has 'ok   accepted/multi (Python 3): AC')" -eq 1
check "group scores and per-group verdicts met" "rc=$RC" \
	"$(has 'ok   partially_accepted/fails02.c (C): WA on secret/g2/02, score 40 of 100')" -eq 1
check "a TLE submission with permitted: [AC] on g1 is held to the margin there and is accepted on g1" "rc=$RC" \
	"$(has 'ok   time_limit_exceeded/only_g1.py (Python 3): TLE on sample/1')" -eq 1

rules "${GOOD/score: 0/score: [10, 60]}"
check "a group's score out of range: exit 1, naming submission, rule and score" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "FAIL partially_accepted/fails02.c (C): got WA on secret/g2/02 (")" -eq 1 -a \
	"$(has "secret/g2: group secret/g2 scored 0, not in [10, 60] (rule 'partially_accepted/fails02.c')")" -eq 1
rules "${GOOD/  entrypoint: solve.py\\n/}"
check "without the entrypoint main.py runs and is wrong" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "FAIL accepted/multi (Python 3): got WA on sample/1")" -eq 1
rules "${GOOD/entrypoint: solve.py/entrypoint: nope.py}"
check "an entrypoint naming no source: the submission fails with why" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "FAIL accepted/multi (Python 3): the judge could not judge it: the entry point 'nope.py' is none of the Python 3 sources")" -eq 1
rules "${GOOD/accepted\/sol.txt:\\n  language: python3\\n/}"
check "without language a .txt file is skipped" "rc=$RC" \
	"$(has "skip accepted/sol.txt: no language has this file's extension")" -eq 1
rules "${GOOD/language: python3/language: python9}"
check "an unknown language id: exit 2, with the ids there are" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "submissions.yaml: accepted/multi: language 'python9' is not one this judge has (c, ")" -eq 1
rules "$GOOD"'accepted/aplusb.c:\n  use_for_time_limit: upper\n'
check "use_for_time_limit: upper on a fast submission: it must be too slow" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "no test was too slow (use_for_time_limit: upper) (rule 'accepted/aplusb.c')")" -eq 1
rules "$GOOD"'accepted:\n  use_for_time_limit: lower\n  required: [TLE]\n'
check "use_for_time_limit: lower with required: [TLE] is inconsistent: exit 2" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "submissions.yaml: accepted: no verdict is both permitted and required (use_for_time_limit: lower forbids TLE)")" -eq 1
rules "$GOOD"'accepted:\n  use_for_time_limt: false\n'
check "a misspelt key: exit 2, named" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "submissions.yaml: accepted: unknown key 'use_for_time_limt'")" -eq 1
rules 'accepted:\n  permitted: [AC\n'
check "malformed YAML: exit 2, naming the file" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "submissions/submissions.yaml:")" -eq 1

# use_for_time_limit and the derived limit (no time_limit given).
P="$T/derive/aplusb"
mkdir -p "$P/data/sample" "$P/data/secret" "$P/submissions/accepted" "$P/submissions/brute_force" "$P/submissions/time_limit_exceeded"
printf 'problem_format_version: 2025-09\nname: D\n' >"$P/problem.yaml"
cp "$A"/data/sample/1.* "$P/data/sample/"
cp "$A"/data/secret/0[12].* "$P/data/secret/"
cp "$A/submissions/accepted/aplusb.c" "$P/submissions/accepted/"
printf 'import time\nt = time.process_time()\nwhile time.process_time() - t < 0.6: pass\na, b = map(int, input().split())\nprint(a + b)\n' \
	>"$P/submissions/brute_force/slowish.py"
rules 'brute_force/slowish.py:\n  use_for_time_limit: lower\n'
check "use_for_time_limit: lower puts a brute_force submission into the derived limit" "rc=$RC" \
	"$RC" -eq 1 -a "$(grep -cE '^time limit 2 s \(derived: 0\.[6-9][0-9]* s \(brute_force/slowish.py\) x 2\)$' "$T/v.out")" -eq 1 -a \
	"$(has "FAIL brute_force/slowish.py (Python 3): got AC")" -eq 1
"$VERDICT" problem add --db "$T/v.db" "$P" >"$T/add.out" 2>&1
check "problem add derives the same limit from it" "$(cat "$T/add.out")" \
	"$(grep -cE 'time limit 2 s \(derived: 0\.[6-9][0-9]* s \(brute_force/slowish.py\) x 2\)' "$T/add.out")" -eq 1
# Bounds from both sides: judged after the limit is derived, with its margin.
printf 'a, b = map(int, input().split())\nwhile a or b: pass\nprint(a + b)\n' >"$P/submissions/time_limit_exceeded/only01.py"
rules 'brute_force/slowish.py:\n  use_for_time_limit: lower\ntime_limit_exceeded/only01.py:\n  secret/01:\n    permitted: [AC]\n'
check "a TLE submission that bounds the limit from below on one test runs at the derived limit's margin" "rc=$RC" \
	"$(has 'ok   time_limit_exceeded/only01.py (Python 3): TLE on sample/1')" -eq 1 -a \
	"$(grep -cE '^ok   time_limit_exceeded/only01.py .*limit 3 s = 2 s x 1.5\)$' "$T/v.out")" -eq 1
rm "$P/submissions/time_limit_exceeded/only01.py"
rules 'accepted:\n  use_for_time_limit: false\n'
check "every lower bound opted out: verify says a limit cannot be derived" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "FAIL time limit: none given, and no submission that bounds it from below (accepted/, or as use_for_time_limit says) ran to derive one from")" -eq 1
printf 'problem_format_version: 2025-09\nname: D\nlimits:\n  time_limit: 1\n' >"$P/problem.yaml"
rm "$P/submissions/brute_force/slowish.py"
rules 'accepted:\n  use_for_time_limit: false\n'
check "a given limit, but no submission bounds it from below: exit 1" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "FAIL time limit: no submission bounds it from below")" -eq 1

no_leftovers "no cgroups left"
finish
