# The stack trace of a function_clause error points at the function's first clause, as
# on the BEAM, wherever the clauses are.
defmodule Shapes do
  def area({:square, s}), do: s * s

  def area({:rect, w, h}) do
    w * h
  end

  def area({:circle, r}) when is_number(r) do
    3 * r * r
  end

  def pub(x), do: priv(x)

  defp priv(1), do: :one

  defp priv(2) do
    :two
  end

  def defaults(a, b \\ 1)
  def defaults(a, b) when is_integer(a), do: a + b
end

show = fn f ->
  try do
    f.()
  rescue
    e in FunctionClauseError ->
      [{m, fun, args, loc} | _] = __STACKTRACE__
      IO.inspect({e.function, e.arity, m, fun, args, Keyword.get(loc, :line)})
  end
end

show.(fn -> Shapes.area({:triangle, 1}) end)
show.(fn -> Shapes.area({:circle, :big}) end)
show.(fn -> Shapes.pub(3) end)
show.(fn -> Shapes.defaults(:x) end)

multi = fn
  1 -> :one
  2 ->
    :two
end

show.(fn -> multi.(3) end)
