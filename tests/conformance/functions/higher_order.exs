# Higher-order functions written by hand, without Enum.
defmodule HO do
  def map([], _), do: []
  def map([h | t], f), do: [f.(h) | map(t, f)]

  def reduce([], acc, _), do: acc
  def reduce([h | t], acc, f), do: reduce(t, f.(h, acc), f)

  def filter(l, p), do: reduce(reverse(l), [], fn x, acc -> if p.(x), do: [x | acc], else: acc end)

  def reverse(l), do: reduce(l, [], fn x, acc -> [x | acc] end)

  def take_while([h | t], p), do: if(p.(h), do: [h | take_while(t, p)], else: [])
  def take_while([], _), do: []

  def iterate(x, _f, 0), do: [x]
  def iterate(x, f, n), do: [x | iterate(f.(x), f, n - 1)]

  def sort([]), do: []
  def sort([p | rest]) do
    sort(filter(rest, &(&1 < p))) ++ [p] ++ sort(filter(rest, &(&1 >= p)))
  end
end

l = [5, 3, 8, 1, 9, 2, 7]
IO.inspect(HO.map(l, &(&1 * 10)))
IO.inspect(HO.reduce(l, 0, &+/2))
IO.inspect(HO.reduce(l, 1, &*/2))
IO.inspect(HO.filter(l, &(rem(&1, 2) == 1)))
IO.inspect(HO.reverse(l))
IO.inspect(HO.sort(l))
IO.inspect(HO.take_while(l, &(&1 > 2)))
IO.inspect(HO.iterate(1, &(&1 * 2), 10))
IO.inspect(HO.reduce(["a", "b", "c"], "", fn s, acc -> acc <> s end))
