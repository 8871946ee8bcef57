#!/usr/bin/env bash
# Query plans and timings from the SQLite that Rapport links (not a test; CI
# does not run it). The system's `sqlite3` shell is another version, and its
# planner can choose differently (bench/README.md, "A plan without statistics").
#
#   bench/sqlite-plan.sh DATABASE 'SELECT …' ['SELECT …' …]
#
# Compiles a small program against the amalgamation bundled by the
# libsqlite3-sys crate in Cargo.lock (once, into target/bench/), then for each
# query prints its EXPLAIN QUERY PLAN and three timed runs (rows, ms). Bind
# values must be written into the text. The database is opened read-write, as
# the server opens it, but nothing is written.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ $# -ge 2 ] || { sed -n '5,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
version=$(awk '/^name = "libsqlite3-sys"/ { getline; gsub(/[^0-9.]/, ""); print }' Cargo.lock)
src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/libsqlite3-sys-"$version"/sqlite3 2>/dev/null | head -1)
[ -n "$src" ] || { echo "error: libsqlite3-sys $version is not in the cargo registry (run cargo fetch)" >&2; exit 1; }
out=target/bench/sqlite-plan-$version
if [ ! -x "$out" ]; then
    mkdir -p target/bench
    cat > "$out.c" <<'C'
#include "sqlite3.h"
#include <stdio.h>
#include <time.h>
static double ms(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }
int main(int argc, char **argv) {
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, 0) != SQLITE_OK) { fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
    printf("SQLite %s\n", sqlite3_libversion());
    for (int i = 2; i < argc; i++) {
        char plan[65536];
        snprintf(plan, sizeof plan, "EXPLAIN QUERY PLAN %s", argv[i]);
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(db, plan, -1, &s, 0) != SQLITE_OK) { fprintf(stderr, "query %d: %s\n", i - 1, sqlite3_errmsg(db)); return 1; }
        printf("query %d\n", i - 1);
        while (sqlite3_step(s) == SQLITE_ROW) printf("  %s\n", (const char *)sqlite3_column_text(s, 3));
        sqlite3_finalize(s);
        for (int run = 0; run < 3; run++) {
            double t0 = ms();
            long rows = 0;
            sqlite3_prepare_v2(db, argv[i], -1, &s, 0);
            while (sqlite3_step(s) == SQLITE_ROW) rows++;
            sqlite3_finalize(s);
            printf("  run %d: %ld rows in %.2f ms\n", run + 1, rows, ms() - t0);
        }
    }
    sqlite3_close(db);
    return 0;
}
C
    echo "==> compiling the SQLite bundled by libsqlite3-sys $version (about 30 s)" >&2
    cc -O2 -DSQLITE_THREADSAFE=0 -I"$src" -o "$out" "$out.c" "$src/sqlite3.c" -lm
fi
exec "$out" "$@"
