//! Hostile input never panics the lexer or the parser: random strings built from Elixir's
//! token alphabet (so that they get deep into the grammar), and random bytes. Each must give
//! an AST or a diagnostic.

use beamlet_compiler::parser::parse;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "a",
    "foo",
    "Foo",
    "Foo.Bar",
    ":ok",
    ":\"x y\"",
    "1",
    "1.5e3",
    "0x1F",
    "?a",
    "\"s\"",
    "\"#{",
    "}\"",
    "'c'",
    "~w(a b)",
    "~r/x/i",
    "\"\"\"\n",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<<",
    ">>",
    "%{",
    "%Foo{",
    "|",
    "=>",
    ",",
    ".",
    ";",
    "\n",
    " ",
    "do",
    "end",
    "fn",
    "->",
    "when",
    "else",
    "after",
    "rescue",
    "catch",
    "=",
    "+",
    "-",
    "*",
    "/",
    "**",
    "++",
    "<>",
    "..",
    "//",
    "|>",
    "&",
    "&1",
    "@",
    "^",
    "!",
    "not",
    "in",
    "not in",
    "and",
    "or",
    "&&",
    "||",
    "==",
    "===",
    "<",
    ">=",
    "::",
    "\\\\",
    "<-",
    "x:",
    "do:",
    "if",
    "case",
    "cond",
    "def",
    "defmodule",
    "IO.puts",
    ".(",
    "#",
    "#comment\n",
];

fn program() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(2000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn token_soup_gives_an_ast_or_a_diagnostic(src in program()) {
        let _ = parse(&src);
    }

    #[test]
    fn arbitrary_text_gives_an_ast_or_a_diagnostic(src in "\\PC{0,200}") {
        let _ = parse(&src);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for open in ["[", "(", "{", "<<", "%{a: ", "fn -> ", "-", "@", "a = "] {
        let src = open.repeat(100_000);
        let result = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || parse(&src).is_err())
            .expect("thread")
            .join();
        assert_eq!(
            result.ok(),
            Some(true),
            "{open:?} x 100,000 must be a parse error"
        );
    }
}

#[test]
fn long_operator_chains_are_refused_past_the_depth_limit() {
    let src = vec!["1"; 50_000].join(" + ");
    let d = parse(&src).expect_err("50,000-deep chain");
    assert!(d.message.contains("nested more than"), "{}", d.message);
    let ok = vec!["1"; 500].join(" + ");
    assert!(parse(&ok).is_ok());
}
