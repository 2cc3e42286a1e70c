#!/bin/bash
# timeout: 180
# Languages on the web: the judge records each toolchain's version at its
# start (in a box) and the problem page shows them; a language this host
# lacks (Python 2) is not offered, and a file detected as it (a python2
# shebang) is refused with the reason, nothing stored; a second judge start
# runs no version command again.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/web_lib.sh"

"$VERDICT" user add s1 --role student --password-file "$T/pw" >>"$T/setup.log" 2>&1
"$VERDICT" problem add --publish "$REPO/problems/polyglot" >>"$T/setup.log" 2>&1
check "setup: a student and polyglot" "$(cat "$T/setup.log")" "$(sql "select count(*) from problems")" = 1

if ! start_server; then
	not_ok "verdict serve starts and answers" "$(tail -20 "$T/serve.log")"
	finish
fi
# The judge records the versions beside its workers: wait for them.
for _ in $(seq 120); do
	[ "$(sql "select count(*) from language_versions")" -ge 19 ] 2>/dev/null && break
	sleep 0.5
done
check "the judge recorded every language's version" "$(sql "select language, version from language_versions")" \
	"$(sql "select count(*) from language_versions")" -ge 19
check "Python 2 is recorded as not installed, with why" "$(sql "select * from language_versions where language='python2'")" \
	"$(sql "select installed || ' ' || version from language_versions where language='python2'")" = "0 Python 2 is not installed on this judge host"

login s1 "$(cat "$T/pw")" "$T/s1.jar"
http -b "$T/s1.jar" "$B/problems/polyglot"
check "the problem page answers 200" "$CODE" "$CODE" = 200
check "it shows C's version with its standard" "$(grep -o 'gcc (Debian[^<]*' "$T/b")" "$(body_has 'gcc (Debian 12.2.0-14+deb12u1) 12.2.0, -std=gnu17')" -ge 1
check "it shows Kotlin's, Go's and GHC's" "" "$(body_has 'kotlinc-jvm')$(body_has 'go version go1.19')$(body_has 'Glasgow Haskell')" = 111
check "the language picker offers Kotlin" "" "$(body_has '<option value="kotlin" data-ext=".kt">Kotlin</option>')" -eq 1
check "the picker does not offer Python 2, which this host lacks" "" "$(body_has 'value="python2"')" -eq 0

C1=$(csrf_of "$T/s1.jar")
printf '#!/usr/bin/env python2\nprint 1 + 2\n' >"$T/old.py"
before=$(sql "select count(*) from submissions")
http -b "$T/s1.jar" -F "csrf=$C1" -F language= -F "file=@$T/old.py" "$B/problems/polyglot/submit"
check "a python2 file is refused: 400 saying Python 2 is not installed here" "$CODE $(grep -o 'class="error"[^<]*' "$T/b")" \
	"$CODE" = 400 -a "$(body_has 'Python 2 is not installed on this judge host')" -ge 1
check "nothing was stored" "" "$(sql "select count(*) from submissions")" = "$before"
http -b "$T/s1.jar" -F "csrf=$C1" -F language= -F "file=@$REPO/problems/polyglot/submissions/accepted/aplusb.hs" \
	"$B/problems/polyglot/submit"
check "a Haskell file is taken by its extension: 303" "$CODE" "$CODE" = 303

http -b "$T/s1.jar" --data-urlencode "csrf=$C1" -d language=scala \
	--data-urlencode "code@$REPO/problems/polyglot/submissions/accepted/Aplusb.scala" "$B/problems/polyglot/submit"
check "pasted Scala is named after its object: 303, Aplusb.scala" "$CODE $(sql "select file_name from submissions order by id desc limit 1")" \
	"$CODE $(sql "select file_name from submissions order by id desc limit 1")" = "303 Aplusb.scala"
for _ in $(seq 120); do
	[ "$(sql "select count(*) from submissions where state='done'")" -ge 2 ] && break
	sleep 0.5
done
check "the judge accepts the web's Haskell and Scala submissions" "$(sql "select id, state from submissions")" \
	"$(sql "select count(*) from judgings where verdict='AC'")" -eq 2

# A second start finds the toolchains unchanged: no version command runs.
stop_server
sql "update language_versions set checked_at = 1"
start_server || not_ok "serve starts again" "$(tail -20 "$T/serve.log")"
sleep 3
check "a restarted judge runs no version command again (toolchains unchanged)" \
	"$(sql "select language, checked_at from language_versions where checked_at <> 1")" \
	"$(sql "select count(*) from language_versions where checked_at <> 1")" -eq 0
finish
