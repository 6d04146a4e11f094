# Modules named by plain atoms, as Erlang-style libraries are.
defmodule :my_lib do
  def hello(name), do: "hello #{name} from #{inspect(__MODULE__)}"
  def twice(x), do: helper(x) * 2
  defp helper(x), do: x + 0

  defmodule Inner do
    def where, do: __MODULE__
  end
end

defmodule Caller do
  def go, do: :my_lib.twice(21)
end

IO.puts(:my_lib.hello("world"))
IO.puts(Caller.go())
IO.inspect(:"Elixir.my_lib.Inner".where())
IO.inspect(function_exported?(:my_lib, :twice, 1))
IO.inspect(Enum.map([1, 2], &:my_lib.twice/1))
try do
  :my_lib.nope()
rescue
  e -> IO.puts(Exception.message(e))
end
