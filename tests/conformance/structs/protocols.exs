# Structs with String.Chars and Inspect implementations, and a user protocol.
defmodule Money do
  defstruct cents: 0
end

defimpl String.Chars, for: Money do
  def to_string(%Money{cents: c}), do: "$#{div(c, 100)}.#{String.pad_leading(Integer.to_string(rem(c, 100)), 2, "0")}"
end

defimpl Inspect, for: Money do
  def inspect(%Money{cents: c}, _opts), do: "#Money<#{c}>"
end

defprotocol Area do
  def area(shape)
end

defmodule Sq do
  defstruct side: 1
end

defimpl Area, for: Sq do
  def area(%Sq{side: s}), do: s * s
end

defimpl Area, for: Map do
  def area(m), do: Map.get(m, :w, 0) * Map.get(m, :h, 0)
end

# Structs cannot be expanded in the file's top-level code that defines them,
# so the checks run inside a module defined after them.
defmodule Main do
  def run do
    m = %Money{cents: 1234}
    IO.puts(m)
    IO.puts("price: #{m}")
    IO.inspect(m)
    IO.inspect([m, %Money{cents: 5}])
    IO.inspect(Area.area(%Sq{side: 3}))
    IO.inspect(Area.area(%{w: 2, h: 5}))
  end
end

Main.run()
