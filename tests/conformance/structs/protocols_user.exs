# User protocols: dispatch on every built-in type, structs, Any fallback, defimpl inside
# a module, @for and @protocol, several types at once, and the errors.
defprotocol Describe do
  @doc "Describes a value"
  def describe(value)
  def combine(value, other)
end

defimpl Describe, for: [Integer, Float] do
  def describe(n), do: "number #{n} (impl for #{inspect(@for)})"
  def combine(n, other), do: n + other
end

defimpl Describe, for: Atom do
  def describe(nil), do: raise(Protocol.UndefinedError, protocol: Describe, value: nil, description: "nil is not describable")
  def describe(a), do: "atom #{a}"
  def combine(a, other), do: {a, other}
end

defimpl Describe, for: BitString do
  def describe(s), do: "string of #{byte_size(s)} bytes"
  def combine(s, other), do: s <> other
end

defimpl Describe, for: List do
  def describe(l), do: "list of #{length(l)}"
  def combine(l, other), do: l ++ other
end

defimpl Describe, for: Tuple do
  def describe(t), do: "tuple of #{tuple_size(t)}"
  def combine(t, other), do: Tuple.append(t, other)
end

defimpl Describe, for: Map do
  def describe(m), do: "map of #{map_size(m)}"
  def combine(m, other), do: Map.merge(m, other)
end

defimpl Describe, for: Function do
  def describe(f), do: "function of arity #{elem(:erlang.fun_info(f, :arity), 1)}"
  def combine(f, x), do: f.(x)
end

defmodule Shape.Circle do
  defstruct r: 1

  defimpl Describe do
    def describe(%{r: r}), do: "circle r=#{r} via #{inspect(@protocol)} for #{inspect(@for)}"
    def combine(c, k), do: %{c | r: c.r * k}
  end
end

defprotocol Size do
  @fallback_to_any true
  def size(x)
end

defimpl Size, for: Any do
  def size(_), do: :unknown
end

defimpl Size, for: List do
  def size(l), do: length(l)
end

defmodule Outer do
  defprotocol Inner do
    def hello(x)
  end

  defimpl Inner, for: Atom do
    def hello(a), do: "hello #{a}"
  end

  def go, do: Inner.hello(:world)
end

defmodule Main do
  def run do
    for v <- [1, 2.5, :a, "hey", [1, 2], {1, 2, 3}, %{a: 1}, fn x -> x end, %Shape.Circle{r: 2}] do
      IO.puts(Describe.describe(v))
    end

    IO.inspect(Describe.combine(1, 2))
    IO.inspect(Describe.combine(:a, :b))
    IO.inspect(Describe.combine("a", "b"))
    IO.inspect(Describe.combine([1], [2]))
    IO.inspect(Describe.combine({1}, 2))
    IO.inspect(Describe.combine(%{a: 1}, %{b: 2}))
    IO.inspect(Describe.combine(fn x -> x * 3 end, 5))
    IO.inspect(Describe.combine(%Shape.Circle{r: 2}, 3))
    IO.inspect(Describe.impl_for(1))
    IO.inspect(Describe.impl_for(%Shape.Circle{}))
    IO.inspect(Describe.__protocol__(:functions))
    IO.inspect(Describe.__protocol__(:module))
    IO.inspect(Describe.Integer.__impl__(:for))
    IO.inspect(Describe.Integer.__impl__(:protocol))
    IO.inspect(Describe.Shape.Circle.__impl__(:for))
    IO.inspect(Size.size([1, 2, 3]))
    IO.inspect(Size.size(%Shape.Circle{}))
    IO.inspect(Size.size(7))
    IO.inspect(Size.impl_for(7))
    IO.puts(Outer.go())
    IO.inspect(Outer.Inner.hello(:x))

    try do
      Describe.describe(nil)
    rescue
      e -> IO.puts(Exception.message(e))
    end

    try do
      Outer.Inner.hello("no")
    rescue
      e in Protocol.UndefinedError -> IO.puts("#{inspect(e.protocol)}: #{inspect(e.value)}")
    end
  end
end

Main.run()
