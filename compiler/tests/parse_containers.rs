//! Parser snapshots: lists, keyword lists, tuples, bitstrings, maps and structs.

mod common;

#[test]
fn lists() {
    check_ast!(
        "lists",
        [
            "[]",
            "[1]",
            "[1, 2, 3]",
            "[1, 2, 3,]",
            "[[1], [[2]]]",
            "[h | t]",
            "[a, b | t]",
            "[a | [b | []]]",
            "[1 | 2 + 3]",
            "[x when x > 1]",
        ]
    );
}

#[test]
fn keyword_lists() {
    check_ast!(
        "keyword_lists",
        [
            "[a: 1]",
            "[a: 1, b: 2]",
            "[a: 1, b: 2,]",
            "[1, 2, a: 3]",
            "[\"quoted key\": 1]",
            "[\"a#{b}\": 1]",
            "[do: 1, else: 2]",
            "[a: [b: [c: 1]]]",
            "[if: 1, fn: 2, end: 3, nil: 4, true: 5]",
            "[{:a, 1}, {:b, 2}]",
        ]
    );
}

#[test]
fn tuples() {
    check_ast!(
        "tuples",
        [
            "{}",
            "{1}",
            "{1, 2}",
            "{1, 2, 3}",
            "{:ok, {:error, []}}",
            "{a, b,}",
            "{1, a: 1}",
        ]
    );
}

#[test]
fn bitstrings() {
    check_ast!(
        "bitstrings",
        [
            "<<>>",
            "<<1, 2, 3>>",
            "<<x::8>>",
            "<<x::size(8)>>",
            "<<x::binary-size(4), rest::binary>>",
            "<<x::little-signed-integer-size(16)-unit(1)>>",
            "<<\"abc\", 0>>",
            "<<a::utf8, b::float-32>>",
            "<< <<1>>, <<2>>::bitstring>>",
            "<<x::8-big>>",
        ]
    );
}

#[test]
fn maps() {
    check_ast!(
        "maps",
        [
            "%{}",
            "%{a: 1}",
            "%{a: 1, b: 2}",
            "%{\"a\" => 1}",
            "%{1 => :one, :two => 2}",
            "%{\"a\" => 1, b: 2}",
            "%{a: 1,}",
            "%{{1, 2} => [3]}",
            "%{a: %{b: %{}}}",
            "%{key => value}",
            "%{^key => value}",
        ]
    );
}

#[test]
fn map_update() {
    check_ast!(
        "map_update",
        [
            "%{m | a: 1}",
            "%{m | a: 1, b: 2}",
            "%{m | \"a\" => 1}",
            "%{state | count: state.count + 1}",
            "%{f(x) | a: 1}",
        ]
    );
}

#[test]
fn structs() {
    check_ast!(
        "structs",
        [
            "%User{}",
            "%User{name: \"a\", age: 1}",
            "%Foo.Bar{}",
            "%Foo.Bar.Baz{x: 1}",
            "%__MODULE__{a: 1}",
            "%name{}",
            "%_{}",
            "%@attr{}",
            "%User{user | name: \"b\"}",
            "%__MODULE__{s | a: 1}",
        ]
    );
}
