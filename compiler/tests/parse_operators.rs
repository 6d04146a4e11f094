//! Parser snapshots: every operator of Elixir's precedence table, unary operators, `not in`,
//! ranges, pipes, captures, module attributes, pins, guards, defaults and `<-`.

mod common;

#[test]
fn arithmetic() {
    check_ast!(
        "arithmetic",
        [
            "a + b * c",
            "a * b + c",
            "a - b - c",
            "a / b / c",
            "a ** b ** c",
            "a * b ** c",
            "(a + b) * c",
            "a-b",
            "a -b",
            "a - -b",
            "1+2*3-4/5",
        ]
    );
}

#[test]
fn unary() {
    check_ast!(
        "unary",
        [
            "-a",
            "+a",
            "!a",
            "not a",
            "^a",
            "~~~a",
            "- - a",
            "!!a",
            "-a ** 2",
            "-a * b",
            "not a and b",
            "!a || b",
            "[-1, +2]",
            "x = -y",
            "f(-x)",
        ]
    );
}

#[test]
fn concat_and_range() {
    check_ast!(
        "concat_and_range",
        [
            "a ++ b ++ c",
            "a -- b",
            "a <> b <> c",
            "a +++ b --- c",
            "1..10",
            "a..b + 1",
            "1..10//2",
            "a..b//c + 1",
            "a..b..c",
            "x = a..b",
            "a ++ b..c",
        ]
    );
}

#[test]
fn comparison_and_boolean() {
    check_ast!(
        "comparison_and_boolean",
        [
            "a == b",
            "a != b and c === d",
            "a !== b",
            "a =~ b",
            "a < b == c > d",
            "a <= b or a >= b",
            "a && b || c",
            "a || b && c",
            "a and b or c and d",
            "a &&& b ||| c",
            "a ^^^ b",
            "a in b",
            "a not in b",
            "a in b and c not in d",
            "not a in b",
        ]
    );
}

#[test]
fn arrows() {
    check_ast!(
        "arrows",
        [
            "a |> b |> c",
            "a |> f(b)",
            "a |> f.(b)",
            "a <<< b >>> c",
            "a <<~ b ~>> c",
            "a <~ b ~> c",
            "a <~> b <|> c",
            "a + b |> c",
            "a |> b == c",
        ]
    );
}

#[test]
fn match_and_type() {
    check_ast!(
        "match_and_type",
        [
            "a = b = c",
            "{a, b} = f(x)",
            "a = b || c",
            "a :: b :: c",
            "a :: b | c",
            "a | b | c",
            "a when b when c",
            "a when b and c",
            "x \\\\ 1",
            "x \\\\ y \\\\ z",
            "a <- b",
            "{:ok, x} <- f() when x > 0",
            "a = b when c",
            "a :: b = c",
        ]
    );
}

#[test]
fn captures() {
    check_ast!(
        "captures",
        [
            "&1",
            "&(&1 + 1)",
            "& &1 + &2",
            "&foo/1",
            "&Mod.fun/2",
            "&Mod.Sub.fun/0",
            "&:erlang.element/2",
            "&is_atom(&1)",
            "&{&1, &2}",
            "&[&1 | &2]",
            "& &1",
            "&(&1)",
            "Enum.map(xs, &(&1 * 2))",
            "&Kernel.+/2",
        ]
    );
}

#[test]
fn attributes_and_pins() {
    check_ast!(
        "attributes_and_pins",
        [
            "@attr",
            "@attr 1",
            "@doc \"text\"",
            "@spec f(integer) :: integer",
            "@moduledoc false",
            "@attr.field",
            "@attr[:key]",
            "@attr + 1",
            "^x = y",
            "{^a, b} = c",
            "^x.y",
            "-@attr",
        ]
    );
}
