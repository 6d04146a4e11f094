# Errors raised by Map functions: KeyError and BadMapError messages.
defmodule T do
  def run(f) do
    try do
      IO.inspect(f.())
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

m = %{a: 1, b: 2}
T.run(fn -> Map.fetch!(m, :z) end)
T.run(fn -> Map.fetch!(%{"k" => 1}, "z") end)
T.run(fn -> Map.update!(m, :z, & &1) end)
T.run(fn -> Map.replace!(m, :z, 1) end)
T.run(fn -> Map.get(:not_map, :a) end)
T.run(fn -> Map.put([], :a, 1) end)
T.run(fn -> Map.keys(nil) end)
T.run(fn -> Map.merge(%{}, 1) end)
T.run(fn -> Map.fetch!(%{}, {1, 2}) end)
T.run(fn -> Map.new([1, 2]) end)
T.run(fn -> Map.from_struct(%{a: 1}) end)
T.run(fn -> Map.to_list(m) end)
