#!/usr/bin/env bash
# Rapport outcomes benchmark at data scale (not a test; CI only compiles it).
# See bench/README.md, "Outcomes at data scale".
#
#   bench/outcomes.sh [--responses 1000000] [--seed 42] [--postgres URL|auto]
#                     [--batch 1000] [--reps 30] [--all-reps 5] [--no-build]
#
# Generates seeded PHQ-9/GAD-7 trajectories, ingests them into a fresh database
# through the store's write path, then times a caseload of 40 and the outcomes
# of every client. SQLite by default (a temp file, deleted afterwards);
# --postgres auto starts a throwaway, durable PostgreSQL 15. The output is kept
# in target/bench/outcomes-<timestamp>.log.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

POSTGRES=""
BUILD=1
pass=()
usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --postgres) POSTGRES=${2:?--postgres needs a URL or "auto"}; shift 2 ;;
        --responses|--seed|--batch|--reps|--all-reps) pass+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

BIN="$ROOT/target/release/examples/outcomes_bench"
if [ "$BUILD" -eq 1 ]; then
    echo "==> cargo build --release --locked -p rapport-web --example outcomes_bench" >&2
    cargo build --release --locked -p rapport-web --example outcomes_bench
fi
[ -x "$BIN" ] || { echo "error: $BIN not found (drop --no-build)" >&2; exit 1; }

DATA=$(mktemp -d "${TMPDIR:-/tmp}/rapport-outcomes.XXXXXX")
PG_STARTED=0
cleanup() {
    [ "$PG_STARTED" -eq 1 ] && pg_stop
    rm -rf "$DATA"
}
trap cleanup EXIT

db=(--data-dir "$DATA")
if [ "$POSTGRES" = auto ]; then
    # shellcheck source=scripts/lib/postgres.sh
    source "$ROOT/scripts/lib/postgres.sh"
    # Durable like production, as in bench/run.sh.
    PG_SETTINGS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c random_page_cost=1.1" \
        pg_start rapport_outcomes >&2
    PG_STARTED=1
    db=(--postgres "$PG_URL")
elif [ -n "$POSTGRES" ]; then
    db=(--postgres "$POSTGRES")
fi

mkdir -p "$ROOT/target/bench"
LOG="$ROOT/target/bench/outcomes-$(date -u +%Y%m%dT%H%M%SZ).log"
{
    echo "commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- crates || echo ' (modified)')"
    echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    [ "$POSTGRES" = auto ] && echo "PostgreSQL: $("$PG_BIN/postgres" --version)"
    "$BIN" "${db[@]}" "${pass[@]}"
} 2>&1 | tee "$LOG"
echo "==> kept in $LOG" >&2
