#!/usr/bin/env bash
# Start-up and idle footprint (issue 18 item 5; not a test, CI does not run
# it). See bench/README.md, "Start-up and idle footprint".
#
#   bench/startup.sh [--clients 10000] [--copy-of DIR] [--runs 5] [--no-build] [--bin PATH]
#
# Seeds `rapport demo --clinicians 100 --clients N` once in a temp data
# directory (or copies the SQLite database and key files of DIR there), then,
# RUNS times: starts `rapport serve` on that existing database, polls
# `/healthz` every 2 ms and records the milliseconds from the spawn to the
# first answer (start-up: opening the database, the migration check, the
# caseload-card check, binding); waits 5 s and reads the idle RSS (VmRSS);
# then loads the sign-in page, a clinician's caseload and a client page 200
# times and reads the RSS again after 5 s idle. Prints one line per run and
# the medians.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

CLIENTS=10000
# shellcheck source=bench/lib.sh
source bench/lib.sh
RUNS=5
usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    bench_common_option "$@"
    if [ "$BENCH_USED" -gt 0 ]; then shift "$BENCH_USED"; continue; fi
    case "$1" in
        --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done
bench_binary
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }

WORK=$(mktemp -d /tmp/rapport-startup.XXXXXX)
SERVER=""
cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
DATA=$WORK/data
bench_seed "$DATA"
PORT=18477
BASE=http://127.0.0.1:$PORT
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
now_ns() { date +%s%N; }

# A signed-in clinician's cookie jar and one client id, for the page loads.
pages() {
    local jar=$WORK/jar csrf client
    rm -f "$jar"
    csrf=$(curl -s -c "$jar" "$BASE/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -s -b "$jar" -c "$jar" -o /dev/null -d "email=clinician1@demo.rapport.test&password=rapport-demo-2026&csrf=$csrf" "$BASE/login"
    client=$(curl -s -b "$jar" "$BASE/clients" | grep -o 'href="/clients/[0-9a-f-]*"' | head -1 | cut -d'"' -f2)
    for _ in $(seq 1 200); do
        curl -s -o /dev/null "$BASE/login"
        curl -s -o /dev/null -b "$jar" "$BASE/clients"
        curl -s -o /dev/null -b "$jar" "$BASE$client"
    done
}

printf 'run\tfirst_response_ms\tidle_rss_mb\tafter_600_pages_rss_mb\n'
firsts=() idles=() afters=()
for run in $(seq 1 "$RUNS"); do
    start=$(now_ns)
    "$BIN" --data-dir "$DATA" serve --listen 127.0.0.1:$PORT >/dev/null 2>"$WORK/server.log" &
    SERVER=$!
    until curl -s -o /dev/null -m 1 "$BASE/healthz"; do
        sleep 0.002
        kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    done
    first=$(( ($(now_ns) - start) / 1000000 ))
    sleep 5
    idle=$(rss_kb "$SERVER")
    pages
    sleep 5
    after=$(rss_kb "$SERVER")
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
    printf '%s\t%s\t%.1f\t%.1f\n' "$run" "$first" "$(echo "$idle/1024" | bc -l)" "$(echo "$after/1024" | bc -l)"
    firsts+=("$first") idles+=("$idle") afters+=("$after")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf 'median\t%s\t%.1f\t%.1f\n' "$(median "${firsts[@]}")" "$(echo "$(median "${idles[@]}")/1024" | bc -l)" \
    "$(echo "$(median "${afters[@]}")/1024" | bc -l)"
