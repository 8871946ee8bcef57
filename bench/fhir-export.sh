#!/usr/bin/env bash
# Bulk Data export benchmark (not a test; CI does not run it). See
# bench/README.md, "FHIR Bulk Data export".
#
#   bench/fhir-export.sh [--clients 100000] [--copy-of DIR] [--no-build] [--bin PATH]
#
# Seeds `rapport demo --clients N` in a temp data directory (or copies the
# SQLite database and secrets key of DIR there: the original is never opened),
# registers a SMART Backend Services client on the command line, starts the
# release server under `/usr/bin/time -v` pinned to CPU 0, and as that client
# (Python, PyJWT, CPU 1) exports every Observation (`$export?_type=Observation`),
# polling until the manifest arrives. Prints the row count, seconds,
# throughput, the NDJSON size and the server's peak RSS before and after.
# --copy-of takes a data directory seeded by bench/programme.sh --keep (about
# ten responses per client); `rapport demo` seeds few responses per client.
# --bin times another build (implies --no-build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

CLIENTS=100000
# shellcheck source=bench/lib.sh
source bench/lib.sh
usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    bench_common_option "$@"
    if [ "$BENCH_USED" -gt 0 ]; then shift "$BENCH_USED"; continue; fi
    case "$1" in
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done
bench_binary
VENV=$ROOT/target/fhir-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/pip" freeze 2>/dev/null | grep -x 'PyJWT==2.15.1' >/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/fhir-requirements.txt
fi

DATA=$(mktemp -d "${TMPDIR:-/tmp}/rapport-export.XXXXXX")
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait 2>/dev/null || true; fi
    rm -rf "$DATA"
}
trap cleanup EXIT

bench_seed "$DATA"
"$VENV/bin/python" scripts/fhir_validate.py --new-key "$DATA/key.pem" "$DATA/jwks.json"
CLIENT_ID=$("$BIN" --data-dir "$DATA" fhir-client add --name bench --jwks "$DATA/jwks.json" 2>/dev/null | tail -1)

RAPPORT_LANGUAGE=en taskset -c 0 /usr/bin/time -v -o "$DATA/time.txt" \
    "$BIN" --data-dir "$DATA" serve --listen 127.0.0.1:0 >"$DATA/stdout" 2>"$DATA/stderr" &
TIME_PID=$!
BASE=""
for _ in $(seq 600); do
    BASE=$(sed -n 's/^Rapport is listening on \(http:[^ ]*\).*/\1/p' "$DATA/stdout" 2>/dev/null || true)
    [ -n "$BASE" ] && break
    sleep 0.5
done
[ -n "$BASE" ] || { echo "error: the server did not start" >&2; cat "$DATA/stderr" >&2; exit 1; }
trap 'tail -5 "$DATA/stderr" >&2; cleanup' EXIT
SERVER=$(pgrep -P "$TIME_PID" rapport)
rss() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$SERVER/status"; }
BEFORE=$(rss VmHWM)

taskset -c 1 "$VENV/bin/python" - "${BASE%/}" "$CLIENT_ID" "$DATA/key.pem" >"$DATA/result.txt" <<'PY'
import json, sys, time, urllib.parse, urllib.request, uuid
import jwt
from cryptography.hazmat.primitives import serialization

base, client, pem = sys.argv[1:4]
key = serialization.load_pem_private_key(open(pem, "rb").read(), password=None)
token_url = f"{base}/fhir/r4/auth/token"
claims = {"iss": client, "sub": client, "aud": token_url, "exp": int(time.time()) + 240, "jti": str(uuid.uuid4())}
form = urllib.parse.urlencode({
    "grant_type": "client_credentials",
    "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    "client_assertion": jwt.encode(claims, key, algorithm="ES384"),
    "scope": "system/Observation.read",
}).encode()
def token_form():
    claims = {"iss": client, "sub": client, "aud": token_url, "exp": int(time.time()) + 240, "jti": str(uuid.uuid4())}
    return urllib.parse.urlencode({
        "grant_type": "client_credentials",
        "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion": jwt.encode(claims, key, algorithm="ES384"),
        "scope": "system/Observation.read",
    }).encode()
# A server still busy starting (the read model's catch-up) may answer server_error: try again.
for attempt in range(60):
    try:
        token = json.load(urllib.request.urlopen(urllib.request.Request(token_url, data=token_form())))["access_token"]
        break
    except urllib.error.HTTPError as e:
        body = e.read().decode()
        if "server_error" not in body or attempt == 59:
            sys.exit(f"token request refused: {e.code} {body}")
        time.sleep(2)
def get(url, **h):
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}", **h})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()
start = time.monotonic()
status, headers, _ = get(f"{base}/fhir/r4/$export?_type=Observation", Prefer="respond-async",
                         Accept="application/fhir+json")
assert status == 202, status
url = headers["Content-Location"]
while True:
    status, headers, body = get(url)
    if status != 202:
        break
    time.sleep(0.5)
seconds = time.monotonic() - start
assert status == 200, (status, body)
manifest = json.loads(body)
count = sum(o["count"] for o in manifest["output"])
print(f"{count} {seconds:.1f}")
PY
AFTER=$(rss VmHWM)
read -r COUNT SECS <"$DATA/result.txt"
BYTES=$(du -sb "$DATA/exports" | cut -f1)
kill "$SERVER"
wait "$TIME_PID" 2>/dev/null || true
SERVER=""
PEAK=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$DATA/time.txt")
echo
echo "| Seed | Observations | Seconds | Rows/s | NDJSON | Peak RSS before | Peak RSS (time -v) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '| %s | %s | %s | %s | %s MB | %s MB | %s MB |\n' "$SEED" "$COUNT" "$SECS" \
    "$(awk -v c="$COUNT" -v s="$SECS" 'BEGIN { printf "%d", c / s }')" "$((BYTES / 1000000))" \
    "$((BEFORE / 1024))" "$((PEAK / 1024))"
