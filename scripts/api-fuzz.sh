#!/usr/bin/env bash
# Property-based API testing from the OpenAPI contract (schemathesis): a demo
# database, a real server, a clinician's token, then generated requests against
# every documented operation. Fails on any 5xx, undocumented status code,
# response that violates its schema, or invalid request that is accepted.
#
#   scripts/api-fuzz.sh [path/to/rapport]      (default target/debug/rapport)
#
# One check is left out: `positive_data_acceptance`. The contract cannot say
# "no control characters" or "each identifier system once", so schemathesis
# would count those well-founded 422s as failures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=${1:-target/debug/rapport}
VENV=target/schemathesis-venv

if [ ! -x "$VENV/bin/st" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check schemathesis==4.32.5
fi

DATA=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        # Graceful shutdown still writes (the audit checkpoint, the WAL): let it finish.
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$DATA"
}
trap cleanup EXIT

"$BIN" --data-dir "$DATA" demo >/dev/null
TOKEN=$("$BIN" --data-dir "$DATA" token create --email clinician1@demo.rapport.test --name fuzz | tail -1)
# English output: the address is read from it below.
RAPPORT_LANGUAGE=en "$BIN" --data-dir "$DATA" serve --listen 127.0.0.1:0 >"$DATA/stdout" 2>"$DATA/stderr" &
SERVER_PID=$!
BASE=""
for _ in $(seq 100); do
    # The server's redirect may not have made the file yet on the first pass.
    BASE=$(sed -n 's/^Rapport is listening on \(http:[^ ]*\).*/\1/p' "$DATA/stdout" 2>/dev/null || true)
    [ -n "$BASE" ] && break
    sleep 0.1
done
[ -n "$BASE" ] || { echo "api-fuzz: server did not start" >&2; cat "$DATA/stderr" >&2; exit 1; }

# scripts/schemathesis_hooks.py: a body for the raw-audio upload.
PYTHONPATH="$PWD/scripts${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=schemathesis_hooks \
    "$VENV/bin/st" --config-file scripts/schemathesis.toml run "$BASE/api/v1/openapi.json" \
    --header "Authorization: Bearer $TOKEN" \
    --checks all --exclude-checks positive_data_acceptance \
    --max-examples 60 --seed 20261126 --no-color
