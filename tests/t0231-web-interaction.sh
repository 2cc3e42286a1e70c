#!/bin/bash
# The problem page shows an interactive or multi-pass sample's .interaction
# file as a transcript (judge's lines and the program's, passes apart),
# escaped, instead of its .in and .ans; other samples keep Input/Output.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/web_lib.sh"

"$VERDICT" user add s1 --role student --password-file "$T/pw" >>"$T/setup.log" 2>&1
cp -r "$REPO/problems/guessnumber" "$T/guessnumber"
printf '><script>alert(1)</script>\n<lower\n' >>"$T/guessnumber/data/sample/1.interaction"
# A sample with only a transcript, as problemtools' guess has.
printf '>1\n<correct\n' >"$T/guessnumber/data/sample/2.interaction"
for p in "$T/guessnumber" "$REPO/problems/codeword" "$REPO/problems/aplusb"; do
	"$VERDICT" problem add --publish "$p" >>"$T/setup.log" 2>&1
done
check "setup: 3 problems" "$(cat "$T/setup.log")" "$(sql "select count(*) from problems")" = 3
if ! start_server --no-judge; then
	not_ok "verdict serve starts and answers" "$(tail -20 "$T/serve.log")"
	finish
fi
login s1 "$PW" "$T/s1.jar"

http -b "$T/s1.jar" "$B/problems/guessnumber"
check "interactive problem page: 200" "$CODE" "$CODE" = 200
check "two transcripts, the second from a lone .interaction" "$(grep -o 'Interaction [0-9]' "$T/b" | tr '\n' ' ')" \
	"$(body_has 'Interaction 1')/$(body_has 'Interaction 2')" = 1/1
check "the sample's .in and .ans are not shown" "" "$(body_has '<h3>Input')" -eq 0
check "the program's and the judge's lines apart" "" \
	"$(body_has 'class="t-program"')" -ge 2 -a "$(body_has 'class="t-judge"')" -ge 2
check "a guess and an answer shown" "" "$(body_has '<pre>500</pre>')" -eq 1 -a "$(body_has '<pre>higher</pre>')" -ge 1
check "transcript text is escaped" "" \
	"$(body_has '&lt;script&gt;alert(1)&lt;/script&gt;')/$(body_has '<script>alert(1)')" = 1/0

http -b "$T/s1.jar" "$B/problems/codeword"
check "multi-pass transcript: the passes apart" "" \
	"$(body_has 'class="t-pass"')/$(body_has '<pre>encode')" = 1/1

http -b "$T/s1.jar" "$B/problems/aplusb"
check "an ordinary sample keeps Input and Output" "" "$(body_has '<h3>Input 1')/$(body_has 'Interaction')" = 1/0
finish
