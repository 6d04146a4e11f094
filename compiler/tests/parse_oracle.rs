//! Grouping and precedence against real Elixir: `oracle/precedence.out` holds, for each
//! expression of `oracle/precedence.exs`, Elixir 1.14's own AST printed in the format of
//! our printer (or `ERROR` where Elixir rejects the expression). Each expression is parsed
//! with our parser and printed; every disagreement is reported.
//!
//! Regenerate the oracle with `scripts/regen-oracles.sh`.

use beamlet_compiler::parser::parse;
use beamlet_compiler::printer::print;

const ORACLE: &str = include_str!("oracle/precedence.out");

/// Undoes the oracle's escaping of `\`, newlines and tabs.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some(other) => panic!("bad escape \\{other} in the oracle"),
            None => panic!("trailing backslash in the oracle"),
        }
    }
    out
}

fn ours(src: &str) -> String {
    match parse(src) {
        Ok(e) => print(&e),
        Err(_) => "ERROR".to_string(),
    }
}

#[test]
fn oracle_is_big_enough() {
    let n = ORACLE.lines().count();
    assert!(n >= 150, "the oracle has only {n} expressions");
    assert!(
        ORACLE.lines().all(|l| l.contains('\t')),
        "malformed oracle line"
    );
}

/// The documented deviations (docs/internals/parser.md, "Where we differ from Elixir"):
/// inputs whose parse differs from Elixir's, each with the reason. Anything else that
/// differs fails the test, and so does an entry here that stops differing (delete it).
const KNOWN_DEVIATIONS: &[(&str, &str)] = &[
    (
        "foo bar, baz a, b",
        "we accept a comma after a nested call without parentheses",
    ),
    ("%{a => b | c}", "`|` in a map value needs parentheses"),
];

#[test]
fn precedence_matches_elixir() {
    let mut mismatches = Vec::new();
    let mut total = 0;
    let mut known_seen = Vec::new();
    for line in ORACLE.lines() {
        let (src, expected) = line.split_once('\t').expect("a TAB in every oracle line");
        let (src, expected) = (unescape(src), unescape(expected));
        total += 1;
        let got = ours(&src);
        if KNOWN_DEVIATIONS.iter().any(|(k, _)| *k == src) {
            assert_ne!(
                got, expected,
                "{src:?} now matches Elixir: remove it from KNOWN_DEVIATIONS"
            );
            known_seen.push(src);
            continue;
        }
        if got != expected {
            mismatches.push(format!(
                "input:  {src:?}\n  ours:   {got:?}\n  elixir: {expected:?}"
            ));
        }
    }
    assert_eq!(
        known_seen.len(),
        KNOWN_DEVIATIONS.len(),
        "a known deviation is missing from the oracle"
    );
    assert!(
        mismatches.is_empty(),
        "{} of {total} expressions disagree with Elixir:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
