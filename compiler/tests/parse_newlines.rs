//! Parser snapshots: newlines and semicolons as separators, and where a newline means
//! nothing (after an operator, a comma, an opening bracket; before a pipeline operator).

mod common;

#[test]
fn separators() {
    check_ast!(
        "separators",
        [
            "a\nb",
            "a; b",
            "a;\nb",
            "a\n\n\nb",
            "\n\na\n\n",
            ";a;",
            "",
            "# only a comment\n",
            "a # comment\nb",
            "(a; b)",
            "(\n  a\n  b\n)",
        ]
    );
}

#[test]
fn pipelines() {
    check_ast!(
        "pipelines",
        [
            "x\n|> f()\n|> g()",
            "x\n  |> f()\n  |> g(1)\n  |> h",
            "x |>\n  f() |>\n  g()",
            "a\n|> b\nc",
            "value\n|> Enum.map(fn x ->\n  x * 2\nend)\n|> Enum.sum()",
        ]
    );
}

#[test]
fn operators_at_line_ends() {
    check_ast!(
        "operators_at_line_ends",
        [
            "a +\n  b",
            "a =\n  b",
            "a and\n  b",
            "a ++\n  b",
            "a ==\n  b",
            "a\n+ b",
            "a\n- b",
            "a\n|| b",
            "a\n++ b",
            "a\n== b",
            "a\n.. b",
            "a.\nb",
            "a\n.b",
            "x =\n\n  1",
            "a when\n  b",
            "a ::\n  b",
            "a <-\n  b",
            "@\nattr",
            "&\nfoo/1",
        ]
    );
}

#[test]
fn multi_line_calls() {
    check_ast!(
        "multi_line_calls",
        [
            "foo(\n  a,\n  b\n)",
            "foo(a,\n    b)",
            "foo a,\n    b",
            "foo a,\n  b: 1,\n  c: 2",
            "Mod.fun(\n  1\n)",
            "f.(\n  x\n)",
            "foo(\n)",
            "x[\n  k\n]",
        ]
    );
}

#[test]
fn multi_line_containers() {
    check_ast!(
        "multi_line_containers",
        [
            "[\n  1,\n  2\n]",
            "[\n  1,\n  2,\n]",
            "{\n  :ok,\n  x\n}",
            "%{\n  a: 1,\n  b: 2\n}",
            "%{\n  \"a\" => 1,\n  \"b\" => 2\n}",
            "%{m |\n  a: 1\n}",
            "<<\n  1,\n  2\n>>",
            "[\n  a: 1,\n  b: 2\n]",
            "[\n  h\n  | t\n]",
        ]
    );
}

#[test]
fn blocks_across_lines() {
    check_ast!(
        "blocks_across_lines",
        [
            "if x do\n\n  a\n\n  b\n\nend",
            "fn\n  x ->\n    x\nend",
            "fn x ->\n  x\nend",
            "case x do\n\n  1 ->\n\n    :one\n\nend",
            "if x do a; b end",
            "if x,\n  do: a,\n  else: b",
        ]
    );
}
