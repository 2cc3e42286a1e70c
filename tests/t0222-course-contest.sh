#!/bin/bash
# A contest is an assignment with a scoreboard: ICPC standings from the
# contest's submissions (solved, penalty with 20 minutes per rejected
# attempt, first to solve marked), the public board frozen while the staff
# board is live, unfrozen on request; an IOI board sums each problem's best
# points; an assignment that is not a contest has no board.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
sql() { sqlite3 "$VERDICT_DB" "$1"; }
v() { "$VERDICT" "$@"; }
cd "$T" || exit 1
NOW=$(date +%s)
at() { TZ=UTC date -d "@$((NOW + $1))" '+%Y-%m-%d %H:%M'; }
A="$REPO/problems/aplusb/submissions"
G="$REPO/problems/groupsum/submissions"

v problem add "$REPO/problems/aplusb" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v problem add "$REPO/problems/groupsum" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v course add camp --title 'Training camp' >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
printf 'alice,Alice\nbob,Bob\ncarol,Carol\n' >roster.csv
v course enrol camp roster.csv >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
# Open for an hour already, an hour to go, frozen for the last 90 minutes:
# every submission made now is behind the freeze.
v assignment add camp icpc --title ICPC --opens "$(at -3600)" --due "$(at 3600)" --contest icpc --freeze 90 \
	--problem aplusb --problem groupsum >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v assignment add camp ioi --title IOI --opens "$(at -3600)" --due "$(at 3600)" --contest ioi \
	--problem aplusb:50 --problem groupsum >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v assignment add camp hw --title HW --opens "$(at -3600)" --due "$(at 3600)" --problem aplusb >"$T/out" 2>&1 ||
	echo "# $(cat "$T/out")"
submit() { v submit --user "$1" --problem "$2" --assignment "camp/$3" "$4" >/dev/null 2>"$T/err" || echo "# submit $*: $(cat "$T/err")"; }
submit alice aplusb icpc "$A/accepted/aplusb.c"
submit bob aplusb icpc "$A/wrong_answer/int32.c"
submit bob aplusb icpc "$A/accepted/aplusb.c"
submit carol aplusb icpc "$A/wrong_answer/int32.c"
submit alice groupsum ioi "$G/wrong_answer/sixty_points.c"
# Right only on large inputs: subtask 3-large (40 points) alone. With
# the 60 above, alice has every subtask's best: 100.
cat >large_only.c <<'EOF2'
#include <stdio.h>
int main(void){long long n,x,s=0;if(scanf("%lld",&n)!=1)return 1;for(long long i=0;i<n&&scanf("%lld",&x)==1;i++)s+=x;printf("%lld\n",n>1000?s:s+1);return 0;}
EOF2
submit alice groupsum ioi large_only.c
submit carol groupsum ioi large_only.c
submit alice aplusb ioi "$A/accepted/aplusb.c"
submit bob groupsum ioi "$G/accepted/sum.c"
v judge --once --workers 2 >"$T/out" 2>&1 || echo "# $(cat "$T/out")"

v scoreboard camp/icpc >board 2>&1
rc=$?
sed 's/^/# /' board
row() { awk -v u="$1" '$2 == u' board; }
check "scoreboard prints the staff's live board" "rc=$rc" "$rc" -eq 0 -a "$(grep -c "the staff's live board" board)" -eq 1
check "the first AC ranks first, marked first to solve" "$(row alice)" "$(row alice | awk '{ print $1, $3 }')" = "1 1" \
	-a "$(row alice | grep -c '+ ([0-9]*)\*')" -eq 1
alice_pen=$(row alice | awk '{ print $4 }')
bob_pen=$(row bob | awk '{ print $4 }')
check "a rejected attempt costs 20 minutes" "alice $alice_pen bob $bob_pen" \
	"$(row bob | awk '{ print $1, $3 }')" = "2 1" -a $((bob_pen - alice_pen)) -ge 20 -a $((bob_pen - alice_pen)) -le 21 \
	-a "$(row bob | grep -c '+1 ([0-9]*)')" -eq 1
check "an unsolved problem shows its rejected attempts" "$(row carol)" \
	"$(row carol | awk '{ print $1, $3, $5 }')" = "3 0 -1"

v scoreboard camp/icpc --public >board 2>&1
sed 's/^/# /' board
check "the public board is frozen: what came after the freeze is pending" "$(cat board)" \
	"$(grep -c 'the public board, frozen' board)" -eq 1 -a "$(row alice | awk '{ print $3, $5 }')" = "0 ?1" \
	-a "$(row bob | awk '{ print $3, $5 }')" = "0 ?2"
v assignment set camp icpc --unfreeze >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v scoreboard camp/icpc --public >board 2>&1
check "once unfrozen the public board is live" "$(cat board)" \
	"$(grep -c 'frozen' board)" -eq 0 -a "$(row alice | awk '{ print $1, $3 }')" = "1 1"

v scoreboard ioi --course camp >board 2>&1
rc=$?
sed 's/^/# /' board
check "an IOI board sums each subtask's best: 60 and 40 from two submissions are groupsum's 100 (and aplusb's 50)" "rc=$rc $(cat board)" \
	"$(row alice | awk '{ print $1, $3, $4, $5 }')" = "1 150.00 50.00 100.00" \
	-a "$(row bob | awk '{ print $1, $3 }')" = "2 100.00" -a "$(row carol | awk '{ print $1, $3, $5 }')" = "3 40.00 40.00"
check "a judging keeps its subtasks' scores" "$(sql "SELECT name, score, max_score FROM judging_subtasks ORDER BY judging_id DESC, subtask_index LIMIT 3" | tr '\n' ' ')" \
	"$(sql "SELECT group_concat(name || ':' || score || '/' || max_score, ' ') FROM (SELECT * FROM judging_subtasks t JOIN judgings j ON j.id = t.judging_id JOIN submissions s ON s.id = j.submission_id JOIN users u ON u.id = s.user_id WHERE u.name = 'bob' AND s.problem_id = (SELECT id FROM problems WHERE short_name = 'groupsum') ORDER BY subtask_index)")" = \
	"secret/1-small:30.0/30.0 secret/2-medium:30.0/30.0 secret/3-large:40.0/40.0"
id=$(sql "select max(s.id) from submissions s join users u on u.id = s.user_id where u.name = 'carol'")
v result "$id" >"$T/out" 2>&1
check "verdict result lists the subtasks' scores" "$(cat "$T/out")" \
	"$(grep -c 'subtask secret/3-large *40 of 40' "$T/out")" -eq 1 -a "$(grep -c 'subtask secret/1-small *0 of 30' "$T/out")" -eq 1
v result "$id" --json >"$T/out" 2>&1
check "and in its JSON" "$(cat "$T/out")" "$(grep -c '"subtasks":\[{"name":"secret/1-small","score":0,"max_score":30}' "$T/out")" -eq 1
v scoreboard camp/hw >"$T/out" 2>&1
rc=$?
check "an assignment that is not a contest has no scoreboard" "rc=$rc $(cat "$T/out")" "$rc" -eq 1 -a "$(grep -c 'not a contest' "$T/out")" -eq 1
finish
