#!/usr/bin/env bash
# Counts repeated code in production sources only (crates/*/src, no tests,
# migrations or templates), as the architecture issue measures it:
# "substantive" pairs are those the `duplicates` tool does not mark as boilerplate.
# Usage: scripts/duplicates-count.sh [--list N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for c in "$root"/crates/*/; do
  name=$(basename "$c")
  mkdir -p "$tmp/$name"
  cp -r "$c/src" "$tmp/$name/"
done
most=${2:-200}
out=$(duplicates --repo "$tmp" --most "$most" --seconds 300)
head=$(printf '%s\n' "$out" | head -1)
total=$(printf '%s' "$head" | sed -E 's/^([0-9]+) pairs.*/\1/')
boiler=$(printf '%s' "$head" | sed -E 's/.* ([0-9]+) of those marked boilerplate.*/\1/')
echo "production duplicate pairs: $total in all, $((total - boiler)) substantive ($boiler boilerplate)"
if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "$out" | grep -v boilerplate | tail -n +2
fi
