#!/bin/bash
# Statements over HTTP: math in a Markdown statement is MathML; a hostile
# statement (raw HTML, scripts, event attributes, javascript: and data:
# URLs, however spelled) puts nothing that runs on the page; the
# statement's images are served with their type, nosniff and a sandboxing
# Content-Security-Policy (an SVG's script cannot run in Verdict's
# origin), its PDF as a download; a hidden problem's images and PDF are
# shown only to those who may see its statement (staff, or a student of a
# course whose assignment holds it once it has opened); images with bad
# names, too large or too many are refused at import, saying which.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/web_lib.sh"

for u in s1:student s2:student inst:instructor; do
	"$VERDICT" user add "${u%%:*}" --role "${u#*:}" --password-file "$T/pw" >>"$T/setup.log" 2>&1
done

# png NAME: a valid 1x1 PNG.
png() {
	$PY - "$1" <<'PYEOF'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
raw = b"\x00\xff\x00\x00"
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PYEOF
}

# The problem "figures": A+B with math, a PNG, an SVG that tries to run a
# script, a PDF, and every trick a hostile author might try.
cp -r "$REPO/problems/aplusb" "$T/figures"
st="$T/figures/statement"
png "$st/fig.png"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>alert(1)</script><rect width="4" height="4" onload="alert(2)"/></svg>\n' >"$st/evil.svg"
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >"$st/problem.en.pdf"
cat >>"$st/problem.en.md" <<'MDEOF'

The figure: ![a unit square](fig.png) and ![an evil one](evil.svg).
Display math: $$\sum_{i=1}^{n} i = \frac{n(n+1)}{2}$$

<script>alert("block")</script>

<iframe src="https://example.com/"></iframe>

Inline <img src=x onerror=alert("inline")> and <a href="javascript:alert(1)">a raw link</a>.

[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [entity](&#106;avascript:alert(1))
[tab](java	script:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)
[quote](http://e.com/"onmouseover=alert(1)) [fine](https://example.com/ok) [anchor](#input)

![escape](../../../etc/passwd) ![remote](https://example.com/tracker.png) ![dataimg](data:image/png;base64,AAAA)

[attrs]{onclick="alert(1)"} `code`{onmouseover="alert(1)"}
MDEOF
# The problem "illus": problemtools' \illustration{WIDTH}{FILE}{CAPTION} in LaTeX.
cp -r "$REPO/problems/circlearea" "$T/illus"
printf '\n\\illustration{0.3}{circle}{The same circle.}\n' >>"$T/illus/problem_statement/problem.en.tex"
# The problem "pdfonly": its only statement is a PDF.
cp -r "$REPO/problems/aplusb" "$T/pdfonly"
rm "$T/pdfonly/statement/problem.en.md" && cp "$st/problem.en.pdf" "$T/pdfonly/statement/"
# The problem "secret": hidden (not published), with an image and a PDF.
cp -r "$T/figures" "$T/secret"
{
	"$VERDICT" problem add --publish "$T/figures" &&
		"$VERDICT" problem add "$T/secret" &&
		"$VERDICT" problem add --publish "$REPO/problems/aplusb" &&
		"$VERDICT" problem add --publish "$REPO/problems/circlearea" &&
		"$VERDICT" problem add --publish "$T/illus" &&
		"$VERDICT" problem add --publish "$T/pdfonly"
} >>"$T/setup.log" 2>&1
check "setup: 3 users and 6 problems, one hidden" "$(cat "$T/setup.log")" \
	"$(sql "select count(*) from users")/$(sql "select count(*) from problems")" = 3/6

# ---- refused at import: bad names, too large, too many ----
# refused NAME FILE-IN-MESSAGE REASON: `problem add` fails, says so, adds nothing.
refused() {
	"$VERDICT" problem add "$T/$1" >"$T/out" 2>&1
	local rc=$?
	check "refused at import: $1 ($3)" "rc=$rc $(cat "$T/out")" \
		"$rc" -ne 0 -a "$(grep -cF -- "$2" "$T/out")" -ge 1 -a "$(grep -cF -- "$3" "$T/out")" -ge 1 \
		-a "$(sql "select count(*) from problems where short_name = '$1'")" = 0
}
cp -r "$REPO/problems/aplusb" "$T/badname" && png "$T/badname/statement/my figure.png"
refused badname "statement/my figure.png" "an image's name must be"
cp -r "$REPO/problems/aplusb" "$T/dotname" && png "$T/dotname/statement/.hidden.png"
refused dotname "statement/.hidden.png" "an image's name must be"
cp -r "$REPO/problems/aplusb" "$T/bigimage" && head -c $((5 << 20)) /dev/zero >"$T/bigimage/statement/big.png"
refused bigimage "statement/big.png" "larger than 4 MiB"
cp -r "$REPO/problems/aplusb" "$T/manyimages"
for i in $(seq 101); do printf 'x' >"$T/manyimages/statement/i$i.png"; done
refused manyimages "statement:" "more than 100 images"
cp -r "$REPO/problems/aplusb" "$T/fifo" && mkfifo "$T/fifo/statement/pipe.png"
refused fifo "statement/pipe.png" "FIFO"

if ! start_server --no-judge; then
	not_ok "verdict serve starts and answers" "$(tail -20 "$T/serve.log")"
	finish
fi
ok "verdict serve starts and answers"
for u in s1 s2 inst; do login $u "$PW" "$T/$u"; done

# ---- the statement page ----
http -b "$T/s1" "$B/problems/figures"
cp "$T/b" "$T/page"
check "the problem page answers" "$CODE" "$CODE" = 200
check "math in Markdown is MathML, inline and display" "$(grep -c '<math' "$T/page")" \
	"$(grep -o '<math display="inline"' "$T/page" | wc -l)" -eq 4 -a "$(grep -o '<math display="block"' "$T/page" | wc -l)" -eq 1 \
	-a "$(grep -c '<mfrac>' "$T/page")" -eq 1
check "the statement's images point at the problem's statement files" "$(grep -o '<img[^>]*>' "$T/page")" \
	"$(grep -c '<img src="/problems/figures/statement/fig.png" alt="a unit square"' "$T/page")" -eq 1 \
	-a "$(grep -c '<img src="/problems/figures/statement/evil.svg"' "$T/page")" -eq 1
# What the author wrote as raw HTML is on the page as text; no element of
# theirs carries a script, an event attribute, a frame or a bad URL.
article=$(sed -n '/<article class="statement">/,/<\/article>/p' "$T/page")
check "raw HTML is shown as text" "$article" \
	"$(printf '%s' "$article" | grep -c '&lt;script&gt;alert("block")&lt;/script&gt;')" -eq 1 \
	-a "$(printf '%s' "$article" | grep -c '&lt;img src=x onerror=alert("inline")&gt;')" -eq 1
# elements NAME...: what the statement's own markup holds (a parser, not
# grep: the escaped text may say anything), one "tag attr=value" a line.
printf '%s' "$article" >"$T/article"
elements() {
	$PY - "$T/article" <<'PYEOF'
import html.parser, sys
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        print(tag, " ".join("%s=%s" % (k, v) for k, v in attrs))
P().feed(open(sys.argv[1]).read())
PYEOF
}
elements >"$T/elements"
check "no script, frame, object, form, style or meta element in the statement" "$(cat "$T/elements")" \
	"$(grep -cE '^(script|iframe|frame|object|embed|form|style|link|meta|base|svg) ' "$T/elements")" -eq 0
check "no event attribute on any element" "$(grep -iE ' on[a-z]+=' "$T/elements")" \
	"$(grep -ciE ' on[a-z]+=' "$T/elements")" -eq 0
check "no javascript:, vbscript: or data: URL in an href or src" "$(grep -iE '(href|src)=' "$T/elements")" \
	"$(grep -oiE '(href|src)=[^ ]*' "$T/elements" | grep -ciE '(java|vb)[[:space:]]*script|data:')" -eq 0
check "safe links are kept, a quote cannot leave the attribute" "$(grep '^a ' "$T/elements")" \
	"$(grep -c '^a href=https://example.com/ok$' "$T/elements")" -eq 1 -a "$(grep -c '^a href=#input$' "$T/elements")" -eq 1 \
	-a "$(grep -c '^a href=http://e.com/"onmouseover=alert(1)$' "$T/elements")" -eq 1
check "the only images are the statement's own, at its files' URLs" "$(grep '^img ' "$T/elements")" \
	"$(grep -c '^img ' "$T/elements")" -eq 2 -a "$(grep '^img ' "$T/elements" | grep -cv '^img src=/problems/figures/statement/')" -eq 0 \
	-a "$(printf '%s' "$article" | grep -c '<span>escape</span>')" -eq 1
check "the page offers the PDF statement" "$(grep -o '<a[^>]*statement.pdf[^>]*>' "$T/page")" \
	"$(grep -c 'href="/problems/figures/statement.pdf" id="statement-pdf" download' "$T/page")" -eq 1
http -b "$T/s1" "$B/problems/aplusb"
check "a problem without a PDF offers none" "$CODE" "$CODE" = 200 -a "$(body_has statement.pdf)" -eq 0
http -b "$T/s1" "$B/problems/pdfonly"
check "a problem whose statement is only a PDF offers it" "$(grep -o '<a[^>]*statement.pdf[^>]*>' "$T/b")" \
	"$CODE" = 200 -a "$(body_has 'href="/problems/pdfonly/statement.pdf"')" -eq 1 -a "$(body_has "statement is the PDF above")" -eq 1
http -b "$T/s1" "$B/problems/aplusb/statement.pdf"
check "and its PDF URL is 404" "$CODE" "$CODE" = 404

http -b "$T/s1" "$B/problems/circlearea"
check "a LaTeX statement's \\includegraphics{circle} finds circle.svg, with its width" "$(grep -o '<img[^>]*>' "$T/b")" \
	"$(body_has '<img src="/problems/circlearea/statement/circle.svg" style="width:25.0%" alt="A circle of radius')" -eq 1
http -b "$T/s1" "$B/problems/illus"
check "problemtools' \\illustration{0.3}{circle}{...} is a figure 30 % wide" "$(grep -o '<img[^>]*>' "$T/b")" \
	"$(body_has '<img src="/problems/illus/statement/circle.svg" style="width:30.0%" alt="The same circle."')" -eq 1
http -b "$T/s1" "$B/problems/circlearea/statement/circle.svg"
check "and serves it as image/svg+xml" "$CODE $(hdr Content-Type)" "$CODE" = 200 -a "$(hdr Content-Type)" = image/svg+xml

# ---- the files ----
http -b "$T/s1" "$B/problems/figures/statement/fig.png"
check "an image is served whole, as image/png" "$CODE $(hdr Content-Type)" \
	"$CODE" = 200 -a "$(hdr Content-Type)" = image/png -a "$(cmp -s "$T/b" "$st/fig.png" && echo same)" = same
check "with nosniff and a sandboxing Content-Security-Policy" "$(cat "$T/h")" \
	"$(hdr X-Content-Type-Options)" = nosniff -a "$(grep -ci '^content-security-policy: sandbox;' "$T/h")" -eq 1
http -b "$T/s1" "$B/problems/figures/statement/evil.svg"
check "an SVG is image/svg+xml in a sandbox with no script allowed" "$CODE $(grep -i '^content-security-policy' "$T/h")" \
	"$CODE" = 200 -a "$(hdr Content-Type)" = image/svg+xml \
	-a "$(grep -i '^content-security-policy: sandbox;' "$T/h" | grep -c "default-src 'none'")" -eq 1 \
	-a "$(grep -i '^content-security-policy: sandbox;' "$T/h" | grep -c 'script-src')" -eq 0
http -b "$T/s1" "$B/problems/figures/statement.pdf"
check "the PDF is application/pdf, as a download named after the problem" "$CODE $(hdr Content-Disposition)" \
	"$CODE" = 200 -a "$(hdr Content-Type)" = application/pdf \
	-a "$(hdr Content-Disposition)" = 'attachment; filename="figures.pdf"' -a "$(cmp -s "$T/b" "$st/problem.en.pdf" && echo same)" = same
for bad in problem.en.md problem.en.pdf ..%2Fstatement.html ..%2F..%2Fv1%2Fstatement.html .hidden.png nothere.png \
	"fig.png%00.svg" "%2Fetc%2Fpasswd"; do
	http -b "$T/s1" "$B/problems/figures/statement/$bad"
	check "no file outside the stored images: $bad is 404 (or 400)" "$CODE $(head -c 200 "$T/b")" "$CODE" = 404 -o "$CODE" = 400
done
http "$B/problems/figures/statement/fig.png"
check "without a session an image redirects to the login" "$CODE $(hdr Location)" \
	"$CODE" = 303 -a "$(hdr Location | grep -c '^/login')" -eq 1

# ---- a hidden problem's files ----
# sees_files WHO CODE WHAT: both of the hidden problem's files answer CODE to WHO.
sees_files() {
	local f
	for f in statement/fig.png statement.pdf; do
		http -b "$T/$1" "$B/problems/secret/$f"
		check "the hidden problem's $f is $2 to $3" "$CODE" "$CODE" = "$2"
	done
}
sees_files s1 404 "a student"
sees_files inst 200 "staff"
# In an assignment that has opened, the course's students see it; others do not.
printf 's1,Sam One,n1,A\n' >"$T/roster.csv"
{
	"$VERDICT" course add C1 --title "Course" &&
		"$VERDICT" course enrol C1 "$T/roster.csv" &&
		"$VERDICT" assignment add C1 hw --title "Homework" --opens "2000-01-01 00:00" --due "2999-01-01 00:00" \
			--problem secret
} >>"$T/setup.log" 2>&1
rc=$?
check "setup: a course with s1 and an open assignment holding the hidden problem" "$(tail -5 "$T/setup.log")" $rc -eq 0
sees_files s1 200 "a student of the course"
sees_files s2 404 "a student outside it"

# ---- the editor's assets ----
http -b "$T/s1" "$B/problems/figures"
check "the problem page loads the editor from /static, and the form keeps a draft key" "$(grep -o '<script[^>]*>' "$T/b")" \
	"$(body_has '<script src="/static/editor.js" defer></script>')" -eq 1 \
	-a "$(grep -cE 'data-draft="[0-9]+/figures"' "$T/b")" -eq 1 -a "$(body_has 'data-ext=".py"')" -ge 1
http "$B/static/editor.js"
check "the editor bundle is served as JavaScript, cached by ETag" "$CODE $(hdr Content-Type) $(hdr ETag)" \
	"$CODE" = 200 -a "$(hdr Content-Type)" = "text/javascript; charset=utf-8" -a -n "$(hdr ETag)" \
	-a "$(stat -c %s "$T/b")" -gt 100000
finish
