//! Helpers shared by the parser tests: the text of AST and error snapshots, and the macros
//! that check a list of sources against insta snapshots named `<name>@<index>`.
#![allow(dead_code)]

use beamlet_compiler::ast::Expr;
use beamlet_compiler::diagnostic::Diagnostic;
use beamlet_compiler::parser::parse;
use beamlet_compiler::printer::{print, print_file};

/// The file name diagnostics are rendered with.
pub const FILE: &str = "test.exs";

/// The snapshot of a source that must parse: the source, then the AST printed back as
/// fully parenthesised source. A parse error is returned as `Err` (rendered), so that a
/// caller can report every failing source rather than stop at the first.
pub fn try_ast_snapshot(src: &str) -> Result<String, String> {
    match parse(src) {
        Ok(ast) => Ok(format!(
            "----- SOURCE CODE\n{src}\n----- AST\n{}",
            print_file(&ast)
        )),
        Err(d) => Err(d.render(FILE, src)),
    }
}

/// The snapshot of a source that must parse; panics with the rendered error otherwise.
pub fn ast_snapshot(src: &str) -> String {
    match try_ast_snapshot(src) {
        Ok(s) => s,
        Err(e) => panic!("expected {src:?} to parse, got:\n{e}"),
    }
}

/// The diagnostic for a source that must not parse; panics with the AST if it parses.
pub fn parse_err(src: &str) -> Diagnostic {
    match parse(src) {
        Ok(ast) => panic!("expected {src:?} not to parse, got:\n{}", print_file(&ast)),
        Err(d) => d,
    }
}

/// The snapshot of a source that must not parse: the source, then the rendered diagnostic
/// and whether it is incomplete (more input could complete it).
pub fn try_error_snapshot(src: &str) -> Result<String, String> {
    match parse(src) {
        Ok(ast) => Err(format!("expected an error, got:\n{}", print_file(&ast))),
        Err(d) => Ok(format!(
            "----- SOURCE CODE\n{src}\n----- ERROR\nincomplete: {}\n{}",
            d.incomplete,
            d.render(FILE, src)
        )),
    }
}

/// The snapshot of a source that must not parse; panics with the AST if it parses.
pub fn error_snapshot(src: &str) -> String {
    match try_error_snapshot(src) {
        Ok(s) => s,
        Err(e) => panic!("{src:?}: {e}"),
    }
}

/// Parses a source that must parse.
pub fn parse_ok(src: &str) -> Expr {
    match parse(src) {
        Ok(e) => e,
        Err(d) => panic!("expected {src:?} to parse, got:\n{}", d.render(FILE, src)),
    }
}

/// The one-line printed form of a source that must parse.
pub fn printed(src: &str) -> String {
    print(&parse_ok(src))
}

/// Checks each source against the snapshot `<name>@<index>` made by `ast_snapshot`.
/// Every source is tried; the sources that fail to parse are reported together at the end.
#[macro_export]
macro_rules! check_ast {
    ($name:expr, $sources:expr) => {{
        let mut failures: Vec<String> = Vec::new();
        for (i, src) in $sources.iter().enumerate() {
            match common::try_ast_snapshot(src) {
                Ok(snap) => insta::assert_snapshot!(format!("{}@{:02}", $name, i), snap),
                Err(e) => failures.push(format!("{}@{:02}: {:?}\n{}", $name, i, src, e)),
            }
        }
        assert!(
            failures.is_empty(),
            "sources that should parse:\n{}",
            failures.join("\n")
        );
    }};
}

/// Checks each source against the snapshot `<name>@<index>` made by `error_snapshot`.
#[macro_export]
macro_rules! check_err {
    ($name:expr, $sources:expr) => {{
        let mut failures: Vec<String> = Vec::new();
        for (i, src) in $sources.iter().enumerate() {
            match common::try_error_snapshot(src) {
                Ok(snap) => insta::assert_snapshot!(format!("{}@{:02}", $name, i), snap),
                Err(e) => failures.push(format!("{}@{:02}: {:?}\n{}", $name, i, src, e)),
            }
        }
        assert!(
            failures.is_empty(),
            "sources that should not parse:\n{}",
            failures.join("\n")
        );
    }};
}
