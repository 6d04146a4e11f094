# Powers of two and ten by Integer.pow, ** and by hand.
defmodule P do
  def pow(_b, 0), do: 1
  def pow(b, e) when rem(e, 2) == 0, do: pow(b * b, div(e, 2))
  def pow(b, e), do: b * pow(b, e - 1)
end

IO.puts(Integer.pow(2, 200))
IO.puts(2 ** 200)
IO.puts(P.pow(2, 200))
IO.inspect(Integer.pow(2, 200) == P.pow(2, 200))
IO.puts(P.pow(10, 40))
IO.puts(P.pow(3, 100))
IO.puts(P.pow(-3, 41))
IO.puts(2 ** 59)
IO.puts(2 ** 60)
IO.puts(2 ** 63)
IO.puts(2 ** 64)
IO.puts(2 ** 64 - 1)
IO.puts(Integer.pow(7, 77))
