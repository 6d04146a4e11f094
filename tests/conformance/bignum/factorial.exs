# Factorials past the small-integer range.
defmodule Fact do
  def of(0), do: 1
  def of(n) when n > 0, do: n * of(n - 1)

  def tail(n), do: tail(n, 1)
  defp tail(0, acc), do: acc
  defp tail(n, acc), do: tail(n - 1, acc * n)
end

IO.puts(Fact.of(20))
IO.puts(Fact.of(21))
IO.puts(Fact.of(30))
IO.puts(Fact.of(100))
IO.inspect(Fact.tail(30) == Fact.of(30))
IO.inspect(Fact.of(25))
IO.puts(String.length(Integer.to_string(Fact.tail(500))))
IO.inspect(div(Fact.of(100), Fact.of(98)))
