# Enum.max/min/max_by/min_by/min_max/min_max_by with sorters, defaults and the empty error.
IO.inspect(Enum.max([3, 1, 4, 1, 5]))
IO.inspect(Enum.min([3, 1, 4, 1, 5]))
IO.inspect(Enum.max([1, 2.0, 2]))
IO.inspect(Enum.max([2, 2.0]))
IO.inspect(Enum.min([2.0, 2]))
IO.inspect(Enum.max([:a, 1, "s", {1}, [1]]))
IO.inspect(Enum.min([:a, 1, "s", {1}, [1]]))
IO.inspect(Enum.max(1..100))
IO.inspect(Enum.min(-5..5))
IO.inspect(Enum.max([], fn -> :empty end))
IO.inspect(Enum.min([], fn -> nil end))
IO.inspect(Enum.max(["apple", "Banana", "cherry"]))
IO.inspect(Enum.max_by(~w(aa b cccc ddd), &String.length/1))
IO.inspect(Enum.min_by(~w(aa b cccc ddd e), &String.length/1))
IO.inspect(Enum.max_by(~w(aa bb c), &String.length/1))
IO.inspect(Enum.max_by([], & &1, fn -> :none end))
IO.inspect(Enum.min_by([{1, :a}, {0, :b}, {0, :c}], &elem(&1, 0)))
IO.inspect(Enum.max_by(%{a: 3, b: 7, c: 5}, fn {_k, v} -> v end))
IO.inspect(Enum.min_max([5, 2, 9, -1]))
IO.inspect(Enum.min_max([7]))
IO.inspect(Enum.min_max([], fn -> {nil, nil} end))
IO.inspect(Enum.min_max_by(~w(ccc a bb), &String.length/1))
IO.inspect(Enum.max([1, 5, 3], &>=/2))
IO.inspect(Enum.max([1, 5, 3], &<=/2))
IO.inspect(Enum.max([100000000000000000000, 1.0e20]))
IO.inspect(Enum.min([-100000000000000000000, -1]))

try do
  Enum.max([])
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Enum.min_by([], & &1)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Enum.min_max([])
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
