#!/usr/bin/env bash
# The single test command for Rapport: ./scripts/test.sh
#
# Installs what the tests need (if missing), starts a throwaway PostgreSQL 15,
# runs the Rust test suite against SQLite and that PostgreSQL, then builds the
# `rapport` binary and drives a real first-run journey through headless Chromium.
# Safe to run repeatedly; CI runs it on a fresh machine via .ci/run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

export DEBIAN_FRONTEND=noninteractive
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
# playwright-core never downloads browsers itself, but make sure no tool tries:
# only registries are reachable here, and we drive Debian's chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

step() { printf '\n==> %s\n' "$*"; }

# --- 1. System packages -------------------------------------------------------
# A fresh CI machine has Rust and Node but neither a browser nor PostgreSQL.
# Only touch apt when something is missing, so repeat runs stay fast/offline.
missing=()
[ -x "$CHROMIUM_PATH" ] || missing+=(chromium)
[ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
command -v pdftotext >/dev/null || missing+=(poppler-utils)  # the PDF tests read documents back
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
    step "Installing system packages: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "error: need root to apt-get install ${missing[*]}" >&2
        exit 1
    fi
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null; then
    echo "error: cargo not found; this machine should come with a Rust toolchain" >&2
    exit 1
fi

# --- 2. Throwaway PostgreSQL ----------------------------------------------------
# The Rust tests run every store test against SQLite and, when this URL is set,
# against PostgreSQL too (creating one database per test through it).
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"
trap pg_stop EXIT
# Make Ctrl-C / SIGTERM go through the EXIT trap so the server is always stopped.
trap 'exit 130' INT
trap 'exit 143' TERM

step "Starting PostgreSQL 15"
pg_start rapport_test
export RAPPORT_TEST_POSTGRES_URL=$PG_URL
echo "RAPPORT_TEST_POSTGRES_URL=$RAPPORT_TEST_POSTGRES_URL"

# Keep going after a failing stage so one CI run reports everything it can;
# the exit code reflects any failure.
failed=()

# --- 3. Licences: no copyleft crate may be linked into the binary -------------------
step "Dependency licence check"
if ! python3 "$ROOT/scripts/check-licenses.py"; then
    failed+=("licence check")
fi

# --- 3b. Layers: faces never import each other, the application layer has no web
# dependency, and no import circle spans more than two files (docs/ARCHITECTURE.md).
step "Layering check"
if ! python3 "$ROOT/scripts/check-layers.py" --self-test || ! python3 "$ROOT/scripts/check-layers.py" --strict; then
    failed+=("layering check")
fi

# --- 3c. Messages: every message the pages use exists in each shipped language,
# no language has one English lacks, none is unused, the test locales are current.
step "Message check"
if ! python3 "$ROOT/scripts/check-messages.py" --self-test || ! python3 "$ROOT/scripts/check-messages.py"; then
    failed+=("message check")
fi

# --- 4. Formatting and lints (warnings are errors) -----------------------------------
step "cargo fmt --check; cargo clippy -D warnings"
if ! cargo fmt --all --check; then
    failed+=("cargo fmt")
fi
if ! cargo clippy --workspace --all-targets --locked -- -D warnings; then
    failed+=("cargo clippy")
fi

# --- 5. Rust tests ----------------------------------------------------------------
step "cargo test --workspace --locked"
if ! cargo test --workspace --locked; then
    failed+=("cargo test")
fi

# --- 6. Browser journey -------------------------------------------------------------
step "Building the rapport binary for the browser journey"
# Where cargo puts it (a CARGO_TARGET_DIR set by the caller is honoured).
RAPPORT_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/rapport"
if cargo build --locked --bin rapport; then
    step "API contract fuzzing (schemathesis against /api/v1/openapi.json)"
    if ! "$ROOT/scripts/api-fuzz.sh" "$RAPPORT_BIN"; then
        failed+=("API contract fuzzing")
    fi

    step "FHIR validation (fhir.resources models against /fhir/r4)"
    if ! "$ROOT/scripts/fhir-validate.sh" "$RAPPORT_BIN"; then
        failed+=("FHIR validation")
    fi

    step "Installing e2e dependencies"
    # npm ci reproduces the lockfile exactly; fall back to install only when a
    # lockfile has not been committed yet.
    (
        cd "$ROOT/e2e"
        if [ -f package-lock.json ]; then
            npm ci --no-audit --no-fund --loglevel=error
        else
            npm install --no-audit --no-fund --loglevel=error
        fi
    )

    # The portal's risk loop also runs on PostgreSQL, in an empty database of its own.
    E2E_PG_URL="${PG_URL%/*}/rapport_e2e"
    "$PG_BIN/psql" -q "$PG_URL" -c 'DROP DATABASE IF EXISTS rapport_e2e' -c 'CREATE DATABASE rapport_e2e'

    step "Browser journey (node --test e2e/*.test.mjs)"
    # Explicit files rather than the directory: Node 21+ reads --test arguments
    # as globs and no longer searches a bare directory.
    if ! RAPPORT_BIN="$RAPPORT_BIN" CHROMIUM_PATH="$CHROMIUM_PATH" RAPPORT_E2E_POSTGRES_URL="$E2E_PG_URL" \
        node --test "$ROOT"/e2e/*.test.mjs; then
        failed+=("browser journey")
    fi
else
    failed+=("cargo build (browser journey not run)")
fi

# Print nothing after a successful runner summary, so CI reads the runners' own
# closing lines; on failure, say which stages failed.
if [ "${#failed[@]}" -gt 0 ]; then
    printf '\nFAILED stages: %s\n' "$(IFS=,; echo "${failed[*]}")" >&2
    exit 1
fi
