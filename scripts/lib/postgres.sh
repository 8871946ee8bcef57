# shellcheck shell=bash
# shellcheck disable=SC2034  # PG_PORT/PG_URL are this library's outputs
# Throwaway PostgreSQL 15 for tests and benchmarks. Source this file, then:
#
#   pg_start [DBNAME]   # start a private server, create DBNAME (default rapport_test)
#                       # sets PG_PORT, PG_URL (postgres://postgres@127.0.0.1:PORT/DBNAME)
#   pg_stop             # stop it and delete its files; safe to call twice
#
# The server lives entirely in a fresh temp dir (data, socket, log), listens on
# 127.0.0.1 only and trusts every local connection, so it never touches a system
# cluster and leaves nothing behind. Callers should `trap pg_stop EXIT`.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=""
PG_PORT=""
PG_URL=""

# Run a PostgreSQL binary as the `postgres` OS user when we are root (initdb and
# postgres refuse to run as root); as ourselves otherwise. `cd` into the temp dir
# first so the postgres user never needs access to the caller's cwd.
_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$PG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$PG_DIR" && "$@")
    fi
}

# True if something already accepts TCP connections on 127.0.0.1:$1.
_pg_port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_start() {
    local db=${1:-rapport_test}
    if [ -n "$PG_DIR" ]; then
        echo "pg_start: a server is already running from $PG_DIR" >&2
        return 1
    fi
    if [ ! -x "$PG_BIN/initdb" ]; then
        echo "pg_start: $PG_BIN/initdb not found (apt-get install postgresql-15)" >&2
        return 1
    fi

    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rapport-pg.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$PG_DIR"
    fi
    chmod 700 "$PG_DIR"

    # -U postgres makes the bootstrap role `postgres`, a superuser: the Rust test
    # harness issues CREATE DATABASE per test through this role.
    # --no-sync: nobody cares about durability of a throwaway cluster.
    _pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust \
        -E UTF8 --locale=C --no-sync >"$PG_DIR/initdb.log" 2>&1 || {
        echo "pg_start: initdb failed:" >&2
        cat "$PG_DIR/initdb.log" >&2
        pg_stop
        return 1
    }

    # Pick a free port starting at 55432. Another process may grab the port
    # between the check and the bind, so a failed start retries on the next one.
    local port=${PG_START_PORT:-55432} tries=0
    while :; do
        tries=$((tries + 1))
        if [ "$tries" -gt 20 ]; then
            echo "pg_start: could not start PostgreSQL on any port; last log:" >&2
            cat "$PG_DIR/server.log" >&2 || true
            pg_stop
            return 1
        fi
        if _pg_port_busy "$port"; then
            port=$((port + 1))
            continue
        fi
        # fsync=off etc.: tests create a database per test and nothing needs to
        # survive a crash, so skip the disk flushes (PG_SETTINGS overrides this:
        # the benchmark runs a durable, production-like server). max_connections is raised
        # because parallel tests each hold a small pool.
        if _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" \
            -w -t 60 start -o "-c listen_addresses=127.0.0.1 -p $port \
 -c unix_socket_directories=$PG_DIR -c max_connections=300 \
 ${PG_SETTINGS:--c fsync=off -c synchronous_commit=off -c full_page_writes=off}" >/dev/null 2>&1; then
            break
        fi
        port=$((port + 1))
    done
    PG_PORT=$port

    # pg_ctl -w already waited for startup; confirm TCP accepts connections.
    local i
    for i in $(seq 1 60); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; then
            break
        fi
        if [ "$i" -eq 60 ]; then
            echo "pg_start: server on port $PG_PORT never became ready" >&2
            cat "$PG_DIR/server.log" >&2 || true
            pg_stop
            return 1
        fi
        sleep 0.5
    done

    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"
    PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/$db"
    echo "PostgreSQL 15 running on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
}

pg_stop() {
    [ -n "$PG_DIR" ] || return 0
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
        # Fast shutdown: disconnect clients, don't wait for them. Output goes to
        # the log so nothing is printed after the test runners' summaries.
        _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop \
            >>"$PG_DIR/server.log" 2>&1 || {
            # Last resort: kill the postmaster by its own pid file.
            local pid
            pid=$(head -n1 "$PG_DIR/data/postmaster.pid" 2>/dev/null || true)
            if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
        }
    fi
    rm -rf "$PG_DIR"
    PG_DIR=""
    PG_PORT=""
    PG_URL=""
}
