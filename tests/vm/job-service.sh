#!/bin/bash
# tests/vm/job-service.sh: the cgroup v2 guest's job in layout 2, what an
# operator gets: systemd is PID 1 and this job runs as a plain (not
# delegated) service. It installs Verdict with `make install`, starts the
# verdict service (Delegate=yes), makes an instructor and a student, and
# over HTTP: uploads a package, submits as the student and as the
# instructor in all four languages (AC, WA, TLE, MLE, RE, OLE, a fork
# bomb), restarts the service and finds sessions and submissions still
# there; reads the levels in the journal; runs every sandbox test (t01*)
# in a delegated unit; runs `verdict sandbox` from this undelegated service
# (it asks systemd for a scope itself) and, with that turned off, sees SE
# with the command to run; uninstalls, and finds the data left. TAP lines
# named "v2 service: ...".
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO" || exit 1
export LC_ALL=C
V=/usr/local/bin/verdict
ST=/var/lib/verdict
B=http://127.0.0.1:8080
W=/root/guest-web
mkdir -p $W
T0=$(cut -d. -f1 /proc/uptime)
# cpu_seconds GROUP-DIR: the CPU seconds its cpu.stat counts so far into
# REPLY, or "-" when it is gone (builtins only: no process started).
cpu_seconds() {
	local k v
	REPLY=-
	[ -r "$1/cpu.stat" ] || return
	while read -r k v; do [ "$k" = usage_usec ] && REPLY=$((v / 1000000)) && return; done <"$1/cpu.stat"
}
# cpu_report WHEN: the units that used the most CPU so far, to show where
# the guest's time goes.
cpu_report() {
	local d line=""
	for d in /sys/fs/cgroup/*.slice/*/ /sys/fs/cgroup/init.scope/; do
		d=${d%/}
		cpu_seconds "$d"
		line+="$REPLY ${d##*/}"$'\n'
	done
	echo "# v2 service: CPU seconds by unit, $1: $(sort -rn <<<"$line" | head -8 | tr '\n' ',')"
}
unit_cpu() { cpu_seconds /sys/fs/cgroup/system.slice/$1; echo "$REPLY"; } # UNIT
mark() {
	local up
	read -r up _ </proc/uptime
	up=${up%.*}
	echo "# v2 service: at $((up - T0)) s of the job ($up s since boot; CPU s so far: job $(unit_cpu verdict-guest.service)," \
		"service $(unit_cpu verdict.service), sandbox tests $(unit_cpu verdict-sandbox-tests.service)): $1"
}
ok() { echo "ok - v2 service: $1"; }
not_ok() { echo "not ok - v2 service: $1: $2"; }
check() { # NAME DETAIL TEST...
	local name=$1 detail=$2
	shift 2
	if [ "$@" ] 2>/dev/null; then ok "$name"; else not_ok "$name" "$detail"; fi
}
wait_http() {
	for _ in $(seq 240); do
		curl -s -o /dev/null -m 2 "$B/login" && return 0
		sleep 0.5
	done
	return 1
}
# http CURL-ARGS...: status in $CODE, headers in $W/h, body in $W/b.
http() { CODE=$(curl -sS -m 60 -o $W/b -D $W/h -w '%{http_code}' "$@" 2>$W/curl.err); }
loc() { grep -i '^location:' $W/h | head -1 | cut -d' ' -f2- | tr -d '\r'; }
login() { # NAME PASSWORD JAR
	rm -f "$3"
	http -c "$3" --data-urlencode "name=$1" --data-urlencode "password=$2" -d next=/problems "$B/login"
}
csrf_of() { curl -s -m 30 -b "$1" "$B/problems" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1; }


mark "1. Installed"
# 1. Installed as the README says.
make install >$W/install.log 2>&1
rc=$?
check "make install exits 0" "rc=$rc $(tail -5 $W/install.log | tr '\n' '|')" $rc -eq 0
check "it installed the binary, the unit, the settings and the verdict account" "$(ls -l $V /usr/local/lib/systemd/system/verdict.service /etc/verdict/verdict.conf 2>&1 | tr '\n' '|')" \
	-x $V -a -f /usr/local/lib/systemd/system/verdict.service -a -f /etc/verdict/verdict.conf -a -n "$(getent passwd verdict)"
# The sandbox tests (all but t0102, which runs alone in 8.) in a delegated
# unit of their own, what the service has, on the guest's second vCPU
# while the journey below (one judge worker) uses the first. A box's
# limits are CPU time, charged only while a program runs, so neither
# pushes the other's runs past a limit. (After make install: it would
# rebuild build/verdict under them if a source were newer.)
systemd-run --unit=verdict-sandbox-tests -p Delegate=yes --wait --pipe --quiet --working-directory="$REPO" \
	-E VERDICT="$REPO/build/verdict" -E PROGS="$REPO/build/tests/progs" -E LC_ALL=C -E VERDICT_TEST_JOBS=1 \
	tests/run.sh t0101 t0103 t0104 t0105 t0106 t0107 t0108 t0109 t0110 t0111 </dev/null >$W/sandbox-tests 2>&1 &
sandbox_tests=$!

# One judge worker: under emulation two compilers at once pushed each
# other past their 30 s of CPU. (Also shows that the settings file is read.)
printf 'workers = 1\n' >>/etc/verdict/verdict.conf
# A course that takes the four languages only, as an operator says it:
# the others switched off in /etc/verdict/languages.yaml. (Their version
# commands, JVMs and GHC among them, were some 70 s of emulated CPU.)
for l in $(sed -n 's/^\([a-z0-9]*\):$/\1/p' "$REPO/judge/judging/languages.yaml"); do
	case $l in c | cpp | python3 | java) ;; *) printf '%s:\n  enabled: false\n' "$l" ;; esac
done >/etc/verdict/languages.yaml
chmod 644 /etc/verdict/languages.yaml
systemctl enable --now verdict >$W/enable.log 2>&1
rc=$?
wait_http
check "systemctl enable --now verdict gives a server that answers" "rc=$rc $(tail -3 $W/enable.log | tr '\n' '|') $(journalctl -u verdict --no-pager | tail -5 | tr '\n' '|')" \
	$rc -eq 0 -a "$(curl -s -o /dev/null -w '%{http_code}' $B/login)" = 200
svc=/sys/fs/cgroup/system.slice/verdict.service
check "in its delegated cgroup, Verdict's processes moved into verdict.service/supervisor, the service's own group is empty" \
	"$(ls $svc 2>&1 | tr '\n' ' ') procs=$(cat $svc/cgroup.procs 2>&1 | tr '\n' ' ')" \
	-n "$(cat $svc/supervisor/cgroup.procs 2>/dev/null)" -a -z "$(cat $svc/cgroup.procs 2>/dev/null)"
check "the state directory has the trust boundary's layout" "$(ls -la $ST 2>&1 | tr '\n' '|')" \
	"$(stat -c '%U %a' $ST $ST/data $ST/db 2>/dev/null | tr '\n' ' ')" = "root 755 root 755 verdict 700 "

mark "2. People"
# 2. People, as the README's first steps say.
printf 'teach me 12345\n' >$W/pw-prof
printf 'learn me 12345\n' >$W/pw-stu
$V user add prof --role instructor --password-file $W/pw-prof --state $ST >/dev/null 2>&1
$V user add stu --password-file $W/pw-stu --state $ST >/dev/null 2>&1
login prof 'teach me 12345' $W/prof.jar
check "the instructor logs in" "status $CODE" "$CODE" = 303
login stu 'learn me 12345' $W/stu.jar
check "the student logs in" "status $CODE" "$CODE" = 303
CP=$(csrf_of $W/prof.jar)
CS=$(csrf_of $W/stu.jar)

mark "3. A package"
# 3. A package over HTTP: a+b with a limit the JVM's start fits in under
# emulation (it took 1.6 to 6 s of CPU there, 2.7 s in the last runs).
P=$W/guestsum
mkdir -p $P/data/sample $P/data/secret $P/statement
printf 'problem_format_version: 2025-09\nname: Guest Sum\nlimits:\n  time_limit: 10\n  memory: 256\n' >$P/problem.yaml
printf 'Print $a+b$.\n' >$P/statement/problem.en.md
printf '1 2\n' >$P/data/sample/1.in && printf '3\n' >$P/data/sample/1.ans
printf '40 2\n' >$P/data/secret/1.in && printf '42\n' >$P/data/secret/1.ans
tar czf $W/guestsum.tar.gz -C $W guestsum
http -b $W/prof.jar -F "csrf=$CP" -F "package=@$W/guestsum.tar.gz;filename=guestsum.tar.gz" "$B/upload"
imp=$(loc)
check "the instructor uploads a package" "status $CODE $(head -c 300 $W/b)" "$CODE" = 303 -a -n "$imp"
for _ in $(seq 120); do
	http -b $W/prof.jar "$B$imp"
	grep -q 'id="import-done"\|id="import-error"' $W/b && break
	sleep 1
done
check "the judge imports it" "$(grep -o 'class="error"[^<]*<' $W/b)" "$(grep -c 'id="import-done"' $W/b)" -eq 1
http -b $W/prof.jar -d "csrf=$CP" -d visible=1 -d time_limit=10 -d memory_mb=256 "$B/problems/guestsum/settings"
check "the instructor makes it visible" "status $CODE" "$CODE" = 303
http -b $W/stu.jar "$B/problems/guestsum"
check "the problem page offers the four languages switched on, no other" "$(grep -o '<option value="[a-z0-9]*" data-ext' $W/b | tr '\n' ' ')" \
	"$(grep -o '<option value="[a-z0-9]*" data-ext' $W/b | cut -d'"' -f2 | sort | tr '\n' ' ')" = "c cpp java python3 "

mark "4. Submissions"
# 4. Submissions over HTTP: the student's, then the instructor's (students
# may have 3 waiting), each with the verdict it must get.
declare -A want
submit() { # JAR CSRF LANGUAGE FILE EXPECTED...
	local jar=$1 csrf=$2 lang=$3 file=$4
	shift 4
	http -b $jar --data-urlencode "csrf=$csrf" -d "language=$lang" --data-urlencode "code@$file" "$B/problems/guestsum/submit"
	local id=$(loc | sed -n 's|^/submissions/\([0-9]*\)$|\1|p')
	[ -n "$id" ] || { not_ok "submitting $(basename $file)" "status $CODE $(head -c 200 $W/b)"; return; }
	want[$id]="$(basename $file):$*"
}
S=$W/src
mkdir -p $S
printf '#include <stdio.h>\nint main(void){long a,b;if(scanf("%%ld %%ld",&a,&b)!=2)return 1;printf("%%ld\\n",a+b);return 0;}\n' >$S/ac.c
# <cstdio>, not <iostream>: parsing iostream alone took g++ most of its
# 30 s of CPU under emulation.
printf '#include <cstdio>\nint main(){long a,b;if(std::scanf("%%ld %%ld",&a,&b)!=2)return 1;std::printf("%%ld\\n",a+b);}\n' >$S/ac.cpp
printf 'a, b = map(int, input().split())\nprint(a + b)\n' >$S/ac.py
printf 'public class Sum {\n  public static void main(String[] x) {\n    java.util.Scanner s = new java.util.Scanner(System.in);\n    System.out.println(s.nextLong() + s.nextLong());\n  }\n}\n' >$S/Sum.java
printf '#include <stdio.h>\nint main(void){long a,b;if(scanf("%%ld %%ld",&a,&b)!=2)return 1;printf("%%ld\\n",a-b);return 0;}\n' >$S/wa.c
printf 'while True:\n    pass\n' >$S/tle.py
# The other verdicts in Python: no compiler to start under emulation.
printf 'x = []\nwhile True:\n    x.append(bytearray(1 << 20))\n' >$S/mle.py
printf 'import os\nos.abort()\n' >$S/re.py
printf 'import sys\nline = "0123456789" * 8 + "\\n"\nwhile True:\n    sys.stdout.write(line)\n' >$S/ole.py
printf '#include <unistd.h>\nint main(void){for(;;)fork();}\n' >$S/forkbomb.c
# api_get PATH: the instructor's GET of PATH into $BODY, by bash's own
# /dev/tcp: under emulation a curl (dynamically linked against some forty
# libraries) cost a third of a second of a vCPU, and waiting polled it.
api_get() {
	local line cookie=""
	BODY=""
	while IFS=$'\t' read -r -a line; do # the jar: domain flag path secure expiry name value
		[ ${#line[@]} -eq 7 ] && cookie+="${cookie:+; }${line[5]}=${line[6]}"
	done <$W/prof.jar
	exec 3<>/dev/tcp/127.0.0.1/8080 || return 1
	printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nCookie: %s\r\n\r\n' "$1" "$cookie" >&3
	while IFS= read -r -t 30 line <&3 || [ -n "$line" ]; do BODY+="$line"$'\n'; done
	exec 3<&-
	BODY=${BODY#*$'\r\n\r\n'} # the headers off
}
# verdict_of ID: the submission's verdict into REPLY (empty while it
# waits), its JSON in $BODY.
verdict_of() {
	REPLY=""
	api_get "/api/submissions/$1"
	[[ $BODY =~ \"verdict\":\"([A-Z]+)\" ]] && REPLY=${BASH_REMATCH[1]}
}
# wait_judged: until every submission so far has a verdict. The newest
# first, and one request per round: under emulation each request costs
# CPU the judge and the sandbox tests need.
wait_judged() {
	local ids=$(printf '%s\n' "${!want[@]}" | sort -rn)
	for _ in $(seq 200); do
		for id in $ids; do
			verdict_of $id
			[ -n "$REPLY" ] || { sleep 2; continue 2; }
		done
		return 0
	done
}
submit $W/stu.jar "$CS" c $S/ac.c AC
first=$(loc | sed -n 's|^/submissions/||p')
submit $W/prof.jar "$CP" cpp $S/ac.cpp AC
submit $W/prof.jar "$CP" python3 $S/ac.py AC
submit $W/prof.jar "$CP" java $S/Sum.java AC
# The JVM needs the 10 s and 256 MB; the rest are judged under 2 s and
# 64 MB, so that the TLE and the fork bomb spend 2 s of emulated CPU each
# instead of 10, and the memory hog meets its limit well within its 2 s
# (filling 256 MB took Python more than 2 s of emulated CPU: TLE).
wait_judged
http -b $W/prof.jar -d "csrf=$CP" -d visible=1 -d time_limit=2 -d memory_mb=64 "$B/problems/guestsum/settings"
check "the instructor sets a 2 s time limit and 64 MB" "status $CODE" "$CODE" = 303
submit $W/prof.jar "$CP" c $S/wa.c WA
submit $W/prof.jar "$CP" python3 $S/tle.py TLE
submit $W/prof.jar "$CP" python3 $S/mle.py MLE
submit $W/prof.jar "$CP" python3 $S/re.py RE
submit $W/prof.jar "$CP" python3 $S/ole.py OLE
submit $W/prof.jar "$CP" c $S/forkbomb.c TLE MLE RE
wait_judged
for id in $(printf '%s\n' "${!want[@]}" | sort -n); do
	verdict_of $id
	file=${want[$id]%%:*} expected=${want[$id]#*:} got=$REPLY
	echo "# v2 service:   $file: $got, CPU ms per test: $(grep -o '"time_ms":[0-9]*' <<<"$BODY" | cut -d: -f2 | tr '\n' ' ')"
	case " $expected " in
	*" $got "*) [ -n "$got" ] && ok "$file is judged $got over HTTP" || not_ok "$file is judged" "no verdict" ;;
	*) not_ok "$file is judged $expected" "got '${got:-nothing}': ${BODY:0:600}" ;;
	esac
done
http -b $W/stu.jar "$B/submissions/$first"
check "the student sees their verdict on their submission's page" "status $CODE" "$CODE" = 200 -a "$(grep -c 'AC' $W/b)" -ge 1

cpu_report "after the submissions"
mark "5. The journal"
# 5. The journal: levels, and a dead judge logged as a warning.
journalctl -u verdict --no-pager -o cat >$W/journal 2>&1
check "journalctl -u verdict shows the server's start" "$(tail -5 $W/journal | tr '\n' '|')" "$(grep -c 'Verdict is serving' $W/journal)" -ge 1
pkill -KILL -f 'verdict judge --state' 
sleep 4
journalctl -u verdict -p warning --no-pager -o cat >$W/warnings 2>&1
check "a killed judge is a warning in the journal (journalctl -p warning), and it is started again" \
	"$(tail -3 $W/warnings | tr '\n' '|')" "$(grep -c 'the judge stopped' $W/warnings)" -ge 1 -a -n "$(pgrep -f 'verdict judge --state')"

mark "6. A restart"
# 6. A restart keeps sessions and submissions.
count=$(sqlite3 $ST/db/verdict.db 'select count(*) from submissions' 2>&1)
systemctl restart verdict
wait_http
http -b $W/stu.jar "$B/submissions/$first"
check "after systemctl restart, the student's session still works and the submission is there" "status $CODE" \
	"$CODE" = 200 -a "$(grep -c 'AC' $W/b)" -ge 1
check "and no submission was lost" "$count vs $(sqlite3 $ST/db/verdict.db 'select count(*) from submissions' 2>&1)" \
	"$(sqlite3 $ST/db/verdict.db 'select count(*) from submissions')" = "$count"

mark "7. A backup"
# 7. A backup of the running service.
$V backup --state $ST $W/backup >$W/backup.log 2>&1
check "verdict backup of the running service" "$(cat $W/backup.log)" -s $W/backup/verdict.db -a -d $W/backup/problems/guestsum
systemctl stop verdict

mark "8. The sandbox"
# 8. The sandbox tests, started at the beginning, and t0102 by itself
# (its summed-CPU check needs both vCPUs), in delegated units.
wait $sandbox_tests
systemd-run --unit=verdict-sandbox-time -p Delegate=yes --wait --pipe --quiet --working-directory="$REPO" \
	-E VERDICT="$REPO/build/verdict" -E PROGS="$REPO/build/tests/progs" -E LC_ALL=C -E VERDICT_TEST_JOBS=1 \
	tests/run.sh t0102 </dev/null >>$W/sandbox-tests 2>&1
grep -v ' passed, ' $W/sandbox-tests |
	sed -n 's/^ok - /ok - v2 service: delegated unit: /p; s/^not ok - /not ok - v2 service: delegated unit: /p'

mark "9. From a group"
# 9. From a group systemd did not delegate (this job's service): Verdict
# asks for a scope itself; told not to, it refuses with the command to run.
r=$("$REPO/build/verdict" sandbox --dir "$REPO/build/tests/progs=/progs" --mem 64 -- /progs/mem_touch 256 2>/dev/null | tail -1)
check "from an undelegated service, verdict sandbox gets a delegated scope by itself: 256 MB under 64 MB is MLE" "$r" \
	"$(echo "$r" | grep -c '"status":"MLE"')" -eq 1
r=$(VERDICT_SYSTEMD_RUN=no "$REPO/build/verdict" sandbox -- /bin/true 2>/dev/null | tail -1)
check "with that turned off, it is SE, naming the missing delegation and the command" "$r" \
	"$(echo "$r" | grep -c '"status":"SE".*not delegated.*systemd-run --scope -p Delegate=yes')" -eq 1

mark "10. Uninstalling"
# 10. Uninstalling leaves the data.
make uninstall >$W/uninstall.log 2>&1
check "make uninstall removes the binary and the unit and leaves the data" "$(cat $W/uninstall.log | tr '\n' '|')" \
	! -e $V -a ! -e /usr/local/lib/systemd/system/verdict.service -a -s $ST/db/verdict.db -a -d $ST/data/problems/guestsum
cpu_report "at the end"
mark "done"
