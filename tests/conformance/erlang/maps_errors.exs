# Errors from :maps BIFs: {:badkey, k, map} becomes a KeyError that shows the map; {:badmap, x} a BadMapError.
m = %{a: 1, b: 2}

for f <- [fn -> :maps.get(:z, m) end, fn -> :maps.update(:z, 1, m) end, fn -> :erlang.map_get(:z, m) end, fn -> :maps.get(:a, :notmap) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

try do
  :maps.get(:z, m)
rescue
  e in KeyError -> IO.inspect({e.key, e.term})
end
