#!/usr/bin/env python3
"""Checks the Fluent messages of the interface (docs/i18n.md).

Fails (exit 1) with a message naming each problem when:

  a. a message id used in the templates or the Rust code of the web faces
     (`t("id")`, `ta("id", ...)`, `msg("id")`) is missing from a shipped
     locale (en, es, fr);
  b. a shipped locale has a message English lacks;
  c. a message of the English files is used nowhere;
  d. the generated test locales (en-XA, ar-XB) are out of date with English
     (scripts/pseudo-locales.py --check).

The generated test locales are otherwise exempt: they are made from English.

Usage:
  scripts/check-messages.py              check; exit 1 on any problem
  scripts/check-messages.py --self-test  check the checker on made-up files
"""
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHIPPED = ["en", "es", "fr"]
# Every crate's code and the web face's templates.
SOURCES = sorted((ROOT / "crates").glob("*/src")) + [ROOT / "crates" / "rapport-web" / "templates"]
# `tr.t("id")`, `.ta("id", ...)` in Rust and askama alike, and `msg("id")`:
# an id picked in code (a table of notices) and looked up later.
USE = re.compile(r"""\b(?:t[an]?|msg)\(\s*"([a-z][a-z0-9-]*)"\s*[,)]""")
MESSAGE = re.compile(r"^([a-z][a-z0-9-]*)\s*=", re.M)


def used_ids(sources):
    ids = {}
    for base in sources:
        for path in sorted(base.rglob("*")):
            if path.suffix not in (".rs", ".html"):
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if path.suffix == ".rs" and line.lstrip().startswith("//"):
                    continue  # an example in a comment is not a use
                for m in USE.finditer(line):
                    ids.setdefault(m.group(1), f"{path}:{n}")
    return ids


def locale_ids(locales, lang):
    ids = set()
    for ftl in sorted((locales / lang).glob("*.ftl")):
        ids.update(MESSAGE.findall(ftl.read_text(encoding="utf-8")))
    return ids


def problems(locales, sources):
    out = []
    used = used_ids(sources)
    per_lang = {lang: locale_ids(locales, lang) for lang in SHIPPED}
    english = per_lang["en"]
    if not english:
        out.append(f"no English messages in {locales / 'en'}")
    for msg_id, where in sorted(used.items()):
        for lang in SHIPPED:
            if msg_id not in per_lang[lang]:
                out.append(f"{where}: message {msg_id!r} is missing from locales/{lang}")
    for lang in SHIPPED[1:]:
        for msg_id in sorted(per_lang[lang] - english):
            out.append(f"locales/{lang}: message {msg_id!r} is not in English")
    for msg_id in sorted(english - set(used)):
        out.append(f"locales/en: message {msg_id!r} is never used")
    return out


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        src, loc = tmp / "src", tmp / "locales"
        src.mkdir()
        for lang in SHIPPED:
            (loc / lang).mkdir(parents=True)
        (src / "page.html").write_text('{{ tr.t("hello") }} {{ tr.t("hello") }}\n')
        (src / "x.rs").write_text('let s = tr.t("hello");\nlet k = match n { _ => msg("count") };\n')
        (loc / "en" / "main.ftl").write_text("hello = Hello\ncount = { $n }\n")
        (loc / "es" / "main.ftl").write_text("hello = Hola\ncount = { $n }\n")
        (loc / "fr" / "main.ftl").write_text("hello = Bonjour\ncount = { $n }\n")
        assert problems(loc, [src]) == [], problems(loc, [src])
        (loc / "fr" / "main.ftl").write_text("hello = Bonjour\nextra = Plus\n")
        found = problems(loc, [src])
        assert any("'count' is missing from locales/fr" in p for p in found), found
        assert any("locales/fr: message 'extra' is not in English" in p for p in found), found
        (loc / "fr" / "main.ftl").write_text("hello = Bonjour\ncount = { $n }\n")
        (loc / "en" / "main.ftl").write_text("hello = Hello\ncount = { $n }\nunused = Old\n")
        (loc / "es" / "main.ftl").write_text("hello = Hola\ncount = { $n }\nunused = Viejo\n")
        (loc / "fr" / "main.ftl").write_text("hello = Bonjour\ncount = { $n }\nunused = Vieux\n")
        assert any("'unused' is never used" in p for p in problems(loc, [src]))
    print("check-messages self-test: ok")
    return 0


def main():
    if "--self-test" in sys.argv:
        return self_test()
    found = problems(ROOT / "locales", SOURCES)
    stale = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "pseudo-locales.py"), "--check"], capture_output=True, text=True
    )
    if stale.returncode != 0:
        found.append(stale.stdout.strip())
    for p in found:
        print(p)
    if found:
        print(f"check-messages: {len(found)} problem(s)")
        return 1
    print("check-messages: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
