# Shared by the bench scripts (sourced, not run): the options every one of
# them takes, the release build, and seeding a data directory.
#
#   --clients N     clients `rapport demo` seeds (the script sets its default)
#   --copy-of DIR   copy DIR's SQLite database and key files instead of seeding
#   --no-build      use the release binary already built
#   --bin PATH      use another binary (implies --no-build)

CLIENTS=${CLIENTS:-10000}
COPY_OF=""
BIN_GIVEN=""
BUILD=1

# Takes one common option from "$@"; sets BENCH_USED to how many arguments it
# used (0 when the first is not a common option).
bench_common_option() {
    BENCH_USED=0
    case "$1" in
        --clients) CLIENTS=${2:?--clients needs a number}; BENCH_USED=2 ;;
        --copy-of) COPY_OF=${2:?--copy-of needs a data directory}; BENCH_USED=2 ;;
        --no-build) BUILD=0; BENCH_USED=1 ;;
        --bin) BIN_GIVEN=${2:?--bin needs a path}; BUILD=0; BENCH_USED=2 ;;
    esac
}

# Builds (unless told not to) and sets BIN to the binary to measure.
bench_binary() {
    BIN=${BIN_GIVEN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/rapport}
    if [ "$BUILD" -eq 1 ]; then
        cargo build --release --locked --bin rapport
    fi
    [ -x "$BIN" ] || { echo "error: $BIN not found (drop --no-build)" >&2; exit 1; }
}

# Fills the data directory $1: a copy of --copy-of's SQLite database and keys,
# or `rapport demo` with one clinician per 100 clients (at least 3); any
# further arguments go to `rapport` before `demo` (e.g. --database-url).
# Sets SEED to a description of what was done.
bench_seed() {
    local data=$1
    shift
    mkdir -p "$data"
    if [ -n "$COPY_OF" ]; then
        echo "==> copying $COPY_OF/rapport.db ($(du -h "$COPY_OF/rapport.db" | cut -f1))" >&2
        cp "$COPY_OF"/rapport.db "$COPY_OF"/*.key "$data"/
        SEED="copy of $COPY_OF"
    else
        echo "==> rapport demo --clients $CLIENTS" >&2
        "$BIN" --data-dir "$data" "$@" demo --clinicians $((CLIENTS / 100 > 3 ? CLIENTS / 100 : 3)) \
            --clients "$CLIENTS" >/dev/null
        SEED="rapport demo --clients $CLIENTS"
    fi
}
