//! Snapshot tests of the lexer, one test per feature. Every snapshot was checked against
//! Elixir 1.14's own `:elixir_tokenizer.tokenize/3`.

use std::fmt::Write as _;
use std::path::Path;

use beamlet_compiler::lexer::{lex, LexError, MAX_INTERPOLATION_DEPTH};
use beamlet_compiler::token::{StrPart, Tok};

/// The snapshot text: the source, then one token per line (or the error).
fn render(src: &str) -> String {
    let mut out = String::new();
    out.push_str("----- SOURCE CODE\n");
    out.push_str(src);
    out.push_str("\n----- TOKENS\n");
    match lex(src) {
        Ok(tokens) => {
            for (start, tok, end) in tokens {
                let _ = writeln!(out, "{start}..{end}  {tok:?}");
            }
        }
        Err(LexError {
            message,
            start,
            end,
            incomplete,
        }) => {
            let _ = writeln!(
                out,
                "ERROR {start}..{end} incomplete={incomplete}: {message}"
            );
        }
    }
    out
}

/// One snapshot per source, named `<name>@<index>`.
fn check(name: &str, sources: &[&str]) {
    for (i, src) in sources.iter().enumerate() {
        insta::assert_snapshot!(format!("{name}@{i:02}"), render(src));
    }
}

fn err(src: &str) -> LexError {
    match lex(src) {
        Ok(tokens) => panic!("expected an error for {src:?}, got {tokens:?}"),
        Err(e) => e,
    }
}

#[test]
fn integers() {
    check(
        "integers",
        &[
            "0 42 1_000_000",
            "0x1F 0xff_ff",
            "0o17 0o1_7",
            "0b101 0b1_0",
            "123456789012345678901234567890",
        ],
    );
}

#[test]
fn integer_errors() {
    check("integer_errors", &["1e3", "1_", "0x", "12abc"]);
}

#[test]
fn floats() {
    check(
        "floats",
        &[
            "1.0 3.14 1_000.5_0",
            "1.0e-3 2.5E+10 1.0e3",
            "1..2",
            "1.foo",
            "1.0e400",
        ],
    );
}

#[test]
fn chars() {
    check(
        "chars",
        &[
            "?a ?Z ?0 ?é",
            "?\\n ?\\t ?\\s ?\\0 ?\\d ?\\e ?\\\\ ?\\x",
            "?  ?\n",
            "?",
        ],
    );
}

#[test]
fn atoms() {
    check(
        "atoms",
        &[
            ":ok :foo? :foo! :Foo :_x :a1 :foo@bar",
            ":\"with space\" :'single'",
            ":\"a#{1}b\"",
            ":Foo.Bar",
            ":",
            ":\"\"",
        ],
    );
}

#[test]
fn operator_atoms() {
    check(
        "operator_atoms",
        &[
            ":+ :- :* :/ :< :> := :| :. :@ :! :^ :&",
            ":== :!= :=~ :<= :>= :&& :|| :|> :~> :<~ :<- :\\\\ :++ :-- :<> :** :-> :..",
            ":=== :!== :&&& :||| :<<< :>>> :~>> :<<~ :<~> :<|> :^^^ :+++ :--- :~~~",
            ":\"::\" ::: :... :<<>> :%{} :% :{} :..//",
            ":=> :%{a: 1}",
        ],
    );
}

#[test]
fn aliases() {
    check(
        "aliases",
        &[
            "Foo Foo.Bar Foo.bar.Baz",
            "Foo(",
            "Foo (1)",
            "Foo?",
            "Foo@bar",
            "%Foo{}",
        ],
    );
}

#[test]
fn identifiers() {
    check(
        "identifiers",
        &[
            "foo _bar baz? qux! a1_b2 _",
            "foo?bar",
            "über_größe = 1",
            "foo@bar",
            "__block__",
        ],
    );
}

#[test]
fn keywords() {
    check(
        "keywords",
        &[
            "true false nil fn end when and or not in",
            "a not in b",
            "a not  in b",
            "not\nin",
            "&and/2 &not/1",
            "x.and x.do x.true x.end",
        ],
    );
}

#[test]
fn kw_identifiers() {
    check(
        "kw_identifiers",
        &[
            "[a: 1, b?: 2, Foo: 3]",
            "foo:\n1",
            "do: 1, else: 2, true: 3",
            "foo:bar",
            "foo::bar",
            "foo:",
            "+: 1, ==: 2, &: 3, %{}: 4, .: 5",
        ],
    );
}

#[test]
fn quoted_keywords() {
    check(
        "quoted_keywords",
        &[
            "[\"foo\": 1, 'bar': 2]",
            "[\"a b\": 1]",
            "[\"a#{x}\": 1]",
            "\"a\":b",
        ],
    );
}

#[test]
fn paren_and_bracket_identifiers() {
    check(
        "paren_and_bracket_identifiers",
        &[
            "foo(1) foo (1) foo[1] foo [1]",
            "foo?(1) bar![0]",
            "x.foo(1) x.foo[0]",
            "...(1)",
        ],
    );
}

#[test]
fn do_identifiers() {
    check(
        "do_identifiers",
        &[
            "if x do\n  1\nend",
            "foo do end",
            "foo(1) do end",
            "x.foo do end",
            "foo\ndo end",
            "foo, do",
            "fn do",
        ],
    );
}

#[test]
fn op_identifiers() {
    check(
        "op_identifiers",
        &[
            "foo -1",
            "foo - 1",
            "foo -x",
            "foo +x",
            "foo-1",
            "foo -(1)",
            "foo -[1]",
            "foo --x",
            "foo ->",
            "foo -:a",
            "foo(-x)",
            "foo -  1",
            "foo -1, 2",
        ],
    );
}

#[test]
fn block_identifiers() {
    check(
        "block_identifiers",
        &[
            "try do\n  x\nrescue e -> e\ncatch x -> x\nelse y -> y\nafter z\nend",
            "foo else",
            "else: 1",
        ],
    );
}

#[test]
fn operators() {
    check(
        "operators",
        &[
            "a === b == c = d",
            "a !== b != c ! d",
            "a <<< b << c < d <<~ e <~ f <~> g <|> h",
            "a >>> b >> c > d",
            "a ... b .. c . d",
            "a ++ b + c +++ d",
            "a -- b - c --- d -> e",
            "a && b & c &&& d",
            "a || b | c ||| d |> e",
            "a ** b * c / d // e",
            "a ^^^ b ^ c ~~~ d ~> e ~>> f",
            "a <> b <= c >= d =~ e => f",
            "a <- b \\\\ c :: d",
            "a=b",
            "1..10//2",
        ],
    );
}

#[test]
fn operators_as_names() {
    check(
        "operators_as_names",
        &[
            "&+/2",
            "&Kernel.+/2",
            "x.+(1)",
            "Kernel.==(a, b)",
            "&&&/2",
            "&//2",
            "..///2",
            "..//",
        ],
    );
}

#[test]
fn unary_ops() {
    check(
        "unary_ops",
        &["@foo", "!x", "^x", "not x", "~~~x", "-1", "- 1", "+x"],
    );
}

#[test]
fn capture() {
    check(
        "capture",
        &["&1 + &2", "& 1", "&(&1 + 1)", "&foo/1", "& &1"],
    );
}

#[test]
fn maps_and_structs() {
    check(
        "maps_and_structs",
        &[
            "%{a: 1, \"b\" => 2}",
            "%User{name: 1}",
            "%{m | a: 2}",
            "%(",
            "%[",
            "% {}",
            "%",
        ],
    );
}

#[test]
fn dots() {
    check(
        "dots",
        &[
            "Map.get(m, :k)",
            "f.(x)",
            "a.\n  b",
            "a . b",
            "a.\n# comment\nb",
            "a.\"foo\"(1)",
            "a.\"f#{x}\"",
            "a\n.b",
        ],
    );
}

#[test]
fn punctuation() {
    check(
        "punctuation",
        &["(a, [b], {c}, <<d>>)", "<<>>", "[h | t]", "{}"],
    );
}

#[test]
fn eol_merging() {
    check(
        "eol_merging",
        &[
            "a\nb",
            "a\n\n\nb",
            "\na",
            "a,\n\nb",
            "a;\n b",
            "a\n;b",
            "a;;b",
            "a # c\nb",
            "a\n# c\nb",
            "a\n# c",
            "a\r\nb",
            "a\\\nb",
            "a \\\n + b",
            "a\\",
            "a\\\n",
        ],
    );
}

#[test]
fn operator_at_line_start() {
    check(
        "operator_at_line_start",
        &[
            "foo\n|> bar",
            "a\n\n\n|> b",
            "a\n# c\n|> b",
            "a\n+ b",
            "a\n- b",
            "a\n* b",
            "a\n== b",
            "a\n.b",
            "a\n=> b",
            "a\nwhen b",
            "a\nand b",
            "a\nnot b",
            "a\nnot in b",
            "a\n-> b",
            "a\n// b",
            "a\n&& b",
            "a\n= b",
            "a\n<> b",
            "a\n| b",
            "a\n:: b",
            "a\n\\\\ b",
            "a\nin b",
            "a\n@ b",
            "a\n& b",
            "a\n! b",
            "a\n>> b",
            "a\n.. b",
        ],
    );
}

#[test]
fn strings() {
    check(
        "strings",
        &[
            "\"hello\"",
            "\"\"",
            "\"a\\nb\\tc\\rd\\ee\\sf\\0g\\ah\\bi\\fj\\vk\"",
            "\"\\\\ \\\" \\# \\q \\d\"",
            "\"\\x41\\x4 \\x{263A} \\u00e9 \\u{1F600} \\u{41}\"",
            "\"a\\\nb\"",
            "\"multi\nline\"",
            "\"\\#{x}\"",
            "\"#x #\"",
            "\"é ü 日本\"",
        ],
    );
}

#[test]
fn string_escape_errors() {
    check(
        "string_escape_errors",
        &[
            "\"\\xZZ\"",
            "\"\\uZ\"",
            "\"\\u{D800}\"",
            "\"\\u{110000}\"",
            "\"\\xFF\"",
            "'\\x'",
        ],
    );
}

#[test]
fn interpolation() {
    check(
        "interpolation",
        &[
            "\"a#{1}b\"",
            "\"#{x}\"",
            "\"#{a}#{b}\"",
            "\"#{%{a: 1}}\"",
            "\"#{\"inner #{x}\"}\"",
            "\"#{ \"}\" }\"",
            "\"#{\n  x\n}\"",
            "'a#{x}'",
            "\"#{}\"",
        ],
    );
}

#[test]
fn interpolation_errors() {
    check(
        "interpolation_errors",
        &["\"a#{1", "\"a#{\"b", "\"#{1 +}\"x", "\"#{?}\""],
    );
}

#[test]
fn charlists() {
    check("charlists", &["'abc'", "''", "'a\\'b'", "'é\\n'"]);
}

#[test]
fn heredocs() {
    check(
        "heredocs",
        &[
            "x = \"\"\"\n  hello\n    world\n  \"\"\"",
            "\"\"\"\n\"\"\"",
            "\"\"\"\n  a\n b\n  \"\"\"",
            "\"\"\"\n\ta\n  \"\"\"",
            "\"\"\"   \nbody\n\"\"\"",
            "\"\"\"\n  a #{x}\n  b\n  \"\"\"",
            "\"\"\"\n  a \\\n  b\n  \"\"\"",
            "\"\"\"\n  quote \"\" \\\"\"\" inside\n  \"\"\"",
            "\"\"\"\n  not \"\"\" the end\n  \"\"\")",
            "'''\n  charlist\n  '''",
            "\"\"\"\r\n  crlf\r\n  \"\"\"",
            "\"\"\"\n\n  blank\n\n  \"\"\"",
        ],
    );
}

#[test]
fn heredoc_errors() {
    check(
        "heredoc_errors",
        &[
            "\"\"\"x\n\"\"\"",
            "\"\"\"",
            "\"\"\"\nabc",
            "\"\"\"\n  a\n  \"\" \n",
        ],
    );
}

#[test]
fn sigils() {
    check(
        "sigils",
        &[
            "~w(a b c)",
            "~w(a b)a",
            "~r/x+/i",
            "~r/a\\/b\\d\\n/",
            "~s[x] ~s{x} ~s<x> ~s|x| ~s'x' ~s\"x\" ~s/x/ ~s(x)",
            "~s(a#{1}b)",
            "~S(a#{1}\\nb)",
            "~S(a\\)b)",
            "~c(abc)",
            "~C(a\\n)",
            "~R/\\d/",
            "~s(a(b)c)",
            "~x(custom)mods123",
            "~s(\\#{1})",
            "~w(a\\sb c)",
        ],
    );
}

#[test]
fn heredoc_sigils() {
    check(
        "heredoc_sigils",
        &[
            "~s\"\"\"\n  a #{1}\n  \"\"\"",
            "~S\"\"\"\n  a #{1}\\n\n  \"\"\"",
            "~w'''\n  x y\n  '''abc",
        ],
    );
}

#[test]
fn sigil_errors() {
    check(
        "sigil_errors",
        &["~s.x.", "~ab(x)", "~s", "~s(abc", "~s\"\"\"\nabc", "~s\n"],
    );
}

#[test]
fn comments() {
    check(
        "comments",
        &[
            "# only a comment",
            "a # trailing\nb",
            "# one\n# two\nx",
            "a # \u{202A}",
        ],
    );
}

#[test]
fn unexpected_tokens() {
    check(
        "unexpected_tokens",
        &["a \\ b", "\u{0}", "a\rb", "`", "x = €"],
    );
}

#[test]
fn unterminated_is_incomplete() {
    for src in [
        "\"abc",
        "'abc",
        "\"\"\"\nabc",
        "~s(abc",
        "~S\"\"\"\nabc",
        ":\"abc",
        "\"a#{1",
        "\"a#{\"b",
        "[\"a\": 1, \"b",
        "x \\\n",
        "\"#{\"#{",
    ] {
        let e = err(src);
        assert!(e.incomplete, "{src:?} should be incomplete: {e:?}");
    }
    for src in [
        "\"\\xZZ\"",
        "~s.x.",
        "\"\"\"x\n\"\"\"",
        "1e3",
        "foo:bar",
        "?",
        "a;;b",
    ] {
        let e = err(src);
        assert!(!e.incomplete, "{src:?} should not be incomplete: {e:?}");
    }
}

#[test]
fn interpolation_depth_limit() {
    fn nested(depth: usize) -> String {
        let mut s = String::from("x");
        for _ in 0..depth {
            s = format!("\"#{{{s}}}\"");
        }
        s
    }
    // The limit itself is fine, and the tokens nest as deep.
    let toks = lex(&nested(MAX_INTERPOLATION_DEPTH)).expect("nesting up to the limit lexes");
    let mut depth = 0;
    let mut current = toks;
    while let Some((_, Tok::BinString(parts), _)) = current.first() {
        let Some(StrPart::Interp { tokens, .. }) = parts.first() else {
            break;
        };
        depth += 1;
        current = tokens.clone();
    }
    assert_eq!(depth, MAX_INTERPOLATION_DEPTH);
    let e = err(&nested(MAX_INTERPOLATION_DEPTH + 1));
    assert!(e.message.contains("nested too deeply"), "{e:?}");
    assert!(!e.incomplete);
    // Far beyond the limit: an error, not a stack overflow.
    let e = err(&nested(5000));
    assert!(e.message.contains("nested too deeply"), "{e:?}");
    // Unterminated and deep.
    let e = err(&"\"#{".repeat(10_000));
    assert!(e.message.contains("nested too deeply"), "{e:?}");
}

#[test]
fn large_inputs() {
    // A 10 MB string literal.
    let body = "abcdefghé\\n".repeat(1_000_000);
    let src = format!("x = \"{body}\"");
    let toks = lex(&src).expect("10 MB string lexes");
    assert_eq!(toks.len(), 3);
    match &toks[2].1 {
        Tok::BinString(parts) => match parts.as_slice() {
            [StrPart::Lit(s)] => assert_eq!(s.len(), 11_000_000),
            other => panic!("unexpected parts {}", other.len()),
        },
        other => panic!("unexpected token {other:?}"),
    }
    // 100,000 open brackets are the parser's business.
    let src = "[".repeat(100_000);
    assert_eq!(lex(&src).expect("brackets lex").len(), 100_000);
    let src = "(".repeat(50_000) + &")".repeat(50_000);
    assert_eq!(lex(&src).expect("parens lex").len(), 100_000);
    // A long line of tokens.
    let src = "a + ".repeat(200_000) + "a";
    assert_eq!(lex(&src).expect("long expression lexes").len(), 400_001);
}

/// A small deterministic generator (xorshift), so the test needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn never_panics_on_garbage() {
    let pieces: &[&str] = &[
        "\\",
        "?",
        "~",
        "\"",
        "'",
        "\"#{",
        "#{",
        "}",
        "{",
        "\"\"\"",
        "'''",
        "\n",
        "\r",
        "\r\n",
        ":",
        "::",
        ".",
        "..",
        "...",
        "..//",
        "&",
        "%",
        "%{",
        "@",
        "-",
        "+",
        "/",
        "//",
        "\\\\",
        "~s(",
        "~S\"\"\"\n",
        "~r/",
        "~w[",
        "~",
        "x",
        "Foo",
        "foo:",
        "do",
        "end",
        "fn",
        "not",
        "in",
        " ",
        "\t",
        "0x",
        "1.",
        "1e",
        "1.0e",
        "é",
        "\u{202A}",
        "\u{0}",
        "😀",
        "\\x",
        "\\u{",
        "\\u",
        "?\\",
        ":\"",
        "\"a\":",
        "#",
        "a.",
        "<<",
        ">>",
        "=>",
        "|>",
        ";",
        ",",
        "(",
        ")",
        "[",
        "]",
        "_",
        "9",
        "\u{FEFF}",
        "\u{10FFFF}",
        "\"\\",
        "'\\",
        "~s\"",
        "~x",
        "~A",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..5000 {
        let mut src = String::new();
        for _ in 0..rng.below(24) {
            if rng.below(4) == 0 {
                // Any code point at all.
                let c = char::from_u32(rng.next() as u32 % 0x11_0000).unwrap_or('\u{FFFD}');
                src.push(c);
            } else {
                src.push_str(pieces[rng.below(pieces.len())]);
            }
        }
        let _ = lex(&src);
        // Every prefix too (cut at char boundaries), as a REPL would feed it.
        for (i, _) in src.char_indices().step_by(3) {
            let _ = lex(&src[..i]);
        }
    }
    // Bytes that are valid UTF-8 only in pieces: every single-byte-ish string.
    for b in 0u8..=127 {
        let s = String::from(char::from(b));
        let _ = lex(&s);
        let _ = lex(&format!("\"{s}"));
        let _ = lex(&format!("?{s}"));
        let _ = lex(&format!("~{s}"));
        let _ = lex(&format!(":{s}"));
        let _ = lex(&format!("\"#{{{s}"));
    }
}

#[test]
fn spans_are_char_boundaries() {
    for src in ["é + ü", "\"é#{ü}\" :é ?é", "über.größe(1)", "~s(é)é"] {
        let toks = lex(src).expect("lexes");
        for (start, _, end) in toks {
            assert!(
                src.is_char_boundary(start) && src.is_char_boundary(end),
                "{src:?} {start}..{end}"
            );
            assert!(start <= end && end <= src.len());
        }
    }
}

fn exs_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            exs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "exs") {
            out.push(path);
        }
    }
}

#[test]
fn lexes_every_bench_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    exs_files(&root.join("bench"), &mut files);
    exs_files(&root.join("../shared/bench"), &mut files);
    assert!(!files.is_empty(), "no bench files found");
    for file in files {
        let src = std::fs::read_to_string(&file).expect("readable");
        if let Err(e) = lex(&src) {
            panic!("{}: {e:?}", file.display());
        }
    }
}
