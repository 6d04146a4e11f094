# [h | t] patterns in matches and function heads.
defmodule L do
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)

  def first_two([a, b | _]), do: {a, b}
  def first_two(_), do: :too_short

  def describe([]), do: "empty"
  def describe([_]), do: "one"
  def describe([_, _]), do: "two"
  def describe([_, _ | _]), do: "many"

  def pairs([a, b | rest]), do: [{a, b} | pairs(rest)]
  def pairs(_), do: []
end

IO.inspect(L.sum([1, 2, 3, 4]))
IO.inspect(L.first_two([:x, :y, :z]))
IO.inspect(L.first_two([:x]))
IO.inspect([L.describe([]), L.describe([1]), L.describe([1, 2]), L.describe([1, 2, 3])])
IO.inspect(L.pairs([1, 2, 3, 4, 5]))
[h | t] = [:only]
IO.inspect({h, t})
[a, [b, c]] = [1, [2, 3]]
IO.inspect(a + b + c)
[x, x] = [5, 5]
IO.inspect(x)
