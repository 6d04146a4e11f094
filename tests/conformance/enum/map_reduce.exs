# Enum.map and Enum.reduce over lists and ranges.
IO.inspect(Enum.map([1, 2, 3], fn x -> x * 2 end))
IO.inspect(Enum.map(1..5, &(&1 * &1)))
IO.inspect(Enum.reduce(1..10, 0, fn x, acc -> x + acc end))
IO.inspect(Enum.reduce([1, 2, 3], fn x, acc -> x * acc end))
IO.inspect(Enum.reduce(["a", "b", "c"], "", &(&2 <> &1)))
IO.inspect(Enum.map(%{a: 1, b: 2}, fn {k, v} -> {v, k} end))
IO.inspect(Enum.map([], & &1))
IO.inspect(Enum.reduce(1..100, {0, 0}, fn x, {evens, odds} ->
  if rem(x, 2) == 0, do: {evens + x, odds}, else: {evens, odds + x}
end))
IO.inspect(Enum.map(1..3, fn i -> Enum.map(1..3, fn j -> i * j end) end))
