# for with into:, uniq: and reduce:.
IO.inspect(for x <- 1..5, into: %{}, do: {x, x * x})
IO.inspect(for {k, v} <- [a: 1, b: 2], into: %{z: 0}, do: {k, v * 10})
IO.inspect(for c <- ["a", "b", "c"], into: "", do: String.upcase(c))
IO.inspect(for x <- 1..3, into: "nums:", do: " #{x}")
IO.inspect(for x <- [1, 1, 2, 3, 3, 3, 2], uniq: true, do: x)
IO.inspect(for x <- [1, -1, 2, -2], uniq: true, do: abs(x))
IO.inspect(for x <- 1..10, reduce: 0 do
  acc -> acc + x
end)

counts =
  for w <- ~w(a b a c b a), reduce: %{} do
    acc -> Map.update(acc, w, 1, &(&1 + 1))
  end

IO.inspect(counts)

{evens, odds} =
  for x <- 1..9, reduce: {[], []} do
    {e, o} when rem(x, 2) == 0 -> {[x | e], o}
    {e, o} -> {e, [x | o]}
  end

IO.inspect({evens, odds})
IO.inspect(for x <- 1..3, y <- 1..3, x < y, into: [], do: x * y)
