//! The language subset: constructs that parse as Elixir but that Beamlet does not run get
//! an error naming them (LANGUAGE.md, "Not in scope"), rather than a wrong answer later.

use crate::ast::{Callee, Expr, ExprKind};
use crate::diagnostic::Diagnostic;

/// Calls that define or use user macros, and what to say about each.
const UNSUPPORTED: &[(&str, &str)] = &[
    (
        "defmacro",
        "user macros are outside Beamlet's subset of Elixir",
    ),
    (
        "defmacrop",
        "user macros are outside Beamlet's subset of Elixir",
    ),
    (
        "quote",
        "quoting code needs user macros, which are outside Beamlet's subset of Elixir",
    ),
    (
        "unquote",
        "quoting code needs user macros, which are outside Beamlet's subset of Elixir",
    ),
    (
        "unquote_splicing",
        "quoting code needs user macros, which are outside Beamlet's subset of Elixir",
    ),
    (
        "defguard",
        "defguard defines a macro; write the guard expression out instead",
    ),
    (
        "defguardp",
        "defguardp defines a macro; write the guard expression out instead",
    ),
];

/// Every use of an unsupported construct in `e`, in source order.
pub fn unsupported(e: &Expr) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut work = vec![e];
    while let Some(e) = work.pop() {
        if let ExprKind::Call {
            callee: Callee::Local(name),
            ..
        } = &e.kind
        {
            if let Some((_, why)) = UNSUPPORTED.iter().find(|(n, _)| n == name) {
                found.push(Diagnostic {
                    message: format!("`{name}` is not supported: {why}"),
                    start: e.span.start as usize,
                    end: e.span.end as usize,
                    hint: Some("see LANGUAGE.md for what Beamlet runs".into()),
                    incomplete: false,
                });
            }
        }
        e.kind.for_each_child(&mut |c| work.push(c));
    }
    found.sort_by_key(|d| d.start);
    found
}

/// Parses `src` and checks it against the subset: every diagnostic, in source order.
pub fn check(src: &str) -> Vec<Diagnostic> {
    match crate::parser::parse_all(src) {
        Ok(ast) => unsupported(&ast),
        Err(ds) => ds,
    }
}
