# Enum.zip/1,2, zip_with/2,3, unzip, with_index with offset and function.
IO.inspect(Enum.zip([1, 2, 3], [:a, :b]))
IO.inspect(Enum.zip([], [:a]))
IO.inspect(Enum.zip(1..3, ~w(x y z)))
IO.inspect(Enum.zip([[1, 2, 3], [:a, :b, :c], ["x", "y"]]))
IO.inspect(Enum.zip([]))
IO.inspect(Enum.zip([1, 2], %{a: 1, b: 2}))
IO.inspect(Enum.zip_with([1, 2, 3], [10, 20, 30], &+/2))
IO.inspect(Enum.zip_with([1, 2], [10, 20, 30], fn a, b -> a * b end))
IO.inspect(Enum.zip_with([[1, 2], [3, 4], [5, 6]], &Enum.sum/1))
IO.inspect(Enum.zip_with([], fn x -> x end))
IO.inspect(Enum.unzip([{1, :a}, {2, :b}, {3, :c}]))
IO.inspect(Enum.unzip([]))
IO.inspect(Enum.unzip(%{a: 1, b: 2}))
IO.inspect(Enum.with_index([:a, :b, :c], 1))
IO.inspect(Enum.with_index([:a, :b, :c], -1))
IO.inspect(Enum.with_index([]))
IO.inspect(Enum.with_index(~w(x y), fn el, i -> "#{i}:#{el}" end))
IO.inspect(Enum.with_index(10..12))
IO.inspect(Enum.with_index(%{k: :v}))
IO.inspect(List.zip([[1, 2], [3, 4], [5]]))
IO.inspect(Enum.zip([1, 2, 3], [4, 5, 6]) |> Enum.map(fn {a, b} -> a * b end) |> Enum.sum())

try do
  Enum.unzip([{1, 2, 3}])
rescue
  e -> IO.puts(inspect(e.__struct__))
end
