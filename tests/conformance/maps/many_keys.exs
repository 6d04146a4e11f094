# Maps with more than 32 keys: check sizes and lookups, not print order.
big = for i <- 1..100, into: %{}, do: {i, i * i}
IO.inspect(map_size(big))
IO.inspect(big[50])
IO.inspect(Map.get(big, 101))
IO.inspect(Enum.sum(Map.values(big)))
IO.inspect(Enum.sort(Map.keys(big)) == Enum.to_list(1..100))
big2 = Map.put(big, 1, :one)
IO.inspect({big2[1], big[1]})
small = for i <- 1..32, into: %{}, do: {i, i}
IO.inspect(small)
atoms = for i <- 1..40, into: %{}, do: {String.to_atom("k#{i}"), i}
IO.inspect(map_size(atoms))
IO.inspect(atoms.k33)
IO.inspect(Map.delete(atoms, :k1) |> map_size())
