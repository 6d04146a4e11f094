//! Round trip through the printer: for every `.exs` file in the repository and every
//! source in the parser's and lexer's snapshots, `parse(print(parse(src)))` is the same
//! tree as `parse(src)` (spans aside).

use std::path::{Path, PathBuf};

use beamlet_compiler::parser::parse;
use beamlet_compiler::printer::{print, print_file};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn exs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                exs_files(&path, out);
            }
        } else if name.ends_with(".exs") {
            out.push(path);
        }
    }
}

/// Checks the round trip of `src`; `Err` says what went wrong.
fn round_trip(src: &str) -> Result<(), String> {
    let first = parse(src).map_err(|d| format!("does not parse:\n{}", d.render("src", src)))?;
    for printed in [print_file(&first), print(&first)] {
        let second = parse(&printed).map_err(|d| {
            format!(
                "the printed form does not parse:\n{printed}\n{}",
                d.render("printed", &printed)
            )
        })?;
        if !first.same(&second) {
            return Err(format!(
                "the printed form parses to another tree:\n{printed}\nwhich prints as\n{}",
                print_file(&second)
            ));
        }
    }
    Ok(())
}

#[test]
fn every_exs_file_round_trips() {
    let mut files = Vec::new();
    exs_files(&repo_root(), &mut files);
    files.sort();
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("compiler/tests/oracle/precedence.exs")),
        "the walk found no oracle script: {files:?}"
    );
    // Files Beamlet knowingly does not parse, each with the text its error must contain
    // (so that a different failure in them is still caught).
    // Files that do not parse yet, with the error they give (none at the moment).
    const KNOWN: &[(&str, &str)] = &[];
    let mut failures = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).expect("read");
        let known = KNOWN.iter().find(|(k, _)| f.ends_with(k));
        match (round_trip(&src), known) {
            (Ok(()), None) => {}
            (Ok(()), Some((k, _))) => {
                failures.push(format!("{k} now parses: remove it from KNOWN"))
            }
            (Err(e), Some((_, expected))) if e.contains(expected) => {}
            (Err(e), _) => failures.push(format!("{}: {e}", f.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

/// The sources of the snapshots in `tests/snapshots` whose name starts with `prefix`,
/// with whether the snapshot is of an error.
fn snapshot_sources(prefix: &str) -> Vec<(String, String, bool)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("snapshots dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(prefix) || !name.ends_with(".snap") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let Some((_, body)) = text.split_once("----- SOURCE CODE\n") else {
            continue;
        };
        let sections = ["\n----- AST\n", "\n----- ERROR\n", "\n----- TOKENS\n"];
        let Some((src, rest_marker)) = sections
            .iter()
            .filter_map(|m| body.find(m).map(|i| (&body[..i], *m)))
            .min_by_key(|(s, _)| s.len())
        else {
            continue;
        };
        let is_error = rest_marker.contains("ERROR") || body.contains("\nERROR ");
        out.push((name, src.to_string(), is_error));
    }
    out.sort();
    out
}

#[test]
fn parser_snapshot_sources_round_trip() {
    let sources = snapshot_sources("parse_");
    assert!(
        sources.len() > 100,
        "only {} parser snapshots found",
        sources.len()
    );
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, src, is_error) in &sources {
        if *is_error {
            continue;
        }
        checked += 1;
        if let Err(e) = round_trip(src) {
            failures.push(format!("{name}: {src:?}\n{e}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} snapshot sources fail:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn lexer_snapshot_sources_round_trip_when_they_parse() {
    let sources = snapshot_sources("lexer__");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, src, is_error) in &sources {
        if *is_error || parse(src).is_err() {
            continue;
        }
        checked += 1;
        if let Err(e) = round_trip(src) {
            failures.push(format!("{name}: {src:?}\n{e}"));
        }
    }
    assert!(checked > 50, "only {checked} lexer snapshot sources parse");
    assert!(
        failures.is_empty(),
        "{} of {checked} snapshot sources fail:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
