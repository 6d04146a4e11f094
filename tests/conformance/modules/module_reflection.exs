defmodule Reflect.Plain do
  def a(x), do: x
  def b, do: 1
  def b(x, y), do: x + y
  defp hidden, do: 2
  def uses_hidden, do: hidden()
end

defmodule Reflect.Point do
  defstruct [:x, y: 0]
  def new(x), do: %__MODULE__{x: x}
end

IO.inspect(Reflect.Plain.__info__(:functions))
IO.inspect(Reflect.Plain.__info__(:module))
IO.inspect(Reflect.Plain.__info__(:macros))
IO.inspect(Reflect.Point.__info__(:functions))
IO.inspect(Reflect.Point.__info__(:struct))
IO.inspect(Reflect.Plain.__info__(:struct))
IO.inspect(Reflect.Plain.module_info(:module))
IO.inspect(Reflect.Plain.module_info(:exports) |> Enum.sort())
IO.inspect(Keyword.keys(Reflect.Plain.module_info()) |> Enum.take(2))
IO.inspect(function_exported?(Reflect.Plain, :__info__, 1))
IO.inspect(function_exported?(Reflect.Plain, :module_info, 0))
IO.inspect(Enum.__info__(:module))
IO.inspect(Map.__info__(:functions) |> Keyword.has_key?(:get))
for {name, arity} <- Reflect.Plain.__info__(:functions), name == :b, do: IO.inspect({name, arity})
try do
  Reflect.Plain.__info__(:nonsense)
rescue
  e -> IO.inspect(e.__struct__)
end
