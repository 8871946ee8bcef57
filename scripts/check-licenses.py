#!/usr/bin/env python3
"""Fails if any crate linked into Rapport carries a copyleft-only licence.

Reads `cargo metadata` for the normal (non-dev, non-build) dependency graph of
the `rapport` binary and checks each crate's SPDX expression: an expression is
acceptable when at least one alternative of an OR is free of GPL/AGPL/LGPL/SSPL.
"""
import json
import re
import subprocess
import sys

BLOCKED = re.compile(r"\b(A?GPL|LGPL|SSPL|EUPL|OSL|CC-BY-SA)", re.I)

meta = json.loads(subprocess.check_output(
    ["cargo", "metadata", "--format-version", "1", "--locked"], text=True))
packages = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
root = next(p["id"] for p in meta["packages"] if p["name"] == "rapport")

# Walk normal dependencies only: dev and build dependencies are not shipped.
seen, stack = set(), [root]
while stack:
    pid = stack.pop()
    if pid in seen:
        continue
    seen.add(pid)
    for dep in nodes[pid]["deps"]:
        if any(k["kind"] is None for k in dep["dep_kinds"]):
            stack.append(dep["pkg"])

problems = []
for pid in sorted(seen, key=lambda i: packages[i]["name"]):
    p = packages[pid]
    if p["source"] is None:  # our own crates
        continue
    lic = p.get("license") or ""
    if not lic:
        problems.append(f"{p['name']} {p['version']}: no licence declared")
        continue
    alternatives = re.split(r"\s+OR\s+|/", lic.strip("() "))
    if all(BLOCKED.search(a) for a in alternatives):
        problems.append(f"{p['name']} {p['version']}: {lic}")

print(f"licence check: {len(seen)} crates linked into rapport", file=sys.stderr)
if problems:
    print("copyleft or undeclared licences found:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
