# The match operator: binding, destructuring, rebinding, underscore.
x = 1
IO.inspect(x)
x = x + 1
IO.inspect(x)
{a, b} = {:left, :right}
IO.inspect({b, a})
[first, second | rest] = [1, 2, 3, 4, 5]
IO.inspect({first, second, rest})
{_, keep, _} = {:skip, :keep, :skip}
IO.inspect(keep)
{c, c} = {7, 7}
IO.inspect(c)
result = {:ok, value} = {:ok, 99}
IO.inspect(result)
IO.inspect(value)
a = b = 5
IO.inspect(a + b)
%{name: name} = %{name: "Ada", age: 36}
IO.puts(name)
[h | _] = ~c"xyz"
IO.inspect(h)
_ignored = :whatever
IO.puts("done")
