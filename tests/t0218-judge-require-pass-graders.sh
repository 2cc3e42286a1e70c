#!/bin/bash
# timeout: 600
# 2025-09 require_pass (a group scored only when the groups it names were
# accepted) and legacy custom graders (graders/, testdata.yaml grading:
# custom), as `problem verify` applies them: the example packages with the
# outcomes their submissions declare, require_pass names checked at
# import, and hostile graders (garbage, never exiting, huge output, a
# crash) judged JE.
. "$(dirname "$0")/lib.sh"

# ---- require_pass ----
P="$T/rp/chainsum"
mkdir -p "$T/rp" && cp -r "$REPO/problems/chainsum" "$P"
verify "$P"
check "chainsum verifies: every submission as submissions.yaml declares" "rc=$RC" \
	"$RC" -eq 0 -a "$(has '3 submissions: 3 as expected, 0 not')" -eq 1
check "require_pass: accepted on secret/2-big but not secret/1-edge scores 0, not 80" "rc=$RC" \
	"$(has 'ok   wrong_answer/no_empty.py (Python 3): WA on secret/1-edge/01, score 0 of 100')" -eq 1
printf 'max_score: 80\n' >"$P/data/secret/2-big/test_group.yaml"
verify "$P"
check "without require_pass the same submission scores 80 (so the rule is what made it 0)" "rc=$RC" \
	"$RC" -eq 1 -a "$(has "score 80 of 100: scored 80, not in [0, 0] (rule 'wrong_answer/no_empty.py')")" -eq 1

# refused NAME YAML FILE MESSAGE: FILE (below data/) set to YAML is refused at
# import with MESSAGE, and the package is not judged.
refused() {
	cp -r "$REPO/problems/chainsum/data" "$T/rp/data.new" && rm -rf "$P/data" && mv "$T/rp/data.new" "$P/data"
	printf '%b' "$2" >"$P/data/$3"
	verify "$P"
	check "require_pass refused: $1" "rc=$RC" "$RC" -eq 2 -a "$(has "$4")" -eq 1 -a "$(has 'ok   ')" -eq 0
}
refused "an unknown group" 'max_score: 80\nrequire_pass: secret/1-egde\n' secret/2-big/test_group.yaml \
	"data/secret/2-big/test_group.yaml: require_pass: 'secret/1-egde' is not sample or a test data group under secret"
refused "a group named without secret/" 'max_score: 80\nrequire_pass: [1-edge]\n' secret/2-big/test_group.yaml \
	"require_pass: '1-edge' is not sample or a test data group under secret (names are paths below data/"
refused "the group itself" 'max_score: 80\nrequire_pass: [secret/2-big]\n' secret/2-big/test_group.yaml \
	"require_pass: 'secret/2-big' is the group itself"
refused "a cycle (1-edge requires 2-big, which requires 1-edge)" 'max_score: 20\nrequire_pass: secret/2-big\n' \
	secret/1-edge/test_group.yaml \
	"data/secret/1-edge/test_group.yaml: require_pass: 'secret/2-big' sorts after it: a group may only require groups before it (so there are no cycles)"
refused "secret requiring a group" 'require_pass: secret/1-edge\n' secret/test_group.yaml \
	"data/secret/test_group.yaml: require_pass: 'secret/1-edge' is not sample, the only group secret may require"
refused "in sample" 'require_pass: secret/1-edge\n' sample/test_group.yaml \
	"data/sample/test_group.yaml: require_pass is only allowed in secret and the groups directly under it"
refused "a required group that sums" 'max_score: 20\nscore_aggregation: sum\n' secret/1-edge/test_group.yaml \
	"require_pass: 'secret/1-edge' does not use pass-fail aggregation, which a required group must"
refused "not a name" 'max_score: 80\nrequire_pass: {a: b}\n' secret/2-big/test_group.yaml \
	"data/secret/2-big/test_group.yaml: require_pass must be a group's name or a list of them"
cp -r "$REPO/problems/chainsum/data" "$T/rp/data.new" && rm -rf "$P/data" && mv "$T/rp/data.new" "$P/data"
sed -i 's/^type: scoring$/type: pass-fail/' "$P/problem.yaml"
rm "$P/submissions/submissions.yaml"
verify "$P"
check "require_pass refused: in a pass-fail problem" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "data/secret/2-big/test_group.yaml: require_pass is only for scoring problems")" -eq 1

# ---- custom graders (legacy graders/, grading: custom) ----
G="$T/gr/halfcredit"
mkdir -p "$T/gr" && cp -r "$REPO/problems/halfcredit" "$G"
verify "$G"
check "halfcredit verifies: AC 80, partially accepted 60, WA 0" "rc=$RC" \
	"$RC" -eq 0 -a "$(has '3 submissions: 3 as expected, 0 not')" -eq 1 -a \
	"$(has 'ok   partially_accepted/zero_start.c (C): AC on secret/g1/3, score 60 of 80')" -eq 1
sed -i 's/^grader_flags: 0.5$/grader_flags: 0.8/' "$G/data/secret/testdata.yaml"
verify "$G"
check "the grader gets grader_flags as arguments: 3 of 4 is short of 0.8, so zero_start.c is WA" "rc=$RC" \
	"$RC" -eq 1 -a "$(has 'FAIL partially_accepted/zero_start.c (C): got WA')" -eq 1
sed -i 's/^grading: custom$/grading: default/; s/^grader_flags: 0.8$//' "$G/data/secret/testdata.yaml"
verify "$G"
check "with the default grader instead, zero_start.c is WA (so the grader is what made it AC 60)" "rc=$RC" \
	"$RC" -eq 1 -a "$(has 'FAIL partially_accepted/zero_start.c (C): got WA')" -eq 1

mkdir -p "$G/data/secret/g1" && printf 'grading: default\n' >"$G/data/secret/g1/testdata.yaml"
printf 'grading: custom\ngrader_flags: 0.5\naccept_score: 10\n' >"$G/data/secret/testdata.yaml"
verify "$G"
check "a custom grader's flags inherited by a group the default grader grades are refused there" "rc=$RC" \
	"$RC" -eq 2 -a "$(has "data/secret/g1/testdata.yaml: grader_flags: unknown flag '0.5'")" -eq 1
rm "$G/data/secret/g1/testdata.yaml"

# Imported: the grader is built once, kept root's beside the version, and
# the judge's worker grades with it.
export VERDICT_DB="$T/db/verdict.db"
mkdir -p "$T/db"
"$VERDICT" user add alice >/dev/null 2>&1
"$VERDICT" problem add "$REPO/problems/halfcredit" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
id=$("$VERDICT" submit --user alice --problem halfcredit "$REPO/problems/halfcredit/submissions/partially_accepted/zero_start.c")
"$VERDICT" judge --once >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
kept="$T/db/verdict.db.data/problems/halfcredit/v1/grader"
check "problem add keeps the built grader root's, and the judge grades with it: AC 60" \
	"$(stat -c %U "$kept" 2>&1); $("$VERDICT" result "$id" 2>&1 | head -2)" \
	"$(stat -c %U "$kept/src/grader.py")" = root -a "$("$VERDICT" result "$id" | grep -c '^state done, verdict AC, score 60$')" -eq 1
unset VERDICT_DB

# hostile GRADER_PY NAME MESSAGE: the grader replaced by GRADER_PY makes the
# accepted submission JE, MESSAGE in what verify prints.
H="$T/gr/hostile/halfcredit"
mkdir -p "$T/gr/hostile" && cp -r "$REPO/problems/halfcredit" "$H"
rm -r "$H/submissions/partially_accepted" "$H/submissions/wrong_answer"
hostile() {
	printf '%b' "$1" >"$H/graders/grader.py"
	local t0=$SECONDS
	verify "$H"
	check "a grader that $2 is JE" "rc=$RC" "$RC" -eq 1 -a "$(has 'FAIL accepted/largest.py (Python 3): got JE')" -eq 1 \
		-a "$(has "$3")" -ge 1 -a $((SECONDS - t0)) -lt 120
}
hostile 'print("hello")\n' "prints garbage" "group secret/g1: the grader's output is not one line 'VERDICT SCORE'"
hostile 'print("AC 5")\nprint("AC 6")\n' "prints two lines" "the grader's output is not one line 'VERDICT SCORE'"
hostile 'print("JE 0")\n' "says JE" "group secret/g1: the grader's verdict is JE"
hostile 'print("AC nan")\n' "prints NaN" "the grader's output is not one line 'VERDICT SCORE'"
hostile 'print("OK 5")\n' "prints an unknown verdict" "the grader's output is not one line 'VERDICT SCORE'"
hostile 'print("AC 5" + " " * 200)\n' "prints a long line" "the grader's output is too long"
hostile 'import sys\nsys.stdout.write("AC 5\\n" * (1 << 25))\n' "writes 160 MB" "the grader failed"
hostile 'while True: pass\n' "never exits" "the grader failed"
hostile 'import sys\nprint("AC 5")\nsys.exit(3)\n' "exits 3" "the grader failed"
hostile 'print("AC 1" if open("/etc/shadow").read() else "x")\n' "reads /etc/shadow (it cannot: the sandbox)" \
	"the grader failed"

printf 'int main(void) { return }\n' >"$H/graders/grader.c" && rm "$H/graders/grader.py"
verify "$H"
check "a grader that does not compile is refused up front" "rc=$RC" \
	"$RC" -eq 2 -a "$(has 'problem halfcredit: the grader does not compile')" -eq 1
mkdir "$H/graders/a" "$H/graders/b"
verify "$H"
check "graders/ with two programs is refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has 'graders/ holds more than one program')" -eq 1
rm -r "$H/graders"
verify "$H"
check "grading: custom without graders/ is refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has 'testdata.yaml says grading: custom, but the package has no grader (graders/)')" -eq 1
mkdir "$H/graders" && cp "$REPO/problems/halfcredit/graders/grader.py" "$H/graders/"
sed -i 's/^type: scoring$/type: pass-fail/' "$H/problem.yaml"
verify "$H"
check "a grader in a pass-fail problem is refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has 'graders/ holds a grader, but the problem is not of type scoring')" -eq 1
printf 'grading: bespoke\n' >"$H/data/secret/testdata.yaml"
sed -i 's/^type: pass-fail$/type: scoring/' "$H/problem.yaml"
verify "$H"
check "grading other than default or custom is refused" "rc=$RC" \
	"$RC" -eq 2 -a "$(has 'data/secret/testdata.yaml: grading must be default or custom')" -eq 1

no_leftovers "no cgroups left"
finish
