defmodule Counter do
  defstruct count: 0, name: "c"

  def new(name), do: %__MODULE__{name: name}
  def inc(%__MODULE__{count: c} = s), do: %__MODULE__{s | count: c + 1}
  def name(%__MODULE__{name: n}), do: n
  def is_counter?(%__MODULE__{}), do: true
  def is_counter?(_), do: false

  defmodule Inner do
    defstruct [:v]
    def make(v), do: %__MODULE__{v: v}
    def outer, do: %Counter{}
  end
end

c = Counter.new("x") |> Counter.inc() |> Counter.inc()
IO.inspect(c)
IO.inspect(Counter.name(c))
IO.inspect(Counter.is_counter?(c))
IO.inspect(Counter.is_counter?(%{count: 1}))
IO.inspect(Counter.Inner.make(3))
IO.inspect(Counter.Inner.outer())
