# Enum.random, shuffle and take_random checked by their properties only (the values are random).
l = Enum.to_list(1..20)
IO.inspect(Enum.random(l) in l)
IO.inspect(Enum.random(1..6) in 1..6)
IO.inspect(Enum.random([:only]))
IO.inspect(Enum.sort(Enum.shuffle(l)) == l)
IO.inspect(length(Enum.shuffle(l)))
IO.inspect(Enum.shuffle([]))
IO.inspect(length(Enum.take_random(l, 5)))
IO.inspect(Enum.take_random(l, 0))
IO.inspect(Enum.sort(Enum.take_random(l, 100)) == l)
IO.inspect(Enum.take_random(l, 3) |> Enum.uniq() |> length())

try do
  Enum.random([])
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
