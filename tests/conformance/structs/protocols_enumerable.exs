# A user Enumerable and Collectable: Enum, for, into, and direct protocol calls.
defmodule Bag do
  defstruct items: []

  def new(items), do: %Bag{items: items}
end

defimpl Enumerable, for: Bag do
  def reduce(%Bag{items: items}, acc, fun), do: Enumerable.List.reduce(items, acc, fun)
  def count(%Bag{items: items}), do: {:ok, length(items)}
  def member?(%Bag{items: items}, x), do: {:ok, x in items}
  def slice(_bag), do: {:error, __MODULE__}
end

defimpl Collectable, for: Bag do
  def into(%Bag{items: items}) do
    collector = fn
      acc, {:cont, x} -> [x | acc]
      acc, :done -> %Bag{items: items ++ Enum.reverse(acc)}
      _acc, :halt -> :ok
    end

    {[], collector}
  end
end

# Counts down from n without storing anything: reduce with halt and suspend support.
defmodule Countdown do
  defstruct from: 3
end

defimpl Enumerable, for: Countdown do
  def reduce(_c, {:halt, acc}, _fun), do: {:halted, acc}
  def reduce(c, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(c, &1, fun)}
  def reduce(%Countdown{from: 0}, {:cont, acc}, _fun), do: {:done, acc}
  def reduce(%Countdown{from: n}, {:cont, acc}, fun), do: reduce(%Countdown{from: n - 1}, fun.(n, acc), fun)
  def count(_c), do: {:error, __MODULE__}
  def member?(_c, _x), do: {:error, __MODULE__}
  def slice(_c), do: {:error, __MODULE__}
end

defmodule Plain do
  defstruct a: 1
end

defmodule Main do
  def run do
    bag = Bag.new([3, 1, 2])
    IO.inspect(Enum.map(bag, &(&1 * 10)))
    IO.inspect(Enum.sort(bag))
    IO.inspect(Enum.count(bag))
    IO.inspect(Enum.member?(bag, 2))
    IO.inspect(Enum.member?(bag, 5))
    IO.inspect(Enum.sum(bag))
    IO.inspect(Enum.to_list(bag))
    IO.inspect(Enum.take(bag, 2))
    IO.inspect(Enum.find(bag, &(&1 < 3)))
    IO.inspect(Enum.reduce(bag, 0, &+/2))
    IO.inspect(Enum.zip(bag, [:a, :b, :c]))
    IO.inspect(for x <- bag, x > 1, do: x * x)
    IO.inspect(Enum.into([4, 5], bag))
    IO.inspect(for x <- [7, 8], into: Bag.new([]), do: x)
    IO.inspect(Enum.into(bag, []))
    IO.inspect(Enum.into(bag, MapSet.new([9])))
    IO.inspect(Enumerable.count(bag))
    IO.inspect(Enumerable.reduce([1, 2, 3], {:cont, 0}, fn x, acc -> {:cont, x + acc} end))
    IO.inspect(Enumerable.reduce([1, 2, 3], {:cont, []}, fn x, acc -> if x == 2, do: {:halt, acc}, else: {:cont, [x | acc]} end))
    IO.inspect(Enumerable.member?(%{a: 1}, {:a, 1}))
    IO.inspect(Enumerable.count(1..10))
    IO.inspect(Enumerable.impl_for(bag))
    IO.inspect(Enumerable.impl_for([]))
    IO.inspect(Enumerable.impl_for(%{}))
    IO.inspect(Enumerable.impl_for(1..2))
    IO.inspect(Enumerable.impl_for(:atom))
    IO.inspect(Collectable.impl_for([]))
    cd = %Countdown{from: 5}
    IO.inspect(Enum.to_list(cd))
    IO.inspect(Enum.take(cd, 2))
    IO.inspect(Enum.count(cd))
    IO.inspect(Enum.member?(cd, 3))
    IO.inspect(Enum.zip(cd, bag))
    IO.inspect(Enum.take_while(cd, &(&1 > 2)))
    IO.inspect(Enum.at(cd, 1))
    IO.inspect(Enum.with_index(cd))

    try do
      Enum.map(:not_enumerable, & &1)
    rescue
      e -> IO.puts(Exception.message(e))
    end

    try do
      Enum.into([1], :nope)
    rescue
      e -> IO.puts(Exception.message(e))
    end

    try do
      Enum.count(%Plain{})
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
