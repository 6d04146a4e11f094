# The update syntax and Map.put.
m = %{a: 1, b: 2}
IO.inspect(%{m | a: 10})
IO.inspect(%{m | a: 10, b: 20})
IO.inspect(%{m | :b => :bee})
IO.inspect(Map.put(m, :c, 3))
IO.inspect(Map.put(m, :a, :replaced))
IO.inspect(m)
s = %{"k" => 1}
IO.inspect(%{s | "k" => 2})
IO.inspect(Map.delete(m, :a))
IO.inspect(Map.merge(m, %{b: :merged, z: 26}))
IO.inspect(Map.update(m, :a, 0, fn v -> v + 100 end))
IO.inspect(Map.update(m, :new, 0, fn v -> v + 100 end))

try do
  %{m | missing: 1}
rescue
  e in KeyError -> IO.puts("KeyError: " <> Exception.message(e))
end
