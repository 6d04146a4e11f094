# A guard expression that raises makes the clause not match (it is false).
defmodule FG do
  def first_is_one(x) when hd(x) == 1, do: :starts_with_one
  def first_is_one(_), do: :no

  def long(x) when length(x) > 2, do: :long
  def long(_), do: :not_a_long_list

  def big_elem(t) when elem(t, 1) > 10, do: :big
  def big_elem(_), do: :no

  def half(x) when div(x, 2) > 1, do: :half_big
  def half(_), do: :no

  def size_check(m) when map_size(m) > 0 or is_list(m), do: :map_or_list
  def size_check(_), do: :no

  def tricky(x) when is_integer(x) or hd(x) == :a, do: :yes
  def tricky(_), do: :no
end

IO.inspect(FG.first_is_one([1, 2]))
IO.inspect(FG.first_is_one([]))
IO.inspect(FG.first_is_one(:atom))
IO.inspect(FG.long([1, 2, 3]))
IO.inspect(FG.long(:not_a_list))
IO.inspect(FG.long([1 | 2]))
IO.inspect(FG.big_elem({0, 11}))
IO.inspect(FG.big_elem({0}))
IO.inspect(FG.big_elem(:x))
IO.inspect(FG.half(10))
IO.inspect(FG.half("ten"))
IO.inspect(FG.size_check(%{a: 1}))
IO.inspect(FG.size_check([]))
IO.inspect(FG.size_check(:x))
IO.inspect(FG.tricky(1))
IO.inspect(FG.tricky([:a]))
IO.inspect(FG.tricky(:atom))

f = fn
  x when tl(x) == [] -> :singleton
  _ -> :other
end

IO.inspect({f.([1]), f.([1, 2]), f.(5)})
