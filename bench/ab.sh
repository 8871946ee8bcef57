#!/usr/bin/env bash
# Two release binaries, one data set, the client read alternated (not a test;
# CI does not run it). See bench/README.md, "The token and the client in one query".
#
#   bench/ab.sh BIN_A BIN_B [--backend postgres|sqlite] [--rounds 3] [--seconds 10]
#
# Seeds `rapport demo` (100 clinicians, 10,000 clients) once with BIN_A, then
# for each round starts A and B in turn (pinned to CPU 0 as bench/run.sh does;
# PostgreSQL, a throwaway 15 with durable settings, on CPU 0 too; wrk on CPU 1)
# and times /healthz and GET /api/v1/clients/{id} with wrk, 16 connections.
# Prints req/s, p99, the server's CPU per request and CPU 0's (server plus
# PostgreSQL) per request. SQLite runs start from a fresh copy of the seeded
# directory each time. Both binaries must know the same migrations.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
A=${1:?usage: bench/ab.sh BIN_A BIN_B [--backend postgres|sqlite] [--rounds N] [--seconds S]}
B=${2:?usage: bench/ab.sh BIN_A BIN_B [--backend postgres|sqlite] [--rounds N] [--seconds S]}
shift 2
BACKEND=postgres ROUNDS=3 SECS=10 PORT=8941
while [ $# -gt 0 ]; do
    case "$1" in
        --backend) BACKEND=${2:?}; shift 2 ;;
        --rounds) ROUNDS=${2:?}; shift 2 ;;
        --seconds) SECS=${2:?}; shift 2 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
for tool in wrk perf taskset curl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
WORK=$(mktemp -d /tmp/rapport-ab.XXXXXX)
SP="" PG_STARTED=0
cleanup() {
    [ -n "$SP" ] && kill -9 "$SP" 2>/dev/null
    [ "$PG_STARTED" = 1 ] && pg_stop
    rm -rf "$WORK"
}
trap cleanup EXIT
db_args=()
if [ "$BACKEND" = postgres ]; then
    # shellcheck source=scripts/lib/postgres.sh
    source scripts/lib/postgres.sh
    orig=$(taskset -pc $$ | awk -F': ' '{print $2}')
    taskset -pc 0 $$ >/dev/null
    PG_SETTINGS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c random_page_cost=1.1" \
        pg_start rapport_ab >&2
    PG_STARTED=1
    taskset -pc "$orig" $$ >/dev/null
    db_args=(--database-url "$PG_URL")
fi
SEED=$WORK/seed
"$A" demo --data-dir "$SEED" "${db_args[@]}" --clinicians 100 --clients 10000 >"$WORK/demo.log" 2>&1
TOKEN=$("$A" token create --data-dir "$SEED" "${db_args[@]}" --email clinician1@demo.rapport.test --name ab 2>/dev/null | tail -n1)
if [ "$BACKEND" = postgres ]; then
    runuser -u postgres -- psql -q -h 127.0.0.1 -p "$PG_PORT" -d rapport_ab -c 'VACUUM ANALYZE' -c 'CHECKPOINT' >/dev/null
fi
sleep 10
per() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.1f", a * 1000 / n }'; }
for round in $(seq 1 "$ROUNDS"); do
    for BIN in "$A" "$B"; do
        DATA=$SEED
        if [ "$BACKEND" = sqlite ]; then DATA=$WORK/run; rm -rf "$DATA"; cp -a "$SEED" "$DATA"; fi
        taskset -c 0 "$BIN" serve --data-dir "$DATA" "${db_args[@]}" --listen "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
        SP=$!
        for i in $(seq 60); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
        kill -0 "$SP" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
        ID=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/clients" |
            python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
        for what in healthz read; do
            if [ "$what" = healthz ]; then url=http://127.0.0.1:$PORT/healthz; auth=(); else
                url=http://127.0.0.1:$PORT/api/v1/clients/$ID; auth=(-H "Authorization: Bearer $TOKEN"); fi
            taskset -c 1 wrk -t1 -c16 -d2s "${auth[@]}" "$url" >/dev/null
            perf stat -e task-clock -p "$SP" -o "$WORK/server.perf" -- sleep "$SECS" & p1=$!
            perf stat -e task-clock -a -C 0 -o "$WORK/cpu0.perf" -- sleep "$SECS" & p2=$!
            taskset -c 1 wrk -t1 -c16 -d"${SECS}s" --latency "${auth[@]}" "$url" >"$WORK/wrk.txt"
            wait "$p1" "$p2"
            n=$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")
            server=$(awk '/task-clock/ { gsub(",", "", $1); print $1 }' "$WORK/server.perf")
            cpu0=$(awk '/task-clock/ { gsub(",", "", $1); print $1 }' "$WORK/cpu0.perf")
            printf '%s %s %s req/s=%s p99=%s server_us=%s cpu0_us=%s\n' "$round" "$(basename "$BIN")" "$what" \
                "$(awk '/^Requests\/sec/ { print $2 }' "$WORK/wrk.txt")" "$(awk '/ 99%/ { print $2 }' "$WORK/wrk.txt")" \
                "$(per "$server" "$n")" "$(per "$cpu0" "$n")"
        done
        kill "$SP"
        for i in $(seq 50); do kill -0 "$SP" 2>/dev/null || break; sleep 0.2; done
        if kill -0 "$SP" 2>/dev/null; then echo "$(basename "$BIN") did not stop within 10 s of SIGTERM" >&2; kill -9 "$SP"; fi
        wait "$SP" 2>/dev/null || true
        SP=""
    done
done
