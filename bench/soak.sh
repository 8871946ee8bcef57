#!/usr/bin/env bash
# The soak (issue 18 item 4; not a test, CI does not run it). See
# bench/README.md, "Soak".
#
#   bench/soak.sh [--backend sqlite|postgres|both] [--minutes 10] [--warmup 60]
#                 [--api 200] [--browsers 50] [--clients 10000] [--no-build] [--bin PATH]
#                 [--writes 15] [--reads client,list,outcomes] [--heaptrack]
#
# For each backend (SQLite, then a throwaway PostgreSQL 15 from
# scripts/lib/postgres.sh): seeds `rapport demo`, creates one API token for
# each of 20 clinicians (fewer when fewer are seeded), starts the release server, and runs bench/soak.mjs:
# 200 API callers (client reads, caseload lists, outcome reads, recorded
# GAD-7s, coordination notes) and 50 browser-like sessions (sign-in, Today,
# the caseload, client pages) for the given minutes. Prints each backend's
# throughput, p50/p99, 5xx count and RSS (start, after warm-up, end) as JSON
# and keeps it in target/bench/soak-<backend>-<time>.json. Exits 1 when any
# response was a 5xx or a connection failed, or RSS grew 10 % or more after
# the warm-up. --writes: the percentage of API calls that write (0: a
# read-only soak, to tell growth that follows the data from growth that
# follows the requests). --reads: which API reads run (see bench/soak.mjs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

CLIENTS=10000
# shellcheck source=bench/lib.sh
source bench/lib.sh
BACKENDS=(sqlite postgres)
MINUTES=10
WARMUP=60
API=200
BROWSERS=50
WRITES=15
READS=client,list,outcomes
# --heaptrack: the server runs under heaptrack's allocation tracker (Debian
# package `heaptrack`; about half the throughput) and its profile is kept in
# target/bench/ for `heaptrack_print`; the RSS then includes the tracker's.
HEAPTRACK=0
usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    bench_common_option "$@"
    if [ "$BENCH_USED" -gt 0 ]; then shift "$BENCH_USED"; continue; fi
    case "$1" in
        --backend)
            case "${2:?--backend needs sqlite, postgres or both}" in
                both) BACKENDS=(sqlite postgres) ;;
                sqlite|postgres) BACKENDS=("$2") ;;
                *) echo "--backend: sqlite, postgres or both, not $2" >&2; exit 2 ;;
            esac
            shift 2 ;;
        --minutes) MINUTES=${2:?--minutes needs a number}; shift 2 ;;
        --warmup) WARMUP=${2:?--warmup needs seconds}; shift 2 ;;
        --api) API=${2:?--api needs a number}; shift 2 ;;
        --browsers) BROWSERS=${2:?--browsers needs a number}; shift 2 ;;
        --writes) WRITES=${2:?--writes needs a percentage}; shift 2 ;;
        --reads) READS=${2:?--reads needs a list such as client,list}; shift 2 ;;
        --heaptrack) HEAPTRACK=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done
[ -z "$COPY_OF" ] || { echo "--copy-of: the soak seeds its own data (it needs tokens made for it)" >&2; exit 2; }
command -v node >/dev/null || { echo "node is needed (it runs bench/soak.mjs)" >&2; exit 1; }
bench_binary

OUT=$ROOT/target/bench
mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rapport-soak.XXXXXX")
SERVER=""
PG_STARTED=0
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    if [ "$PG_STARTED" -eq 1 ]; then pg_stop; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

failed=0
for backend in "${BACKENDS[@]}"; do
    DATA=$WORK/$backend
    db_args=()
    if [ "$backend" = postgres ]; then
        # shellcheck source=scripts/lib/postgres.sh
        source "$ROOT/scripts/lib/postgres.sh"
        # Durable, as in production (the test default turns fsync off).
        PG_SETTINGS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on" pg_start rapport_soak >&2
        PG_STARTED=1
        db_args=(--database-url "$PG_URL")
    fi
    bench_seed "$DATA" "${db_args[@]}"
    : >"$WORK/tokens"
    : >"$WORK/emails"
    clinicians=$((CLIENTS / 100 > 3 ? CLIENTS / 100 : 3))
    for n in $(seq 1 $((clinicians < 20 ? clinicians : 20))); do
        email=clinician$n@demo.rapport.test
        "$BIN" --data-dir "$DATA" "${db_args[@]}" token create --email "$email" --name soak 2>/dev/null \
            | tail -n1 | tr -d '\r[:space:]' >>"$WORK/tokens"
        echo >>"$WORK/tokens"
        echo "$email" >>"$WORK/emails"
    done

    tracker=()
    if [ "$HEAPTRACK" -eq 1 ]; then
        # heaptrack's own script would put a shell between us and the server;
        # preloading its library keeps the server's pid (RSS sampling, kill).
        lib=/usr/lib/heaptrack/libheaptrack_preload.so
        [ -f "$lib" ] || { echo "--heaptrack: $lib missing (apt-get install heaptrack)" >&2; exit 1; }
        mkfifo "$WORK/heaptrack.fifo"
        profile=$OUT/soak-$backend-heaptrack-$(date -u +%Y%m%dT%H%M%SZ).gz
        /usr/lib/heaptrack/libexec/heaptrack_interpret <"$WORK/heaptrack.fifo" | gzip >"$profile" &
        tracker=(env LD_PRELOAD="$lib" DUMP_HEAPTRACK_OUTPUT="$WORK/heaptrack.fifo")
        echo "==> $backend: heap profile to $profile (heaptrack_print -f $profile)" >&2
    fi
    RAPPORT_LANGUAGE=en "${tracker[@]}" "$BIN" --data-dir "$DATA" "${db_args[@]}" serve --listen 127.0.0.1:0 \
        >"$WORK/stdout" 2>"$WORK/stderr" &
    SERVER=$!
    BASE=""
    for _ in $(seq 600); do
        BASE=$(sed -n 's/^Rapport is listening on \(http:[^ ]*\).*/\1/p' "$WORK/stdout" 2>/dev/null || true)
        [ -n "$BASE" ] && break
        kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/stderr" >&2; exit 1; }
        sleep 0.5
    done
    [ -n "$BASE" ] || { echo "error: the server did not start" >&2; cat "$WORK/stderr" >&2; exit 1; }

    result=$OUT/soak-$backend-$(date -u +%Y%m%dT%H%M%SZ).json
    echo "==> $backend: $API API callers and $BROWSERS browser sessions for $MINUTES min against $BASE" >&2
    node bench/soak.mjs --base "$BASE" --pid "$SERVER" --tokens "$WORK/tokens" --emails "$WORK/emails" \
        --password rapport-demo-2026 --api "$API" --browsers "$BROWSERS" --writes "$WRITES" --reads "$READS" \
        --duration $((MINUTES * 60)) --warmup "$WARMUP" --out "$result" || failed=1
    growth=$(node -e "console.log(require('$result').rss_mb.growth_after_warmup_pct)")
    if awk -v g="$growth" 'BEGIN { exit !(g >= 10) }'; then
        echo "error: $backend: RSS grew $growth % after the warm-up (limit 10 %)" >&2
        failed=1
    fi
    echo "==> $backend: results in $result; the server's own log: $(grep -c . "$WORK/stderr") lines" >&2
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
    if [ "$backend" = postgres ]; then pg_stop; PG_STARTED=0; fi
done
exit "$failed"
