//! Parser snapshots: do-blocks, keyword one-liners, `fn`, the clause forms of
//! `case`/`cond`/`receive`/`try`/`with`/`for`, and module definitions.

mod common;

#[test]
fn do_end() {
    check_ast!(
        "do_end",
        [
            "if x do\n  a\nend",
            "if x do\n  a\nelse\n  b\nend",
            "if x do a else b end",
            "if x do\nend",
            "unless x do\n  a\n  b\nend",
            "foo do\n  1\nend",
            "foo(a) do\n  1\nend",
            "foo a, b do\n  1\nend",
            "Mod.foo a do\n  1\nend",
            "x = if a do b else c end",
            "if a do\n  if b do\n    c\n  end\nend",
            "foo bar do\n  1\nend",
            "quote do\n  unquote(x) + 1\nend",
            "if x do; a; end",
        ]
    );
}

#[test]
fn keyword_one_liners() {
    check_ast!(
        "keyword_one_liners",
        [
            "if x, do: a",
            "if x, do: a, else: b",
            "if(x, do: a, else: b)",
            "def f(x), do: x + 1",
            "defp f(x) when x > 0, do: x",
            "unless x, do: raise(\"no\")",
            "for x <- xs, do: x * 2",
        ]
    );
}

#[test]
fn fns() {
    check_ast!(
        "fns",
        [
            "fn -> 1 end",
            "fn () -> 1 end",
            "fn x -> x end",
            "fn x, y -> x + y end",
            "fn (x, y) -> x + y end",
            "fn\n  0 -> :zero\n  n -> n\nend",
            "fn x when x > 0 -> x end",
            "fn x, y when x > y -> x end",
            "fn x when is_integer(x) and x > 0 -> :pos\n   _ -> :other\nend",
            "fn {:ok, v} -> v; {:error, _} = e -> e end",
            "fn x ->\n  y = x + 1\n  y * 2\nend",
            "fn x -> fn y -> x + y end end",
            "fn a \\\\ 1 -> a end",
            "fn [h | t] -> h end",
        ]
    );
}

#[test]
fn case_cond_receive() {
    check_ast!(
        "case_cond_receive",
        [
            "case x do\n  1 -> :one\n  _ -> :other\nend",
            "case x do\n  {:ok, v} when v > 0 ->\n    v\n  {:error, e} ->\n    log(e)\n    nil\nend",
            "case f(x) do\n  [] -> 0\n  [h | _] -> h\nend",
            "cond do\n  x > 0 -> :pos\n  x < 0 -> :neg\n  true -> :zero\nend",
            "receive do\n  {:msg, m} -> m\nafter\n  1000 -> :timeout\nend",
            "receive do\nafter\n  0 -> :none\nend",
            "case x do\n  a -> a\nend |> f()",
        ]
    );
}

#[test]
fn try_blocks() {
    check_ast!(
        "try_blocks",
        [
            "try do\n  f()\nrescue\n  e in ArgumentError -> e\n  _ -> :other\nend",
            "try do\n  f()\ncatch\n  :throw, v -> v\n  kind, reason -> {kind, reason}\nafter\n  cleanup()\nend",
            "try do\n  f()\nelse\n  {:ok, v} -> v\nrescue\n  RuntimeError -> :rt\nend",
            "try do\n  x\nafter\n  y\nend",
        ]
    );
}

#[test]
fn with_and_for() {
    check_ast!(
        "with_and_for",
        [
            "with {:ok, a} <- f(),\n     {:ok, b} <- g(a) do\n  a + b\nend",
            "with {:ok, a} <- f(), b = a + 1 do\n  b\nelse\n  {:error, e} -> e\n  _ -> nil\nend",
            "with {:ok, x} when x > 0 <- f() do\n  x\nend",
            "for x <- xs do\n  x * 2\nend",
            "for x <- xs, y <- ys, x < y, do: {x, y}",
            "for x <- xs, into: %{} do\n  {x, x}\nend",
            "for <<c <- bin>>, c != ?\\s, do: c",
            "for {k, v} <- m, reduce: 0 do\n  acc -> acc + v\nend",
        ]
    );
}

#[test]
fn modules() {
    check_ast!(
        "modules",
        [
            "defmodule Foo do\nend",
            "defmodule Foo.Bar do\n  def f, do: 1\nend",
            "defmodule M do\n  @moduledoc \"doc\"\n\n  def add(a, b) do\n    a + b\n  end\n\n  defp helper(x) when is_integer(x) and x > 0 do\n    x\n  end\nend",
            "def f(a, b \\\\ 2) do\n  a + b\nend",
            "def f(a \\\\ [], opts \\\\ []), do: {a, opts}",
            "def f(x) when x in [1, 2] when x > 0, do: x",
            "def unquote(name)(x), do: x",
            "def a + b, do: :plus",
            "defstruct [:a, b: 1]",
            "defstruct a: 1, b: 2",
            "defmacro m(ast) do\n  quote do\n    unquote(ast)\n  end\nend",
            "def f do\n  :ok\nend",
            "def f() do\n  :ok\nend",
            "defmodule M do\n  alias Foo.Bar, as: B\n  import Enum, only: [map: 2]\n  require Logger\n  use GenServer\nend",
        ]
    );
}
