#!/usr/bin/env python3
"""Checks Rapport's layering: faces apart, an HTTP-free application crate, no
import circles.

Fails (exit 1) with a message naming each violation when:

  a. a face module of crates/rapport-web/src imports another face: the staff
     pages (`ui/`, `ui.rs`) must not reference `crate::api` or
     `crate::portal`, the JSON API (`api/`) must not reference `crate::ui` or
     `crate::portal`, the client portal (`portal/`) must not reference
     `crate::ui` or `crate::api`, and the FHIR face (`fhir/`) none of the
     others (nor they it);
  b. crates/rapport-app/Cargo.toml (when it exists) lists an HTTP or template
     crate (axum, askama, utoipa, tower, tower-http, hyper, or one of their
     `-`/`_` companions such as axum-extra) in any dependency table;
  c. a crate under crates/*/src has an import circle of more than two files:
     the strongly connected components of its file-level import graph.

How the graph is built, per crate: each file is a module (`lib.rs` or
`main.rs` is the crate root, `a/mod.rs` and `a.rs` are `a`, `a/b.rs` is
`a::b`). An edge A -> B means file A names a path that resolves into file B:
`use` trees (`use crate::{a::{b, c}, d}`, `use super::x`, `use child::Y`) and
`crate::`, `super::`, `self::` paths in code (`crate::x::f()`). A path
resolves to the longest prefix that is a file's module; a name that module
re-exports with `pub use` is followed to where it is defined. `mod x;`
declarations are not edges. Comments and string literals are ignored.
Inline modules (`mod tests { ... }`) belong to their file, and `super::`
inside them is relative to the inline module.

With --strict, code paths through a name a `use` imported (`use crate::ui;`
... `ui::courses::routes`) and through a child module (`courses::seed()` in
demo/mod.rs) are edges too. These are real dependencies, but they also join
every parent module that calls its children while the children use the
parent's helpers into one component; the gate is the default mode, --report
prints the --strict sizes for information.

Usage:
  scripts/check-layers.py            check; exit 1 on any violation
  scripts/check-layers.py --report   print the largest circle per crate and
                                     every face crossing; exit 0
  scripts/check-layers.py --strict   (with or without --report) see above
  scripts/check-layers.py --self-test
  scripts/check-layers.py --root DIR (default: the repository of this script)
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

FACES = ("ui", "api", "portal", "fhir")
WEB_CRATE = "rapport-web"
APP_CRATE = "rapport-app"
FORBIDDEN_APP_DEPS = ("axum", "askama", "utoipa", "tower", "tower-http", "hyper")
MAX_CIRCLE = 2

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
RAW_IDENT = r"(?:r#)?" + IDENT
KEYWORDS = {
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe",
    "use", "where", "while",
}


# --- Lexing -------------------------------------------------------------------


def strip_source(text: str) -> str:
    """The text with comments blanked and string/char literals emptied, keeping
    every newline so line numbers stay right."""
    out: list[str] = []
    i, n = 0, len(text)

    def blank(s: str) -> str:
        return "".join("\n" if c == "\n" else " " for c in s)

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(blank(text[i:j]))
            i = j
        else:
            m = re.compile(r'(?:b|c)?r(#*)"').match(text, i)
            if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
                end = text.find('"' + m.group(1), m.end())
                end = n if end < 0 else end + 1 + len(m.group(1))
                out.append('""' + blank(text[i:end])[2:])
                i = end
            elif c == '"' or (c in "bc" and text.startswith('"', i + 1)
                              and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"))):
                j = i + (1 if c == '"' else 2)
                while j < n and text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                j = min(j + 1, n)
                out.append('""' + blank(text[i:j])[2:])
                i = j
            elif c == "'":
                # A char literal ('x', '\n', '\u{1F600}') or a lifetime/label ('a).
                m = re.compile(r"'(?:\\(?:u\{[0-9A-Fa-f]+\}|x[0-9A-Fa-f]{2}|.)|[^\\'\n])'").match(text, i)
                if m:
                    out.append("' '" + " " * (m.end() - i - 3))
                    i = m.end()
                else:
                    out.append(c)
                    i += 1
            else:
                out.append(c)
                i += 1
    return "".join(out)


# --- Modules and references ---------------------------------------------------


@dataclass
class Ref:
    path: tuple[str, ...]  # absolute, within the crate (no leading "crate")
    line: int
    text: str  # as written, for messages
    call: bool = False  # `a::b(` or `a::b!`: the last segment is not a module


@dataclass
class SourceFile:
    path: Path
    rel: str
    module: tuple[str, ...]
    refs: list[Ref] = field(default_factory=list)
    # `pub use` re-exports: exported name -> absolute path it stands for.
    reexports: dict[str, tuple[str, ...]] = field(default_factory=dict)


def module_of(rel: Path) -> tuple[str, ...]:
    parts = list(rel.with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main") and (parts[-1] == "mod" or len(parts) == 1):
        parts = parts[:-1]
    return tuple(parts)


def parse_use_tree(tree: str) -> list[tuple[list[str], str | None]]:
    """Expands a `use` tree into (segments, alias) leaves; `a::{self, b}` gives `a` and `a::b`."""
    tokens = re.findall(RAW_IDENT + r"|::|\{|\}|,|\*", tree)
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def parse(prefix: list[str]) -> list[tuple[list[str], str | None]]:
        nonlocal pos
        segs = list(prefix)
        while True:
            t = peek()
            if t == "::":
                pos += 1
            elif t == "{":
                pos += 1
                leaves: list[tuple[list[str], str | None]] = []
                while peek() not in (None, "}"):
                    if peek() == ",":
                        pos += 1
                    else:
                        leaves += parse(segs)
                pos += 1
                return leaves
            elif t == "*":
                pos += 1
                return [(segs + ["*"], None)]
            elif t is not None and t not in (",", "}"):
                pos += 1
                if t == "as":
                    alias = peek()
                    pos += 1
                    return [(segs, alias)]
                segs.append(t.removeprefix("r#"))
            else:
                if segs == prefix:
                    return []
                if segs[-1] == "self" and len(segs) > 1:
                    segs = segs[:-1]
                return [(segs, None)]

    return parse([])


USE_RE = re.compile(r"(?<![A-Za-z0-9_])(pub(?:\s*\([^)]*\))?\s+)?use\s+([^;]*);")
MOD_OPEN_RE = re.compile(r"(?<![A-Za-z0-9_])mod\s+(" + IDENT + r")\s*\{")
PATH_RE = re.compile(
    r"(?<![A-Za-z0-9_:])(" + RAW_IDENT + r")((?:\s*::\s*" + RAW_IDENT + r")+)(\s*(?:\(|!)?)")


class Crate:
    def __init__(self, name: str, src: Path, strict: bool = False):
        self.name = name
        self.src = src
        self.strict = strict
        self.files: dict[tuple[str, ...], SourceFile] = {}
        for p in sorted(src.rglob("*.rs")):
            rel = p.relative_to(src)
            if rel.parts[0] == "bin" or (rel.name == "main.rs" and len(rel.parts) == 1
                                          and (src / "lib.rs").exists()):
                # Separate binary roots: their own module trees; keyed apart.
                mod = ("<bin>",) + module_of(rel)
            else:
                mod = module_of(rel)
            self.files[mod] = SourceFile(p, str(p.relative_to(src.parent.parent.parent)), mod)
        for f in self.files.values():
            self._scan(f)

    # Resolution ------------------------------------------------------------

    def file_for(self, path: tuple[str, ...], call: bool = False) -> tuple[str, ...] | None:
        """The module of the file a crate-absolute path lands in (following re-exports)."""
        if call and path in self.files:
            path = path[:-1]  # `crate::app(..)`: a function named like a module, in its parent
        for _ in range(8):  # re-export chains are short
            best = None
            for k in range(len(path), -1, -1):
                if path[:k] in self.files:
                    best = k
                    break
            if best is None:
                return None
            mod = path[:best]
            rest = path[best:]
            if rest and rest[0] in self.files[mod].reexports:
                target = self.files[mod].reexports[rest[0]]
                if target[: len(mod)] == mod and target[len(mod):len(mod) + 1] == rest[:1]:
                    return mod  # re-exports itself
                path = target + rest[1:]
                continue
            return mod
        return None

    def absolute(self, segs: list[str], here: tuple[str, ...],
                 aliases: dict[str, tuple[str, ...]], in_use: bool) -> tuple[str, ...] | None:
        """A written path made crate-absolute, or None (an external crate, a local item).

        Always: `crate::`, `super::`, `self::` paths, and `use` paths naming a child
        module (`use body::ApiJson;`, as `use self::body::ApiJson;`). With --strict,
        also code paths through a name a `use` imported (`ui::courses::routes` after
        `use crate::ui;`) or through a child module (`courses::seed()` in demo/mod.rs).
        """
        if not segs:
            return None
        head = segs[0]
        if head == "crate":
            return tuple(segs[1:])
        if head in ("self", "super"):
            base, i = here, 0
            while i < len(segs) and segs[i] in ("self", "super"):
                if segs[i] == "super":
                    if not base:
                        return None
                    base = base[:-1]
                i += 1
            return base + tuple(segs[i:])
        if not (self.strict or in_use):
            return None
        if head in aliases:
            return aliases[head] + tuple(segs[1:])
        if here + (head,) in self.files:  # a child module, named relative to here
            return here + tuple(segs)
        return None

    # Scanning --------------------------------------------------------------

    def _scan(self, f: SourceFile) -> None:
        raw = f.path.read_text(encoding="utf-8")
        text = strip_source(raw)
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

        def line_of(pos: int) -> int:
            lo, hi = 0, len(line_starts) - 1
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if line_starts[mid] <= pos:
                    lo = mid
                else:
                    hi = mid - 1
            return lo + 1

        # Inline modules: (start, end, name) brace spans, to know where `super::` points.
        spans: list[tuple[int, int, str]] = []
        for m in MOD_OPEN_RE.finditer(text):
            depth, j = 1, m.end()
            while j < len(text) and depth:
                if text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                j += 1
            spans.append((m.start(), j, m.group(1)))

        def module_at(pos: int) -> tuple[str, ...]:
            inner = [s for s in spans if s[0] <= pos < s[1]]
            inner.sort(key=lambda s: s[0])
            return f.module + tuple(s[2] for s in inner)

        # First pass: `use` declarations (aliases and re-exports), then blank them out.
        aliases_at: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = []
        uses: list[tuple[int, str, bool]] = []
        for m in USE_RE.finditer(text):
            uses.append((m.start(), m.group(2), bool(m.group(1))))
        for pos, tree, public in uses:
            here = module_at(pos)
            for segs, alias in parse_use_tree(tree):
                name = alias or (segs[-1] if segs else None)
                abs_path = self.absolute([s for s in segs if s != "*"], here, {}, True)
                if abs_path is None:
                    continue
                f.refs.append(Ref(abs_path, line_of(pos), "use " + "::".join(segs)))
                if segs[-1] != "*" and name and name != "_":
                    aliases_at.append((here, name, abs_path))
                    if public and here == f.module:
                        f.reexports[name] = abs_path
        code = USE_RE.sub(lambda m: "".join("\n" if c == "\n" else " " for c in m.group(0)), text)

        # Second pass: paths in code.
        for m in PATH_RE.finditer(code):
            head = m.group(1).removeprefix("r#")
            if head in KEYWORDS and head not in ("crate", "self", "super"):
                continue
            segs = [head] + [s.strip().removeprefix("r#") for s in m.group(2).split("::")[1:]]
            here = module_at(m.start())
            # Names imported here or in an enclosing (inline) module of this file.
            aliases = {name: p for (mod, name, p) in sorted(aliases_at, key=lambda a: len(a[0]))
                       if here[:len(mod)] == mod}
            abs_path = self.absolute(segs, here, aliases, False)
            if abs_path is None:
                continue
            call = m.group(3).strip() in ("(", "!")
            f.refs.append(Ref(abs_path, line_of(m.start()), "::".join(segs), call))

    # Graph -----------------------------------------------------------------

    def edges(self) -> dict[tuple[str, ...], dict[tuple[str, ...], Ref]]:
        g: dict[tuple[str, ...], dict[tuple[str, ...], Ref]] = {m: {} for m in self.files}
        for mod, f in self.files.items():
            for r in f.refs:
                target = self.file_for(r.path, r.call)
                if target is not None and target != mod and target not in g[mod]:
                    g[mod][target] = r
        return g


def strongly_connected(nodes: list, succ) -> list[list]:
    """Tarjan's algorithm, iteratively (no recursion limit)."""
    index: dict = {}
    low: dict = {}
    on_stack: set = set()
    stack: list = []
    out: list[list] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(succ(root)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(succ(w))))
                    advanced = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(comp)
    return out


def modname(mod: tuple[str, ...]) -> str:
    return "::".join(("crate",) + mod)


# --- The three checks ---------------------------------------------------------


def face_of(mod: tuple[str, ...]) -> str | None:
    return mod[0] if mod and mod[0] in FACES else None


def face_crossings(web: Crate) -> list[str]:
    found = []
    for mod, f in sorted(web.files.items()):
        face = face_of(mod)
        if face is None:
            continue
        seen = set()
        for r in sorted(f.refs, key=lambda r: r.line):
            other = face_of(r.path)
            target = web.file_for(r.path, r.call)
            if other and other != face and (r.line, target) not in seen:
                seen.add((r.line, target))
                found.append(f"{f.rel}:{r.line}: {face} -> {other}: {r.text}")
    return found


def app_http_deps(root: Path) -> tuple[bool, list[str]]:
    manifest = root / "crates" / APP_CRATE / "Cargo.toml"
    if not manifest.exists():
        return False, []
    data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    tables: list[tuple[str, dict]] = []
    for key in ("dependencies", "dev-dependencies", "build-dependencies"):
        if isinstance(data.get(key), dict):
            tables.append((key, data[key]))
    for cfg, t in (data.get("target") or {}).items():
        for key in ("dependencies", "dev-dependencies", "build-dependencies"):
            if isinstance(t.get(key), dict):
                tables.append((f"target.{cfg}.{key}", t[key]))
    bad = []
    for table, deps in tables:
        for name, spec in deps.items():
            real = spec.get("package", name) if isinstance(spec, dict) else name
            for forbidden in FORBIDDEN_APP_DEPS:
                if re.fullmatch(re.escape(forbidden) + r"(?:[-_].*)?", real):
                    shown = name if real == name else f"{name} (package {real})"
                    bad.append(f"crates/{APP_CRATE}/Cargo.toml [{table}]: {shown}")
                    break
    return True, bad


def circles(crate: Crate) -> tuple[list[list[tuple[str, ...]]], dict]:
    g = crate.edges()
    comps = strongly_connected(sorted(g), lambda v: sorted(g[v]))
    comps = [sorted(c) for c in comps if len(c) > 1]
    comps.sort(key=lambda c: (-len(c), c))
    return comps, g


def describe_circle(crate: Crate, comp: list, g: dict) -> list[str]:
    members = set(comp)
    lines = []
    for m in comp:
        f = crate.files[m]
        inside = sorted(t for t in g[m] if t in members)
        lines.append(f"    {modname(m)}  ({f.rel})")
        for t in inside:
            r = g[m][t]
            lines.append(f"        -> {modname(t)}  (line {r.line}: {r.text})")
    return lines


def load(root: Path, strict: bool) -> list[Crate]:
    crates_dir = root / "crates"
    return [Crate(d.name, d / "src", strict) for d in sorted(crates_dir.iterdir()) if (d / "src").is_dir()]


def run(root: Path, report: bool, strict: bool = False, out=sys.stdout) -> int:
    crates = load(root, strict)
    failures: list[str] = []

    web = next((c for c in crates if c.name == WEB_CRATE), None)
    crossings = face_crossings(web) if web else []
    if crossings:
        failures.append(f"{len(crossings)} face crossing(s) in crates/{WEB_CRATE}/src "
                        "(ui, api and portal must not import one another):")
        failures += ["  " + c for c in crossings]

    has_app, bad_deps = app_http_deps(root)
    if bad_deps:
        failures.append(f"crates/{APP_CRATE} depends on HTTP/template crates (it must stay HTTP-free):")
        failures += ["  " + d for d in bad_deps]

    per_crate = []
    for c in crates:
        comps, g = circles(c)
        per_crate.append((c, comps, g))
        for comp in comps:
            if len(comp) > MAX_CIRCLE:
                failures.append(f"crates/{c.name}: an import circle of {len(comp)} files "
                                f"(more than {MAX_CIRCLE}); its members and their edges inside it:")
                failures += describe_circle(c, comp, g)

    if report:
        strict_sizes = {}
        if not strict:
            for c in load(root, True):
                comps, _ = circles(c)
                strict_sizes[c.name] = (len(comps[0]) if comps else 1,
                                        sum(1 for comp in comps if len(comp) > MAX_CIRCLE))
        print("Layering report" + (" (--strict)" if strict else ""), file=out)
        for c, comps, g in per_crate:
            largest = comps[0] if comps else []
            size = len(largest) if largest else 1
            over = sum(1 for comp in comps if len(comp) > MAX_CIRCLE)
            print(f"\ncrates/{c.name}: {len(c.files)} files; largest import circle: {size} file(s)"
                  f"; circles over {MAX_CIRCLE} files: {over}", file=out)
            if not strict:
                sc = strict_sizes[c.name]
                print(f"  (with --strict: largest circle {sc[0]} file(s), {sc[1]} over {MAX_CIRCLE})", file=out)
            for comp in comps:
                if len(comp) > MAX_CIRCLE or comp is largest:
                    print(f"  circle of {len(comp)}:", file=out)
                    for line in describe_circle(c, comp, g):
                        print("  " + line, file=out)
        print(f"\nface crossings in crates/{WEB_CRATE}/src: {len(crossings)}", file=out)
        for x in crossings:
            print("  " + x, file=out)
        if has_app:
            print(f"\ncrates/{APP_CRATE}/Cargo.toml HTTP/template dependencies: {len(bad_deps)}", file=out)
            for d in bad_deps:
                print("  " + d, file=out)
        else:
            print(f"\ncrates/{APP_CRATE}/Cargo.toml: absent (nothing to check)", file=out)
        return 0

    if failures:
        print("check-layers: FAILED", file=sys.stderr)
        for line in failures:
            print(line, file=sys.stderr)
        return 1
    print("check-layers: ok (no face crossings, no HTTP crates in the app crate, "
          f"no import circle over {MAX_CIRCLE} files)", file=out)
    return 0


# --- Self-test ----------------------------------------------------------------


def self_test() -> int:
    import io

    def write(base: Path, rel: str, text: str) -> None:
        p = base / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")

    # Unit checks of the pieces.
    assert parse_use_tree("crate::{a::{b, c as d}, e::*, f::{self, g}}") == [
        (["crate", "a", "b"], None), (["crate", "a", "c"], "d"), (["crate", "e", "*"], None),
        (["crate", "f"], None), (["crate", "f", "g"], None)], parse_use_tree("crate::{a::{b, c as d}, e::*, f::{self, g}}")
    assert "crate::api" not in strip_source('// use crate::api;\nlet s = "crate::api::x"; /* crate::api */')
    assert strip_source("let c = '\"'; crate::x::y();").count("crate::x::y") == 1
    sccs = strongly_connected([1, 2, 3, 4], lambda v: {1: [2], 2: [3], 3: [1, 4], 4: []}[v])
    assert sorted(map(sorted, sccs)) == [[1, 2, 3], [4]], sccs

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        web = "crates/rapport-web/src/"
        write(root, web + "lib.rs", "pub mod ui;\npub mod api;\npub mod portal;\npub mod a;\npub mod b;\n"
                                    "pub mod c;\npub mod d;\npub use d::Thing;\n")
        write(root, web + "ui/mod.rs", "pub mod pages;\n")
        # A face crossing through a use tree, and one through a path in code.
        write(root, web + "ui/pages.rs", "use crate::{a::f, portal::{self}};\n"
                                         "// crate::api::x() in a comment is not a crossing\n")
        write(root, web + "api/mod.rs", "fn h() { let s = \"crate::ui::x\"; crate::d::g(); }\n")
        write(root, web + "portal/mod.rs", "fn h() { crate::api::list(); }\n")
        # A three-file circle a -> b -> c -> a (through super::, a use alias, and code).
        write(root, web + "a.rs", "use super::b;\npub fn f() { b::g(); }\n")
        write(root, web + "b.rs", "pub fn g() { crate::c::h(); }\n")
        write(root, web + "c.rs", "mod tests { use super::super::a::f; }\npub fn h() {}\n")
        # d <-> lib only through a re-export: followed to d, so no circle through lib.rs.
        write(root, web + "d.rs", "pub struct Thing;\npub fn g() { let _ = crate::Thing; }\n")
        write(root, "crates/rapport-app/Cargo.toml",
              '[package]\nname = "rapport-app"\n[dependencies]\nserde = "1"\n'
              'web = { package = "axum", version = "0.7" }\n[dev-dependencies]\ntower-http.workspace = true\n')

        buf = io.StringIO()
        err = io.StringIO()
        old = sys.stderr
        sys.stderr = err
        try:
            code = run(root, report=False, out=buf)
        finally:
            sys.stderr = old
        msg = err.getvalue()
        assert code == 1, "violations must fail the check"
        assert "an import circle of 3 files" in msg, msg
        for m in ("crate::a ", "crate::b ", "crate::c "):
            assert m in msg, (m, msg)
        assert "crate::d " not in msg and "crate  (" not in msg, msg
        assert "ui/pages.rs:1: ui -> portal: use crate::portal" in msg, msg
        assert "portal/mod.rs:1: portal -> api: crate::api::list" in msg, msg
        assert "ui/pages.rs:2" not in msg and "crate::ui::x" not in msg, "comments and strings are ignored"
        assert "web (package axum)" in msg and "tower-http" in msg and "serde" not in msg, msg

        buf = io.StringIO()
        assert run(root, report=True, out=buf) == 0, "--report always exits 0"
        assert "largest import circle: 3 file(s)" in buf.getvalue(), buf.getvalue()

        # Fixed: the circle broken, the crossings gone, the HTTP crates dropped: passes.
        write(root, web + "c.rs", "pub fn h() {}\n")
        write(root, web + "ui/pages.rs", "use crate::a::f;\n")
        write(root, web + "portal/mod.rs", "fn h() { crate::app_rules(); }\n")
        write(root, "crates/rapport-app/Cargo.toml", '[package]\nname = "rapport-app"\n[dependencies]\nserde = "1"\n')
        buf = io.StringIO()
        assert run(root, report=False, out=buf) == 0, buf.getvalue()
    print("check-layers self-test: ok")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--report", action="store_true", help="print circles and crossings; exit 0")
    ap.add_argument("--strict", action="store_true",
                    help="also count code paths through imported names and child modules")
    ap.add_argument("--self-test", action="store_true", help="check the checker on a made-up tree")
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    return run(args.root, args.report, args.strict)


if __name__ == "__main__":
    sys.exit(main())
