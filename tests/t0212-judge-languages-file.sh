#!/bin/bash
# The operator's languages.yaml: a new row is a language submissions may be
# written in, a row with a known id replaces it; a hostile or broken file
# (group-writable, someone else's, a link, a FIFO, too big, bad values) stops
# the command with the file, the line and the reason, and changes nothing.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
v() { "$VERDICT" "$@"; }
F="$T/languages.yaml"
good() {
	rm -f "$F"
	cat >"$F" <<'EOF'
# a shell language, and C renamed
shell:
  name: POSIX shell
  priority: 10
  extensions: [.sh]
  source_name: main.sh
  run: [/bin/sh, "/sub/{file}"]
  version: [/bin/sh, -c, "echo dash here"]
  packages: dash
c:
  name: C (house rules)
  extensions: [.c]
  source_name: main.c
  compile: [/usr/bin/gcc, -std=gnu11, -O2, -static, -o, main, "{file}", -lm]
  run: [/sub/main]
  version: [/usr/bin/gcc, --version]
  compile_time: 20
  compile_memory: 256
  packages: gcc libc6-dev
EOF
	chmod 644 "$F"
}

good
v languages --languages "$F" >"$T/out" 2>&1
rc=$?
check "an operator's file extends the table" "rc=$rc $(cat "$T/out")" "$rc" -eq 0 -a "$(grep -c '^shell .*POSIX shell .*\.sh .*dash here' "$T/out")" -eq 1
check "a row with a known id replaces it" "$(grep '^c ' "$T/out")" "$(grep -c '^c .*C (house rules).*-std=gnu11' "$T/out")" -eq 1
check "the other rows stay" "$(cat "$T/out")" "$(grep -c '^java \|^python3 \|^rust ' "$T/out")" -eq 3
VERDICT_LANGUAGES="$F" v languages --packages >"$T/out" 2>&1
check "\$VERDICT_LANGUAGES names the file too" "$(cat "$T/out")" "$(tr ' ' '\n' <"$T/out" | grep -cx dash)" -eq 1
v languages --languages="$F" --packages >"$T/out" 2>&1
check "--languages=FILE works as --languages FILE" "$(cat "$T/out")" "$(tr ' ' '\n' <"$T/out" | grep -cx dash)" -eq 1

# The new language is judged.
v user add alice >/dev/null 2>&1
v problem add "$REPO/problems/polyglot" >"$T/out" 2>&1 || not_ok "problem add" "$(cat "$T/out")"
printf 'read a b\necho $((a + b))\n' >"$T/sum.sh"
id=$(v submit --languages "$F" --user alice --problem polyglot "$T/sum.sh" 2>"$T/err")
check "submit in the operator's language" "$(cat "$T/err")" -n "$id"
v judge --once --languages "$F" >"$T/out" 2>&1
check "it is judged AC" "$(v result "${id:-0}")" "$(v result "${id:-0}" --json | $PY -c 'import json,sys; print(json.load(sys.stdin)["verdict"])')" = AC
v submit --user alice --problem polyglot "$T/sum.sh" >"$T/out" 2>&1
rc=$?
check "without the file, .sh is no language" "rc=$rc $(cat "$T/out")" "$rc" -ne 0 -a "$(grep -c 'cannot tell the language' "$T/out")" -eq 1

# Switched off: "enabled: false" alone keeps a built-in row but judges it
# nowhere here; a guess between two goes to the one switched on.
O="$T/off.yaml"
printf 'kotlin:\n  enabled: false\nprolog: {enabled: false}\n' >"$O" && chmod 644 "$O"
v languages --languages "$O" >"$T/out" 2>&1
check "languages: a row switched off says so, the others stay" "$(cat "$T/out")" \
	"$(grep -c '^kotlin .*(Kotlin is switched off on this judge)' "$T/out")" -eq 1 -a \
	"$(grep -c '^prolog .*(Prolog is switched off on this judge)' "$T/out")" -eq 1 -a "$(grep -c '^java ' "$T/out")" -eq 1
v languages --packages --languages "$O" >"$T/out" 2>&1
check "make installs no package for a language switched off" "$(cat "$T/out")" \
	"$(tr ' ' '\n' <"$T/out" | grep -cx 'kotlin\|swi-prolog-nox')" -eq 0 -a "$(tr ' ' '\n' <"$T/out" | grep -cx gprolog)" -eq 1
printf 'fun main() {\n    val (a, b) = readLine()!!.split(" ").map { it.toLong() }\n    println(a + b)\n}\n' >"$T/sum.kt"
before=$(sqlite3 "$VERDICT_DB" 'select count(*) from submissions')
v submit --languages "$O" --user alice --problem polyglot "$T/sum.kt" >"$T/out" 2>&1
rc=$?
check "a submission in a language switched off is refused, and nothing stored" "rc=$rc $(cat "$T/out")" \
	"$rc" -ne 0 -a "$(grep -c 'Kotlin is switched off on this judge' "$T/out")" -eq 1 -a \
	"$(sqlite3 "$VERDICT_DB" 'select count(*) from submissions')" = "$before"
printf ':- initialization(main).\nmain :- halt.\n' >"$T/sum.pl"
id=$(v submit --languages "$O" --user alice --problem polyglot "$T/sum.pl" 2>"$T/err")
check ".pl is GNU Prolog's while SWI-Prolog is switched off" "$(cat "$T/err")" \
	"$(sqlite3 "$VERDICT_DB" "select language from submissions where id = ${id:-0}")" = gprolog
# Queued in Kotlin, then Kotlin switched off: JE (the host's choice, not
# the student's fault), and the problem page will not offer it.
id=$(v submit --user alice --problem polyglot "$T/sum.kt" 2>"$T/err")
v judge --once --languages "$O" >"$T/out" 2>&1
v result "${id:-0}" >"$T/out" 2>&1
check "a queued submission in a language since switched off is JE, saying so" "$(cat "$T/out")" \
	"$(grep -c 'JE' "$T/out")" -ge 1 -a "$(grep -c 'Kotlin is switched off on this judge' "$T/out")" -ge 1
printf 'scala:\n  enabled: maybe\n' >"$O"
v languages --languages "$O" >"$T/out" 2>&1
check "enabled must be true or false (line 2)" "$(cat "$T/out")" "$(grep -c "$O line 2: language 'scala': enabled must be true or false" "$T/out")" -eq 1
printf 'cobol: {enabled: false}\n' >"$O"
v languages --languages "$O" >"$T/out" 2>&1
check "enabled alone for an unknown language is refused" "$(cat "$T/out")" \
	"$(grep -c "language 'cobol': not a language of the built-in table" "$T/out")" -eq 1

# A language whose programs are here but whose version command fails (a
# JVM past its limits on a loaded host) is not recorded as missing, which
# would take it off the problem page: nothing is recorded, and the next
# start tries again.
printf 'badver:\n  name: Bad version\n  extensions: [.bv]\n  run: [/bin/sh, "/sub/{file}"]\n  version: [/bin/false]\n' >"$O" && chmod 644 "$O"
{ "$VERDICT" judge --languages "$O" --workers 1 >"$T/judge.out" 2>&1 & } 2>/dev/null
jpid=$!
for _ in $(seq 240); do
	grep -q "badver's version" "$T/judge.out" && break
	sleep 0.25
done
kill "$jpid" 2>/dev/null
wait "$jpid" 2>/dev/null
check "a failed version command is a warning, and not recorded as a language not installed" \
	"$(cat "$T/judge.out") rows: $(sqlite3 "$VERDICT_DB" "select language, installed from language_versions" | tr '\n' ' ')" \
	"$(grep -c "badver's version: the version command failed" "$T/judge.out")" -eq 1 -a \
	"$(sqlite3 "$VERDICT_DB" "select count(*) from language_versions where language = 'badver'")" = 0 -a \
	"$(sqlite3 "$VERDICT_DB" "select installed from language_versions where language = 'c'")" = 1

# refused NAME PATTERN: languages --languages $F fails (exit 2) with PATTERN.
refused() {
	v languages --languages "$F" >"$T/out" 2>&1
	local rc=$?
	check "$1" "rc=$rc $(cat "$T/out")" "$rc" -eq 2 -a "$(grep -c -- "$2" "$T/out")" -ge 1
}
good; chmod 664 "$F"
refused "a group-writable file is refused" "must be owned by root and writable by root alone"
good; chmod 646 "$F"
refused "an other-writable file is refused" "must be owned by root and writable by root alone"
good; chown 61000 "$F"
refused "a file not root's is refused" "must be owned by root"
good; ln -s "$F" "$T/link.yaml"
v languages --languages "$T/link.yaml" >"$T/out" 2>&1
rc=$?
check "a symbolic link is refused" "rc=$rc $(cat "$T/out")" "$rc" -eq 2 -a "$(grep -c 'is a symbolic link' "$T/out")" -eq 1
mkfifo "$T/fifo.yaml"
timeout 10 "$VERDICT" languages --languages "$T/fifo.yaml" >"$T/out" 2>&1
rc=$?
check "a FIFO is refused at once" "rc=$rc $(cat "$T/out")" "$rc" -eq 2 -a "$(grep -c 'not a regular file' "$T/out")" -eq 1
good; head -c 300000 /dev/zero | tr '\0' '#' >>"$F"
refused "a file over 256 KiB is refused" "is over 256 KiB"
v languages --languages "$T/nonexistent.yaml" >"$T/out" 2>&1
rc=$?
check "a missing file named on the command line is an error" "rc=$rc $(cat "$T/out")" "$rc" -eq 2 -a "$(grep -c 'cannot open' "$T/out")" -eq 1

# bad VALUE_LINE PATTERN NAME: the good file with the shell row's line 5
# ("  extensions: [.sh]") replaced by VALUE_LINE; refused at line 5.
bad() {
	good
	sed -i "5s|.*|$1|" "$F"
	refused "$3 (line 5)" "$F line 5: .*$2"
}
bad '  compile_time: 9999' "compile_time must be 1 to 600 s" "a compile time out of range"
bad '  compile_memory: 10' "compile_memory must be a whole number from 64 to 8192 MB" "a compile memory out of range"
bad '  run_extra_memory: -5' "run_extra_memory must be" "a negative extra memory"
bad '  priority: lots' "priority must be a number" "a priority that is no number"
bad '  compile: [sh, -c, "{file}"]' "must start with the program's absolute path" "a compiler by relative path"
bad '  compile: [/usr/bin/../bin/gcc, "{file}"]' "must start with the program's absolute path" "a compiler path with .."
bad '  compile: [/usr/bin/gcc, "{nope}"]' "is not an argument" "an unknown placeholder"
bad '  packages: "gcc; rm -rf /"' "packages must be Debian package names" "a package list with shell in it"
bad '  binds: [/tmp/x]' "is not an absolute path outside /box" "a bind over the box's /tmp"
bad '  shebang: "(["' "is not an extended regular expression" "a shebang that does not compile"
bad '  colour: blue' "unknown field 'colour'" "an unknown field"
bad '  compile_env: [lower=1]' "is not NAME=VALUE" "a bad environment entry"
bad '  extensions: [c]' "is not an extension" "an extension without its dot"
good; sed -i '2s|.*|Bad-Id:|' "$F"
refused "an id with capitals and a dash is refused (line 2)" "$F line 2: 'Bad-Id' is not a language id"
good; printf 'shell:\n  name: again\n  extensions: [.x]\n  run: [/bin/x]\n' >>"$F"
refused "an id defined twice in the file is refused" "$F line 20: language 'shell': defined twice"
good; sed -i '7d' "$F"
refused "a row without a run command is refused" "$F line 2: language 'shell': it has no run command"
good; printf 'x: [unclosed\n' >>"$F"
refused "a YAML syntax error names the line" "$F:2[01]:"
# A refused file changes nothing: submit with it fails before any row is stored.
good; chmod 666 "$F"
before=$(sqlite3 "$VERDICT_DB" 'select count(*) from submissions')
v submit --languages "$F" --user alice --problem polyglot "$T/sum.sh" >"$T/out" 2>&1
rc=$?
check "submit with a refused file exits 2 and stores nothing" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 2 -a "$(sqlite3 "$VERDICT_DB" 'select count(*) from submissions')" = "$before"
finish
