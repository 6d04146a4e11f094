# Random terms for vm/src/inspect's layout:
# `elixir vm/tests/oracle/inspect_random.exs > vm/tests/oracle/inspect_random.out`.
# Each case is printed as in inspect.exs (`--- io OPTIONS | LITERAL`, then the output of
# IO.inspect with those options); LITERAL is the term written with inspect/2 and no
# limits, which vm/tests/inspect.rs parses back.
defmodule Gen do
  import Bitwise

  @atoms [:ok, :error, :a, :b, :foo_bar, :"with space", Foo.Bar, nil, true, :x?, :"é"]
  @strings ["", "a", "hello world", "tab\there", "line\nbreak", "héllo wörld", "日本",
            String.duplicate("z", 30), String.duplicate("long text ", 9)]
  @floats [0.0, -1.5, 3.14159, 1.0e20, 2.5e-8, 100.0, 123456.789]
  @keys [:a, :b, :c, :name, :value, :"key with space", :id, :list, :map, :z]

  def pick(list), do: Enum.at(list, :rand.uniform(length(list)) - 1)

  def leaf do
    case :rand.uniform(8) do
      1 -> :rand.uniform(100)
      2 -> :rand.uniform(1_000_000_000) - 500_000_000
      3 -> :rand.uniform(1 <<< 80)
      4 -> pick(@floats)
      5 -> pick(@atoms)
      6 -> pick(@strings)
      7 -> Enum.map(1..:rand.uniform(6), fn _ -> ?a + :rand.uniform(25) end)
      8 -> for _ <- 1..:rand.uniform(5), into: <<>>, do: <<:rand.uniform(256) - 1>>
    end
  end

  def term(0), do: leaf()

  def term(depth) do
    n = :rand.uniform(6) - 1

    case :rand.uniform(12) do
      k when k <= 3 -> leaf()
      4 -> Enum.map(0..n, fn _ -> term(depth - 1) end)
      5 -> Enum.to_list(1..(:rand.uniform(40)))
      6 -> List.to_tuple(Enum.map(0..n, fn _ -> term(depth - 1) end))
      7 -> Map.new(Enum.take_random(@keys, n), fn k -> {k, term(depth - 1)} end)
      8 -> Map.new(0..n, fn _ -> {term(0), term(depth - 1)} end)
      9 -> Enum.map(Enum.take_random(@keys, n + 1), fn k -> {k, term(depth - 1)} end)
      10 -> [term(depth - 1) | term(0)]
      11 -> Enum.map(0..n, fn _ -> {term(0), term(depth - 1)} end)
      12 -> {:ok, term(depth - 1)}
    end
  end
end


:rand.seed(:exsss, {7, 11, 2023})

for _ <- 1..400 do
  term = Gen.term(:rand.uniform(5))
  literal = inspect(term, limit: :infinity, printable_limit: :infinity)
  width = Gen.pick([0, 10, 20, 30, 40, 60, 80, 80, 80, 120])
  limit = Gen.pick([2, 3, 5, 10, 50, 50, 50, :infinity])
  opts = [width: width, limit: limit]
  IO.puts("--- io width: #{width}, limit: #{inspect(limit)} | #{literal}")
  IO.inspect(term, opts)
end
