# Enum.chunk_every/2,3,4, chunk_by, chunk_while, split_while, split_with-like partitions.
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5, 6], 2))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 2))
IO.inspect(Enum.chunk_every([], 3))
IO.inspect(Enum.chunk_every([1, 2, 3], 10))
IO.inspect(Enum.chunk_every(1..10, 3, 2))
IO.inspect(Enum.chunk_every(1..10, 3, 3, :discard))
IO.inspect(Enum.chunk_every(1..10, 3, 3, [:a, :b]))
IO.inspect(Enum.chunk_every(1..5, 2, 1))
IO.inspect(Enum.chunk_every(1..5, 2, 1, :discard))
IO.inspect(Enum.chunk_every(1..6, 1, 3))
IO.inspect(Enum.chunk_every(%{a: 1, b: 2, c: 3}, 2))
IO.inspect(Enum.chunk_every("abc" |> String.graphemes(), 2))
IO.inspect(Enum.chunk_by([1, 1, 2, 2, 2, 3, 1, 1], & &1))
IO.inspect(Enum.chunk_by([1, 3, 2, 4, 5, 7, 6], &(rem(&1, 2) == 0)))
IO.inspect(Enum.chunk_by([], & &1))
IO.inspect(Enum.chunk_by(~w(apple avocado banana blueberry cherry), &String.first/1))

chunk_fun = fn element, acc ->
  if rem(element, 2) == 0 do
    {:cont, Enum.reverse([element | acc]), []}
  else
    {:cont, [element | acc]}
  end
end

after_fun = fn
  [] -> {:cont, []}
  acc -> {:cont, Enum.reverse(acc), []}
end

IO.inspect(Enum.chunk_while(1..10, [], chunk_fun, after_fun))
IO.inspect(Enum.chunk_while([1, 3, 5, 7], [], chunk_fun, after_fun))
IO.inspect(Enum.chunk_while([], [], chunk_fun, after_fun))

sum_to = fn x, acc ->
  if acc + x > 10, do: {:cont, acc, x}, else: {:cont, acc + x}
end

IO.inspect(Enum.chunk_while([4, 5, 6, 2, 9, 1, 1], 0, sum_to, fn acc -> {:cont, acc, 0} end))
IO.inspect(Enum.split_while([1, 2, 3, 4, 1], &(&1 < 3)))
IO.inspect(Enum.split_while([], &(&1 < 3)))
IO.inspect(Enum.split_while([5, 6], &(&1 < 3)))
IO.inspect(Enum.split_while(1..4, &(&1 < 10)))

try do
  Enum.chunk_every([1, 2], 0)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
