#!/usr/bin/env bash
# Rapport HTTP benchmark (not a test; CI does not run it). See bench/README.md.
#
#   bench/run.sh [--postgres URL|auto] [--duration 30s] [--warmup 5s]
#                [--connections 16] [--clinicians 100] [--clients 10000]
#                [--count-non2xx] [--no-build] [--strict] [--fhir] [--cpu]
#                [--bin PATH] [--data-copy DIR] [--as EMAIL] [--caseload-pages] [--today]
#                [--profile TEXT]
#
# --cpu also reads the server's CPU time over each measured run with
# `perf stat -e task-clock` (with --postgres auto: the server, the
# postmaster and its backends) and reports microseconds of CPU per request and the multiple of
# /healthz's: steadier than req/s on a shared machine.
# --fhir also times the FHIR R4 face with the same token: a read
# (Patient/{id}), a search by patient and code (the client's PHQ-9 totals),
# and a durable create (POST QuestionnaireResponse, a GAD-7 for each of the
# clinician's first 100 clients in turn, 201 each).
# --bin runs that binary (no build); --data-copy serves a copy of a data
# directory `rapport demo` seeded (SQLite; password rapport-demo-2026 unless
# RAPPORT_BENCH_PASSWORD says otherwise) instead of seeding; --as signs in as
# that account (default clinician1@demo.rapport.test); --caseload-pages also
# times the caseload sorted by need and a page deep into it (after the client
# at four fifths of the caseload in name order); --today also times the
# signed-in person's Today page (sessions, unsigned notes, measures due over
# their whole caseload, open flags).
# --profile TEXT records the server with `perf record --call-graph dwarf`
# during each measured run whose path contains TEXT, into
# target/bench/<timestamp>/perf<path>.data (read it with `perf report -i`);
# those runs' figures are slowed by the recording and are not results.
#
# Seeds a demo organisation, starts `rapport serve` pinned to CPU 0, drives it
# with wrk pinned to CPU 1, and prints a markdown table comparing each endpoint
# with /healthz (the cost of the HTTP stack alone). Results and logs are kept in
# target/bench/<timestamp>/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
export LC_ALL=C # decimal points, not commas, in awk/printf

# --- Options ---------------------------------------------------------------------
POSTGRES=""          # "", a URL, or "auto" (throwaway server via scripts/lib/postgres.sh)
DURATION=30s
WARMUP=5s
CONNECTIONS=16
CLINICIANS=100
CLIENTS=10000
COUNT_NON2XX=0
BUILD=1
STRICT=0
FHIR=0
CPU=0
PROFILE=""
PORT=18080
DATA_COPY=""
EMAIL=clinician1@demo.rapport.test
CASELOAD_PAGES=0
TODAY=0
SERVER_CPU=0
LOADGEN_CPU=1

usage() { sed -n '2,27p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --postgres) POSTGRES=${2:?--postgres needs a URL or "auto"}; shift 2 ;;
        --duration) DURATION=${2:?}; shift 2 ;;
        --warmup) WARMUP=${2:?}; shift 2 ;;
        --connections) CONNECTIONS=${2:?}; shift 2 ;;
        --clinicians) CLINICIANS=${2:?}; shift 2 ;;
        --clients) CLIENTS=${2:?}; shift 2 ;;
        --count-non2xx) COUNT_NON2XX=1; shift ;;
        --no-build) BUILD=0; shift ;;
        --strict) STRICT=1; shift ;;
        --fhir) FHIR=1; shift ;;
        --cpu) CPU=1; shift ;;
        --profile) PROFILE=${2:?--profile needs a value}; shift 2 ;;
        --bin) BIN_GIVEN=${2:?}; BUILD=0; shift 2 ;;
        --data-copy) DATA_COPY=${2:?}; shift 2 ;;
        --as) EMAIL=${2:?}; shift 2 ;;
        --caseload-pages) CASELOAD_PAGES=1; shift ;;
        --today) TODAY=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- Tools -------------------------------------------------------------------------
# wrk is the load generator; curl does the log-in and sanity checks; node parses
# JSON (it is already required by the e2e tests).
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v taskset >/dev/null || missing+=(util-linux)
command -v node >/dev/null || missing+=(nodejs)
[ "$CPU" -eq 0 ] || command -v perf >/dev/null || missing+=(linux-perf)
if [ "${#missing[@]}" -gt 0 ]; then
    log "Installing ${missing[*]}"
    [ "$(id -u)" -eq 0 ] || die "need root to apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Pinning keeps the server and the load generator from stealing each other's
# CPU, so the numbers say something about the server. It needs two CPUs.
if [ "$(nproc)" -lt 2 ]; then
    log "warning: fewer than 2 CPUs available; running unpinned (numbers will be noisy)"
    pin_server=()
    pin_loadgen=()
else
    pin_server=(taskset -c "$SERVER_CPU")
    pin_loadgen=(taskset -c "$LOADGEN_CPU")
fi

OUT="$ROOT/target/bench/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
DATA=$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench.XXXXXX")
SERVER_PID=""
PG_STARTED=0

# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "$PG_STARTED" -eq 1 ]; then pg_stop; fi
    rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Build -------------------------------------------------------------------------
BIN="${BIN_GIVEN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/rapport}"
if [ "$BUILD" -eq 1 ]; then
    log "cargo build --release --bin rapport"
    cargo build --release --locked --bin rapport
fi
[ -x "$BIN" ] || die "$BIN not found (drop --no-build)"

# --- Database ----------------------------------------------------------------------
db_args=()
BACKEND="SQLite"
if [ "$POSTGRES" = auto ]; then
    # shellcheck source=scripts/lib/postgres.sh
    source "$ROOT/scripts/lib/postgres.sh"
    # Start PostgreSQL on the server's CPU: the server side (app + database)
    # gets one core, the load generator the other. Child processes inherit
    # our affinity, so narrow it around pg_start and then restore it.
    orig_affinity=$(taskset -pc $$ | awk -F': ' '{print $2}')
    [ "${#pin_server[@]}" -gt 0 ] && taskset -pc "$SERVER_CPU" $$ >/dev/null
    # Durable like production (fsync on), and random_page_cost for SSD-backed
    # storage, as docs/operations.md recommends.
    PG_SETTINGS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c random_page_cost=1.1" \
        pg_start rapport_bench >&2
    PG_STARTED=1
    taskset -pc "$orig_affinity" $$ >/dev/null
    POSTGRES=$PG_URL
    BACKEND="PostgreSQL 15 (throwaway, pinned with the server)"
elif [ -n "$POSTGRES" ]; then
    BACKEND="PostgreSQL ($POSTGRES)"
fi
[ -n "$POSTGRES" ] && db_args=(--database-url "$POSTGRES")

# --- Seed --------------------------------------------------------------------------
if [ -n "$DATA_COPY" ]; then
    [ -z "$POSTGRES" ] || die "--data-copy serves a SQLite data directory; drop --postgres"
    [ -f "$DATA_COPY/rapport.db" ] || die "$DATA_COPY/rapport.db not found"
    log "Copying $DATA_COPY into $DATA"
    cp -a "$DATA_COPY/." "$DATA/"
    seed_seconds="copied from $DATA_COPY"
    PASSWORD=${RAPPORT_BENCH_PASSWORD:-rapport-demo-2026}
else
    log "Seeding $CLINICIANS clinicians / $CLIENTS clients into $DATA"
    seed_start=$(date +%s.%N)
    "$BIN" demo --data-dir "$DATA" "${db_args[@]}" \
        --clinicians "$CLINICIANS" --clients "$CLIENTS" >"$OUT/demo.log" 2>&1 ||
        { cat "$OUT/demo.log" >&2; die "rapport demo failed"; }
    seed_seconds=$(awk -v a="$seed_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    PASSWORD=$(sed -n 's/.*Password for every demo account:[[:space:]]*//p' "$OUT/demo.log" | head -n1 | tr -d '\r' | sed 's/[[:space:]]*$//')
    [ -n "$PASSWORD" ] || die "no 'Password for every demo account: ...' line in $OUT/demo.log"
fi

TOKEN=$("$BIN" token create --data-dir "$DATA" "${db_args[@]}" --email "$EMAIL" --name bench 2>"$OUT/token.log" | tail -n1 | tr -d '\r[:space:]')
[ -n "$TOKEN" ] || { cat "$OUT/token.log" >&2; die "rapport token create printed no token"; }

# --- Serve -------------------------------------------------------------------------
BASE="http://127.0.0.1:$PORT"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "port $PORT is already in use"
fi
log "Starting rapport serve on $BASE (${pin_server[*]:-unpinned})"
# taskset execs the server, so $! is the server's own pid.
"${pin_server[@]}" "$BIN" serve --data-dir "$DATA" "${db_args[@]}" --listen "127.0.0.1:$PORT" \
    >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz" || true)" = 200 ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/server.log" >&2; die "server exited"; }
    [ "$i" -eq 120 ] && { cat "$OUT/server.log" >&2; die "server not healthy after 60s"; }
    sleep 0.5
done

# --- Log in like a browser ----------------------------------------------------------
# GET /login sets the rapport_csrf cookie and embeds the same token in a hidden
# form field; POST /login answers 303 with a rapport_session cookie.
JAR="$OUT/cookies.txt"
curl -s -c "$JAR" -b "$JAR" -o "$OUT/login.html" "$BASE/login"
CSRF=$(grep -oE '<input[^>]*name="csrf"[^>]*>' "$OUT/login.html" | head -n1 | sed -nE 's/.*value="([^"]*)".*/\1/p')
[ -n "$CSRF" ] || die "no <input name=\"csrf\" value=...> on /login (see $OUT/login.html)"
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" \
    --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "csrf=$CSRF" "$BASE/login")
[ "$status" = 303 ] || die "POST /login answered $status, expected 303"
# Netscape cookie jar: field 6 is the name, 7 the value (HttpOnly lines start
# with "#HttpOnly_", which awk still splits the same way).
cookie() { awk -v n="$1" '$6 == n { v = $7 } END { print v }' "$JAR"; }
SESSION=$(cookie rapport_session)
[ -n "$SESSION" ] || die "no rapport_session cookie after logging in"
# Send what a browser would: the session and the CSRF cookie.
COOKIE="rapport_session=$SESSION"
csrf_cookie=$(cookie rapport_csrf)
[ -n "$csrf_cookie" ] && COOKIE="$COOKIE; rapport_csrf=$csrf_cookie"

# --- Pick a client -------------------------------------------------------------------
AUTH="Authorization: Bearer $TOKEN"
curl -sf -H "$AUTH" "$BASE/api/v1/clients" -o "$OUT/clients.json" ||
    die "GET /api/v1/clients failed with the bench token"
CLIENT_ID=$(node -e '
    const list = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (!Array.isArray(list) || list.length === 0 || list[0].id === undefined) process.exit(1);
    console.log(list[0].id);' "$OUT/clients.json") ||
    die "GET /api/v1/clients returned no clients with an id (see $OUT/clients.json)"

# --- Load --------------------------------------------------------------------------
# name|path|header|body (header may be empty; a body file makes it a POST)
targets=(
    "/healthz|/healthz||"
    "/clients (caseload page, cookie)|/clients|Cookie: $COOKIE|"
    "/api/v1/clients/{id} (client read, bearer)|/api/v1/clients/$CLIENT_ID|$AUTH|"
)
if [ "$CASELOAD_PAGES" -eq 1 ]; then
    # The caseload's size from the API's count, then the client four fifths
    # of the way through it in name order: the key of a deep page.
    total=$(curl -sf -D - -o /dev/null -H "$AUTH" "$BASE/api/v1/clients?limit=1" | tr -d '\r' |
        sed -n 's/^[Xx]-[Tt]otal-[Cc]ount: //p')
    [ -n "$total" ] || die "GET /api/v1/clients sent no X-Total-Count"
    deep=$(( total * 4 / 5 ))
    DEEP_ID=$(curl -sf -H "$AUTH" "$BASE/api/v1/clients?limit=1&offset=$deep" |
        node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].id))') ||
        die "no client at offset $deep"
    targets+=(
        "/clients?sort=need (caseload by need, cookie)|/clients?sort=need|Cookie: $COOKIE|"
        "/clients?after=… (caseload page after client $deep of $total, cookie)|/clients?after=$DEEP_ID|Cookie: $COOKIE|"
    )
fi
if [ "$TODAY" -eq 1 ]; then
    targets+=("/today (Today page, cookie)|/today|Cookie: $COOKIE|")
fi
if [ "$FHIR" -eq 1 ]; then
    # A GAD-7 answered with each item's first option, from the served
    # Questionnaire (so the body follows its linkIds and answer codes).
    curl -sf -H "$AUTH" "$BASE/fhir/r4/Questionnaire?url=https://rapport-ipt.org/fhir/Questionnaire/gad7" \
        -o "$OUT/gad7.json" || die "GET /fhir/r4/Questionnaire?url=…gad7 failed"
    # One body per client of the clinician's first 100, taken in turn, so no
    # single client piles up thousands of responses during the run.
    node -e '
        const fs = require("fs");
        const [file, clients] = process.argv.slice(1);
        const q = JSON.parse(fs.readFileSync(file, "utf8")).entry[0].resource;
        const item = q.item.filter((i) => i.answerOption).map((i) => ({
            linkId: i.linkId, answer: [{ valueCoding: i.answerOption[0].valueCoding }] }));
        for (const c of JSON.parse(fs.readFileSync(clients, "utf8")).slice(0, 100)) {
            console.log(JSON.stringify({ resourceType: "QuestionnaireResponse", status: "completed",
                questionnaire: `${q.url}|${q.version}`, subject: { reference: `Patient/${c.id}` }, item }));
        }
    ' "$OUT/gad7.json" "$OUT/clients.json" >"$OUT/qr.ndjson" || die "no GAD-7 items in $OUT/gad7.json"
    targets+=(
        "/fhir/r4/Patient/{id} (FHIR read, bearer)|/fhir/r4/Patient/$CLIENT_ID|$AUTH|"
        "/fhir/r4/Observation?patient&code (FHIR search, bearer)|/fhir/r4/Observation?patient=Patient/$CLIENT_ID&code=http://loinc.org%7C44261-6|$AUTH|"
        "POST /fhir/r4/QuestionnaireResponse (FHIR create, bearer)|/fhir/r4/QuestionnaireResponse|$AUTH|$OUT/qr.ndjson"
    )
fi

# Every endpoint must answer 200 (a create 201) before we time it: otherwise
# we would be benchmarking a redirect to /login or an error page.
for t in "${targets[@]}"; do
    IFS='|' read -r name path header body <<<"$t"
    hdr=(); [ -n "$header" ] && hdr=(-H "$header")
    expected=200
    if [ -n "$body" ]; then
        head -n1 "$body" >"$OUT/first-body.json"
        hdr+=(-H "Content-Type: application/fhir+json" --data-binary "@$OUT/first-body.json")
        expected=201
    fi
    code=$(curl -s -o "$OUT/check.txt" -w '%{http_code}' "${hdr[@]}" "$BASE$path")
    [ "$code" = "$expected" ] || die "$name answered $code before the run, expected $expected: $(head -c 400 "$OUT/check.txt")"
done

results=()
for t in "${targets[@]}"; do
    IFS='|' read -r name path header body <<<"$t"
    hdr=(); [ -n "$header" ] && hdr=(-H "$header")
    lua_args=()
    [ "$COUNT_NON2XX" -eq 1 ] && lua_args+=(count-non2xx)
    [ -n "$body" ] && lua_args+=("post=$body")
    [ "${#lua_args[@]}" -gt 0 ] && lua_args=(-- "${lua_args[@]}")
    wrk_cmd=("${pin_loadgen[@]}" wrk -t1 "-c$CONNECTIONS" --latency
        -s "$ROOT/bench/wrk-report.lua" "${hdr[@]}")
    log "Warm-up $WARMUP: $name"
    "${wrk_cmd[@]}" "-d$WARMUP" "$BASE$path" "${lua_args[@]}" >/dev/null
    log "Measuring $DURATION: $name"
    slug=$(printf '%s' "$path" | tr -c 'a-zA-Z0-9' '_')
    perf_pid=""
    if [ "$CPU" -eq 1 ]; then
        pids=$SERVER_PID
        # The throwaway PostgreSQL's postmaster and its children (the pool's
        # backends, connected during the warm-up); never another server's.
        if [ "$PG_STARTED" -eq 1 ]; then
            postmaster=$(head -n1 "$PG_DIR/data/postmaster.pid")
            pids="$pids,$postmaster,$(pgrep -d, -P "$postmaster" || true)"
        fi
        perf stat -e task-clock -x, -o "$OUT/perf$slug.txt" -p "${pids%,}" &
        perf_pid=$!
    fi
    record_pid=""
    if [ -n "$PROFILE" ] && [[ "$path" == *"$PROFILE"* ]]; then
        perf record -q -F 999 --call-graph dwarf,16384 -o "$OUT/perf$slug.data" -p "$SERVER_PID" 2>/dev/null &
        record_pid=$!
    fi
    "${wrk_cmd[@]}" "-d$DURATION" "$BASE$path" "${lua_args[@]}" | tee "$OUT/wrk$slug.txt" >&2
    if [ -n "$record_pid" ]; then
        kill -INT "$record_pid" 2>/dev/null || true
        wait "$record_pid" 2>/dev/null || true
        log "Profile of $name: $OUT/perf$slug.data"
    fi
    cpu_us=""
    if [ -n "$perf_pid" ]; then
        # perf gives up by itself when a listed process exits before it
        # attaches (a short-lived PostgreSQL worker): then the figure is n/m.
        kill -INT "$perf_pid" 2>/dev/null || true
        wait "$perf_pid" 2>/dev/null || true
        requests=$(grep '^WRK_RESULT ' "$OUT/wrk$slug.txt" | tail -n1 | tr ' ' '\n' | sed -n 's/^requests=//p')
        cpu_us=$(awk -F, -v n="$requests" '$3 ~ /task-clock/ { printf "%.0f", $1 * 1000 / n }' "$OUT/perf$slug.txt" 2>/dev/null || true)
    fi
    line=$(grep '^WRK_RESULT ' "$OUT/wrk$slug.txt" | tail -n1)
    [ -n "$line" ] || die "wrk printed no WRK_RESULT line for $name"
    results+=("$name|$line cpu_us=${cpu_us:-n/m}")
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -50 "$OUT/server.log" >&2; die "server died during $name"; }
done

# --- Report ------------------------------------------------------------------------
# field KEY LINE: value of KEY=... in a WRK_RESULT line
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }
healthz_rps=$(field rps "${results[0]#*|}")
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=""
if git -C "$ROOT" status --porcelain 2>/dev/null | grep -q .; then dirty=" (dirty)"; fi

verdict="" target_met=1
# Build the report in the current shell (not a pipeline) so target_met survives.
{
    echo "## Rapport benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "- Commit: $commit$dirty; release build"
    if [ -n "$DATA_COPY" ]; then
        echo "- Backend: $BACKEND; data: a copy of $DATA_COPY; signed in as $EMAIL"
    else
        echo "- Backend: $BACKEND; seed: $CLINICIANS clinicians, $CLIENTS clients (${seed_seconds}s); signed in as $EMAIL"
    fi
    echo "- CPU: ${cpu:-unknown}; server ${pin_server[*]:-unpinned}, wrk ${pin_loadgen[*]:-unpinned}"
    echo "- wrk: 1 thread, $CONNECTIONS connections, $DURATION after $WARMUP warm-up"
    echo
    echo "| Endpoint | Req/s | p50 (ms) | p99 (ms) | Errors | Non-2xx | vs /healthz | CPU per request (µs) | × /healthz CPU |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for r in "${results[@]}"; do
        name=${r%%|*}; line=${r#*|}
        rps=$(field rps "$line")
        errors=$(( $(field err_connect "$line") + $(field err_read "$line") + $(field err_write "$line") \
            + $(field err_timeout "$line") + $(field err_status "$line") ))
        non2xx=$(field non2xx "$line"); [ "$non2xx" = -1 ] && non2xx="n/c"
        ratio=$(awk -v a="$rps" -v b="$healthz_rps" 'BEGIN { printf "%.1f%%", (b > 0 ? 100 * a / b : 0) }')
        cpu_us=$(field cpu_us "$line")
        cpu_ratio=$(awk -v a="$cpu_us" -v b="$(field cpu_us "${results[0]#*|}")" \
            'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1f", a / b; else print "n/m" }')
        printf '| %s | %.0f | %.2f | %.2f | %s | %s | %s | %s | %s |\n' "$name" "$rps" \
            "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$errors" "$non2xx" "$ratio" "$cpu_us" "$cpu_ratio"
        if [[ $name == /api/v1/clients/* ]]; then
            read -r met why < <(awk -v a="$rps" -v b="$healthz_rps" -v p99="$(field p99_ms "$line")" -v e="$errors" 'BEGIN {
                ok = (b > 0 && a / b >= 0.25 && p99 < 10 && e == 0)
                printf "%d %.1f%% of /healthz (need >= 25%%), p99 %.2f ms (need < 10 ms), %d errors\n", ok, (b > 0 ? 100 * a / b : 0), p99, e }')
            target_met=$met
            verdict="$why"
        fi
    done
    echo
    echo "CPU per request is measured only with --cpu (n/m otherwise)."
    echo "Errors = socket errors + HTTP >= 400 (wrk). Non-2xx is counted only with --count-non2xx (n/c otherwise); every endpoint answered 200 just before its run."
    echo
    if [ "$target_met" -eq 1 ]; then
        echo "**Target MET** (client read on $BACKEND): $verdict"
    else
        echo "**Target NOT MET** (client read on $BACKEND): $verdict"
    fi
} >"$OUT/report.md"
cat "$OUT/report.md"
log "Report and logs: $OUT"

[ "$STRICT" -eq 1 ] && [ "$target_met" -ne 1 ] && exit 1
exit 0
