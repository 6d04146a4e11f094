# Tail recursion over 10 million iterations runs in constant stack.
defmodule Loop do
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + 1)

  def sum_to(n), do: sum_to(n, 0)
  defp sum_to(0, acc), do: acc
  defp sum_to(n, acc), do: sum_to(n - 1, acc + n)

  def ping(0), do: :done
  def ping(n), do: pong(n - 1)
  def pong(0), do: :done_in_pong
  def pong(n), do: ping(n - 1)
end

IO.inspect(Loop.count(10_000_000, 0))
IO.inspect(Loop.sum_to(10_000_000))
IO.inspect(Loop.ping(10_000_001))
