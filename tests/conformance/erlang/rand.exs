# :rand.uniform/0,1 checked by range only.
IO.inspect(:rand.uniform(10) in 1..10)
IO.inspect(is_float(:rand.uniform()))
r = Enum.map(1..100, fn _ -> :rand.uniform(3) end)
IO.inspect(Enum.all?(r, &(&1 in 1..3)))
f = :rand.uniform()
IO.inspect(f >= 0.0 and f < 1.0)
