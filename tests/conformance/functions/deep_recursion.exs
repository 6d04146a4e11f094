# Non-tail recursion 1,000,000 frames deep: the stack grows as needed.
defmodule Deep do
  def len([]), do: 0
  def len([_ | t]), do: 1 + len(t)

  def build(0), do: []
  def build(n), do: [n | build(n - 1)]

  def sum(0), do: 0
  def sum(n), do: n + sum(n - 1)
end

l = Deep.build(1_000_000)
IO.inspect(hd(l))
IO.inspect(Deep.len(l))
IO.inspect(Deep.sum(1_000_000))
