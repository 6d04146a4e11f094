# A mix of what exercism-style scripts do: pipelines, regex, protocols, streams, :io.format.
defmodule WordCount do
  def count(sentence) do
    sentence
    |> String.downcase()
    |> String.split(~r/[^\p{L}\p{N}'-]+/u, trim: true)
    |> Enum.map(&String.trim(&1, "'"))
    |> Enum.frequencies()
  end
end

defmodule Roman do
  @numerals [{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
             {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}]
  def numeral(0), do: ""
  def numeral(n) do
    {v, s} = Enum.find(@numerals, fn {v, _} -> v <= n end)
    s <> numeral(n - v)
  end
end

defmodule Matrix do
  defstruct rows: []
  def from_string(s) do
    rows = s |> String.split("\n") |> Enum.map(fn r -> r |> String.split() |> Enum.map(&String.to_integer/1) end)
    %Matrix{rows: rows}
  end
  def columns(%Matrix{rows: rows}), do: rows |> Enum.zip() |> Enum.map(&Tuple.to_list/1)
end

defimpl String.Chars, for: Matrix do
  def to_string(%Matrix{rows: rows}), do: Enum.map_join(rows, "\n", &Enum.join(&1, " "))
end

IO.inspect(WordCount.count("Joe can't tell between 'large' and large. Olá olá!"))
IO.puts(Enum.map_join([1990, 2008, 1666, 4, 3999], ", ", &Roman.numeral/1))
m = Matrix.from_string("1 2 3\n4 5 6\n7 8 9")
IO.inspect(Matrix.columns(m))
IO.puts("#{m}")
IO.inspect(m)
primes = Stream.iterate(2, &(&1 + 1)) |> Stream.filter(fn n -> Enum.all?(2..max(2, trunc(:math.sqrt(n))), &(n == &1 or rem(n, &1) != 0)) end) |> Enum.take(10)
IO.inspect(primes)
:io.format("~-10s|~5.2f|~p~n", ["name", 3.14159, {:ok, [1, 2]}])
IO.inspect(for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {v, k})
IO.inspect(Enum.group_by(~w(apple avocado banana blueberry cherry), &String.first/1))
IO.inspect(Enum.sort_by([%{n: "b", a: 2}, %{n: "a", a: 2}, %{n: "c", a: 1}], &{&1.a, &1.n}))
IO.inspect(String.graphemes("héllo 👋🏽") |> length())
IO.inspect(Integer.digits(12345) |> Enum.sum())
IO.inspect(Enum.chunk_every(1..10, 3) |> Enum.map(&Enum.sum/1))
IO.inspect(Regex.scan(~r/\d+/, "a1b22c333") |> List.flatten() |> Enum.map(&String.to_integer/1))
IO.inspect(Map.new([{:x, 1}]) |> Map.update!(:x, &(&1 + 1)))
IO.inspect(Keyword.merge([a: 1, b: 2], [b: 3]))
IO.inspect(with {:ok, a} <- {:ok, 1}, {:ok, b} <- {:error, :nope}, do: a + b)
IO.inspect(Enum.reduce_while(1..100, 0, fn x, acc -> if acc > 10, do: {:halt, acc}, else: {:cont, acc + x} end))
