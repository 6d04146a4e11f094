# Matching on tuples, tagged results.
defmodule Shape do
  def area({:square, s}), do: s * s
  def area({:rect, w, h}), do: w * h
  def area({:circle, r}), do: 3 * r * r
  def area(_), do: :unknown
end

IO.inspect(Shape.area({:square, 4}))
IO.inspect(Shape.area({:rect, 2, 5}))
IO.inspect(Shape.area({:circle, 2}))
IO.inspect(Shape.area({:triangle, 1, 2, 3}))

{a, {b, c}} = {1, {2, 3}}
IO.inspect([a, b, c])

parse = fn
  {:ok, value} -> "ok: #{value}"
  {:error, reason} when is_atom(reason) -> "error: #{reason}"
  {:error, reason} -> "error: #{inspect(reason)}"
end

IO.puts(parse.({:ok, 42}))
IO.puts(parse.({:error, :enoent}))
IO.puts(parse.({:error, {:bad, "thing"}}))

{x, x, y} = {1, 1, 2}
IO.inspect({x, y})
