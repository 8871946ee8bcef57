#!/usr/bin/env bash
# Rapport programme-outcomes benchmark at 1,000,000 clients (not a test; CI
# only compiles it). See bench/README.md, "Programme outcomes at 1,000,000 clients".
#
#   bench/programme.sh [--clients 1000000] [--seed 42] [--postgres URL|auto]
#                      [--data-dir DIR] [--batch 1000] [--reps 10] [--clinicians 25000]
#                      [--sites 100] [--write-reps 200] [--no-analyze] [--no-build]
#                      [--keep] [--existing] [--no-scans] [--only TEXT]
#
# Seeds whole client histories through Store::import_courses (with a progress
# bar), then times each dashboard tile and the whole dashboard, and the write
# overhead of the outcomes read model. SQLite by default (a temp dir under
# $TMPDIR, or --data-dir, deleted afterwards: at 1M clients the database is
# several GB); --postgres auto starts a throwaway, durable PostgreSQL 15 (its
# data under $TMPDIR too). The output is kept in target/bench/programme-<timestamp>.log.
# --keep keeps the SQLite data dir; --existing --data-dir DIR times a database
# seeded before (migrated first, e.g. after adding an index) without seeding;
# --no-scans skips the slow breakdowns summed from the rows; --only TEXT times only
# the tiles whose name contains TEXT ("record_response": only the write cost), e.g.
# under a profiler.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

POSTGRES=""
BUILD=1
KEEP=0
DATA=""
pass=()
usage() { sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --postgres) POSTGRES=${2:?--postgres needs a URL or "auto"}; shift 2 ;;
        --data-dir) DATA=${2:?--data-dir needs a directory}; shift 2 ;;
        --clients|--seed|--batch|--reps|--clinicians|--sites|--write-reps) pass+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
        --no-analyze|--existing|--no-scans) pass+=("$1"); shift ;;
        --only) pass+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
        --keep) KEEP=1; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
BIN="$TARGET_DIR/release/examples/programme_bench"
if [ "$BUILD" -eq 1 ]; then
    echo "==> cargo build --release --locked -p rapport-web --example programme_bench" >&2
    cargo build --release --locked -p rapport-web --example programme_bench
fi
[ -x "$BIN" ] || { echo "error: $BIN not found (drop --no-build)" >&2; exit 1; }

[ -n "$DATA" ] || DATA=$(mktemp -d "${TMPDIR:-/tmp}/rapport-programme.XXXXXX")
mkdir -p "$DATA"
PG_STARTED=0
cleanup() {
    [ "$PG_STARTED" -eq 1 ] && pg_stop
    [ "$KEEP" -eq 1 ] || rm -rf "$DATA"
}
trap cleanup EXIT

db=(--data-dir "$DATA")
if [ "$POSTGRES" = auto ]; then
    # shellcheck source=scripts/lib/postgres.sh
    source "$ROOT/scripts/lib/postgres.sh"
    # Durable like production, as in bench/run.sh.
    PG_SETTINGS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c random_page_cost=1.1" \
        pg_start rapport_programme >&2
    PG_STARTED=1
    db=(--postgres "$PG_URL")
elif [ -n "$POSTGRES" ]; then
    db=(--postgres "$POSTGRES")
fi

mkdir -p "$ROOT/target/bench"
LOG="$ROOT/target/bench/programme-$(date -u +%Y%m%dT%H%M%SZ).log"
{
    echo "commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- crates || echo ' (modified)')"
    echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    [ "$POSTGRES" = auto ] && echo "PostgreSQL: $("$PG_BIN/postgres" --version)"
    "$BIN" "${db[@]}" "${pass[@]}"
} 2>&1 | tee "$LOG"
echo "==> kept in $LOG" >&2
