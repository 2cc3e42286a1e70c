#!/bin/bash
# The compromised web server: an attacker runs code as the web account
# (uid 61001), which can write the database and the spool but nothing of
# root's. It renames and replaces directories, plants symbolic links, hard
# links and FIFOs where root looks, and writes crafted rows. Root (the judge
# and `serve`) must not write, read, delete, chown or chmod anything outside
# its own data directory, and must keep judging the honest submissions
# queued beside the hostile ones.
. "$(dirname "$0")/lib.sh"

WEB=61001
as_web() { setpriv --reuid=$WEB --regid=$WEB --clear-groups -- "$@"; }
use_state
v() { "$VERDICT" "$@"; }
P="$REPO/problems"

# Root's things outside the state, which nothing may touch.
mkdir -p "$T/root-only" && chmod 700 "$T/root-only"
echo "root secret $$" >"$T/root-only/secret"
chmod 600 "$T/root-only/secret"
sqlite3 "$T/root-only/other.db" "create table precious (x); insert into precious values (42);"
touch -d '2 hours ago' "$T/root-only/secret" "$T/root-only/other.db"
snapshot() { (cd "$T/root-only" && find . -printf '%p %U %m %s %T@\n' | sort; sha256sum ./*); }
snapshot >"$T/before"

# The layout serve makes, then users, problems and honest submissions.
v user add alice >/dev/null 2>&1
for p in aplusb factor; do v problem add "$P/$p" >>"$T/setup.log" 2>&1; done
PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$VERDICT" serve --no-judge --listen "127.0.0.1:$PORT" >"$T/serve.log" 2>&1 &
spid=$!
for _ in $(seq 50); do curl -s -o /dev/null -m 1 "http://127.0.0.1:$PORT/login" && break; sleep 0.1; done
kill "$spid"; wait "$spid" 2>/dev/null
check "serve made the layout: db/ and spool/ the web account's, data/ and the state root's" "$(ls -ln "$S")" \
	"$(stat -c %u "$S/db")/$(stat -c %u "$S/spool")/$(stat -c %u "$S/data")/$(stat -c %u "$S")" = "$WEB/$WEB/0/0"

honest() { v submit --user alice --problem aplusb "$P/aplusb/submissions/accepted/aplusb.py"; }
h1=$(honest)

# ---- the attacker, as uid 61001 ----
as_web mv "$S/data" "$S/data.old" 2>/dev/null
check "the web account cannot rename root's data directory aside" "" -d "$S/data" -a ! -e "$S/data.old"
as_web mkdir "$S/data2" 2>/dev/null
as_web ln -s /etc "$S/evil" 2>/dev/null
check "nor create anything beside it in the state directory" "$(ls "$S")" ! -e "$S/data2" -a ! -e "$S/evil"
as_web touch "$S/data/problems/planted" 2>/dev/null
as_web ln -s "$T/root-only/secret" "$S/data/work/source-1-0" 2>/dev/null
check "nor plant files or links in it" "" ! -e "$S/data/problems/planted" -a ! -L "$S/data/work/source-1-0"

# Spool files root will look at: a link, a FIFO, a hard link to a file of
# root's (made by root here, as if fs.protected_hardlinks were off), and rows
# naming paths outside the spool.
as_web ln -s "$T/root-only/secret" "$S/spool/upload-LINK01"
as_web mkfifo "$S/spool/upload-FIFO01"
ln "$T/root-only/secret" "$S/spool/upload-HARD01"
queue() { sql "INSERT INTO imports (file_name, spool_path, state, created_at) VALUES ('$1', '$2', 'queued', 0); SELECT last_insert_rowid();"; }
i_link=$(queue x.zip "$S/spool/upload-LINK01")
i_fifo=$(queue x.zip "$S/spool/upload-FIFO01")
i_hard=$(queue x.zip "$S/spool/upload-HARD01")
i_abs=$(queue x.zip "$T/root-only/secret")
i_dots=$(queue x.zip "$S/spool/../../root-only/secret")

# Crafted rows: a version pointing at root's files, a problem renamed to
# climb out, a version number that does not exist, unknown languages, file
# names with '/', an oversize source, and a submission to a problem with no
# test data left.
sql "UPDATE problem_versions SET package_dir = '$T/root-only' WHERE problem_id = (SELECT id FROM problems WHERE short_name = 'aplusb')"
v problem add "$P/groupsum" >>"$T/setup.log" 2>&1
v problem add "$P/circlearea" >>"$T/setup.log" 2>&1
sub() { # PROBLEM LANGUAGE FILE_NAME SOURCE: a row as the web would write it
	sql "INSERT INTO submissions (user_id, problem_id, language, file_name, source, state, submitted_at)
	     SELECT (SELECT id FROM users WHERE name = 'alice'), id, '$2', '$3', CAST('$4' AS BLOB), 'queued', 0
	     FROM problems WHERE short_name = '$1'; SELECT last_insert_rowid();"
}
s_dots=$(sub groupsum python3 a.py 'print(1)')
sql "UPDATE problems SET short_name = '../../root-only' WHERE short_name = 'groupsum'"
s_ver=$(sub circlearea python3 a.py 'print(1)')
sql "UPDATE problem_versions SET version = 999 WHERE problem_id = (SELECT id FROM problems WHERE short_name = 'circlearea')"
s_lang=$(sub aplusb cobol a.cob 'x')
s_name=$(sub aplusb python3 '../../../root-only/secret' 'print(1)')
s_java=$(sub aplusb java '../Main.java' 'class Main {}')
s_big=$(sqlite3 "$DB" "INSERT INTO submissions (user_id, problem_id, language, file_name, source, state, submitted_at)
	SELECT (SELECT id FROM users WHERE name = 'alice'), id, 'python3', 'a.py', zeroblob(1048576), 'queued', 0
	FROM problems WHERE short_name = 'aplusb'; SELECT last_insert_rowid();")
cp -r "$P/aplusb" "$T/hugelimits" && v problem add "$T/hugelimits" >>"$T/setup.log" 2>&1
s_huge=$(sub hugelimits python3 a.py 'print(1)')
sql "UPDATE problem_versions SET memory_mb = 1048576, time_limit = 3600 WHERE problem_id = (SELECT id FROM problems WHERE short_name = 'hugelimits')"
v problem add "$P/largesort" >>"$T/setup.log" 2>&1
s_gone=$(sub largesort python3 a.py 'print(1)')
sql "PRAGMA foreign_keys = OFF; DELETE FROM problem_versions WHERE problem_id = (SELECT id FROM problems WHERE short_name = 'largesort')"
h2=$(honest)

# ---- root acts on it all ----
timeout 300 "$VERDICT" judge --once --workers 2 --lease 5 >"$T/judge.out" 2>&1
rc=$?
sed 's/^/# /' "$T/judge.out" | head -40
check "the judge drains the queue without hanging or dying" "rc=$rc" "$rc" -eq 0 -a \
	"$(sql "SELECT COUNT(*) FROM submissions WHERE state <> 'done'")/$(sql "SELECT COUNT(*) FROM imports WHERE state IN ('queued', 'running')")" = 0/0
check "the honest submissions queued among them are judged AC" "$(sql "SELECT id, verdict FROM submissions")" \
	"$(sql "SELECT verdict FROM submissions WHERE id = $h1")/$(sql "SELECT verdict FROM submissions WHERE id = $h2")" = AC/AC
check "a package_dir pointing at root's files is ignored: aplusb is judged from its own version" "" \
	"$(sql "SELECT COUNT(*) FROM judgings WHERE submission_id = $h1")" -eq 1
msg() { sqlite3 "$DB" "SELECT COALESCE(s.judge_error, j.compile_output) FROM submissions s LEFT JOIN judgings j ON j.id = s.judging_id WHERE s.id = $1"; }
verdict() { sql "SELECT verdict FROM submissions WHERE id = $1"; }
check "a problem renamed to climb out is JE, named as not a valid problem name" "$(msg "$s_dots")" \
	"$(verdict "$s_dots")" = JE -a "$(msg "$s_dots" | grep -c 'not a valid problem name')" -eq 1
check "a version number with no files is JE" "$(msg "$s_ver")" "$(verdict "$s_ver")" = JE
check "an unknown language is JE" "$(msg "$s_lang")" \
	"$(verdict "$s_lang")" = JE -a "$(msg "$s_lang" | grep -c "unknown language")" -eq 1
check "a file name with '/' is JE" "$(msg "$s_name")" "$(verdict "$s_name")/$(verdict "$s_java")" = JE/JE
check "an oversize source is JE" "$(msg "$s_big")" "$(verdict "$s_big")" = JE
check "limits out of range in the database (1 TiB, an hour) are JE, never given to a box" "$(msg "$s_huge")" \
	"$(verdict "$s_huge")" = JE -a "$(msg "$s_huge" | grep -c 'in the database')" -eq 1
check "a problem with no test data is JE with the reason, judged once, not in a loop" "$(msg "$s_gone")" \
	"$(verdict "$s_gone")" = JE -a "$(msg "$s_gone" | grep -c 'no test data')" -eq 1
imsg() { sql "SELECT state || ': ' || message FROM imports WHERE id = $1"; }
check "a symbolic link in the spool is refused, not followed (the link removed, its target kept)" "$(imsg "$i_link")" \
	"$(imsg "$i_link" | grep -c '^failed: .*symbolic link')" -eq 1 -a ! -L "$S/spool/upload-LINK01" -a -f "$T/root-only/secret"
check "a FIFO in the spool is refused without hanging" "$(imsg "$i_fifo")" "$(imsg "$i_fifo" | grep -c '^failed: .*not a regular file')" -eq 1
check "a hard link to a file of root's is refused" "$(imsg "$i_hard")" "$(imsg "$i_hard" | grep -c '^failed: .*one name')" -eq 1
check "rows naming files outside the spool are refused by name" "$(imsg "$i_abs") | $(imsg "$i_dots")" \
	"$(imsg "$i_abs" | grep -c '^failed')$(imsg "$i_dots" | grep -c '^failed')" = 11
check "no checker or judge message carries root's secret" "" \
	"$(sqlite3 "$DB" "SELECT COUNT(*) FROM judgings WHERE compile_output LIKE '%root secret%'")$(sqlite3 "$DB" "SELECT COUNT(*) FROM imports WHERE message LIKE '%root secret%'")$(sqlite3 "$DB" "SELECT COUNT(*) FROM test_results WHERE message LIKE '%root secret%'")" = 000
rm -f "$S/spool/upload-HARD01"

# serve_briefly: starts serve, which should refuse to; its words in $T/out.
serve_briefly() {
	"$VERDICT" serve --no-judge --listen 127.0.0.1:0 >"$T/out" 2>&1 &
	local pid=$!
	sleep 1
	kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
}

# ---- the database itself, replaced ----
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
as_web mv "$DB" "$S/db/real.db"
as_web ln -s "$T/root-only/other.db" "$DB"
v judge --once >"$T/out" 2>&1
rc=$?
check "a database replaced by a link to root's file is refused by the judge" "rc=$rc $(cat "$T/out")" "$rc" -ne 0
serve_briefly
check "and by serve, which says so" "$(cat "$T/out")" "$(grep -c 'not a link' "$T/out")" -ge 1
as_web rm "$DB"
as_web mv "$S/db/real.db" "$DB"
as_web rm -f "$DB-wal"
as_web ln -s "$T/root-only/secret" "$DB-wal"
serve_briefly
check "a -wal planted as a link to root's file is refused at start" "$(cat "$T/out")" "$(grep -c 'verdict.db-wal' "$T/out")" -ge 1
as_web rm "$DB-wal"

# ---- a state directory the web account owns ----
chown $WEB "$S"
serve_briefly
check "serve refuses a state directory the web account could change" "$(cat "$T/out")" "$(grep -c 'not safe' "$T/out")" -eq 1
v judge --once >"$T/out" 2>&1
rc=$?
check "and so does the judge (the data directory below it is not safe)" "rc=$rc $(cat "$T/out")" "$rc" -ne 0 -a "$(grep -c 'not safe' "$T/out")" -eq 1
chown 0 "$S"

# ---- an install in the old layout ----
mkdir "$T/old" && chown $WEB "$T/old" && touch "$T/old/verdict.db" && mkdir "$T/old/verdict.db.data"
v serve --state "$T/old" --no-judge --listen 127.0.0.1:0 >"$T/out" 2>&1
rc=$?
check "an old layout is refused with the commands that move it" "rc=$rc $(cat "$T/out")" \
	"$rc" -ne 0 -a "$(grep -c 'old layout' "$T/out")" -eq 1 -a "$(grep -c "mv $T/old/verdict.db.data $T/old/data" "$T/out")" -eq 1
v serve --db "$T/x.db" --no-judge --listen 127.0.0.1:0 >"$T/out" 2>&1
rc=$?
check "serve refuses --db, saying why (the web account could replace root's data beside it)" "rc=$rc $(cat "$T/out")" \
	"$rc" -ne 0 -a "$(grep -c 'needs a state directory' "$T/out")" -eq 1

snapshot >"$T/after"
check "nothing of root's outside the data directory was written, read into a message, chowned, chmodded or removed" \
	"$(diff "$T/before" "$T/after" | tr '\n' '|')" -z "$(diff "$T/before" "$T/after")"
check "root's other database is untouched" "" "$(sqlite3 "$T/root-only/other.db" "select x from precious")" = 42
finish
