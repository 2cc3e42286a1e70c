# tests/lib.sh - sourced by every tests/t*.sh.
#
# Needs $VERDICT (the verdict binary) and $PROGS (the built tests/progs),
# both set by `make test`. Gives a scratch dir $T (removed on exit) and:
#   ok NAME / not_ok NAME DETAIL   print one TAP line
#   check NAME DETAIL TEST...      ok if `[ TEST... ]` holds, else not_ok
#   box ARGS...                    verdict sandbox --meta $T/meta.json
#                                  --dir $PROGS=/progs ARGS; the program's
#                                  stdout/stderr land in $T/out and $T/err,
#                                  the run's host wall time in $BOX_MS;
#                                  returns verdict's exit code
#   field KEY                      prints KEY of the last meta JSON
#   expect_field KEY VALUE NAME    ok if field KEY is VALUE
#   no_leftovers NAME [MARKER]     no verdict/box-* cgroups, and no process
#                                  whose comm or cmdline contains MARKER
#   at_exit CMD                    runs CMD (eval'd) before $T is removed
#   use_state                      a state directory $S (VERDICT_STATE) for
#                                  serve and the judge, its database $DB,
#                                  and sql QUERY on it
# A test script exits 1 when any of its checks failed.

set -u
: "${VERDICT:?set VERDICT to the verdict binary}"
: "${PROGS:?set PROGS to the directory of the built test programs}"
export LC_ALL=C
PY=/usr/bin/python3
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
T=$(mktemp -d /tmp/verdict-test.XXXXXX)
FAILED=0
BOX_MS=0
AT_EXIT=()

at_exit() { AT_EXIT+=("$1"); }
cleanup() {
	local c
	for c in "${AT_EXIT[@]}"; do eval "$c" >/dev/null 2>&1; done
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() { echo "ok - $1"; }
not_ok() {
	echo "not ok - $1: $2"
	FAILED=$((FAILED + 1))
}
finish() { exit $((FAILED > 0)); }

# check NAME DETAIL TEST...: `[ TEST... ]`; DETAIL is printed on failure.
check() {
	local name=$1 detail=$2
	shift 2
	if [ "$@" ] 2>/dev/null; then ok "$name"; else not_ok "$name" "$detail"; fi
}

# What a failure report shows about the last run: meta, and program output.
# Builtins only (no process started): under software emulation (the cgroup
# v2 guest) every fork costs about 60 ms and every check calls this.
last_run() {
	local m="none" e=""
	[ -r "$T/meta.json" ] && IFS= read -r -d '' m <"$T/meta.json"
	printf 'rc=%s meta=%s' "$BOX_RC" "${m//$'\n'/}"
	[ -s "$T/err" ] && IFS= read -r -N 300 e <"$T/err"
	[ -n "$e" ] && printf ' stderr=%s' "${e//$'\n'/|}"
	return 0
}

box() {
	local t0
	rm -f "$T/meta.json"
	t0=$(date +%s%N)
	timeout -k 5 "${BOX_TIMEOUT:-60}" "$VERDICT" sandbox --meta "$T/meta.json" \
		--dir "$PROGS=/progs" "$@" >"$T/out" 2>"$T/err" </dev/null
	BOX_RC=$?
	BOX_MS=$((($(date +%s%N) - t0) / 1000000))
	return $BOX_RC
}
BOX_RC=none

# field KEY [FILE]: a field of the meta JSON (flat, as cmd_sandbox.c writes
# it with cJSON); prints nothing when absent or null. meta_field sets REPLY
# instead, starting no process (a python per field cost half a guest test).
field() { meta_field "$@" || return 1; [ -z "$REPLY" ] || printf '%s\n' "$REPLY"; }
meta_field() {
	local json="" re v out="" i c
	REPLY=""
	[ -r "${2:-$T/meta.json}" ] || return 1
	IFS= read -r -d '' json <"${2:-$T/meta.json}"
	re='"'"$1"'":("(([^"\\]|\\.)*)"|(-?[0-9][0-9.eE+-]*|true|false))'
	[[ $json =~ $re ]] || return 0
	if [ -n "${BASH_REMATCH[4]}" ]; then
		REPLY=${BASH_REMATCH[4]}
		return 0
	fi
	v=${BASH_REMATCH[2]}
	for ((i = 0; i < ${#v}; i++)); do
		c=${v:i:1}
		if [ "$c" = '\' ]; then
			i=$((i + 1))
			c=${v:i:1}
			case $c in n) c=$'\n' ;; t) c=$'\t' ;; r) c=$'\r' ;; u) c='\u' ;; esac
		fi
		out+=$c
	done
	REPLY=$out
}

# meta_valid [FILE]: the JSON has every field of the contract, well typed.
meta_valid() {
	$PY -c 'import json,sys
m = json.load(open(sys.argv[1]))
assert m["status"] in ("OK", "RE", "TLE", "MLE", "OLE", "SE"), m["status"]
for k in ("exit_code", "signal", "cpu_ms", "wall_ms", "mem_kb"):
    assert type(m[k]) is int, k
assert isinstance(m["message"], str)' "${1:-$T/meta.json}" 2>/dev/null
}

expect_field() {
	local got
	meta_field "$1"
	got=$REPLY
	if [ "$got" = "$2" ]; then ok "$3"; else not_ok "$3" "$1=${got:-<none>}, want $2; $(last_run)"; fi
}

# Seen running now: pids whose comm or cmdline contains $1 (not our own).
# Builtins only: under emulation a fork costs about 60 ms, and a guest
# running systemd has dozens of processes to look at.
procs_matching() {
	local d comm parts
	for d in /proc/[0-9]*; do
		[ "${d#/proc/}" = $$ ] && continue
		IFS= read -r comm 2>/dev/null <"$d/comm" || continue
		mapfile -d '' parts 2>/dev/null <"$d/cmdline" || parts=()
		case "$comm ${parts[*]}" in *"$1"*) echo "${d#/proc/}:$comm" ;; esac
	done
}

# Per-run cgroups left behind. One named box-PID-... whose PID is a live
# process belongs to a supervisor still running (another test or bench on a
# developer's machine), not to a finished run of ours: it is skipped.
# Under tests/run.sh a test has groups of its own ($VERDICT_TEST_CGROUPS,
# colon-separated), and only those are searched: other tests run beside it.
box_cgroups() {
	local d n
	local -a roots=(/sys/fs/cgroup)
	[ -z "${VERDICT_TEST_CGROUPS:-}" ] || IFS=: read -r -a roots <<<"$VERDICT_TEST_CGROUPS"
	find "${roots[@]}" -type d -path '*verdict/box-*' 2>/dev/null | while read -r d; do
		n=${d##*/box-}
		n=${n%%[!0-9]*}
		[ -n "$n" ] && [ -d "/proc/$n" ] && continue
		echo "$d"
	done
}

no_leftovers() {
	local cg procs=""
	cg=$(box_cgroups | head -5 | tr '\n' ' ')
	[ $# -gt 1 ] && procs=$(procs_matching "$2" | tr '\n' ' ')
	if [ -z "$cg" ] && [ -z "$procs" ]; then
		ok "$1"
	else
		not_ok "$1" "cgroups left: ${cg:-none}; processes left: ${procs:-none}"
	fi
}

# verify DIR: a package's `problem verify`, output in $T/v.out, exit status in $RC.
verify() {
	"$VERDICT" problem verify --work "$T" "$1" >"$T/v.out" 2>&1
	RC=$?
	sed 's/^/# /' "$T/v.out"
}
has() { grep -cF -- "$1" "$T/v.out"; }

# use_state: $S as the state directory (README: the state layout), $DB its
# database. $T becomes 0755 so that the web account can reach $S/db.
use_state() {
	chmod 755 "$T"
	S="$T/state"
	export VERDICT_STATE="$S"
	DB="$S/db/verdict.db"
}
sql() { sqlite3 "$DB" "$1"; }
