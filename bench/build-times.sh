#!/usr/bin/env bash
# Release build times of one or more commits, measured one after another on this
# machine: a clean `cargo build --release --workspace --locked` in a fresh clone
# and target directory, then two incremental rebuilds after touching one file
# (a core rule every crate depends on, and one staff page).
#   bench/build-times.sh REV [REV...]      e.g. bench/build-times.sh ff14bd1 HEAD
# Prints wall-clock and CPU (user+sys) seconds per build. Needs about 3 GB of
# disk per commit while it runs (removed afterwards). Not run in CI.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { # label, then the command
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  t1=$(date +%s.%N)
  read -r user sys <"$work/cpu"
  printf '%-10s %-28s wall %7.1f s   cpu %7.1f s\n' "$rev" "$label" "$(echo "$t1 - $t0" | bc)" "$(echo "$user + $sys" | bc)"
}
for rev in "$@"; do
  dir="$work/src-$rev"
  git clone -q "$repo" "$dir"
  git -C "$dir" checkout -q "$rev"
  export CARGO_TARGET_DIR="$work/target-$rev"
  (cd "$dir" && measure "clean release build" cargo build --release --workspace --locked)
  # The same two files exist at every commit measured so far.
  (cd "$dir" && echo "// touched" >>crates/rapport-core/src/client.rs && measure "after touching core" cargo build --release --workspace --locked)
  (cd "$dir" && echo "// touched" >>crates/rapport-web/src/ui/clients.rs && measure "after touching a page" cargo build --release --workspace --locked)
  rm -rf "$dir" "$CARGO_TARGET_DIR"
done
