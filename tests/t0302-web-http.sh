#!/bin/bash
# The web server over HTTP (curl, and python3 for raw sockets): logging in
# and out, throttling, who may see what, CSRF, escaping of everything users
# and packages control, bad and oversized requests, caching of static files,
# privilege separation, sessions across a restart, and an instructor's
# journey with a real judge (submit, upload, rejudge, grades, settings).
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/web_lib.sh"

for u in s1:student s2:student s3:student inst:instructor adm:admin; do
	"$VERDICT" user add "${u%%:*}" --role "${u#*:}" --password-file "$T/pw" >>"$T/setup.log" 2>&1
done
# `user add` refuses such a name: straight into the table, with s1's hash.
XNAME='<b>x</b><script>alert(3)</script>'
sql "insert into users (name, role, password_hash, created_at) select '$XNAME', 'student', password_hash, 0 from users where name='s1'"
# A package whose statement and title carry raw HTML.
cp -r "$REPO/problems/aplusb" "$T/xssprob"
printf '\n<script>alert(4)</script>\n\nInline <img src=x onerror=alert(6)> too.\n' >>"$T/xssprob/statement/problem.en.md"
sed -i 's|^name: .*|name: "A <script>alert(5)</script> B"|' "$T/xssprob/problem.yaml"
cp -r "$REPO/problems/aplusb" "$T/hideme"
for p in "$REPO/problems/aplusb" "$T/xssprob" "$T/hideme"; do
	"$VERDICT" problem add --publish "$p" >>"$T/setup.log" 2>&1
done
check "setup: 6 users and 3 problems" "$(cat "$T/setup.log")" \
	"$(sql "select count(*) from users")/$(sql "select count(*) from problems")" = 6/3

# sub_count: submissions stored.
sub_count() { sql "select count(*) from submissions"; }

# ==== The server without a judge: submissions stay queued ====
export VERDICT_SUBMIT_LIMITS="1,20/600"
if ! start_server --no-judge --max-upload-mb 1; then
	not_ok "verdict serve starts and answers" "$(tail -20 "$T/serve.log")"
	finish
fi
ok "verdict serve starts and answers"

# ---- privilege separation ----
# web_pid: the process at the server's end of an open connection: the one
# that reads HTTP (the supervisor also holds the listening socket, to start
# a new web server if one dies, but never accepts on it).
web_pid() {
	local pid
	exec 3<>"/dev/tcp/127.0.0.1/$PORT"
	printf 'GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' >&3
	read -r -t 5 _ <&3
	pid=$(ss -Htnp state established "sport = :$PORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
	exec 3>&-
	echo "$pid"
}
lpid=$(web_pid)
uids=$(awk '/^Uid:/ { print $2, $3, $4, $5 }' "/proc/$lpid/status" 2>/dev/null)
check "the process that reads HTTP runs as uid 61001 (real, effective, saved, fs)" "pid=$lpid uids=$uids" \
	-n "$lpid" -a "$uids" = "61001 61001 61001 61001"
check "and holds no capabilities, with no_new_privs" "$(grep -E '^(CapEff|NoNewPrivs)' "/proc/$lpid/status" | tr '\n' ' ')" \
	"$(grep -cE '^(CapEff:[[:space:]]+0+|NoNewPrivs:[[:space:]]+1)$' "/proc/$lpid/status")" -eq 2
check "and runs under a seccomp filter (web/web_seccomp.c; tests/unit/web_seccomp checks what it refuses)" \
	"$(grep -E '^Seccomp:' "/proc/$lpid/status")" "$(grep -cE '^Seccomp:[[:space:]]+2$' "/proc/$lpid/status")" -eq 1

# ---- logging in ----
http "$B/problems"
check "not logged in, /problems redirects to the login page" "$CODE $(hdr Location)" \
	"$CODE" = 303 -a "$(hdr Location)" = "/login?next=/problems"
login s1 'not the password' "$T/bad.jar"
check "a wrong password is 403" "$CODE" "$CODE" = 403 -a "$(body_has 'wrong user name or password')" -ge 1
check "and sets no cookie" "$(grep -i '^set-cookie' "$T/h")" "$(grep -ci '^set-cookie' "$T/h")" -eq 0
login s1 "$PW" "$T/s1.jar"
cookie=$(hdr Set-Cookie)
check "the right password: 303 with a session cookie" "$CODE $cookie" \
	"$CODE" = 303 -a "$(echo "$cookie" | grep -cE '^verdict_session=[A-Za-z0-9_-]{43};')" -eq 1
check "the session cookie is HttpOnly and SameSite=Lax" "$cookie" \
	"$(echo "$cookie" | grep -c '; HttpOnly')" -eq 1 -a "$(echo "$cookie" | grep -c '; SameSite=Lax')" -eq 1
http -b "$T/s1.jar" "$B/problems"
check "the cookie logs s1 in" "$CODE" "$CODE" = 200 -a "$(body_has '<span class="user">s1</span>')" -eq 1
login s1 "$PW" "$T/s1b.jar"
tok=$(csrf_of "$T/s1b.jar")
http -b "$T/s1b.jar" -d "csrf=$tok" "$B/logout"
check "logging out: 303 to the login page, the cookie cleared" "$CODE $(hdr Location) $(hdr Set-Cookie)" \
	"$CODE" = 303 -a "$(hdr Location)" = /login -a "$(hdr Set-Cookie | grep -c 'Max-Age=0')" -eq 1
http -b "$T/s1b.jar" "$B/problems"
check "after logging out the old cookie no longer works" "$CODE" "$CODE" = 303
http -b "$T/s1.jar" "$B/problems"
check "s1's other session still works" "$CODE" "$CODE" = 200
for i in 1 2 3 4 5; do
	login s3 "wrong password $i" "$T/s3.jar"
	[ "$CODE" = 403 ] || break
done
login s3 "$PW" "$T/s3.jar"
check "after 5 failed logins for a name from an address, even the right password from there is refused" "$CODE $(grep -o 'too many[^<]*' "$T/b")" \
	"$CODE" = 403 -a "$(body_has 'too many failed logins')" -eq 1 -a "$(grep -ci '^set-cookie' "$T/h")" -eq 0
login s2 "$PW" "$T/s2.jar"
check "other names can still log in" "$CODE" "$CODE" = 303
login inst "$PW" "$T/inst.jar"
i1=$CODE
login adm "$PW" "$T/adm.jar"
i2=$CODE
login "$XNAME" 'not the password' "$T/x.jar"
check "a wrong password for a name with HTML shows the name escaped" "$CODE" \
	"$CODE" = 403 -a "$(body_has 'value="&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(3)&lt;/script&gt;"')" -eq 1
login "$XNAME" "$PW" "$T/x.jar"
check "the other accounts log in" "$i1 $i2 $CODE" "$i1 $i2 $CODE" = "303 303 303"
T1=$(csrf_of "$T/s1.jar")
T2=$(csrf_of "$T/s2.jar")
TI=$(csrf_of "$T/inst.jar")
TA=$(csrf_of "$T/adm.jar")
TX=$(csrf_of "$T/x.jar")
check "every session has its own CSRF token" "$T1 $T2 $TI $TA $TX" \
	"$(printf '%s\n' "$T1" "$T2" "$TI" "$TA" "$TX" | grep -cE '^[A-Za-z0-9_-]{43}$')" -eq 5 -a \
	"$(printf '%s\n' "$T1" "$T2" "$TI" "$TA" "$TX" | sort -u | wc -l)" -eq 5

# ---- a login from another site ----
login s2 "$PW" "$T/evil.jar" -H "Origin: http://evil.example"
check "a login POST with a foreign Origin is 403, with no cookie" "$CODE" \
	"$CODE" = 403 -a "$(grep -ci '^set-cookie' "$T/h")" -eq 0
login s2 "$PW" "$T/evil.jar" -H "Origin: http://127.0.0.1:$PORT"
check "with this site's Origin it works" "$CODE" "$CODE" = 303

# ---- pages for staff only ----
for page in /grades /grades.csv /upload /users /problems/aplusb/settings /problems/aplusb/tests /problems/aplusb/tests/3 /rejudges/1 /imports/1; do
	http -b "$T/s2.jar" "$B$page"
	check "a student gets 403 on $page" "$CODE" "$CODE" = 403
done
http -b "$T/s2.jar" -d "csrf=$T2" "$B/problems/aplusb/rejudge"
c1=$CODE
http -b "$T/s2.jar" -F "csrf=$T2" -F "package=@$REPO/problems/aplusb/problem.yaml;filename=aplusb.zip" "$B/upload"
c2=$CODE
http -b "$T/s2.jar" -d "csrf=$T2" -d name=mallory -d role=admin "$B/users"
check "a student's POSTs to rejudge, upload and add a user are 403, even with the CSRF token" "$c1 $c2 $CODE" \
	"$c1 $c2 $CODE" = "403 403 403"
check "and nothing was stored" "" \
	"$(sql "select (select count(*) from regrades) + (select count(*) from imports) + (select count(*) from users where name='mallory')")" -eq 0
http -b "$T/inst.jar" "$B/users"
check "an instructor gets 403 on /users" "$CODE" "$CODE" = 403
http -b "$T/adm.jar" "$B/users"
check "an admin gets /users" "$CODE" "$CODE" = 200 -a "$(body_has '<td>inst</td>')" -eq 1

# ---- submitting ----
cat >"$T/xss.c" <<'EOF'
/* </code><script>alert(1)</script> */
#include <stdio.h>

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b);
	return 0;
}
EOF
AC="$REPO/problems/aplusb/submissions/accepted/aplusb.c"
http -b "$T/s1.jar" --data-urlencode "csrf=$T1" -d language=c --data-urlencode "code@$T/xss.c" "$B/problems/aplusb/submit"
ID1=$(hdr Location | sed -n 's|^/submissions/\([0-9][0-9]*\)$|\1|p')
check "a student submits from the textarea: 303 to the submission" "$CODE $(hdr Location)" "$CODE" = 303 -a -n "$ID1"
check "it is stored, queued" "" "$(sql "select state || ' ' || language from submissions where id=${ID1:-0}")" = "queued c"
http -b "$T/s1.jar" --data-urlencode "csrf=$T1" -d language=c --data-urlencode "code@$T/xss.c" "$B/problems/aplusb/submit"
check "a submission over the per-user limit (1 waiting) is 429 with the reason" "$CODE" \
	"$CODE" = 429 -a "$(body_has 'already have 1 submission waiting')" -eq 1
check "and is not stored" "" "$(sub_count)" -eq 1
check "the form comes back with the code kept, escaped" "" \
	"$(body_has '&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;')" -eq 1
$PY - "$T/b" "$T/xss.c" >"$T/kept" 2>&1 <<'EOF2'
import html, re, sys
page, code = open(sys.argv[1]).read(), open(sys.argv[2]).read()
m = re.search(r'<textarea name="code"[^>]*>(.*?)</textarea>', page, re.S)
# (an HTML parser drops one newline right after <textarea>)
kept = m and html.unescape(m.group(1)[1:] if m.group(1).startswith("\n") else m.group(1))
print("ok" if kept == code else "kept: %r" % (m and m.group(1)[:200]))
EOF2
check "exactly as sent, its lines and tabs kept (not folded into one line)" "$(cat "$T/kept")" "$(cat "$T/kept")" = ok
http -b "$T/s2.jar" -F "csrf=$T2" -F language=c -F "file=@$AC" "$B/problems/aplusb/submit"
ID2=$(hdr Location | sed -n 's|^/submissions/\([0-9][0-9]*\)$|\1|p')
check "a student submits a file (multipart): 303" "$CODE $(hdr Location)" "$CODE" = 303 -a -n "$ID2"
check "stored with the file's name" "" "$(sql "select file_name from submissions where id=${ID2:-0}")" = aplusb.c
http -b "$T/x.jar" --data-urlencode "csrf=$TX" -d language=c --data-urlencode "code@$AC" "$B/problems/aplusb/submit"
ID3=$(hdr Location | sed -n 's|^/submissions/\([0-9][0-9]*\)$|\1|p')
check "the user named with HTML submits too" "$CODE" "$CODE" = 303 -a -n "$ID3"

# ---- whose submissions ----
http -b "$T/s1.jar" "$B/submissions/$ID1"
check "s1 sees their submission, the code escaped" "$CODE" \
	"$CODE" = 200 -a "$(body_has '<code>/* &lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt; */</code>')" -eq 1
check "the source is shown line by line with its tabs" "$(grep -m1 'long long a' "$T/b")" \
	"$(grep -c "^<li><code>$(printf '\t')long long a, b;</code></li>\$" "$T/b")" -eq 1
http -b "$T/s1.jar" "$B/api/submissions/$ID1"
check "and its JSON" "$CODE $(cat "$T/b")" "$CODE" = 200 -a "$(body_has '"state":"queued"')" -eq 1
http -b "$T/s2.jar" "$B/submissions/$ID1"
check "another student gets 404 for it" "$CODE" "$CODE" = 404
http -b "$T/s2.jar" "$B/api/submissions/$ID1"
check "and 404 for its JSON" "$CODE" "$CODE" = 404 -a "$(body_has '"state"')" -eq 0
for q in "" "?user=s1" "?user=s1&problem=aplusb" "?user=%25"; do
	http -b "$T/s2.jar" "$B/submissions$q"
	check "s2's /submissions$q lists only s2's own" "$CODE" \
		"$CODE" = 200 -a "$(body_has "href=\"/submissions/$ID2\"")" -eq 1 -a \
		"$(body_has "href=\"/submissions/$ID1\"")" -eq 0 -a "$(body_has "href=\"/submissions/$ID3\"")" -eq 0
done
http -b "$T/inst.jar" "$B/submissions?user=s1"
check "staff filter by user" "$CODE" \
	"$CODE" = 200 -a "$(body_has "href=\"/submissions/$ID1\"")" -eq 1 -a "$(body_has "href=\"/submissions/$ID2\"")" -eq 0
http -b "$T/inst.jar" "$B/submissions"
check "staff see every user's rows, a name with HTML escaped" "$CODE" \
	"$CODE" = 200 -a "$(body_has "href=\"/submissions/$ID3\"")" -eq 1 -a \
	"$(body_has '<td>&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(3)&lt;/script&gt;</td>')" -eq 1
http -b "$T/x.jar" "$B/problems"
check "the header shows the HTML name escaped" "$CODE" \
	"$CODE" = 200 -a "$(body_has '<span class="user">&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(3)&lt;/script&gt;</span>')" -eq 1
http -b "$T/adm.jar" "$B/users"
check "/users shows it escaped" "$CODE" \
	"$CODE" = 200 -a "$(body_has '<td>&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(3)&lt;/script&gt;</td>')" -eq 1

# ---- a statement and a title with raw HTML ----
http -b "$T/s1.jar" "$B/problems/xssprob"
check "a statement's raw HTML is shown as text" "$CODE" \
	"$CODE" = 200 -a "$(body_has '&lt;script&gt;alert(4)&lt;/script&gt;')" -eq 1 -a "$(body_has '&lt;img src=x')" -eq 1
check "the title with HTML is escaped on the problem page" "" \
	"$(body_has '<h1>A &lt;script&gt;alert(5)&lt;/script&gt; B</h1>')" -eq 1
$PY - "$T/b" "$REPO/problems/aplusb/data/sample" >"$T/samples" 2>&1 <<'EOF2'
import html, re, sys
page, d = open(sys.argv[1]).read(), sys.argv[2]
pres = [html.unescape(p) for p in re.findall(r'<pre>(.*?)</pre>', page, re.S)]
want = [open("%s/%d.%s" % (d, n, e)).read() for n in (1, 2) for e in ("in", "ans")]
print("ok" if pres == want else "shown %r, want %r" % (pres, want))
EOF2
check "the samples are shown exactly, line breaks kept" "$(cat "$T/samples")" "$(cat "$T/samples")" = ok
http -b "$T/s1.jar" "$B/problems"
check "and in the list" "$CODE" "$CODE" = 200 -a "$(body_has '>A &lt;script&gt;alert(5)&lt;/script&gt; B</a>')" -eq 1
check "a student's list shows a visible problem" "" "$(body_has 'href="/problems/hideme"')" -eq 1
http -b "$T/s1.jar" "$B/login?next=/x%22%3E%3Cscript%3Ealert(7)%3C/script%3E"
check "a logged in user is sent on from /login only to a safe next" "$CODE $(hdr Location)" \
	"$CODE" = 303 -a "$(hdr Location)" = /problems
for n in //evil.example /%09/evil.example /%5C/evil.example https://evil.example; do
	http -b "$T/s1.jar" "$B/login?next=$n"
	check "next=$n does not send a logged in user off the site" "$CODE $(hdr Location)" "$CODE" = 303 -a "$(hdr Location)" = /problems
done
http "$B/login?next=/x%22%3E%3Cscript%3Ealert(7)%3C/script%3E"
check "the login form does not reflect a bad next" "$CODE" "$CODE" = 200 -a "$(body_has 'alert(7)')" -eq 0

# ---- settings: hiding a problem, new limits ----
http -b "$T/inst.jar" --data-urlencode "csrf=$TI" -d time_limit=2.5 -d memory_mb=128 "$B/problems/hideme/settings"
check "staff save settings (visible unchecked, 2.5 s, 128 MB): 303" "$CODE $(hdr Location)" \
	"$CODE" = 303 -a "$(hdr Location)" = "/problems/hideme/settings?saved=1"
check "stored: hidden, with the new limits" "" \
	"$(sql "select p.visible || ' ' || v.time_limit || ' ' || v.memory_mb from problems p join problem_versions v on v.problem_id = p.id where p.short_name = 'hideme' order by v.version desc limit 1")" = "0 2.5 128"
http -b "$T/s1.jar" "$B/problems/hideme"
check "a hidden problem is 404 for a student" "$CODE" "$CODE" = 404
http -b "$T/s1.jar" "$B/problems"
check "and absent from the student's list" "$CODE" "$CODE" = 200 -a "$(body_has 'hideme')" -eq 0
n=$(sub_count)
http -b "$T/s2.jar" --data-urlencode "csrf=$T2" -d language=c --data-urlencode "code@$AC" "$B/problems/hideme/submit"
check "a student submitting to a hidden problem gets 404, nothing stored" "$CODE" "$CODE" = 404 -a "$(sub_count)" -eq "$n"
http -b "$T/inst.jar" "$B/problems"
check "staff still list it, marked hidden" "$CODE" "$CODE" = 200 -a "$(body_has 'href="/problems/hideme"')" -eq 1
http -b "$T/inst.jar" "$B/problems/hideme"
check "staff see its page, with the new time limit" "$CODE" \
	"$CODE" = 200 -a "$(body_has 'hidden from students')" -eq 1 -a "$(body_has '<strong>2.5 s</strong>')" -eq 1
http -b "$T/inst.jar" --data-urlencode "csrf=$TI" -d visible=1 -d time_limit=abc -d memory_mb=128 "$B/problems/hideme/settings"
check "a time limit that is not a number is 400, nothing changed" "$CODE" \
	"$CODE" = 400 -a "$(sql "select visible from problems where short_name='hideme'")" = 0

# ---- CSRF ----
n=$(sub_count)
http -b "$T/inst.jar" -d language=c --data-urlencode "code@$AC" "$B/problems/aplusb/submit"
c1=$CODE
http -b "$T/inst.jar" -d csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA -d language=c --data-urlencode "code@$AC" "$B/problems/aplusb/submit"
c2=$CODE
http -b "$T/inst.jar" --data-urlencode "csrf=$T1" -d language=c --data-urlencode "code@$AC" "$B/problems/aplusb/submit"
c3=$CODE
check "a submission without, with a wrong, with another session's CSRF token: 403" "$c1 $c2 $c3" "$c1 $c2 $c3" = "403 403 403"
check "and nothing stored" "" "$(sub_count)" -eq "$n"
http -b "$T/adm.jar" -d name=mallory -d role=admin "$B/users"
c1=$CODE
http -b "$T/adm.jar" -d csrf=x -d name=mallory -d role=admin "$B/users"
c2=$CODE
check "adding a user without or with a wrong CSRF token: 403, nobody added" "$c1 $c2" \
	"$c1 $c2" = "403 403" -a "$(sql "select count(*) from users where name='mallory'")" -eq 0
http -b "$T/adm.jar" --data-urlencode "csrf=$TA" -d name=mallory -d role=student "$B/users"
check "with the token the user is added, the password shown once" "$CODE" \
	"$CODE" = 200 -a "$(sql "select count(*) from users where name='mallory'")" -eq 1 -a "$(body_has 'id="new-password"')" -eq 1
http -b "$T/s2.jar" --data-urlencode "csrf=$T2" -d role=admin "$B/users/s2/role"
c1=$CODE
http -b "$T/adm.jar" --data-urlencode "csrf=$TA" -d role=king "$B/users/mallory/role"
c2=$CODE
http -b "$T/adm.jar" --data-urlencode "csrf=$TA" -d role=student "$B/users/adm/role"
c3=$CODE
check "roles: a student cannot promote themselves (403), no such role (400), an admin cannot demote themselves (409)" \
	"$c1 $c2 $c3" "$c1 $c2 $c3" = "403 400 409" -a \
	"$(sql "select group_concat(role, ' ') from (select role from users where name in ('s2', 'mallory', 'adm') order by name)")" = "admin student student"
http -b "$T/adm.jar" --data-urlencode "csrf=$TA" -d role=instructor "$B/users/mallory/role"
check "an admin makes mallory an instructor" "$CODE" "$CODE" = 303 -a "$(sql "select role from users where name='mallory'")" = instructor
http -b "$T/s1.jar" "$B/problems"
http -b "$T/s1.jar" -d csrf=wrong "$B/logout"
c1=$CODE
http -b "$T/s1.jar" "$B/problems"
check "a logout without the right token is 403 and the session stays" "$c1 $CODE" "$c1 $CODE" = "403 200"

# ---- bad input ----
n=$(sub_count)
http -b "$T/inst.jar" --data-urlencode "csrf=$TI" -d language=cobol --data-urlencode "code@$AC" "$B/problems/aplusb/submit"
check "an unknown language is 400 with a message" "$CODE" "$CODE" = 400 -a "$(body_has 'Unknown language')" -eq 1
http -b "$T/inst.jar" --data-urlencode "csrf=$TI" -d language=c -d code= "$B/problems/aplusb/submit"
check "empty code is 400 with a message" "$CODE" "$CODE" = 400 -a "$(body_has 'the source is empty')" -eq 1
http -b "$T/inst.jar" -H 'Content-Type: application/json' --data "{\"csrf\":\"$TI\",\"language\":\"c\"}" "$B/problems/aplusb/submit"
c1=$CODE
http -b "$T/inst.jar" -H 'Content-Type: text/plain' --data "csrf=$TI" "$B/problems/aplusb/submit"
check "a POST of application/json or text/plain is 415" "$c1 $CODE" "$c1 $CODE" = "415 415"
head -c 1200000 /dev/zero | tr '\0' 'a' >"$T/big.form"
http -b "$T/inst.jar" -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$T/big.form" "$B/problems/aplusb/submit"
check "a form body over 1 MiB is 413" "$CODE $(cat "$T/curl.err")" "$CODE" = 413
check "none of these stored anything" "" "$(sub_count)" -eq "$n"
INST_TOKEN=$(awk '$6 == "verdict_session" { print $7 }' "$T/inst.jar")
st=$(raw "b'POST /problems/aplusb/submit HTTP/1.1\r\nHost: x\r\nCookie: verdict_session=$INST_TOKEN\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000000\r\n\r\n'")
check "a Content-Length over 1 MiB is refused with 413 before the body is sent" "$st" "${st:9:3}" = 413
st=$($PY - "$PORT" "$INST_TOKEN" "$TI" <<'EOF'
import socket, sys
port, tok, csrf = int(sys.argv[1]), sys.argv[2], sys.argv[3]
body = ('--XyZ\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n' + csrf +
        '\r\n--XyZ\r\nContent-Disposition: form-data; name="language"\r\n\r\nc'
        '\r\n--XyZ\r\nContent-Disposition: form-data; name="code"\r\n\r\nint main(void) { return 0; }').encode()
head = ('POST /problems/aplusb/submit HTTP/1.1\r\nHost: x\r\nCookie: verdict_session=%s\r\n'
        'Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: %d\r\n\r\n' % (tok, len(body)))
s = socket.create_connection(("127.0.0.1", port), timeout=8)
s.sendall(head.encode() + body)
out = s.recv(65536)
print(out.split(b"\r\n")[0].decode("latin-1") if out else "closed")
EOF
)
check "a multipart form without its closing boundary is 400, not stored cut short" "$st" \
	"${st:9:3}" = 400 -a "$(sub_count)" -eq "$n"
head -c 1300000 /dev/urandom >"$T/big.zip"
http -b "$T/inst.jar" -F "csrf=$TI" -F "package=@$T/big.zip" "$B/upload"
check "an upload over --max-upload-mb (1) is 413" "$CODE $(cat "$T/curl.err")" "$CODE" = 413
check "and no import is queued" "" "$(sql "select count(*) from imports")" -eq 0
$PY - "$PORT" "$INST_TOKEN" >"$T/chunked" 2>&1 <<'EOF'
import socket, sys, time
port, token = int(sys.argv[1]), sys.argv[2]
for path, ctype in (("/problems/aplusb/submit", "application/x-www-form-urlencoded"),
                    ("/upload", "multipart/form-data; boundary=XyZ")):
    t = time.time()
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(("POST %s HTTP/1.1\r\nHost: x\r\nCookie: verdict_session=%s\r\nContent-Type: %s\r\n"
               "Transfer-Encoding: chunked\r\n\r\n" % (path, token, ctype)).encode())
    chunk = b"10000\r\n" + b"a" * 0x10000 + b"\r\n"
    sent, how = 0, "all sent"
    try:
        while sent < (64 << 20):
            s.sendall(chunk)
            sent += 0x10000
    except OSError as e:
        how = type(e).__name__
    status = b""
    try:
        status = s.recv(4096).split(b"\r\n")[0]
    except OSError:
        pass
    ok = time.time() - t < 10 and sent < (64 << 20) and (not status or status[9:10] == b"4")
    print(path, "ok" if ok else "FAIL", "%.1fs" % (time.time() - t), sent, how, status.decode("latin-1"))
EOF
check "a chunked body past the limit is cut off within seconds (form and upload)" "$(cat "$T/chunked")" \
	"$(grep -c ' ok ' "$T/chunked")" -eq 2
check "no upload left in the spool" "$(ls "$S/spool" 2>&1)" \
	-d "$S/spool" -a -z "$(ls -A "$S/spool")"

# Malformed requests. (A request line of one word, "GARBAGE", is dropped by
# libmicrohttpd without an answer: allowed here as "closed".)
while IFS='|' read -r what req; do
	st=$(raw "b'$req'")
	check "$what is 400" "$st" "${st:9:3}" = 400
done <<'EOF2'
a request line "GARBAGE HTTP/1.1"|GARBAGE HTTP/1.1\r\nHost: x\r\n\r\n
a request line with a bad protocol|GET / XTTP/1.1\r\nHost: x\r\n\r\n
a request line of four words|GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n
a header line of control bytes, no colon|GET / HTTP/1.1\r\nHost: x\r\n\x01\x02 garbage\r\n\r\n
a Content-Length that is not a number|GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n
EOF2
st=$(raw "b'GARBAGE\r\n\r\n'")
check "a one-word request line gets a 4xx or the connection closed" "$st" "$st" = closed -o "${st:9:1}" = 4
st=$(raw "b'GET / HTTP/1.1\r\nHost: x\r\nX-Big: ' + b'a' * 100000 + b'\r\n\r\n'")
check "a 100 kB header line is refused with a 4xx" "$st" "${st:9:1}" = 4
http "$B/login"
check "the server still answers afterwards" "$CODE" "$CODE" = 200
# libmicrohttpd hands a multipart part without a name over with a NULL name:
# it once crashed the web server, from the login form, logged out.
wpid=$(web_pid)
st=$(raw "(lambda b: b'POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: %d\r\n\r\n' % len(b) + b)(b'--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--\r\n')")
check "a multipart part without a name is answered, by the same web server" "$st $wpid $(web_pid)" \
	"${st:9:3}" = 400 -a -n "$wpid" -a "$wpid" = "$(web_pid)"
# A multipart form in small pieces: libmicrohttpd may start a part with an
# empty piece, then give its first bytes at offset 0 again; they were taken
# for a second field of that name, and the real one left empty.
$PY - "$PORT" "$INST_TOKEN" "$TI" >"$T/pieces" 2>&1 <<'EOF'
import socket, sys, time
port, token, csrf = int(sys.argv[1]), sys.argv[2], sys.argv[3]
body = b"".join(b'--XyZ\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (k, v) for k, v in
                ((b"csrf", csrf.encode()), (b"language", b"python3"), (b"code", b"print(int(input().split()[0]) + 7)"))) + b"--XyZ--\r\n"
req = (b"POST /problems/xssprob/submit HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: verdict_session=%s\r\n"
       b"Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: %d\r\n\r\n" % (token.encode(), len(body)) + body)
s = socket.create_connection(("127.0.0.1", port), timeout=10)
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
for i in range(0, len(req), 5):
    s.sendall(req[i:i + 5])
    time.sleep(0.002)
print(s.recv(4096).split(b"\r\n")[0].decode("latin-1"))
EOF
sid=$(sql "select max(id) from submissions")
check "a multipart form sent 5 bytes at a time is read whole (303, the code stored)" "$(cat "$T/pieces")" \
	"$(cut -c10-12 "$T/pieces")" = 303 -a "$(sql "select source from submissions where id=${sid:-0}")" = 'print(int(input().split()[0]) + 7)'
# A Location that does not fit the answer's header was dropped: a 303 to nowhere.
long=/$(printf 'a%.0s' $(seq 399))
http --data-urlencode name=s2 --data-urlencode "password=$PW" --data-urlencode "next=$long" "$B/login"
check "logging in with a 400-byte next: 303 to it" "$CODE $(hdr Location | cut -c1-40)" "$CODE" = 303 -a "$(hdr Location)" = "$long"
http "$B/problems/$(printf 'p%.0s' $(seq 255))/tests/$(printf '1%.0s' $(seq 127))"
check "not logged in, a 399-byte path: 303 to the login page and back" "$CODE $(hdr Location | cut -c1-40)" \
	"$CODE" = 303 -a "$(hdr Location | cut -c1-22)" = "/login?next=/problems/"

# SQL-looking input: nothing leaks, nothing breaks.
http -b "$T/s2.jar" "$B/submissions?problem=%27%20OR%201%3D1%20--"
check "a student's /submissions?problem=' OR 1=1 -- is 200 and lists nothing" "$CODE" \
	"$CODE" = 200 -a "$(body_has 'href="/submissions/')" -eq 0 -a "$(body_has 'No submissions match')" -eq 1
http -b "$T/s2.jar" "$B/submissions?user=%27%20OR%20%271%27%3D%271"
check "a student's ?user=' OR '1'='1 still shows only their own" "$CODE" \
	"$CODE" = 200 -a "$(body_has "href=\"/submissions/$ID2\"")" -eq 1 -a "$(body_has "href=\"/submissions/$ID1\"")" -eq 0
http -b "$T/inst.jar" "$B/submissions?user=%27%20OR%20%271%27%3D%271%20--"
check "staff's ?user=' OR '1'='1 -- matches nobody" "$CODE" \
	"$CODE" = 200 -a "$(body_has 'href="/submissions/')" -eq 0 -a "$(body_has 'No submissions match')" -eq 1
for path in "/problems/x'%20OR%201=1" "/problems/x'%20OR%201=1%20--/submit" "/submissions/1%20OR%201=1" \
	"/api/submissions/$ID1%20OR%201=1" "/submissions/1;DROP%20TABLE%20users"; do
	http -b "$T/s2.jar" "$B$path"
	check "GET $path is 404 or 405" "$CODE" "$CODE" = 404 -o "$CODE" = 405
done
check "the users are all still there" "" "$(sql "select count(*) from users")" -eq 7

# ---- static files ----
http "$B/static/style.css"
etag=$(hdr ETag)
check "/static/style.css: 200, text/css, Cache-Control with max-age and an ETag" "$CODE $(hdr Content-Type) $(hdr Cache-Control) $etag" \
	"$CODE" = 200 -a "$(hdr Content-Type | grep -c '^text/css')" -eq 1 -a "$(hdr Cache-Control | grep -c 'max-age=[1-9]')" -eq 1 -a -n "$etag"
http -H "If-None-Match: $etag" "$B/static/style.css"
check "If-None-Match with that ETag is 304, with no body" "$CODE" "$CODE" = 304 -a ! -s "$T/b"
http -H 'If-None-Match: "something-else"' "$B/static/style.css"
check "another ETag gets the file again" "$CODE" "$CODE" = 200 -a -s "$T/b"
http "$B/static/nope.css"
check "an unknown static file is 404" "$CODE" "$CODE" = 404
reused=$(curl -sv -m 10 -o /dev/null -o /dev/null -o /dev/null "$B/nope" "$B/problems" "$B/login" 2>&1 | grep -c 'Re-using existing connection')
check "a 404 and a redirect to the login page keep the connection open for the next request" "reused=$reused" "$reused" -eq 2
check "the database is intact" "" "$(sql 'PRAGMA integrity_check')" = ok

# ==== A restart, with the judge ====
unset VERDICT_SUBMIT_LIMITS
stop_server
# Abandoned uploads (a web server died while writing them) are swept at the
# start, but not a recent one (a live server may be writing it) nor one a
# queued import uses.
SP="$S/spool"
printf 'partial' >"$SP/upload-OLD001"
printf 'partial' >"$SP/upload-NEW001"
printf 'PK' >"$SP/upload-QUEUED"
touch -d '2 hours ago' "$SP/upload-OLD001" "$SP/upload-QUEUED"
sql "INSERT INTO imports (user_id, file_name, spool_path, state, created_at) VALUES (NULL, 'queued.zip', '$SP/upload-QUEUED', 'queued', 0)"
if ! start_server --workers 1; then
	not_ok "verdict serve starts again, with a judge" "$(tail -20 "$T/serve.log")"
	finish
fi
check "an abandoned upload an hour old is swept at the start; a recent one and a queued import's are not" \
	"$(ls -A "$SP" | tr '\n' ' ')" ! -e "$SP/upload-OLD001" -a -e "$SP/upload-NEW001" -a \
	"$(grep -c 'removed 1 abandoned upload from the spool' "$T/serve.log")" -eq 1
rm -f "$SP/upload-NEW001"
http -b "$T/s1.jar" "$B/problems"
check "sessions survive a restart of the server" "$CODE" \
	"$CODE" = 200 -a "$(body_has '<span class="user">s1</span>')" -eq 1
http -b "$T/inst.jar" "$B/problems/hideme/settings"
check "the settings survive it too: hidden, 2.5 s, 128 MB" "$CODE" \
	"$CODE" = 200 -a "$(body_has 'id="time_limit" value="2.5"')" -eq 1 -a "$(body_has 'id="memory_mb" value="128"')" -eq 1 -a \
	"$(body_has 'id="visible" checked')" -eq 0
judge=""
for p in $(children_of "$SPID"); do
	case "$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)" in *" judge "*) judge=$p ;; esac
done
check "the judge child runs as root" "pid=$judge $(grep '^Uid:' "/proc/$judge/status" 2>/dev/null)" \
	-n "$judge" -a "$(awk '/^Uid:/ { print $2 $3 }' "/proc/$judge/status" 2>/dev/null)" = 00
lpid=$(web_pid)
check "the web server is again uid 61001" "pid=$lpid" "$(awk '/^Uid:/ { print $3 }' "/proc/$lpid/status" 2>/dev/null)" = 61001
holders=$(ss -Hltnp "sport = :$PORT" | grep -o 'pid=[0-9]*' | sed 's/pid=//' | sort -u | tr '\n' ' ')
check "only it and the supervisor hold the listening socket" "holders=$holders web=$lpid supervisor=$SPID" \
	"$holders" = "$(printf '%s\n' "$lpid" "$SPID" | sort -u | tr '\n' ' ')"

# A web server that dies (a crash, an exploit) is started again by the
# supervisor; sessions are in the database, so nobody is logged out.
kill -KILL "$lpid"
back=""
for _ in $(seq 50); do
	sleep 0.1
	newpid=$(web_pid 2>/dev/null)
	if [ -n "$newpid" ] && [ "$newpid" != "$lpid" ]; then back=$newpid; break; fi
done
http -b "$T/s1.jar" "$B/problems"
check "a killed web server is started again, and sessions still work" "new=$back $CODE $(tail -3 "$T/serve.log" | tr '\n' '|')" \
	-n "$back" -a "$CODE" = 200 -a "$(body_has '<span class="user">s1</span>')" -eq 1 -a \
	"$(awk '/^Uid:/ { print $3 }' "/proc/$back/status" 2>/dev/null)" = 61001

# wait_json JAR ID: polls /api/submissions/ID (up to 40 s) until done; the last JSON in $T/b.
wait_json() {
	for _ in $(seq 200); do
		http -b "$1" "$B/api/submissions/$2"
		grep -q '"state":"done"' "$T/b" && return 0
		sleep 0.2
	done
	return 1
}
wait_json "$T/s1.jar" "$ID1"
cp "$T/b" "$T/id1.json"
check "the judge judges s1's queued A+B: done, AC" "$(head -c 300 "$T/b")" \
	"$(grep -c '"state":"done","verdict":"AC"' "$T/b")" -eq 1
$PY - "$T/id1.json" >"$T/shape" 2>&1 <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
secret = [t for t in r["tests"] if not t["sample"]]
sample = [t for t in r["tests"] if t["sample"]]
assert len(secret) == 12 and len(sample) == 2, r["tests"]
assert all("name" not in t for t in secret), secret
assert all(t.get("name") for t in sample), sample
print("ok")
EOF
check "its JSON names the samples but no secret test" "$(cat "$T/shape")" "$(cat "$T/shape")" = ok
http -b "$T/s1.jar" "$B/submissions/$ID1"
check "the student's test table shows secret tests as 'Test N'" "$CODE" \
	"$CODE" = 200 -a "$(grep -cE '<tr><td>Test ([3-9]|1[0-4])</td>' "$T/b")" -eq 12 -a "$(body_has '(sample)</td>')" -eq 2
check "and no secret name or data" "$(grep -o 'secret[^<]*' "$T/b" | head -3)" \
	"$(grep -ciE 'secret|>0[1-9]<|>1[0-2]<|327536371090171274|600181214555667327' "$T/b")" -eq 0
http -b "$T/inst.jar" "$B/submissions/$ID1"
check "staff see the secret tests' names" "$CODE" "$CODE" = 200 -a "$(grep -c '<tr><td>[^<]*secret[^<]*</td>' "$T/b")" -eq 12
for id in "$ID2" "$ID3"; do
	wait_json "$T/inst.jar" "$id"
	check "submission $id judged AC" "$(head -c 200 "$T/b")" "$(grep -c '"verdict":"AC"' "$T/b")" -eq 1
done

printf 'int main(void)\n{\n\treturn x;\n}\n' >"$T/ce.c"
http -b "$T/inst.jar" --data-urlencode "csrf=$TI" -d language=c --data-urlencode "code@$T/ce.c" "$B/problems/aplusb/submit"
IDCE=$(hdr Location | sed -n 's|^/submissions/\([0-9][0-9]*\)$|\1|p')
wait_json "$T/inst.jar" "${IDCE:-0}"
check "code that does not compile is CE" "$(head -c 200 "$T/b")" "$(grep -c '"verdict":"CE"' "$T/b")" -eq 1
http -b "$T/inst.jar" "$B/submissions/${IDCE:-0}"
$PY - "$T/b" >"$T/compile" 2>&1 <<'EOF2'
import html, re, sys
m = re.search(r'<pre class="compile" id="compile">(.*?)</pre>', open(sys.argv[1]).read(), re.S)
out = html.unescape(m.group(1)) if m else ""
print("ok" if "undeclared" in out and len(out.splitlines()) >= 3 else "compile output: %r" % out[:300])
EOF2
check "the compiler output is shown with its lines" "$(cat "$T/compile")" "$(cat "$T/compile")" = ok

# ---- uploading packages ----
(cd "$REPO/problems" && zip -qr "$T/newprob.zip" aplusb)
mkdir -p "$T/broken/broken" && echo "not a package" >"$T/broken/broken/README.txt"
(cd "$T/broken" && zip -qr "$T/broken.zip" broken)
# wait_import ID: polls /imports/ID (up to 40 s) until it is no longer pending.
wait_import() {
	for _ in $(seq 200); do
		http -b "$T/inst.jar" "$B/imports/$1"
		grep -q 'data-refresh' "$T/b" || return 0
		sleep 0.2
	done
	return 1
}
http -b "$T/inst.jar" -F "csrf=$TI" -F "package=@$T/newprob.zip" "$B/upload"
IMP=$(hdr Location | sed -n 's|^/imports/\([0-9][0-9]*\)$|\1|p')
check "an instructor uploads newprob.zip: 303 to the import" "$CODE $(hdr Location)" "$CODE" = 303 -a -n "$IMP"
wait_import "${IMP:-0}"
check "the import page says done" "$(grep -o '<p class="[^"]*" id="import-[a-z]*">[^<]*' "$T/b")" \
	"$(body_has 'data-state="done"')" -eq 1 -a "$(body_has 'id="import-done"')" -eq 1
http -b "$T/inst.jar" "$B/problems"
check "newprob appears in /problems for staff" "$CODE" "$CODE" = 200 -a "$(body_has 'href="/problems/newprob"')" -eq 1
http -b "$T/s1.jar" "$B/problems"
check "an uploaded problem is hidden from students until it is published" "$CODE" \
	"$CODE" = 200 -a "$(body_has 'href="/problems/newprob"')" -eq 0
http -b "$T/inst.jar" -F "csrf=$TI" -F "package=@$T/broken.zip" "$B/upload"
IMP=$(hdr Location | sed -n 's|^/imports/\([0-9][0-9]*\)$|\1|p')
wait_import "${IMP:-0}"
check "a malformed package: the import page shows an error" "$(grep -o 'id="import-[a-z]*">[^<]*' "$T/b")" \
	"$(body_has 'data-state="failed"')" -eq 1 -a "$(grep -cE '<p class="error" id="import-error">[^<]+' "$T/b")" -eq 1
check "and no problem was added" "" "$(sql "select count(*) from problems where short_name='broken'")" -eq 0
cp "$T/newprob.zip" "$T/newprob.exe"
http -b "$T/inst.jar" -F "csrf=$TI" -F "package=@$T/newprob.exe" "$B/upload"
check "a package not named like an archive is 400 at once" "$CODE" "$CODE" = 400 -a "$(body_has 'id="upload-error"')" -eq 1

# ---- rejudging ----
http -b "$T/inst.jar" -d "csrf=$TI" "$B/problems/newprob/rejudge"
check "rejudging a problem with nothing judged yet says so (200, not an error)" "$CODE" \
	"$CODE" = 200 -a "$(body_has 'id="rejudge-nothing"')" -eq 1 -a "$(sql "select count(*) from regrades")" -eq 0
http -b "$T/inst.jar" -d "csrf=$TI" "$B/submissions/999999/rejudge"
check "rejudging a submission that does not exist is 404" "$CODE" "$CODE" = 404
http -b "$T/inst.jar" -d "csrf=$TI" "$B/problems/aplusb/rejudge"
RJ=$(hdr Location | sed -n 's|^/rejudges/\([0-9][0-9]*\)$|\1|p')
check "rejudging a problem: 303 to the rejudge" "$CODE $(hdr Location)" "$CODE" = 303 -a -n "$RJ"
for _ in $(seq 150); do
	http -b "$T/inst.jar" "$B/rejudges/${RJ:-0}"
	grep -q 'data-refresh' "$T/b" || break
	sleep 0.2
done
check "the rejudge page lists its submissions" "$CODE $(grep -o 'id="rejudge-summary">[^<]*' "$T/b")" \
	"$CODE" = 200 -a "$(body_has "href=\"/submissions/$ID1\"")" -eq 1 -a "$(body_has "href=\"/submissions/$ID2\"")" -eq 1 -a \
	"$(body_has "href=\"/submissions/$ID3\"")" -eq 1
check "every one judged again (3 AC, 1 CE), the name with HTML escaped" "$(grep -o 'id="rejudge-summary">[^<]*' "$T/b")" \
	"$(body_has '4 submissions rejudged')" -eq 1 -a "$(body_has '0 still waiting')" -eq 1 -a \
	"$(grep -c 'v-AC">AC</span></td></tr>' "$T/b")" -eq 3 -a "$(grep -c 'v-CE">CE</span></td></tr>' "$T/b")" -eq 1 -a "$(body_has '<td>&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(3)&lt;/script&gt;</td>')" -eq 1

# ---- test data, for staff ----
http -b "$T/inst.jar" "$B/problems/aplusb/tests"
check "staff see the test data list, secret names included" "$CODE" \
	"$CODE" = 200 -a "$(grep -c '<td>secret</td>' "$T/b")" -eq 12 -a "$(grep -c '<td>sample</td>' "$T/b")" -eq 2
secret3=$(ls "$REPO/problems/aplusb/data/secret/"*.in | sort | head -1)
http -b "$T/inst.jar" "$B/problems/aplusb/tests/3"
check "and a secret test's input, exactly" "$CODE" \
	"$CODE" = 200 -a "$(sed -n 's/.*<pre id="test-input">\(.*\)/\1/p' "$T/b" | head -1)" = "$(head -1 "$secret3")"
http -b "$T/inst.jar" "$B/problems/aplusb/tests/99"
check "a test that does not exist is 404" "$CODE" "$CODE" = 404

# ---- staff see a submission's judgings, the regrade's and the one before ----
http -b "$T/inst.jar" "$B/submissions/${ID1:-0}"
check "staff see every judging of a rejudged submission" "$(grep -c '<tr><td>[0-9]*</td><td>20' "$T/b")" \
	"$CODE" = 200 -a "$(grep -o 'id="judgings"' "$T/b" | wc -l)" -eq 1 -a \
	"$(sed -n '/id="judgings"/,/<\/table>/p' "$T/b" | grep -c '<td>v1</td>')" -eq 2
http -b "$T/s1.jar" "$B/submissions/${ID1:-0}"
check "the student does not" "$CODE" "$CODE" = 200 -a "$(body_has 'id="judgings"')" -eq 0

# ---- grades ----
http -b "$T/inst.jar" "$B/grades.csv"
check "/grades.csv is text/csv with a header line" "$(hdr Content-Type) $(head -1 "$T/b")" \
	"$CODE" = 200 -a "$(hdr Content-Type | grep -c '^text/csv')" -eq 1 -a "$(head -1 "$T/b" | grep -c '^user,.*aplusb,aplusb verdict,.*total$')" -eq 1
check "with s1's AC" "$(cat "$T/b")" "$(grep -c '^s1,.*AC' "$T/b")" -eq 1
http -b "$T/inst.jar" "$B/grades"
check "the gradebook page shows the name with HTML escaped" "$CODE" \
	"$CODE" = 200 -a "$(body_has '&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(3)&lt;/script&gt;</a>')" -eq 1

# ---- progress while judging: tests run so far, on the page and in the JSON ----
cat >"$T/slow.c" <<'EOF'
#include <stdio.h>
#include <time.h>
int main(void)
{
	long long a, b;
	while (clock() < CLOCKS_PER_SEC / 4) /* 0.25 s of CPU per test */
		;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b);
	return 0;
}
EOF
http -b "$T/inst.jar" --data-urlencode "csrf=$TI" -d language=c --data-urlencode "code@$T/slow.c" "$B/problems/aplusb/submit"
IDS=$(hdr Location | sed -n 's|^/submissions/\([0-9][0-9]*\)$|\1|p')
seen=""
for _ in $(seq 150); do
	http -b "$T/inst.jar" "$B/api/submissions/${IDS:-0}"
	if grep -q '"state":"judging".*"tests_done":[1-9]' "$T/b"; then
		seen=$(cat "$T/b")
		http -b "$T/inst.jar" "$B/submissions/${IDS:-0}"
		break
	fi
	grep -q '"state":"done"' "$T/b" && break
	sleep 0.1
done
check "while judging, the JSON counts the tests run" "$(cat "$T/b")" -n "$seen"
check "and the page says how far it got" "$(grep -o '<p id="progress">[^<]*' "$T/b")" \
	"$(grep -cE '<p id="progress">[0-9]+ of at most 14 tests run.</p>' "$T/b")" -eq 1
wait_json "$T/inst.jar" "${IDS:-0}"

# ---- Java from the textarea: the file is named after the public class ----
cat >"$T/Sum.java" <<'EOF'
import java.util.Scanner;
/* public class NotThis */
// public class NorThis
public final class Sum {
    static String s = "public class Nope {";
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        long a = in.nextLong(), b = in.nextLong();
        System.out.println(a + b);
    }
}
EOF
http -b "$T/inst.jar" --data-urlencode "csrf=$TI" -d language=java --data-urlencode "code@$T/Sum.java" "$B/problems/aplusb/submit"
IDJ=$(hdr Location | sed -n 's|^/submissions/\([0-9][0-9]*\)$|\1|p')
wait_json "$T/inst.jar" "${IDJ:-0}"
check "Java from the textarea (class names in comments and strings ignored) is AC" "$(head -c 200 "$T/b")" \
	"$(grep -c '"verdict":"AC"' "$T/b")" -eq 1
http -b "$T/inst.jar" "$B/submissions/${IDJ:-0}"
check "as Sum.java" "$(grep -o '<span class="muted">[^<]*</span></h2>' "$T/b")" "$(body_has '<span class="muted">Sum.java</span>')" -eq 1

# ---- a judge that dies is replaced, and what it held is judged ----
judge=""
for p in $(children_of "$SPID"); do
	case "$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)" in *" judge "*) judge=$p ;; esac
done
kill -KILL "$judge" 2>/dev/null
http -b "$T/inst.jar" --data-urlencode "csrf=$TI" -d language=c --data-urlencode "code@$AC" "$B/problems/aplusb/submit"
IDK=$(hdr Location | sed -n 's|^/submissions/\([0-9][0-9]*\)$|\1|p')
wait_json "$T/inst.jar" "${IDK:-0}"
newjudge=""
for p in $(children_of "$SPID"); do
	case "$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)" in *" judge "*) newjudge=$p ;; esac
done
check "a judge killed with -9 is replaced, and a submission made meanwhile is judged" \
	"old=$judge new=$newjudge $(cat "$T/b")" -n "$judge" -a -n "$newjudge" -a "$newjudge" != "$judge" -a \
	"$(grep -c '"verdict":"AC"' "$T/b")" -eq 1

# ---- everything escaped, everywhere ----
check "no HTML page held a raw <script>alert or <img src=x" "$(grep -o '.\{40\}<script>alert.\{20\}' "$T/all" | head -3)" \
	"$(grep -c '<script>alert\|<img src=x' "$T/all")" -eq 0 -a "$(grep -c '&lt;script&gt;alert' "$T/all")" -ge 10
check "the database is intact at the end" "" "$(sql 'PRAGMA integrity_check')" = ok

# ==== Over TLS (--tls-cert/--tls-key): the session cookie is Secure ====
stop_server
if openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 2 -keyout "$T/key.pem" -out "$T/cert.pem" \
	>/dev/null 2>&1 && chmod 644 "$T/key.pem"; then
	"$VERDICT" serve --listen "127.0.0.1:$PORT" --no-judge --tls-cert "$T/cert.pem" --tls-key "$T/key.pem" \
		>>"$T/serve.log" 2>&1 </dev/null &
	SPID=$!
	for _ in $(seq 100); do
		curl -sk -o /dev/null -m 1 "https://127.0.0.1:$PORT/login" && break
		sleep 0.1
	done
	http -k --data-urlencode "name=s2" --data-urlencode "password=$PW" -d next=/problems "https://127.0.0.1:$PORT/login"
	check "over TLS, logging in sets a Secure, HttpOnly, SameSite=Lax cookie" "$CODE $(hdr Set-Cookie)" \
		"$CODE" = 303 -a "$(hdr Set-Cookie | grep -c 'HttpOnly.*SameSite=Lax; Secure')" -eq 1
	code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "http://127.0.0.1:$PORT/login")
	check "and plain HTTP on the TLS port gets no page" "$code" "$code" != 200
	stop_server
	if start_server --no-judge --secure-cookies; then
		login s2 "$PW" "$T/proxy.jar"
		check "behind a TLS proxy (--secure-cookies) the cookie is Secure too" "$CODE $(hdr Set-Cookie)" \
			"$CODE" = 303 -a "$(hdr Set-Cookie | grep -c '; Secure')" -eq 1
	else
		not_ok "verdict serve --secure-cookies starts" "$(tail -5 "$T/serve.log")"
	fi
else
	not_ok "openssl makes a test certificate" ""
fi
finish
