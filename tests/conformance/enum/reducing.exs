# Enum.reduce_while, map_reduce, scan/2,3, flat_map_reduce, reduce/2 on empty.
IO.inspect(Enum.reduce_while(1..100, 0, fn x, acc ->
  if acc + x > 20, do: {:halt, acc}, else: {:cont, acc + x}
end))
IO.inspect(Enum.reduce_while([], :init, fn _, acc -> {:cont, acc} end))
IO.inspect(Enum.reduce_while([1, 2, 3], [], fn x, acc -> {:cont, [x | acc]} end))
IO.inspect(Enum.reduce_while([1, 2, 3], 0, fn x, _ -> {:halt, x * 10} end))
IO.inspect(Enum.map_reduce([1, 2, 3], 0, fn x, acc -> {x * 2, acc + x} end))
IO.inspect(Enum.map_reduce([], 0, fn x, acc -> {x, acc} end))
IO.inspect(Enum.map_reduce(%{a: 1, b: 2}, [], fn {k, v}, acc -> {v, [k | acc]} end))
IO.inspect(Enum.scan(1..5, &+/2))
IO.inspect(Enum.scan(1..5, 10, &+/2))
IO.inspect(Enum.scan([], &+/2))
IO.inspect(Enum.scan([3, 1, 4, 1, 5], &max/2))
IO.inspect(Enum.flat_map_reduce([1, 2, 3], 0, fn x, acc -> {[x, x], acc + x} end))
IO.inspect(Enum.flat_map_reduce(1..10, 0, fn x, acc ->
  if acc > 5, do: {:halt, acc}, else: {[x * 10], acc + x}
end))
IO.inspect(Enum.reduce([5], fn x, acc -> x + acc end))
IO.inspect(Enum.reduce(1..4, fn x, acc -> acc - x end))
IO.inspect(Enum.reduce(%{}, 0, fn _, acc -> acc + 1 end))
IO.inspect(Enum.reduce([1, 2, 3], [], &[&1 * &1 | &2]))
IO.inspect(Enum.flat_map([[1, [2]], [3]], & &1))
IO.inspect(Enum.flat_map([], &[&1]))
IO.inspect(Enum.flat_map(1..3, &List.duplicate(&1, &1)))

try do
  Enum.reduce([], fn x, acc -> x + acc end)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
