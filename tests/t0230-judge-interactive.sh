#!/bin/bash
# Interactive and multi-pass problems against hostile programs and hostile
# validators: each gets the verdict the format (and problemtools, where it
# is silent) gives, nothing blocks forever, and what a validator leaves in
# its feedback directory is never trusted.
# timeout: 400
. "$(dirname "$0")/lib.sh"

# verdicts_of FILE: "name=VERDICT" for each submission verify reported.
verdicts_of() {
	sed -n 's/^\(ok  \|FAIL\) \([^ ]*\) ([^)]*): \(got \)\{0,1\}\([A-Z]*\).*/\2=\4/p' "$1" | sort | tr '\n' ' '
}

# verify_case NAME PKG EXPECTED: verify PKG, whose submissions must get
# EXPECTED ("dir/file=VERDICT ..." sorted, as verdicts_of prints them).
verify_case() {
	local name=$1 pkg=$2 want=$3 got start=$SECONDS
	"$VERDICT" problem verify --work "$T" "$pkg" >"$T/verify.out" 2>&1
	got=$(verdicts_of "$T/verify.out")
	sed 's/^/# /' "$T/verify.out"
	check "$name ($((SECONDS - start)) s)" "want '$want', got '$got'" "$got" = "$want "
}

# --- hostile programs against the guessing game's interactor ---
G="$T/guessnumber"
cp -r "$REPO/problems/guessnumber" "$G"
rm -r "$G/submissions"
mkdir -p "$G/submissions/wrong_answer" "$G/submissions/time_limit_exceeded" "$G/submissions/accepted"
cp "$REPO/problems/guessnumber/submissions/accepted/bisect.c" "$G/submissions/accepted/"
cat >"$G/submissions/time_limit_exceeded/never_reads.c" <<'C'
#include <unistd.h>
int main(void) { for (;;) pause(); }
C
cat >"$G/submissions/time_limit_exceeded/spins.c" <<'C'
int main(void) { for (volatile long i = 0;; i++) ; }
C
cat >"$G/submissions/wrong_answer/garbage.c" <<'C'
#include <stdio.h>
int main(void) { for (;;) fputs("no idea at all\n", stdout); }
C
cat >"$G/submissions/wrong_answer/floods_guesses.c" <<'C'
/* Guesses 1 forever, never reading an answer: more than its 10 guesses. */
#include <stdio.h>
int main(void) { for (;;) { puts("1"); fflush(stdout); } }
C
cat >"$G/submissions/wrong_answer/closes_stdin.c" <<'C'
#include <stdio.h>
#include <unistd.h>
int main(void) { close(0); printf("500\n"); fflush(stdout); sleep(1); return 0; }
C
cat >"$G/submissions/wrong_answer/exits_early.c" <<'C'
int main(void) { return 0; }
C
verify_case "hostile programs: each gets its verdict" "$G" \
	"accepted/bisect.c=AC time_limit_exceeded/never_reads.c=TLE time_limit_exceeded/spins.c=TLE wrong_answer/closes_stdin.c=WA wrong_answer/exits_early.c=WA wrong_answer/floods_guesses.c=WA wrong_answer/garbage.c=WA"

# Against an interactor that answers any number of guesses, a program that
# floods guesses without reading fills both pipes: its fault (TLE), not
# an interactor that stopped reading.
U="$T/unlimited/guessnumber"
mkdir -p "$T/unlimited" && cp -r "$G" "$U" && rm -r "$U/submissions"
mkdir -p "$U/submissions/time_limit_exceeded"
cp "$G/submissions/wrong_answer/floods_guesses.c" "$U/submissions/time_limit_exceeded/"
sed -i 's/#define MAX_GUESSES 10/#define MAX_GUESSES 1000000000/' "$U/output_validator/interactor.c"
verify_case "flooding guesses at an unlimited interactor, reading nothing: TLE" "$U" \
	"time_limit_exceeded/floods_guesses.c=TLE"

# --- hostile interactors: each is a judge error, never the student's ---
# with_interactor NAME C-BODY: the guessing game whose interactor does
# C-BODY (READ reads the first guess); judged with the accepted bisect.c.
with_interactor() {
	local name=$1 body=$2 dir="$T/hv/guessnumber"
	rm -rf "$T/hv" && mkdir -p "$T/hv" && cp -r "$G" "$dir"
	rm -r "$dir/submissions/wrong_answer" "$dir/submissions/time_limit_exceeded"
	cat >"$dir/output_validator/interactor.c" <<C
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	char path[4096], line[64];
	if (argc < 4)
		return 1;
	snprintf(path, sizeof path, "%sjudgemessage.txt", argv[3]);
#define READ if (!fgets(line, sizeof line, stdin)) return 43;
	$body
}
C
	verify_case "hostile interactor ($name): JE" "$dir" "accepted/bisect.c=JE"
}
with_interactor "never exits" 'READ for (;;) pause();'
with_interactor "spins" 'READ for (volatile long i = 0;; i++) ;'
with_interactor "never reads, rejects after the program's wall clock ran out" 'sleep(4); return 43;'
with_interactor "crashes" 'READ abort();'
with_interactor "exits 0" 'READ return 0;'
with_interactor "writes 100 MB of judgemessage.txt" \
	'READ FILE *f = fopen(path, "w"); static char mb[1 << 20]; memset(mb, 120, sizeof mb); for (int i = 0; i < 100; i++) fwrite(mb, 1, sizeof mb, f); fclose(f); return 42;'
with_interactor "a link as judgemessage.txt" 'READ symlink("/etc/shadow", path); return 43;'
with_interactor "a FIFO as judgemessage.txt" 'READ mkfifo(path, 0666); return 43;'

# --- multi-pass: the format's judge errors, and no trust in nextpass.in ---
# with_validator NAME C-BODY: codeword whose validator does C-BODY (argv and
# a path "next" to the feedback directory's nextpass.in at hand).
with_validator() {
	local name=$1 body=$2 dir="$T/mp/codeword"
	rm -rf "$T/mp" && mkdir -p "$T/mp" && cp -r "$REPO/problems/codeword" "$dir"
	rm -r "$dir/submissions/wrong_answer" "$dir/submissions/time_limit_exceeded" "$dir/submissions/accepted/base27.py"
	cat >"$dir/output_validator/validator.c" <<C
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	char next[4096];
	if (argc < 4)
		return 1;
	snprintf(next, sizeof next, "%snextpass.in", argv[3]);
	$body
}
C
	verify_case "multi-pass validator ($name): JE" "$dir" "accepted/base27.c=JE"
}
with_validator "asks for a third pass" 'FILE *f = fopen(next, "w"); fputs("decode\n1\n", f); fclose(f); return 42;'
with_validator "nextpass.in with a rejection" 'FILE *f = fopen(next, "w"); fputs("decode\n1\n", f); fclose(f); return 43;'
with_validator "nextpass.in a link to /etc/shadow" 'symlink("/etc/shadow", next); return 42;'
with_validator "nextpass.in a FIFO" 'mkfifo(next, 0666); return 42;'

# The multi-pass problem's own submissions, and the pass limit read.
M="$T/mp2/codeword"
mkdir -p "$T/mp2" && cp -r "$REPO/problems/codeword" "$M"
sed -i 's/validation_passes: 2/validation_passes: 1/' "$M/problem.yaml"
"$VERDICT" problem verify --work "$T" "$M" >"$T/verify.out" 2>&1
rc=$?
check "validation_passes: 1 is refused (the format: >= 2)" "rc=$rc $(tr '\n' '|' <"$T/verify.out")" \
	"$rc" -eq 2 -a "$(grep -c 'validation_passes must be a whole number from 2 to 100' "$T/verify.out")" -eq 1
sed -i 's/type: multi-pass/type: interactive/; /validation_passes/d' "$M/problem.yaml"
rm -r "$M/output_validator"
"$VERDICT" problem verify --work "$T" "$M" >"$T/verify.out" 2>&1
rc=$?
check "an interactive problem without a validator is refused" "rc=$rc $(tr '\n' '|' <"$T/verify.out")" \
	"$rc" -eq 2 -a "$(grep -c 'an interactive problem needs its own output validator' "$T/verify.out")" -eq 1

# kill -9 of the judge in the middle of an interactive test: both boxes
# (the program's and the interactor's) die with it.
K="$T/kill/guessnumber"
mkdir -p "$T/kill" && cp -r "$G" "$K" && rm -r "$K/submissions"
mkdir -p "$K/submissions/time_limit_exceeded"
sed -i 's/time_limit: 1.0/time_limit: 5.0/' "$K/problem.yaml" # a wall clock of 11 s
printf 'import time\ntime.sleep(60)\n' >"$K/submissions/time_limit_exceeded/sleeps.py"
{ "$VERDICT" problem verify --work "$T" "$K" >/dev/null 2>&1 & } 2>/dev/null
vp=$!
# box_groups / box_procs: the judge's box groups (one name in each v1
# hierarchy), and the processes in them.
box_groups() { find /sys/fs/cgroup -type d -path "*verdict/box-$vp-*" 2>/dev/null | sed 's|.*/||' | sort -u | wc -l; }
box_procs() {
	find /sys/fs/cgroup -type d -path "*verdict/box-$vp-*" 2>/dev/null | while read -r d; do cat "$d/cgroup.procs"; done |
		sort -u | tr '\n' ' '
}
for _ in $(seq 200); do
	[ "$(box_groups)" -eq 2 ] && [ -n "$(box_procs)" ] && break
	sleep 0.05
done
check "mid-interaction: two boxes at once" "groups=$(box_groups) procs=$(box_procs)" \
	"$(box_groups)" -eq 2 -a -n "$(box_procs)"
kill -9 "$vp"
wait "$vp" 2>/dev/null
for _ in $(seq 30); do
	[ -z "$(box_procs)" ] && break
	sleep 0.1
done
check "killing the judge kills both boxes" "left in the groups: $(box_procs)" -z "$(box_procs)"
box -- /progs/trivial # the next start removes the killed judge's groups
no_leftovers "no boxes or box processes left" never_reads
finish
