//! Embeds every `locales/<lang>/*.ftl` file: writes `$OUT_DIR/locales.rs`
//! with one `include_str!` per file, grouped by language, and refuses to
//! build when a file is not valid Fluent (a broken file must never reach a
//! running server, where it would only show on first use of its language).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut languages: Vec<PathBuf> = entries(&root).into_iter().filter(|p| p.is_dir()).collect();
    languages.sort();
    let mut out = String::from("/// (language tag, its message files), from locales/ by build.rs.\n");
    out.push_str("pub(crate) const FILES: &[(&str, &[&str])] = &[\n");
    for dir in languages {
        println!("cargo:rerun-if-changed={}", dir.display());
        let tag = dir.file_name().and_then(|n| n.to_str()).expect("a language folder's name is its tag");
        let mut files: Vec<PathBuf> =
            entries(&dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "ftl")).collect();
        files.sort();
        let _ = write!(out, "    ({tag:?}, &[");
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            if let Err((_, errors)) = fluent_syntax::parser::parse(source.as_str()) {
                panic!("{} is not valid Fluent: {:?}", file.display(), errors.first());
            }
            let path = file.canonicalize().expect("a message file has a path");
            let _ = write!(out, "include_str!({:?}), ", path.display().to_string());
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let target = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a readable folder entry").path())
        .collect()
}
