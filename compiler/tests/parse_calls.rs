//! Parser snapshots: calls with and without parentheses, keyword arguments, remote and
//! anonymous calls, field access, `Mod.fun`, bracket access and chains of them.

mod common;

#[test]
fn parens_calls() {
    check_ast!(
        "parens_calls",
        [
            "foo()",
            "foo(1)",
            "foo(1, 2)",
            "foo(bar(baz(1)))",
            "foo(a, b: 1)",
            "foo(a: 1, b: 2)",
            "foo([a: 1])",
            "foo(a)(b)",
            "foo?(x)",
            "bar!(x)",
            "foo(\n  a,\n  b\n)",
        ]
    );
}

#[test]
fn no_parens_calls() {
    check_ast!(
        "no_parens_calls",
        [
            "foo a",
            "foo a, b",
            "foo bar a, b",
            "foo bar, baz a",
            "foo a, b: 1",
            "foo a, b: 1, c: 2",
            "foo b: 1",
            "foo a, b: bar c",
            "foo bar baz",
            "foo -1",
            "foo - 1",
            "foo [1]",
            "foo[1]",
            "foo {a, b}",
            "foo %{a: 1}",
            "foo :a, \"b\", 'c'",
            "foo a + b",
            "foo a = b",
            "foo &bar/1",
            "foo fn x -> x end",
            "a = foo b",
            "x + foo y",
            "IO.puts \"hi\"",
            "IO.puts a, b",
            "raise ArgumentError, message: \"x\"",
            "foo a.b, c",
        ]
    );
}

#[test]
fn remote_calls() {
    check_ast!(
        "remote_calls",
        [
            "IO.puts(\"hi\")",
            "Foo.Bar.baz(1, 2)",
            ":erlang.element(1, t)",
            ":lists.reverse([1])",
            "Mod.fun",
            "Mod.fun()",
            "Mod.Sub",
            "__MODULE__.fun(1)",
            "__MODULE__.Sub",
            "mod.fun(x)",
            "Kernel.+(1, 2)",
            "Mod.\"quoted fun\"(1)",
            "Mod.fun(a, b: 1)",
        ]
    );
}

#[test]
fn anonymous_calls_and_fields() {
    check_ast!(
        "anonymous_calls_and_fields",
        [
            "f.(x)",
            "f.()",
            "f.(x, y)",
            "f.(x).(y)",
            "x.field",
            "x.a.b.c",
            "x.field()",
            "map.key + 1",
            "fun.(1) + 1",
            "(fn x -> x end).(1)",
            "x.()()",
            "f.(1)(2)",
        ]
    );
}

#[test]
fn access() {
    check_ast!(
        "access",
        [
            "x[k]",
            "x[:a][:b]",
            "x.y[:k]",
            "x[k].y",
            "f(x)[0]",
            "Mod.fun(x)[k]",
            "x[a: 1]",
            "%{a: 1}[:a]",
            "[1, 2][0]",
            "@attr[:a][:b]",
            "x[y[z]]",
            "x[k] = v",
        ]
    );
}

#[test]
fn chains() {
    check_ast!(
        "chains",
        [
            "a.b(c).d[e].f.(g)",
            "Enum.map(list, fn x -> x end) |> Enum.sum()",
            "String.upcase(s).length",
            "conn.assigns[:user].name",
            "foo(a).b",
            "Foo.bar(1).baz(2)",
            "x |> Enum.map(&(&1 * 2)) |> Enum.filter(&(&1 > 2))",
            "Map.get(m, :k, %{})[:x]",
        ]
    );
}
