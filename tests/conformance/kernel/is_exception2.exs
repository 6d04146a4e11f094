# is_exception/2 and is_struct/2 (guards with a module name).
e = %RuntimeError{message: "x"}
IO.inspect(is_exception(e, RuntimeError))
IO.inspect(is_exception(e, ArgumentError))
IO.inspect(is_struct(1..2, Range))
IO.inspect(is_struct(1..2, MapSet))

defmodule G do
  def kind(x) when is_exception(x, KeyError), do: :key_error
  def kind(x) when is_struct(x, Range), do: :range
  def kind(_), do: :other
end

IO.inspect(Enum.map([%KeyError{key: 1}, 1..3, :x], &G.kind/1))
