//! Parser throughput (not a test): `cargo bench -p beamlet-compiler --bench parse`.
//!
//! Lexes and parses a generated file of about 50,000 lines that mixes modules, functions
//! with guards and defaults, pipelines, maps, structs, strings with interpolation, case,
//! fn, for and keyword lists; divan reports bytes per second.

use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    divan::main();
}

const UNIT: &str = r#"defmodule Bench.ModN do
  @moduledoc """
  A module with a bit of everything.
  """
  defstruct name: nil, count: 0

  def run(list, opts \\ []) when is_list(list) do
    limit = Keyword.get(opts, :limit, 10)
    list
    |> Enum.map(fn x -> x * 2 + 1 end)
    |> Enum.filter(&(rem(&1, 3) == 0))
    |> Enum.take(limit)
  end

  defp classify(%{count: c} = s) when c > 100, do: {:big, s}
  defp classify(s), do: {:small, s}

  def describe(x) do
    case classify(x) do
      {:big, %__MODULE__{name: name}} -> "big #{name} (#{inspect(x)})"
      {:small, _} -> 'small'
      _ -> nil
    end
  end

  def table(n) do
    for i <- 1..n, j <- 1..n, i < j, into: %{} do
      {{i, j}, i * j}
    end
  end
end
"#;

fn source(lines: usize) -> String {
    let per_unit = UNIT.lines().count();
    let mut s = String::with_capacity(lines * 40);
    for i in 0..lines.div_ceil(per_unit) {
        s.push_str(&UNIT.replace("ModN", &format!("Mod{i}")));
    }
    s
}

#[divan::bench]
fn parse_50k_lines(bencher: Bencher) {
    let src = source(50_000);
    bencher
        .counter(BytesCount::new(src.len()))
        .bench(|| beamlet_compiler::parser::parse(divan::black_box(&src)).map(|e| e.depth()));
}
