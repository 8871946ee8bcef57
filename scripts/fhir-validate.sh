#!/usr/bin/env bash
# Independent validation of the FHIR face: a demo database, a real server, a
# clinician's token, then scripts/fhir_validate.py reads, searches and posts
# and validates every resource returned with the `fhir.resources` models
# (pinned in scripts/fhir-requirements.txt); then, as a SMART Backend Services
# client registered with `rapport fhir-client add`, it runs a Group export and
# validates every NDJSON line; then scripts/fhir_scores.py reads a client's
# PHQ-9 scores with the fhirpy client library and checks them against the JSON API.
#
#   scripts/fhir-validate.sh [path/to/rapport]      (default target/debug/rapport)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=${1:-target/debug/rapport}
VENV=target/fhir-venv

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/pip" freeze 2>/dev/null | grep -x 'fhirpy==2.3.1' >/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/fhir-requirements.txt
fi

DATA=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$DATA"
}
trap cleanup EXIT

"$BIN" --data-dir "$DATA" demo >/dev/null
TOKEN=$("$BIN" --data-dir "$DATA" token create --email clinician1@demo.rapport.test --name fhir-validate | tail -1)
# A SMART Backend Services client with its own key pair, registered on the command line.
"$VENV/bin/python" scripts/fhir_validate.py --new-key "$DATA/client-key.pem" "$DATA/client-jwks.json"
CLIENT_ID=$("$BIN" --data-dir "$DATA" fhir-client add --name fhir-validate --jwks "$DATA/client-jwks.json" | tail -1)
RAPPORT_LANGUAGE=en "$BIN" --data-dir "$DATA" serve --listen 127.0.0.1:0 >"$DATA/stdout" 2>"$DATA/stderr" &
SERVER_PID=$!
BASE=""
for _ in $(seq 100); do
    BASE=$(sed -n 's/^Rapport is listening on \(http:[^ ]*\).*/\1/p' "$DATA/stdout" 2>/dev/null || true)
    [ -n "$BASE" ] && break
    sleep 0.1
done
[ -n "$BASE" ] || { echo "fhir-validate: server did not start" >&2; cat "$DATA/stderr" >&2; exit 1; }

"$VENV/bin/python" scripts/fhir_validate.py "${BASE%/}" "$TOKEN" "$CLIENT_ID" "$DATA/client-key.pem"
# A client's PHQ-9 scores read with a FHIR client library (fhirpy), as an EHR would.
"$VENV/bin/python" scripts/fhir_scores.py "${BASE%/}" "$TOKEN"
