# Tuples as values: swapping, accumulating, comparing.
defmodule Stats do
  def min_max([h | t]), do: min_max(t, {h, h})
  defp min_max([], acc), do: acc
  defp min_max([h | t], {lo, hi}), do: min_max(t, {min(lo, h), max(hi, h)})
end

IO.inspect(Stats.min_max([5, 3, 9, -2, 7]))
{a, b} = {1, 2}
{a, b} = {b, a}
IO.inspect({a, b})
IO.inspect({1, 2} == {1, 2})
IO.inspect({1, 2} === {1, 2.0})
IO.inspect({1, 2} == {1, 2.0})
IO.inspect({1, :a} < {1, :b})
IO.inspect({3} < {1, 2})
t = Tuple.duplicate(:x, 3)
IO.inspect(put_elem(put_elem(t, 0, :first), 2, :last))
IO.inspect({:ok, {:nested, {:deeply, [1, 2, %{k: {:v}}]}}})
