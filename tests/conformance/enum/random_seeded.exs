# Enum's randomness goes through :rand: with a seed it picks what Elixir picks.
:rand.seed(:exsss, 2024)
IO.inspect(Enum.random([:a, :b, :c, :d, :e]))
IO.inspect(Enum.random([:only]))
IO.inspect(Enum.random(1..100))
IO.inspect(Enum.random(10..1//-3))
IO.inspect(Enum.random(%{a: 1, b: 2, c: 3}))
IO.inspect(Enum.random(MapSet.new([5, 6, 7])))
IO.inspect(Enum.random(Stream.map(1..10, &(&1 * 2))))
IO.inspect(Enum.shuffle(1..10))
IO.inspect(Enum.shuffle([:x, :y, :z]))
IO.inspect(Enum.take_random(1..20, 5))
IO.inspect(Enum.take_random([1, 2, 3], 1))
IO.inspect(Enum.take_random(1..5, 1))
IO.inspect(Enum.take_random(1..5, 10))
IO.inspect(Enum.take_random(1..300, 130) |> Enum.take(5))
IO.inspect(for _ <- 1..5, do: Enum.random(1..6))
try do
  Enum.random([])
rescue
  e -> IO.inspect(e)
end
try do
  Enum.random(%{})
rescue
  e -> IO.inspect(e)
end
