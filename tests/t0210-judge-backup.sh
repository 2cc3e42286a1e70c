#!/bin/bash
# verdict backup and restore: a consistent copy taken while serve runs
# (database and test data), restored into a new state directory where the
# same people log in and the same problems judge; a restore never lands on
# a state that has a database, nor takes a link for a file. An upgrade of
# the schema copies the database first.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"

v() { "$VERDICT" "$@" --state "$S"; }
A="$REPO/problems/aplusb"
v problem add "$A" >"$T/out" 2>&1 || echo "# $(cat "$T/out")"
v user add ann --password-file "$T/pw" >/dev/null 2>&1
printf 'int main(){long a,b;if(scanf("%%ld %%ld",&a,&b)!=2)return 1;printf("%%ld\\n",a+b);}\n' >"$T/a.c"
sed -i '1i #include <stdio.h>' "$T/a.c"
id1=$(v submit --user ann --problem aplusb "$T/a.c" 2>"$T/err")
start_server --workers 1 >/dev/null || echo "# serve did not start: $(tail -3 "$T/serve.log")"
for _ in $(seq 100); do
	[ "$(sql "select verdict from submissions where id=${id1:-0}")" = AC ] && break
	sleep 0.2
done
check "the first submission was judged AC by the running serve" "" \
	"$(sql "select verdict from submissions where id=${id1:-0}")" = AC

# Taken while serve runs.
"$VERDICT" backup --state "$S" "$T/bk" >"$T/out" 2>&1
rc=$?
check "backup while serve runs exits 0" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
check "the backup is root's alone (0700)" "$(stat -c '%a %U' "$T/bk" 2>&1)" "$(stat -c '%a %u' "$T/bk" 2>/dev/null)" = "700 0"
check "its database is one whole file, 0600, and passes SQLite's check" "$(ls -l "$T/bk" 2>&1 | tr '\n' '|')" \
	"$(stat -c %a "$T/bk/verdict.db" 2>/dev/null)-$(sqlite3 "$T/bk/verdict.db" 'pragma integrity_check' 2>&1)-$(ls "$T/bk" | grep -c wal)" = "600-ok-0"
check "it holds the test data of every version" "" -d "$T/bk/problems/aplusb/v1/aplusb/data/secret"
# Work done after the backup is not in it.
id2=$(v submit --user ann --problem aplusb "$T/a.c" 2>"$T/err")
check "a submission after the backup is not in it" "" \
	"$(sqlite3 "$T/bk/verdict.db" "select count(*) from submissions")" -eq 1
"$VERDICT" backup --state "$S" "$T/bk" >"$T/out" 2>&1
rc=$?
check "backup refuses a directory that exists" "rc=$rc $(cat "$T/out")" "$rc" -ne 0 -a "$(grep -c 'new directory' "$T/out")" -eq 1
stop_server

# Restore into a new state, serve it, log in, judge there.
S2="$T/state2"
"$VERDICT" restore --state "$S2" "$T/bk" >"$T/out" 2>&1
rc=$?
check "restore into a new state directory exits 0" "rc=$rc $(cat "$T/out")" "$rc" -eq 0
"$VERDICT" restore --state "$S2" "$T/bk" >"$T/out" 2>&1
rc=$?
check "restore refuses a state that has a database" "rc=$rc $(cat "$T/out")" \
	"$rc" -ne 0 -a "$(grep -c 'already has a database' "$T/out")" -eq 1
S_OLD=$S
S=$S2
DB="$S/db/verdict.db"
start_server --workers 1 >/dev/null || echo "# serve on the restored state did not start: $(tail -3 "$T/serve.log")"
login ann "$PW" "$T/jar"
check "the restored accounts log in with their passwords" "status $CODE" "$CODE" = 303
http -b "$T/jar" "$B/submissions/${id1:-0}"
check "the restored submission is there with its verdict" "status $CODE" "$CODE" = 200 -a "$(body_has AC)" -ge 1
id3=$("$VERDICT" submit --state "$S" --user ann --problem aplusb "$T/a.c" 2>"$T/err")
for _ in $(seq 150); do
	[ "$(sql "select verdict from submissions where id=${id3:-0}")" = AC ] && break
	sleep 0.2
done
check "the restored test data judges a new submission AC" "$(sql "select verdict, judge_error from submissions where id=${id3:-0}")" \
	"$(sql "select verdict from submissions where id=${id3:-0}")" = AC
stop_server

# A backup whose verdict.db is a link is refused, and nothing is left.
mkdir -p "$T/evil/problems"
ln -s "$S_OLD/db/verdict.db" "$T/evil/verdict.db"
"$VERDICT" restore --state "$T/state3" "$T/evil" >"$T/out" 2>&1
rc=$?
check "restore refuses a database that is a link" "rc=$rc $(cat "$T/out")" \
	"$rc" -ne 0 -a "$(grep -c 'not a regular file' "$T/out")" -eq 1 -a ! -e "$T/state3/db/verdict.db"
printf 'not a database at all' >"$T/junk.db"
mkdir -p "$T/junk" && mv "$T/junk.db" "$T/junk/verdict.db"
"$VERDICT" restore --state "$T/state4" "$T/junk" >"$T/out" 2>&1
rc=$?
check "restore refuses a file that is not a database, and leaves none" "rc=$rc $(cat "$T/out")" \
	"$rc" -ne 0 -a ! -e "$T/state4/db/verdict.db"

# An upgrade copies the database first: a database at schema version 8
# (the first eight migrations, as a Verdict of that time left it) is
# upgraded by the next command, with a copy in DIR/backup from before.
n=$(sqlite3 "$T/bk/verdict.db" 'pragma user_version')
S5="$T/state5"
mkdir -p "$S5/db" && chmod 755 "$S5"
cat "$REPO"/schema/00[1-8]_*.sql | sqlite3 "$S5/db/verdict.db" 2>&1 | head -2
sqlite3 "$S5/db/verdict.db" "pragma user_version = 8"
if [ "$n" -ge 9 ]; then
	"$VERDICT" user list --state "$S5" >"$T/out" 2>&1
	rc=$?
	f=$(ls "$S5/backup" 2>/dev/null | head -1)
	check "opening an older schema upgrades it" "rc=$rc $(cat "$T/out")" \
		"$rc" -eq 0 -a "$(sqlite3 "$S5/db/verdict.db" 'pragma user_version')" -eq "$n"
	check "after copying it to DIR/backup (root's, 0700), as it was" "$(ls -la "$S5/backup" 2>&1 | tr '\n' '|')" \
		"$(stat -c %a "$S5/backup" 2>/dev/null)" = 700 -a -n "$f" -a \
		"$(sqlite3 "$S5/backup/$f" 'pragma user_version' 2>&1)" = 8
	case "$f" in verdict-v8-before-v$n-*.db) ok "the copy is named for the versions it was between" ;;
	*) not_ok "the copy is named for the versions it was between" "$f" ;; esac
fi
finish
