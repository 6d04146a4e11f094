# for comprehensions: generators, multiple generators, filters, patterns.
IO.inspect(for x <- [1, 2, 3], do: x * x)
IO.inspect(for x <- 1..10, rem(x, 2) == 0, do: x)
IO.inspect(for x <- 1..3, y <- [:a, :b], do: {x, y})
IO.inspect(for x <- 1..4, y <- x..4, x + y == 5, do: {x, y})
IO.inspect(for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}, :junk], do: v)
IO.inspect(for {k, v} <- %{a: 1, b: 2}, do: {v, k})
IO.inspect(for x <- [1, 2, 3], y = x * 10, y > 10, do: y)
IO.inspect(for c <- 'abc', do: c - ?a)
IO.inspect(for x <- [], do: x)
IO.inspect(for x <- 1..3, is_integer(x), x > 1, do: x)
IO.inspect(for i <- 10..1//-3, do: i)
IO.inspect(for i <- 1..0//1, do: i)

pythagorean =
  for a <- 1..20, b <- a..20, c <- b..20, a * a + b * b == c * c, do: {a, b, c}

IO.inspect(pythagorean)
