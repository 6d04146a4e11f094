//! Parser snapshots: literals (numbers, atoms, strings, heredocs, charlists, sigils).

mod common;

#[test]
fn integers() {
    check_ast!(
        "integers",
        [
            "0",
            "42",
            "1_000_000",
            "0x1F",
            "0xff_ff",
            "0o17",
            "0b1010",
            "123456789012345678901234567890",
            "-7",
        ]
    );
}

#[test]
fn floats() {
    check_ast!(
        "floats",
        ["1.5", "0.0", "1_000.5", "1.0e10", "1.5e-3", "2.5E+2", "-0.25"]
    );
}

#[test]
fn chars() {
    check_ast!("chars", ["?a", "?\\n", "?\\s", "?é", "[?a, ?b]"]);
}

#[test]
fn atoms() {
    check_ast!(
        "atoms",
        [
            ":ok",
            ":foo?; :bar!",
            ":Foo",
            ":_x",
            "true; false; nil",
            ":\"hello world\"",
            ":\"foo\"",
            ":'single'",
            ":\"a#{b}c\"",
        ]
    );
}

#[test]
fn operator_atoms() {
    check_ast!(
        "operator_atoms",
        [
            ":+ ; :- ; :* ; :/",
            ":++ ; :-- ; :<> ; :..",
            ":== ; :!= ; :=== ; :!== ; :< ; :>= ; :=~",
            ":&& ; :|| ; :! ; :and ; :or ; :not",
            ":|> ; :<<< ; :>>> ; :~> ; :<~> ; :<|>",
            ":@ ; :& ; :^ ; :\\\\ ; :<- ; :when ; :| ; :::",
            ":. ; :% ; :{} ; :%{} ; :<<>> ; :->",
        ]
    );
}

#[test]
fn strings() {
    check_ast!(
        "strings",
        [
            "\"\"",
            "\"hello\"",
            "\"tab\\tnewline\\n quote\\\" backslash\\\\\"",
            "\"\\u{1F600} \\x41\"",
            "\"a#{b}c\"",
            "\"#{a}#{b}\"",
            "\"outer #{\"inner #{x + 1} end\"} done\"",
            "\"#{}\"",
            "\"#{a; b}\"",
            "\"\\#{not interpolated}\"",
            "\"multi\nline\"",
        ]
    );
}

#[test]
fn heredocs() {
    check_ast!(
        "heredocs",
        [
            "\"\"\"\nhello\nworld\n\"\"\"",
            "\"\"\"\n  indented\n    more\n  \"\"\"",
            "\"\"\"\nvalue: #{x}\n\"\"\"",
            "'''\ncharlist heredoc\n'''",
            "x = \"\"\"\n  a \"quoted\" word\n  \"\"\"\ny",
        ]
    );
}

#[test]
fn charlists() {
    check_ast!(
        "charlists",
        ["''", "'abc'", "'it\\'s'", "'a#{b}c'", "'\\n'"]
    );
}

#[test]
fn sigils() {
    check_ast!(
        "sigils",
        [
            "~w(a b c)",
            "~w(a b c)a",
            "~r/a+b/i",
            "~r{x}smx",
            "~s[a#{b}c]",
            "~S[no #{interp}]",
            "~c<chars>",
            "~s|pipe|",
            "~s\"quote\"",
            "~s'single'",
            "~D[2024-01-01]",
            "~s\"\"\"\nheredoc sigil\n\"\"\"",
            "~r/\\//",
            "~r/a\\nb/",
            "~s(a\\nb)",
        ]
    );
}
