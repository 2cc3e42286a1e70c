#!/bin/bash
# timeout: 300
# Every shipped language in the box: a compile error in each is CE with the
# compiler's words (A+B accepted and a crash in each are problems/polyglot,
# which t0201 verifies); PyPy 3 and GNU Prolog by --lang; Kattis' detection of
# Python 2 by its shebang, refused on this host (Debian 12 has none) rather
# than judged as Python 3; a queued submission whose toolchain is gone is a
# judge error that says so; a JVM or Go program gets the problem's memory
# on top of its runtime's (a Java heap past it is RE); `verdict languages`
# lists each with its version.
. "$(dirname "$0")/lib.sh"

export VERDICT_DB="$T/verdict.db"
P="$REPO/problems/polyglot"
v() { "$VERDICT" "$@"; }
sqlq() { sqlite3 "$VERDICT_DB" "$1"; }

v user add alice >/dev/null 2>&1
v problem add "$P" >"$T/out" 2>&1 || not_ok "problem add polyglot" "$(cat "$T/out")"

# A source with a syntax error in each language (file name, content).
mkdir -p "$T/ce"
printf 'int main(void) { return x; }\n' >"$T/ce/ce.c"
printf 'int main() { return x; }\n' >"$T/ce/ce.cpp"
printf 'print(1 +)\n' >"$T/ce/ce.py"
printf 'public class Ce { void f() { int x = ; } }\n' >"$T/ce/Ce.java"
printf 'fun main() { val x: Int = "s" }\n' >"$T/ce/ce.kt"
printf 'object Ce { def main(args: Array[String]): Unit = { val x: Int = "s" } }\n' >"$T/ce/Ce.scala"
printf 'package main\n\nfunc main() { x := }\n' >"$T/ce/ce.go"
printf 'fn main() { let x: i32 = "s"; }\n' >"$T/ce/ce.rs"
printf 'let = ;\n' >"$T/ce/ce.js"
printf 'class Ce { static void Main() { int x = "s"; } }\n' >"$T/ce/ce.cs"
printf 'main :: IO ()\nmain = putStrLn 1\n' >"$T/ce/ce.hs"
printf 'let () = print_int "s"\n' >"$T/ce/ce.ml"
printf 'def f(\n' >"$T/ce/ce.rb"
printf '<?php\nfunction {\n' >"$T/ce/ce.php"
printf 'program ce;\nbegin\n  x := 1;\nend.\n' >"$T/ce/ce.pas"
printf '(defun f (\n' >"$T/ce/ce.lisp"
printf 'main :- write(.\n' >"$T/ce/ce.pl"

declare -A want lang_of
for f in "$T"/ce/*; do
	id=$(v submit --user alice --problem polyglot "$f" 2>"$T/err")
	check "submit $(basename "$f")" "$(cat "$T/err")" -n "$id"
	[ -n "$id" ] && want[$id]=CE && lang_of[$id]=$(basename "$f")
done
# PyPy 3 shares .py with Python 3 (which wins the tie, as on Kattis): --lang.
for f in accepted/aplusb.py run_time_error/crash.py; do
	id=$(v submit --user alice --problem polyglot --lang pypy3 "$P/submissions/$f" 2>"$T/err")
	check "submit $f as pypy3" "$(cat "$T/err")" -n "$id"
	case $f in accepted/*) want[$id]=AC ;; *) want[$id]=RE ;; esac
	lang_of[$id]="pypy3 $f"
done
# GNU Prolog shares .pl with SWI-Prolog (which wins, as on Kattis): --lang.
printf ':- initialization(main).\nmain :- read_integer(A), read_integer(B), C is A + B, write(C), nl.\n' >"$T/gsum.pl"
id=$(v submit --user alice --problem polyglot --lang gprolog "$T/gsum.pl" 2>"$T/err")
check "submit a GNU Prolog program with --lang gprolog" "$(cat "$T/err")" -n "$id"
want[$id]=AC
lang_of[$id]="gprolog gsum.pl"
id=$(v submit --user alice --problem polyglot --lang pypy3 "$T/ce/ce.py")
want[$id]=CE
lang_of[$id]="pypy3 ce.py"
check "PyPy 3 submissions are stored as pypy3" "" "$(sqlq "select count(*) from submissions where language='pypy3'")" -eq 3
check "ce.py without --lang is Python 3" "" "$(sqlq "select language from submissions where file_name='ce.py' order by id limit 1")" = python3

# The runtime's memory is the box's, on top of the problem's 256 MB: a JVM
# or Go program that uses 150 MB of it is AC; a Java heap past the limit is
# the JVM's OutOfMemoryError (RE), stopped by -Xmx before the box's limit.
mkdir -p "$T/mem"
cat >"$T/mem/Big.java" <<'EOF'
import java.util.Scanner;
public class Big { public static void main(String[] x) { Scanner s = new Scanner(System.in); long a = s.nextLong(), b = s.nextLong();
  byte[] m = new byte[150 << 20]; for (int i = 0; i < m.length; i += 4096) m[i] = 1; System.out.println(a + b + m[0] - 1); } }
EOF
sed 's/Big/Huge/g; s/150 << 20/400 << 20/' "$T/mem/Big.java" >"$T/mem/Huge.java"
cat >"$T/mem/big.go" <<'EOF'
package main

import "fmt"

func main() {
	var a, b int64
	fmt.Scan(&a, &b)
	m := make([]byte, 150<<20)
	for i := 0; i < len(m); i += 4096 {
		m[i] = 1
	}
	fmt.Println(a + b + int64(m[0]) - 1)
}
EOF
for f in Big.java:AC Huge.java:RE big.go:AC; do
	id=$(v submit --user alice --problem polyglot "$T/mem/${f%:*}" 2>"$T/err")
	check "submit ${f%:*}" "$(cat "$T/err")" -n "$id"
	want[$id]=${f#*:}
	lang_of[$id]="memory: ${f%:*}"
done

v judge --once --workers 2 >"$T/judge.out" 2>&1
for id in "${!want[@]}"; do
	v result "$id" --json >"$T/r.json"
	got=$($PY -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["verdict"], len(r["compile_output"] or ""))' "$T/r.json")
	if [ "${want[$id]}" = CE ]; then
		# The compiler's own message reaches the student, not just "CE".
		check "${lang_of[$id]} is CE with the compiler's messages" "$(head -c 400 "$T/r.json")" \
			"${got% *}" = CE -a "${got#* }" -gt 10
	else
		check "${lang_of[$id]} is ${want[$id]}" "$(head -c 400 "$T/r.json")" "${got% *}" = "${want[$id]}"
	fi
done

# Python 2, detected as problemtools does: a python2 shebang on a .py file.
printf '#!/usr/bin/env python2\nprint 1 + 2\n' >"$T/py2.py"
v submit --user alice --problem polyglot "$T/py2.py" >"$T/out" 2>&1
rc=$?
check "a .py with a python2 shebang is refused: Python 2 is not installed here" "rc=$rc $(cat "$T/out")" \
	"$rc" -ne 0 -a "$(grep -c 'Python 2 is not installed on this judge host' "$T/out")" -eq 1
printf '#!/usr/bin/env python3\nprint(3)\n' >"$T/py3.py"
id=$(v submit --user alice --problem polyglot "$T/py3.py" 2>"$T/err")
check "a .py with a python3 shebang is Python 3" "$(cat "$T/err")" \
	"$(sqlq "select language from submissions where id=${id:-0}")" = python3
mkdir -p "$T/pkg" && cp -r "$P/." "$T/pkg/" && rm -rf "$T/pkg/submissions"/*
mkdir -p "$T/pkg/submissions/accepted" && cp "$T/py2.py" "$T/pkg/submissions/accepted/" &&
	cp "$P/submissions/accepted/aplusb.c" "$T/pkg/submissions/accepted/"
v problem verify --work "$T" "$T/pkg" >"$T/out" 2>&1
rc=$?
check "problem verify skips a Python 2 submission, saying why" "rc=$rc $(cat "$T/out")" \
	"$rc" -eq 0 -a "$(grep -c '^skip accepted/py2.py: Python 2 is not installed on this judge host' "$T/out")" -eq 1

# A toolchain that goes away after a submission was queued: JE, with why.
cat >"$T/with.yaml" <<'EOF'
shell:
  name: POSIX shell
  extensions: [.sh]
  run: [/bin/sh, "/sub/{file}"]
  source_name: main.sh
  version: [/bin/sh, -c, "echo dash"]
EOF
sed 's|/bin/sh, "/sub|/usr/bin/no-such-shell, "/sub|' "$T/with.yaml" >"$T/without.yaml"
chmod 644 "$T/with.yaml" "$T/without.yaml"
printf 'read a b\necho $((a + b))\n' >"$T/sum.sh"
id=$(VERDICT_LANGUAGES="$T/with.yaml" v submit --user alice --problem polyglot "$T/sum.sh" 2>"$T/err")
check "an operator's language takes submissions" "$(cat "$T/err")" -n "$id"
VERDICT_LANGUAGES="$T/without.yaml" v judge --once >"$T/judge.out" 2>&1
v result "${id:-0}" --json >"$T/r.json"
check "its toolchain gone, the submission is JE saying it is not installed" "$(head -c 400 "$T/r.json")" \
	"$($PY -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["verdict"], "not installed on this judge host" in (r["compile_output"] or ""))' "$T/r.json")" = "JE True"
id2=$(VERDICT_LANGUAGES="$T/with.yaml" v submit --user alice --problem polyglot "$T/sum.sh" 2>"$T/err")
VERDICT_LANGUAGES="$T/with.yaml" v judge --once >"$T/judge.out" 2>&1
check "with the toolchain there, the operator's language is judged (AC)" "$(v result "${id2:-0}")" \
	"$(sqlq "select j.verdict from judgings j where j.submission_id=${id2:-0} order by j.id desc limit 1")" = AC

# verdict languages: every shipped language with its version here.
v languages >"$T/langs" 2>&1
for l in c cpp python3 pypy3 java kotlin scala go rust javascript csharp haskell ocaml ruby php pascal lisp prolog gprolog; do
	line=$(grep "^$l " "$T/langs")
	check "verdict languages shows $l with a version" "$line" -n "$line" -a "$(printf '%s' "$line" | grep -c 'not installed\|failed')" -eq 0
done
check "C shows the standard in use" "$(grep '^c ' "$T/langs")" "$(grep -c '^c .*gcc.*-std=gnu17' "$T/langs")" -eq 1
check "C++ shows the standard in use" "$(grep '^cpp ' "$T/langs")" "$(grep -c '^cpp .*g++.*-std=gnu++20' "$T/langs")" -eq 1
check "Python 2 is listed as not installed" "$(grep '^python2 ' "$T/langs")" \
	"$(grep -c '^python2 .*(Python 2 is not installed on this judge host)' "$T/langs")" -eq 1
pk=$(v languages --packages)
check "--packages names each toolchain's Debian packages" "$pk" \
	"$(printf '%s' "$pk" | tr ' ' '\n' | grep -cx 'gcc\|kotlin\|golang-go\|rustc\|mono-mcs\|ghc\|sbcl\|gprolog\|swi-prolog-nox\|scala\|fp-compiler')" -eq 11
finish
