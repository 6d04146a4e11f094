//! Parser errors: snapshots of the rendered diagnostics, incomplete input (the REPL reads
//! another line), and hostile input (deep nesting, huge literals) that must not crash.

mod common;

use common::parse_err;

#[test]
fn incomplete() {
    check_err!(
        "incomplete",
        [
            "if x do\n  a",
            "defmodule M do\n  def f do\n    1\n  end",
            "fn x -> x",
            "[1, 2",
            "(1 + 2",
            "{a, b",
            "%{a: 1",
            "<<1",
            "foo(a,",
            "a +",
            "x =",
            "case x do\n  1 ->",
        ]
    );
    for src in [
        "if x do\n  a",
        "[1, 2",
        "(1 + 2",
        "foo(a,",
        "a +",
        "fn x -> x",
    ] {
        assert!(parse_err(src).incomplete, "{src:?} should be incomplete");
    }
}

#[test]
fn unexpected_tokens() {
    check_err!(
        "unexpected_tokens",
        [
            "1 + * 2",
            "]",
            "(1 + 2]",
            "end",
            "foo(1, 2,)",
            "[1 2]",
            "a b c d e ,",
            "%{a => }",
            "a ->",
            "1 = = 2",
        ]
    );
    for src in ["1 + * 2", "]", "(1 + 2]", "end", "[1 2]"] {
        assert!(
            !parse_err(src).incomplete,
            "{src:?} should not be incomplete"
        );
    }
}

#[test]
fn semantic_errors() {
    check_err!(
        "semantic_errors",
        [
            "fn x end",
            "fn end",
            "1 // 2",
            "a // b",
            "[a: 1, 2]",
            "foo(a: 1, 2)",
            "foo a: 1, b",
            "%{a: 1, \"b\" => 2}",
            ":atom.Alias",
            "{a: 1}",
            "foo(a, , b)",
            "case x do\n  y\n  1 -> 2\nend",
        ]
    );
    for src in ["fn x end", "1 // 2", "[a: 1, 2]", "foo(a: 1, 2)"] {
        assert!(
            !parse_err(src).incomplete,
            "{src:?} should not be incomplete"
        );
    }
}

#[test]
fn error_locations() {
    let d = parse_err("a = 1\nb = (2 + ]");
    assert_eq!(
        d.location(common::FILE, "a = 1\nb = (2 + ]"),
        "test.exs:2:10"
    );
    let src = "fn x end";
    assert!(parse_err(src)
        .elixir_style(common::FILE, src)
        .starts_with("** (SyntaxError) test.exs:1:1: "));
}

/// Runs `f` on a thread with a small stack, so that recursion on deep input shows up as a
/// crash here rather than only on small stacks elsewhere.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the parser crashed (stack overflow or panic)")
}

#[test]
fn deep_brackets_are_an_error_not_a_crash() {
    for (open, close) in [
        ("[", "]"),
        ("{", "}"),
        ("<<", ">>"),
        ("%{a: ", "}"),
        ("f(", ")"),
    ] {
        let src = format!("{}1{}", open.repeat(100_000), close.repeat(100_000));
        let d = on_small_stack(move || beamlet_compiler::parser::parse(&src).map(|_| ()));
        let d = d.expect_err("100,000 nested brackets must be refused");
        assert!(!d.incomplete, "{open}: {}", d.message);
    }
    // Parentheses only group: they add no depth, so any number of them parse.
    let src = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let r = on_small_stack(move || beamlet_compiler::parser::parse(&src).map(|e| e.depth()));
    assert_eq!(r.expect("100,000 parentheses around 1"), 1);
    // Unclosed: incomplete or an error, but no crash.
    let r = on_small_stack(|| beamlet_compiler::parser::parse(&"[".repeat(100_000)).map(|_| ()));
    assert!(r.is_err());
}

#[test]
fn deep_operators_are_an_error_not_a_crash() {
    let unary = format!("{}x", "-".repeat(100_000));
    let r = on_small_stack(move || beamlet_compiler::parser::parse(&unary).map(|_| ()));
    assert!(r.is_err());
    let binary = vec!["x"; 100_000].join(" = ");
    let r = on_small_stack(move || beamlet_compiler::parser::parse(&binary).map(|_| ()));
    assert!(r.is_err());
}

#[test]
fn nesting_under_the_limit_parses() {
    let src = format!("{}1{}", "[".repeat(500), "]".repeat(500));
    let e = on_small_stack(move || beamlet_compiler::parser::parse(&src).map(|e| e.depth()));
    assert_eq!(e.expect("500 nested lists parse"), 501);
}

#[test]
fn ten_megabyte_string_parses() {
    let body = "abcdefghij".repeat(1_000_000);
    let src = format!("x = \"{body}\"");
    let e = common::parse_ok(&src);
    let printed = beamlet_compiler::printer::print(&e);
    assert_eq!(printed.len(), src.len() + 2, "printed as (x = \"...\")");
    assert!(printed.starts_with("(x = \"abcdefghij"));
}

#[test]
fn long_flat_inputs_parse() {
    let list = format!("[{}]", vec!["1"; 200_000].join(", "));
    match common::parse_ok(&list).kind {
        beamlet_compiler::ast::ExprKind::List(v) => assert_eq!(v.len(), 200_000),
        k => panic!("expected a list, got {k:?}"),
    }
    let lines = "x = 1\n".repeat(100_000);
    match common::parse_ok(&lines).kind {
        beamlet_compiler::ast::ExprKind::Block(v) => assert_eq!(v.len(), 100_000),
        k => panic!("expected a block, got {k:?}"),
    }
}
