#!/bin/bash
# timeout: 600
# Scores from validators and the rules around them, as `problem verify`
# applies them: score.txt (2025-09 max_score defaults and unbounded groups,
# legacy 'validation: custom score'), the legacy default grader's flags and
# on_reject, hostile score.txt files (huge, not a number, negative, NaN, a
# link, a FIFO), custom validators' own flags, Python validators, build/run
# scripts (built in the sandbox; one that escapes or never ends is refused),
# and time limits derived from the accepted submissions.
. "$(dirname "$0")/lib.sh"

A="$REPO/problems/aplusb"

# pkg DIR YAML: a package with aplusb's data (one sample, three secret
# tests) and its C solution in accepted/, problem.yaml as given.
pkg() {
	rm -rf "$1"
	mkdir -p "$1/data/sample" "$1/data/secret" "$1/submissions/accepted"
	cp "$A"/data/sample/1.* "$1/data/sample/"
	cp "$A"/data/secret/0[123].* "$1/data/secret/"
	cp "$A/submissions/accepted/aplusb.c" "$1/submissions/accepted/"
	printf '%b' "$2" >"$1/problem.yaml"
}

# validator DIR BODY: a Python output validator whose main part is BODY
# (feedback directory in fb; it accepts with exit 42 unless BODY exits).
validator() {
	mkdir -p "$1"
	printf 'import os, sys\nfb = sys.argv[3]\n%b\nsys.exit(42)\n' "$2" >"$1/validator.py"
}

# ---- 2025-09: score.txt, max_score defaults, unbounded ----
P="$T/s25/sc"
pkg "$P" 'problem_format_version: 2025-09\ntype: scoring\nname: S\nlimits:\n  time_limit: 1\n'
validator "$P/output_validator" 'open(fb + "score.txt", "w").write(repr(100 / 3 * 0.5))'
verify "$P"
check "2025-09: score.txt halves every secret test: 50 of the default 100" "rc=$RC" \
	"$(has 'FAIL accepted/aplusb.c (C): got AC, score 50 of 100')" -eq 1
mkdir -p "$P/submissions/partially_accepted" && mv "$P"/submissions/accepted/aplusb.c "$P/submissions/partially_accepted/"
cp "$A/submissions/accepted/aplusb.py" "$P/submissions/accepted/"
validator "$P/output_validator" 'pass'
verify "$P"
check "2025-09: no score.txt: each test earns its share of secret's 100" "rc=$RC" \
	"$(has 'ok   accepted/aplusb.py (Python 3): AC, score 100 of 100')" -eq 1
check "partially_accepted/ needs less than the best score" "rc=$RC" \
	"$RC" -eq 1 -a "$(has 'FAIL partially_accepted/aplusb.c (C): got AC, score 100 of 100')" -eq 1
rm -r "$P/submissions/partially_accepted"

mkdir -p "$P/data/secret/g1" "$P/data/secret/g2"
mv "$P"/data/secret/01.* "$P/data/secret/g1/" && mv "$P"/data/secret/0[23].* "$P/data/secret/g2/"
verify "$P"
check "2025-09: groups relying on the default max_score under a bounded secret are refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "data/secret/g1: secret's max_score is 100, so each group needs its own max_score")" -eq 1
printf 'max_score: unbounded\n' >"$P/data/secret/test_group.yaml"
printf 'score_aggregation: sum\n' >"$P/data/secret/g1/test_group.yaml"
printf 'score_aggregation: min\n' >"$P/data/secret/g2/test_group.yaml"
validator "$P/output_validator" 'open(fb + "score.txt", "w").write("7")'
verify "$P"
check "2025-09: unbounded secret and groups: sum 7 + min 7 = 14" "rc=$RC" \
	"$RC" -eq 0 -a "$(has 'ok   accepted/aplusb.py (Python 3): AC, score 14 of inf')" -eq 1
validator "$P/output_validator" 'pass'
verify "$P"
check "2025-09: an unbounded group's test accepted without score.txt is a judge error" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "the group's max_score is unbounded, but the output validator accepted without writing score.txt")" -ge 1
printf 'max_score: 30\n' >"$P/data/secret/g1/test_group.yaml"
printf 'max_score: 70\n' >"$P/data/secret/g2/test_group.yaml"
rm "$P/data/secret/test_group.yaml"
validator "$P/output_validator" 'open(fb + "score.txt", "w").write("31")'
verify "$P"
check "2025-09: a score above the test's maximum is a judge error" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "a score in a pass-fail group")" -ge 1
printf 'max_score: 30\nscore_aggregation: min\n' >"$P/data/secret/g1/test_group.yaml"
printf 'max_score: 70\nscore_aggregation: min\n' >"$P/data/secret/g2/test_group.yaml"
verify "$P"
check "2025-09: a score above the test's maximum is a judge error" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "score.txt says 31, above the test's maximum 30")" -ge 1
validator "$P/output_validator" 'open(fb + "score.txt", "w").write("12")'
verify "$P"
check "2025-09: min groups with bounded maxima: 12 + 12 of 100" "rc=$RC" \
	"$(has 'FAIL accepted/aplusb.py (Python 3): got AC, score 24 of 100')" -eq 1
validator "$P/output_validator" 'open(fb + "score_multiplier.txt", "w").write("0.5")'
verify "$P"
check "2025-09: score_multiplier.txt: half of each group's 30 and 70" "rc=$RC" \
	"$(has 'FAIL accepted/aplusb.py (Python 3): got AC, score 50 of 100')" -eq 1

# ---- hostile score.txt: each a judge error with a reason, nothing read ----
P="$T/hostile/sc"
pkg "$P" 'problem_format_version: 2025-09\ntype: scoring\nname: S\nlimits:\n  time_limit: 1\n'
hostile() {
	local what=$1 body=$2 want=$3
	validator "$P/output_validator" "$body"
	verify "$P"
	check "hostile score.txt ($what): JE, '$want'" "rc=$RC" \
		"$RC" -eq 1 -a "$(has "got JE on sample/1 ($want")" -eq 1
}
hostile "10 MB" 'open(fb + "score.txt", "w").write("1" * 10000000)' \
	"the output validator's score.txt is longer than 128 bytes"
hostile "not a number" 'open(fb + "score.txt", "w").write("lots")' \
	"the output validator's score.txt must hold one non-negative number, not 'lots'"
hostile "negative" 'open(fb + "score.txt", "w").write("-3")' "the output validator's score.txt must hold one"
hostile "NaN" 'open(fb + "score.txt", "w").write("nan")' "the output validator's score.txt must hold one"
hostile "infinite" 'open(fb + "score.txt", "w").write("inf")' "the output validator's score.txt must hold one"
hostile "two numbers" 'open(fb + "score.txt", "w").write("1 2")' "the output validator's score.txt must hold one"
hostile "a NUL byte" 'open(fb + "score.txt", "w").write("1\\0 junk")' "the output validator's score.txt holds a NUL byte"
hostile "a link to /etc/shadow" 'os.symlink("/etc/shadow", fb + "score.txt")' \
	"the output validator's score.txt is not a regular file"
hostile "a FIFO" 'os.mkfifo(fb + "score.txt")' "the output validator's score.txt is not a regular file"
hostile "score_multiplier.txt above 1" 'open(fb + "score_multiplier.txt", "w").write("1.5")' \
	"the output validator's score_multiplier.txt says 1.5, above 1"
hostile "both files" 'open(fb + "score_multiplier.txt", "w").write("1"); open(fb + "score.txt", "w").write("1")' \
	"the output validator wrote both score.txt and score_multiplier.txt"
hostile "on a rejection" 'open(fb + "score.txt", "w").write("1"); sys.exit(43)' \
	"the output validator rejected the output but wrote a score"
sed -i '/^type: scoring/d' "$P/problem.yaml"
hostile "in a pass-fail problem" 'open(fb + "score.txt", "w").write("1")' \
	"the output validator wrote a score (score.txt or score_multiplier.txt), but the problem is not of type scoring"
no_leftovers "no boxes left after the hostile validators"

# ---- legacy: validation: custom score, the default grader, on_reject ----
P="$T/legacy/sc"
pkg "$P" 'type: scoring\nvalidation: custom score\nname: L\nlimits:\n  time_limit: 1\n'
validator "$P/output_validators" 'open(fb + "score.txt", "w").write("2.5")'
printf 'grader_flags: ignore_sample\nrange: 0 7.5\n' >"$P/data/testdata.yaml"
verify "$P"
check "legacy: ignore_sample without on_reject: continue is refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has 'grader_flags ignore_sample needs on_reject: continue')" -eq 1
printf 'grader_flags: ignore_sample\non_reject: continue\nrange: 0 7.5\n' >"$P/data/testdata.yaml"
verify "$P"
check "legacy: ignore_sample inherited by a group is refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has 'data/sample: grader_flags ignore_sample (its own or inherited from data/) is only allowed at the root')" -eq 1
printf 'grader_flags: sum\n' | tee "$P/data/sample/testdata.yaml" >"$P/data/secret/testdata.yaml"
verify "$P"
check "legacy: custom score, ignore_sample: the secret tests' sum, 7.5 of the range's 7.5" "rc=$RC" \
	"$RC" -eq 0 -a "$(has 'ok   accepted/aplusb.c (C): AC, score 7.5 of 7.5')" -eq 1
validator "$P/output_validators" 'pass'
verify "$P"
check "legacy: custom score without score.txt is a judge error" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "'validation: custom score', but the output validator accepted without writing score.txt")" -eq 1
# Grader flags on secret, over a submission that fails test 02 only.
printf '#include <stdio.h>\nint main(void){long long a,b;scanf("%%lld %%lld",&a,&b);printf("%%lld\\n",a==%s?a+b+1:a+b);}\n' \
	"$(cut -d' ' -f1 "$A/data/secret/02.in")" >"$T/fails02.c"
mkdir -p "$P/submissions/wrong_answer" && cp "$T/fails02.c" "$P/submissions/wrong_answer/"
sed -i 's/validation: custom score/validation: default/' "$P/problem.yaml"
rm -r "$P/output_validators"
grader() {
	local flags=$1 onreject=$2 verdict=$3 score=$4
	printf 'grader_flags: %s\non_reject: %s\naccept_score: 4\nreject_score: 1\n' "$flags" "$onreject" \
		>"$P/data/secret/testdata.yaml"
	verify "$P"
	check "legacy grader: '$flags', on_reject: $onreject -> $verdict, score $score" "$(grep wrong_answer "$T/v.out")" \
		"$(grep -cE "fails02\.c \(C\): (got )?$verdict on secret/02.*, score $score of" "$T/v.out")" -eq 1
}
printf 'grader_flags: ignore_sample\non_reject: continue\n' >"$P/data/testdata.yaml"
grader "sum" continue WA 0                           # a rejection scores nothing
grader "accept_if_any_accepted sum" continue AC 9    # 4 + 1 + 4
grader "accept_if_any_accepted sum" break AC 5       # 4 + 1, then break
grader "accept_if_any_accepted min" continue AC 1
grader "accept_if_any_accepted max" continue AC 4
grader "accept_if_any_accepted avg" continue AC 3
grader "always_accept sum" continue AC 9
# problem.yaml's older grading keys win over every group's (as problemtools reads them).
printf 'grading:\n  on_reject: grade\n  accept_score: 2\n' >>"$P/problem.yaml"
grader "accept_if_any_accepted sum" break AC 5       # continue: 2 + 1 + 2
sed -i '/^grading:/,$d' "$P/problem.yaml"
check "legacy grader: the accepted submission scores the best, 6 of 6 (accept_score 2)" "" \
	"$(has 'ok   accepted/aplusb.c (C): AC, score 6 of 6')" -eq 1

# ---- custom validators take their own flags ----
P="$T/flags/aplusb"
pkg "$P" 'validation: custom\nvalidator_flags: --mode strict\nname: F\nlimits:\n  time_limit: 1\n'
validator "$P/output_validators" 'sys.exit(42 if sys.argv[4:] == ["--mode", "strict", "extra"] else 43)'
printf 'output_validator_flags: extra\n' >"$P/data/secret/testdata.yaml"
printf 'output_validator_flags: extra\n' >"$P/data/sample/testdata.yaml"
verify "$P"
check "a custom validator gets validator_flags and the group's flags as arguments" "rc=$RC" \
	"$RC" -eq 0 -a "$(has 'ok   accepted/aplusb.c (C): AC')" -eq 1

# ---- several legacy validators: every one must accept ----
P="$T/several/aplusb"
pkg "$P" 'validation: custom\nname: V\nlimits:\n  time_limit: 1\n'
validator "$P/output_validators/a_any" 'pass'
validator "$P/output_validators/b_exact" 'if sys.stdin.read().split() != open(sys.argv[2]).read().split():\n    open(fb + "judgemessage.txt", "w").write("b_exact says no")\n    sys.exit(43)'
mkdir -p "$P/submissions/wrong_answer" && cp "$T/fails02.c" "$P/submissions/wrong_answer/"
verify "$P"
check "several legacy validators: all accept the right answer, the second rejects the wrong one" "rc=$RC" \
	"$RC" -eq 0 -a "$(has 'ok   accepted/aplusb.c (C): AC')" -eq 1 -a \
	"$(has 'ok   wrong_answer/fails02.c (C): WA on secret/02')" -eq 1
touch "$P/output_validators/loose.py"
verify "$P"
check "several legacy validators beside a loose file: refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has 'output_validators/ holds both files and directories')" -eq 1
rm "$P/output_validators/loose.py"
use_state
out=$("$VERDICT" problem add "$P" 2>&1)
check "several legacy validators are built at import, each kept" "$out" \
	"$(find "$S" -path '*/validator/next/src/validator.py' | wc -l)" -eq 1

# ---- Python validators: checked without writing, errors named truly ----
P="$T/flags/aplusb"
printf 'def broken(:\n' >"$P/output_validators/validator.py"
verify "$P"
check "a Python validator with a syntax error: said so" "rc=$RC" \
	"$RC" -eq 2 -a "$(has 'the output validator has a syntax error')" -eq 1

# ---- build/run scripts, built and run in the sandbox ----
P="$T/scripts/aplusb"
pkg "$P" 'validation: custom\nname: B\nlimits:\n  time_limit: 1\n  compilation_time: 2\n'
mkdir -p "$P/output_validators/v"
printf 'int main(void) { return 42; }\n' >"$P/output_validators/v/accept.c"
cat >"$P/output_validators/v/build" <<'EOF'
#!/bin/sh
cc -o accept accept.c
printf '#!/bin/sh\nexec ./accept "$@"\n' > run
EOF
verify "$P"
check "a validator built by its build script, run by its run script" "rc=$RC" \
	"$RC" -eq 0 -a "$(has 'ok   accepted/aplusb.c (C): AC')" -eq 1
printf '#!/bin/sh\nln -s /etc/shadow run\necho owned > /tmp/verdict-escaped-%s 2>/dev/null\n' "$$" >"$P/output_validators/v/build"
verify "$P"
check "a build script leaving run as a link: refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has 'its run is not a regular file')" -eq 1
check "a build script cannot write the host's /tmp" "" ! -e "/tmp/verdict-escaped-$$"
printf '#!/bin/sh\nwhile :; do :; done\n' >"$P/output_validators/v/build"
verify "$P"
check "a build script that never ends: stopped at compilation_time, refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "the output validator's build script failed")" -eq 1 -a "$(has 'Compilation took too long')" -eq 1

# ---- time limits derived from the accepted submissions ----
P="$T/derive/aplusb"
pkg "$P" 'name: D\nlimits:\n  time_multiplier: 3\n  time_safety_margin: 2\n'
mkdir -p "$P/submissions/time_limit_exceeded"
printf 'int main(void) { for (volatile unsigned long i = 0;; i++); }\n' >"$P/submissions/time_limit_exceeded/spin.c"
verify "$P"
check "legacy, no time limit: derived from the slowest accepted run, times time_multiplier" "rc=$RC" \
	"$RC" -eq 0 -a "$(grep -cE '^time limit 1 s \(derived: [0-9.]+ s \(accepted/aplusb.c\) x 3\)$' "$T/v.out")" -eq 1
check "a TLE submission is held to the limit times time_safety_margin" "" \
	"$(grep '^ok   time_limit_exceeded/spin.c (C): TLE on sample/1' "$T/v.out" | grep -c 'limit 2 s = 1 s x 2)')" -eq 1
out=$("$VERDICT" problem add "$P" 2>&1)
check "import derives the limit too, and says how" "$out" \
	"$(printf '%s' "$out" | grep -cE 'time limit 1 s \(derived: [0-9.]+ s \(accepted/aplusb.c\) x 3\)')" -eq 1
check "the derivation is stored with the version" "" \
	"$(sql "SELECT time_limit_from FROM problem_versions WHERE problem_id = (SELECT id FROM problems WHERE short_name = 'aplusb')" | grep -c '^derived: .* x 3$')" -eq 1
cp "$T/fails02.c" "$P/submissions/accepted/"
verify "$P"
check "no time limit and an accepted submission that is not: the limit cannot be derived" "rc=$RC" \
	"$RC" -eq 1 -a "$(has 'FAIL time limit: none given, and no accepted submission')" -eq 0 -a \
	"$(has 'FAIL accepted/fails02.c (C): got WA')" -eq 1
P="$T/tight/aplusb"
pkg "$P" 'problem_format_version: 2025-09\nname: Z\nlimits:\n  time_limit: 1\n  time_multipliers:\n    ac_to_time_limit: 1000\n'
cp "$A/submissions/accepted/aplusb.py" "$P/submissions/accepted/"
verify "$P"
check "2025-09: a given limit tighter than the slowest accepted run times ac_to_time_limit fails" "rc=$RC" \
	"$RC" -eq 1 -a "$(grep -cE '^FAIL time limit 1 s \(problem.yaml limits.time_limit\) is tighter than accepted/aplusb.py.s [0-9.]+ s x 1000$' "$T/v.out")" -eq 1

# ---- submissions.yaml (2025-09): rules test by test ----
P="$T/subyaml/aplusb"
pkg "$P" 'problem_format_version: 2025-09\nname: Y\nlimits:\n  time_limit: 1\n'
mkdir -p "$P/submissions/wrong_answer" && cp "$T/fails02.c" "$P/submissions/wrong_answer/"
rules() {
	printf '%b' "$1" >"$P/submissions/submissions.yaml"
	verify "$P"
}
rules 'wrong_answer/fails02.c:\n  secret/01:\n    permitted: [AC]\n  secret/02:\n    required: [WA]\n'
check "submissions.yaml: per-group rules met, every test judged" "rc=$RC" \
	"$RC" -eq 0 -a "$(has 'ok   wrong_answer/fails02.c (C): WA on secret/02 (4 of 4 tests run')" -eq 1
rules 'wrong_answer/fails02.c:\n  secret/03:\n    required: [WA]\n'
check "submissions.yaml: a required verdict missing in a group is named" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "secret/03: no test got a required verdict (rule 'wrong_answer/fails02.c')")" -eq 1
rules 'wrong_answer:\n  permitted: [WA]\n'
check "submissions.yaml: a directory's own permitted replaces its default" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "every test: got AC on sample/1, which is not permitted (rule 'wrong_answer')")" -eq 1
rules 'accepted/aplus{b,c}.c:\n  message: nothing\n'
check "submissions.yaml: braces expand, message is looked for" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "no judge message holds 'nothing' (rule 'accepted/aplus{b,c}.c')")" -eq 1
rules 'accepted:\n  score: [5, 6]\n'
check "submissions.yaml: a score on a pass-fail problem is refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "submissions.yaml: accepted: score is only for scoring problems")" -eq 1
rules 'accepted:\n  permitted: [OK]\n'
check "submissions.yaml: an unknown verdict is refused with the glob" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "submissions.yaml: accepted: permitted must list some of AC, WA, TLE, RTE")" -eq 1
rules 'accepted:\n  secret:\n    bogus: 1\n'
check "submissions.yaml: an unknown key under a test glob is refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "submissions.yaml: accepted: secret: unknown key 'bogus'")" -eq 1

# use_for_time_limit: false opts accepted/'s requirement out of the derived
# limit; aplusb.c's own permitted: [AC] opts it back in (t0219 has the rest).
P="$T/derive25/aplusb"
pkg "$P" 'problem_format_version: 2025-09\nname: E\n'
printf 'import time\nt = time.process_time()\nwhile time.process_time() - t < 0.6: pass\na, b = map(int, input().split())\nprint(a + b)\n' \
	>"$P/submissions/accepted/slow.py"
verify "$P"
check "2025-09, no time limit: the slow accepted run decides, x 2" "rc=$RC" \
	"$(grep -cE '^time limit 2 s \(derived: 0\.[6-9][0-9]* s \(accepted/slow.py\) x 2\)$' "$T/v.out")" -eq 1
printf 'accepted:\n  use_for_time_limit: false\naccepted/aplusb.c:\n  permitted: [AC]\n' >"$P/submissions/submissions.yaml"
verify "$P"
check "use_for_time_limit: false leaves it out" "rc=$RC" \
	"$(grep -cE '^time limit 1 s \(derived: [0-9.]+ s \(accepted/aplusb.c\) x 2\)$' "$T/v.out")" -eq 1

no_leftovers "no cgroups left"
finish
