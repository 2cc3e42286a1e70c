#!/bin/bash
# verdict submissions: newest first, filtered by user, problem, language and
# verdict, a page at a time; SQL-looking filters are inert; bad filters are
# usage errors.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
A="$REPO/problems/aplusb"
v() { "$VERDICT" "$@"; }

v user add alice >/dev/null 2>&1 && v user add bob >/dev/null 2>&1 || echo "# user add failed"
v problem add "$A" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
ids=()
for s in "alice $A/submissions/accepted/aplusb.c" "bob $A/submissions/wrong_answer/int32.c" \
	"alice $A/submissions/accepted/aplusb.py" "bob $A/submissions/accepted/aplusb.c" "alice $A/submissions/wrong_answer/int32.c"; do
	set -- $s
	ids+=("$(v submit --user "$1" --problem aplusb "$2" 2>"$T/err")") || echo "# submit: $(cat "$T/err")"
done
v judge --once >"$T/out" 2>&1 || echo "# $(cat "$T/out")"

col1() { awk '$1 ~ /^[0-9]+$/ { print $1 }' | tr '\n' ' '; }
got=$(v submissions | col1)
check "all submissions, newest first" "got: $got" "$got" = "${ids[4]} ${ids[3]} ${ids[2]} ${ids[1]} ${ids[0]} "
got=$(v submissions --user bob | col1)
check "one user's" "got: $got" "$got" = "${ids[3]} ${ids[1]} "
got=$(v submissions --lang python3 | col1)
check "one language's" "got: $got" "$got" = "${ids[2]} "
got=$(v submissions --verdict WA | col1)
check "one verdict's" "got: $got" "$got" = "${ids[4]} ${ids[1]} "
got=$(v submissions --user alice --verdict AC --problem aplusb | col1)
check "filters combine" "got: $got" "$got" = "${ids[2]} ${ids[0]} "

v submissions --limit 2 >"$T/page1"
check "a page ends with how to get the next" "$(cat "$T/page1")" "$(grep -c "^(more: --before ${ids[3]})" "$T/page1")" -eq 1
got=$(v submissions --limit 2 --before "${ids[3]}" | col1)
check "the next page follows on" "got: $got" "$got" = "${ids[2]} ${ids[1]} "

v submissions --json --user alice >"$T/json"
n=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(len(a), a[0]["verdict"], a[0]["user"])' "$T/json" 2>&1)
check "--json prints an array of submissions" "got: $n $(cat "$T/json")" "$n" = "3 WA alice"

got=$(v submissions --user "alice' OR '1'='1" 2>&1)
rc=$?
check "an SQL-looking filter is inert" "rc=$rc got: $got" "$rc" -eq 0 -a -z "$got"
v submissions --verdict XYZ >"$T/out" 2>&1
rc=$?
check "an unknown verdict is a usage error" "rc=$rc $(cat "$T/out")" "$rc" -eq 2 -a "$(grep -c 'unknown verdict' "$T/out")" -eq 1
v submissions --limit 0 >"$T/out" 2>&1
rc=$?
check "a bad --limit is a usage error" "rc=$rc $(cat "$T/out")" "$rc" -eq 2
finish
