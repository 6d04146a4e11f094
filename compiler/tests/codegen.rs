//! Bytecode snapshots, one per language form: `----- SOURCE CODE` / `----- BYTECODE`.
//! Every module is also checked by the verifier (compile does that) and round-tripped
//! through the file format.

use beamlet_bytecode::{disasm, Module};

fn bytecode(src: &str) -> String {
    let mods = match beamlet_compiler::compile(src, "test.exs") {
        Ok(m) => m,
        Err(ds) => panic!(
            "expected {src:?} to compile, got:\n{}",
            ds.iter()
                .map(|d| d.render("test.exs", src))
                .collect::<String>()
        ),
    };
    let mut out = format!("----- SOURCE CODE\n{src}\n----- BYTECODE\n");
    for m in &mods {
        let again = Module::decode(&m.encode()).expect("round trip");
        assert_eq!(&again, m, "file format round trip");
        let empty_script = m.name() == beamlet_compiler::expand::SCRIPT_MODULE && mods.len() > 1;
        if !empty_script {
            out.push_str(&disasm::module(m));
        }
    }
    out
}

macro_rules! forms {
    ($($name:ident: $src:expr;)*) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(bytecode($src));
        }
    )*};
}

forms! {
    clauses_and_guards: "defmodule M do\n  def fib(n) when n < 2, do: n\n  def fib(n), do: fib(n - 1) + fib(n - 2)\nend";
    tail_call: "defmodule M do\n  def loop(0, acc), do: acc\n  def loop(n, acc), do: loop(n - 1, acc + n)\nend";
    default_arguments: "defmodule M do\n  def greet(name, greeting \\\\ \"hello\"), do: {greeting, name}\nend";
    case_expression: "defmodule M do\n  def f(x) do\n    case x do\n      {:ok, v} when is_integer(v) -> v\n      [h | _] -> h\n      _ -> :none\n    end\n  end\nend";
    if_cond_unless: "defmodule M do\n  def f(x) do\n    if x > 1, do: :big, else: :small\n  end\n  def g(x) do\n    cond do\n      x > 10 -> :a\n      true -> :b\n    end\n  end\nend";
    match_and_pin: "defmodule M do\n  def f(x, y) do\n    {^x, z} = y\n    z\n  end\nend";
    closures: "defmodule M do\n  def adder(n), do: fn x -> x + n end\n  def apply(f, x), do: f.(x)\nend";
    captures: "defmodule M do\n  def f(l), do: {&(&1 * 2), &Enum.map/2, &f/1, l}\nend";
    maps_and_structs: "defmodule M do\n  defstruct a: 1, b: nil\n  def f(m), do: %{m | a: 2}\n  def g(%{a: a}), do: a\n  def h, do: %M{b: 3}\nend";
    binaries: "defmodule M do\n  def build(a, b), do: <<a::16-little, b::binary>>\n  def parse(<<len::8, data::binary-size(len), rest::binary>>), do: {data, rest}\n  def prefix(\"ab\" <> rest), do: rest\nend";
    interpolation: "defmodule M do\n  def f(x), do: \"x = #{x}!\"\nend";
    try_rescue_after: "defmodule M do\n  def f(x) do\n    try do\n      1 / x\n    rescue\n      e in ArithmeticError -> {:error, e}\n    catch\n      :throw, v -> v\n    after\n      :done\n    end\n  end\nend";
    try_else_tail: "defmodule M do\n  def loop(n) do\n    try do\n      step(n)\n    rescue\n      _ -> loop(n - 1)\n    else\n      0 -> :done\n      m -> loop(m)\n    end\n  end\n  def step(n), do: n - 1\nend";
    raise_and_throw: "defmodule M do\n  def f(:a), do: raise \"boom\"\n  def f(:b), do: raise ArgumentError, \"bad\"\n  def f(:c), do: throw(:ball)\nend";
    with_else: "defmodule M do\n  def f(m) do\n    with {:ok, a} <- Map.fetch(m, :a),\n         b = a * 2 do\n      b\n    else\n      :error -> 0\n    end\n  end\nend";
    for_comprehension: "defmodule M do\n  def f(l), do: for x <- l, x > 1, into: %{}, do: {x, x * x}\nend";
    boolean_operators: "defmodule M do\n  def f(a, b), do: {a and b, a || b, !a, not b}\nend";
    pipes: "defmodule M do\n  def f(l), do: l |> Enum.map(&(&1 + 1)) |> Enum.sum()\nend";
    attributes_and_aliases: "defmodule M do\n  alias Foo.Bar\n  @limit 10\n  def f, do: {@limit, Bar, __MODULE__}\nend";
    script_top_level: "x = 1\nIO.puts(x + 1)";
    protocols: "defprotocol P do\n  def f(x, y)\nend\ndefimpl P, for: Integer do\n  def f(x, y), do: x + y\nend";
    clause_switch: "defmodule M do\n  def f(:a), do: 1\n  def f(:b), do: 2\n  def f({:ok, x}), do: x\n  def f({:error, _, _}), do: :err\n  def f(_), do: :other\nend";
}
