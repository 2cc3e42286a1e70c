#!/bin/bash
# timeout: 300
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

no_leftovers "no cgroups left"
finish
