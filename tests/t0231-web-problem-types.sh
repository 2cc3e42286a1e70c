#!/bin/bash
# The problem page shows an interactive or multi-pass sample's .interaction
# file as a transcript (judge's lines and the program's, passes apart),
# escaped, instead of its .in and .ans; other samples keep Input/Output.
# A submit-answer problem's form takes answer files, one per test, and the
# judge checks them; bad uploads are refused with why, and nothing stored.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/web_lib.sh"

"$VERDICT" user add s1 --role student --password-file "$T/pw" >>"$T/setup.log" 2>&1
cp -r "$REPO/problems/guessnumber" "$T/guessnumber"
printf '><script>alert(1)</script>\n<lower\n' >>"$T/guessnumber/data/sample/1.interaction"
# A sample with only a transcript, as problemtools' guess has.
printf '>1\n<correct\n' >"$T/guessnumber/data/sample/2.interaction"
# One without a transcript: its .in is the interactor's secret, never shown.
echo 777 >"$T/guessnumber/data/sample/3.in"
echo 777 >"$T/guessnumber/data/sample/3.ans"
for p in "$T/guessnumber" "$REPO/problems/codeword" "$REPO/problems/aplusb" "$REPO/problems/bitstrings"; do
	"$VERDICT" problem add --publish "$p" >>"$T/setup.log" 2>&1
done
check "setup: 4 problems" "$(cat "$T/setup.log")" "$(sql "select count(*) from problems")" = 4
if ! start_server --workers 1; then
	not_ok "verdict serve starts and answers" "$(tail -20 "$T/serve.log")"
	finish
fi
login s1 "$PW" "$T/s1.jar"

http -b "$T/s1.jar" "$B/problems/guessnumber"
check "interactive problem page: 200" "$CODE" "$CODE" = 200
check "two transcripts, the second from a lone .interaction" "$(grep -o 'Interaction [0-9]' "$T/b" | tr '\n' ' ')" \
	"$(body_has 'Interaction 1')/$(body_has 'Interaction 2')" = 1/1
check "the samples' .in and .ans are not shown, even without a transcript" "" \
	"$(body_has '<h3>Input')/$(body_has '777')/$(body_has 'Interaction 3')" = 0/0/0
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

# ---- submit-answer ----
http -b "$T/s1.jar" "$B/problems/bitstrings"
check "submit-answer form: answer files, no language or code" "" \
	"$(body_has 'name="answers"')/$(body_has 'name="language"')/$(body_has '<code>secret/05</code>')" = 1/0/1
tok=$(curl -s -m 10 -b "$T/s1.jar" "$B/problems/bitstrings" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
A="$REPO/problems/bitstrings/submissions/accepted/all"
upload=(-F "answers=@$A/sample/1.out;filename=1.out")
for f in "$A"/secret/*.out; do upload+=(-F "answers=@$f;filename=$(basename "$f")"); done
http -b "$T/s1.jar" -F "csrf=$tok" "${upload[@]}" "$B/problems/bitstrings/submit"
check "answer files accepted: 303 to the submission" "$CODE $(hdr Location)" "$CODE" = 303
sub=$(hdr Location | sed 's|.*/submissions/||' | tr -d '\r')
for _ in $(seq 100); do
	[ "$(sql "select state from submissions where id=${sub:-0}")" = done ] && break
	sleep 0.2
done
check "the answers are judged AC" "$(sql "select state from submissions where id=${sub:-0}")" \
	"$("$VERDICT" result "${sub:-0}" | sed -n 's/^state done, verdict //p')" = AC
before=$(sql "select count(*) from submissions")
http -b "$T/s1.jar" -F "csrf=$tok" -F "answers=@$A/secret/01.out;filename=nonsense.out" "$B/problems/bitstrings/submit"
check "a file named after no test: 400, saying so" "$CODE" "$CODE/$(body_has 'is not named after a test')" = 400/1
http -b "$T/s1.jar" -F "csrf=$tok" -F "answers=@$A/secret/01.out;filename=1.out" "$B/problems/bitstrings/submit"
check "a partial upload (1.out answers sample/1) is taken" "$CODE" "$CODE" = 303
http -b "$T/s1.jar" -F "csrf=$tok" -F "answers=@$A/secret/01.out;filename=01.out" \
	-F "answers=@$A/secret/02.out;filename=01.out" "$B/problems/bitstrings/submit"
check "two files for one test: 400" "$CODE" "$CODE/$(body_has 'two files answer secret/01')" = 400/1
# An interactive problem through the web and the server's judge.
http -b "$T/s1.jar" -F "csrf=$tok" -F language=c -F "file=@$REPO/problems/guessnumber/submissions/accepted/bisect.c" \
	"$B/problems/guessnumber/submit"
isub=$(hdr Location | sed 's|.*/submissions/||' | tr -d '\r')
for _ in $(seq 150); do
	[ "$(sql "select state from submissions where id=${isub:-0}")" = done ] && break
	sleep 0.2
done
check "an interactive submission from the web is judged AC" "$CODE $("$VERDICT" result "${isub:-0}" 2>&1 | head -3)" \
	"$("$VERDICT" result "${isub:-0}" | sed -n 's/^state done, verdict //p')" = AC
before=$((before + 1))
http -b "$T/s1.jar" -F "csrf=$tok" -F "language=c" -F "code=int main(void){return 0;}" "$B/problems/bitstrings/submit"
check "code to a submit-answer problem: 400, asking for answer files" "$CODE" "$CODE/$(body_has 'choose the answer files')" = 400/1
check "nothing stored for the refused uploads" "" "$(sql "select count(*) from submissions")" = $((before + 1))
finish
