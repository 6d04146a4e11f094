# Clause selection: the compiled decision tree must pick exactly the clause Elixir picks.
defmodule Dispatch do
  # Constants of every kind in one column, with guards falling through to later rows.
  def kind(:a), do: "atom a"
  def kind(1), do: "int 1"
  def kind(1.0), do: "float 1.0"
  def kind(x) when is_integer(x) and x > 100, do: "big int"
  def kind(2), do: "int 2"
  def kind("s"), do: "binary s"
  def kind(nil), do: "nil"
  def kind(true), do: "true"
  def kind([]), do: "empty list"
  def kind(123_456_789_012_345_678_901_234_567_890), do: "bignum"
  def kind(-0.0), do: "zero float"
  def kind({}), do: "empty tuple"
  def kind({:ok, v}) when is_integer(v), do: "ok int #{v}"
  def kind({:ok, v}), do: "ok other #{inspect(v)}"
  def kind({:error, _} = e), do: "error #{inspect(e)}"
  def kind({a, b, c}), do: "triple #{a + b + c}"
  def kind([h | t]) when is_atom(h), do: "list of atom head, #{length(t)} more"
  def kind([[x] | _]), do: "nested #{x}"
  def kind(%{k: v}), do: "map with k=#{v}"
  def kind(%{}), do: "other map"
  def kind(<<1, rest::binary>>), do: "bin starting with 1, #{byte_size(rest)} more"
  def kind(other), do: "other #{inspect(other)}"

  # Two columns: a variable first, constructors second; rows after a group.
  def two(_, :x), do: 1
  def two(0, :y), do: 2
  def two(n, :y) when n > 5, do: 3
  def two(n, {:t, n}), do: 4
  def two(n, {:t, m}) when m > n, do: 5
  def two(_, {:t, _}), do: 6
  def two(a, a), do: 7
  def two(_, _), do: 8

  # Pins and repeated variables checked after the structure.
  def same({x, x}), do: :same
  def same({x, [x | _]}), do: :head_same
  def same(_), do: :different

  def pinned(v, list) do
    case list do
      [^v | _] -> :first
      [_, ^v | _] -> :second
      [_, _ | _] -> :later_or_none
      [_] -> :single
      [] -> :empty
    end
  end
end

values = [
  :a, 1, 1.0, 500, 2, 3, "s", "t", nil, true, false, [], 123_456_789_012_345_678_901_234_567_890,
  0.0, -0.0, {}, {:ok, 5}, {:ok, :five}, {:error, :bad}, {1, 2, 3}, {:x, :y, :z, :w},
  [:h, 1, 2], [[7], 8], [1], %{k: 9}, %{j: 1}, <<1, 2, 3>>, <<2>>, 'ab'
]

for v <- values do
  IO.puts("#{inspect(v)} -> " <> (try do Dispatch.kind(v) rescue e -> Exception.message(e) end))
end

for {a, b} <- [{1, :x}, {0, :y}, {9, :y}, {3, :y}, {3, {:t, 3}}, {3, {:t, 5}}, {3, {:t, 1}},
               {:q, :q}, {1, 2}, {1, {:u, 1}}] do
  IO.puts("two(#{inspect(a)}, #{inspect(b)}) = #{Dispatch.two(a, b)}")
end

for v <- [{1, 1}, {1, 1.0}, {2, [2, 3]}, {2, [3]}, :x] do
  IO.puts("same(#{inspect(v)}) = #{Dispatch.same(v)}")
end

for l <- [[1, 2], [2, 1], [3, 4, 5], [1], [9], []] do
  IO.puts("pinned(1, #{inspect(l)}) = #{Dispatch.pinned(1, l)}")
end

# case on messages-like tuples, with and without a catch-all
classify = fn
  {:add, a, b} -> a + b
  {:neg, a} -> -a
  {:mul, a, b} when is_number(a) -> a * b
  {:mul, _, _} -> :not_a_number
  :reset -> 0
  {tag, _} when is_atom(tag) -> {:unknown, tag}
end

for m <- [{:add, 1, 2}, {:neg, 4}, {:mul, 3, 4}, {:mul, :x, 4}, :reset, {:other, 1}] do
  IO.inspect(classify.(m))
end

try do
  classify.({1, 2, 3, 4})
rescue
  e -> IO.puts(Exception.message(e))
end

# A many-way switch on atoms and integers.
defmodule Days do
  def num(:mon), do: 1
  def num(:tue), do: 2
  def num(:wed), do: 3
  def num(:thu), do: 4
  def num(:fri), do: 5
  def num(:sat), do: 6
  def num(:sun), do: 7

  def name(n) do
    case n do
      1 -> :mon
      2 -> :tue
      3 -> :wed
      4 -> :thu
      5 -> :fri
      6 -> :sat
      7 -> :sun
      _ -> :none
    end
  end
end

IO.inspect(Enum.map([:mon, :wed, :sun], &Days.num/1))
IO.inspect(Enum.map(0..8, &Days.name/1))
IO.inspect(Enum.map([:mon, :tue, :wed, :thu, :fri, :sat, :sun], fn d -> Days.name(Days.num(d)) == d end))

try do
  Days.num(:never)
rescue
  e -> IO.puts(Exception.message(e))
end
