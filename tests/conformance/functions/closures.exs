# Closures capture the values of variables when they are created.
x = 10
add_x = fn y -> x + y end
x = 100
IO.inspect(add_x.(1))
IO.inspect(x)

make_counter = fn start -> fn step -> start + step end end
from5 = make_counter.(5)
IO.inspect(from5.(1))
IO.inspect(from5.(10))

make_adders = fn n ->
  for i <- 1..n, do: fn x -> x + i end
end

adders = make_adders.(3)
IO.inspect(for f <- adders, do: f.(1000))

defmodule Curry do
  def curry3(f), do: fn a -> fn b -> fn c -> f.(a, b, c) end end end
end

vol = Curry.curry3(fn a, b, c -> a * b * c end)
IO.inspect(vol.(2).(3).(4))

prefix = "pre"
tag = fn s -> prefix <> "-" <> s end
IO.puts(tag.("fix"))
big = Enum.to_list(1..5)
summer = fn -> length(big) + hd(big) end
IO.inspect(summer.())
