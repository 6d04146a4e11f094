# __MODULE__, nested modules and their names.
defmodule Outer do
  def name, do: __MODULE__

  defmodule Inner do
    def name, do: __MODULE__
    def parent, do: Outer.name()
  end

  def inner_name, do: Inner.name()
end

defmodule Outer.Sibling do
  def hello, do: "sibling of #{inspect(Outer.Inner)}"
end

IO.inspect(Outer.name())
IO.inspect(Outer.Inner.name())
IO.inspect(Outer.Inner.parent())
IO.inspect(Outer.inner_name())
IO.puts(Outer.Sibling.hello())
IO.puts(Outer.Inner)
IO.inspect(__MODULE__)
IO.inspect(Module.split(Outer.Inner))
IO.inspect(is_atom(Outer))
