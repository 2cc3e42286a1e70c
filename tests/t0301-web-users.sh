#!/bin/bash
# Accounts for the web: passwords stored only as argon2id hashes; user add
# takes a password file or prints a generated password; user import makes a
# class all or nothing and writes the initial passwords to a file only its
# owner can read, never over an earlier one.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
sql() { sqlite3 "$VERDICT_DB" "$1"; }
cd "$T" || exit 1

"$VERDICT" user add alice >"$T/out" 2>&1
rc=$?
pw=$(sed -n 's/^initial password for alice: //p' "$T/out")
check "user add without a password file prints a generated one" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a "${#pw}" -eq 16
check "the password is stored as an argon2id hash, not as itself" "" \
	"$(sql "select password_hash like '\$argon2id\$%' and instr(password_hash, '$pw') = 0 from users where name='alice'")" = 1
printf 'a good password\n' >"$T/pw"
"$VERDICT" user add bob --role instructor --password-file "$T/pw" >"$T/out" 2>&1
rc=$?
check "user add --password-file" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a "$(grep -c 'initial password' "$T/out")" -eq 0
printf 'short\n' >"$T/pw"
"$VERDICT" user add carol --password-file "$T/pw" >"$T/out" 2>&1
rc=$?
check "a too short password is refused" "rc=$rc $(cat "$T/out")" "$rc" -eq 2 -a "$(grep -c 'at least 8' "$T/out")" -eq 1
check "and nobody was added" "" "$(sql "select count(*) from users where name='carol'")" -eq 0

printf 'name,role\r\ncarol\r\ndave,instructor\r\n\r\neve,student\r\n' >"$T/class.csv"
"$VERDICT" user import class.csv >"$T/out" 2>&1
rc=$?
check "user import creates the class" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a "$(sql "select count(*) from users")" -eq 5
check "with the roles given" "" "$(sql "select role from users where name='dave'")" = instructor
check "the passwords file is readable by its owner only" "" "$(stat -c %a "$T/class-passwords.csv")" = 600
check "it holds a password for each" "$(cat "$T/class-passwords.csv")" \
	"$(grep -cE '^(carol|dave|eve),[A-Za-z2-9]{16}$' "$T/class-passwords.csv")" -eq 3
before=$(sql "select count(*) from users")
"$VERDICT" user import class.csv >"$T/out" 2>&1
rc=$?
check "importing again does not overwrite the passwords file" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 2 -a "$(grep -c 'would be overwritten' "$T/out")" -eq 1
bad() {
	local what=$1 text=$2 content=$3
	printf "$content" >"$T/bad.csv"
	rm -f "$T/bad-passwords.csv"
	"$VERDICT" user import bad.csv >"$T/out" 2>&1
	local rc=$?
	check "import refuses $what" "rc=$rc $(cat "$T/out")" "$rc" -ne 0 -a "$(grep -cF -- "$text" "$T/out")" -eq 1
	check "import of $what added nobody and left no passwords file" "" \
		"$(sql "select count(*) from users")" -eq "$before" -a ! -e "$T/bad-passwords.csv"
}
bad "a name twice" "bad.csv:3: 'zed' appears twice" 'zed\nyan\nzed\n'
bad "a bad name" "bad.csv:2: 'no spaces' is not a valid user name" 'ok1\nno spaces\n'
bad "an unknown role" "bad.csv:1: unknown role 'wizard'" 'merlin,wizard\n'
bad "an existing user" "alice: a user named 'alice' already exists; nobody was added" 'newbie\nalice\n'
bad "an empty file" "has no users" ''

# user list and user passwd (a reset ends the user's sessions).
"$VERDICT" user list >"$T/out" 2>&1
rc=$?
check "user list shows every user with their role" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 0 -a "$(grep -c -E '^(alice +student|bob +instructor|dave +instructor)$' "$T/out")" -eq 3
before=$(sql "select password_hash from users where name='alice'")
sql "insert into sessions (token_hash, user_id, csrf_token, created_at, expires_at) select 'h1', id, 'c', 0, 9999999999 from users where name='alice'"
sql "insert into sessions (token_hash, user_id, csrf_token, created_at, expires_at) select 'h2', id, 'c', 0, 9999999999 from users where name='bob'"
"$VERDICT" user passwd alice >"$T/out" 2>&1
rc=$?
pw=$(sed -n 's/^new password for alice: //p' "$T/out")
check "user passwd prints a new generated password" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a "${#pw}" -eq 16
check "and stores its hash in place of the old one" "" \
	"$(sql "select password_hash <> '$before' and password_hash like '\$argon2id\$%' from users where name='alice'")" = 1
check "and ends that user's sessions, only theirs" "$(sql "select token_hash from sessions")" \
	"$(sql "select group_concat(token_hash) from sessions")" = h2
printf 'short\n' >"$T/pw"
"$VERDICT" user passwd bob --password-file "$T/pw" >"$T/out" 2>&1
rc=$?
check "user passwd refuses a too short password, changing nothing" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 2 -a "$(sql "select count(*) from sessions")" -eq 1
"$VERDICT" user passwd nobody-here >"$T/out" 2>&1
rc=$?
check "user passwd of an unknown user is a clear error" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 1 -a "$(grep -c "no user named 'nobody-here'" "$T/out")" -eq 1
finish
