# User Inspect and String.Chars implementations, nested in other terms.
defmodule Money do
  defstruct cents: 0, currency: :usd
end

defimpl Inspect, for: Money do
  import Inspect.Algebra

  def inspect(%Money{cents: c, currency: cur}, opts) do
    concat(["#Money<", to_doc(c, opts), " ", Atom.to_string(cur), ">"])
  end
end

defimpl String.Chars, for: Money do
  def to_string(%Money{cents: c}), do: "$#{div(c, 100)}.#{String.pad_leading(Integer.to_string(rem(c, 100)), 2, "0")}"
end

defmodule Point do
  defstruct x: 0, y: 0
end

defimpl Inspect, for: Point do
  def inspect(%Point{x: x, y: y}, _opts), do: "#Point<#{x},#{y}>"
end

defmodule Wallet do
  defstruct owner: "", money: nil
end

defmodule Tagged do
  defstruct [:tag, :items]
end

defimpl Inspect, for: Tagged do
  import Inspect.Algebra

  def inspect(%Tagged{tag: t, items: items}, opts) do
    container_doc("#Tagged<#{t}>[", items, "]", opts, fn i, o -> to_doc(i, o) end)
  end
end

defmodule Main do
  def run do
    m = %Money{cents: 1234}
    IO.inspect(m)
    IO.puts(inspect(m))
    IO.puts(m)
    IO.puts("total: #{m}")
    IO.puts(to_string(%Money{cents: 5}))
    IO.inspect([m, %Money{cents: 7, currency: :eur}])
    IO.inspect(%{price: m, at: %Point{x: 1, y: 2}})
    IO.inspect({:ok, %Point{x: -1, y: 0}})
    IO.inspect(%Wallet{owner: "ann", money: m})
    IO.inspect(%Tagged{tag: :t, items: [1, m, "s"]})
    IO.inspect(m, label: "money")
    IO.puts(inspect([m], structs: false))
    IO.inspect(Inspect.impl_for(m))
    IO.inspect(String.Chars.impl_for(m))
    IO.inspect(String.Chars.impl_for(1))
    IO.inspect(String.Chars.impl_for({}))
    IO.inspect(Enum.map([m, %Money{cents: 99}], &to_string/1))
    IO.inspect(Enum.join([m, %Money{cents: 1}], ", "))
    IO.puts(Enum.map_join([%Point{x: 1, y: 1}], ",", &inspect/1))
    long = Enum.map(1..30, fn i -> %Point{x: i, y: i} end)
    IO.inspect(long)

    try do
      to_string(%Point{})
    rescue
      e -> IO.puts(Exception.message(e))
    end

    try do
      "#{%Wallet{}}"
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
