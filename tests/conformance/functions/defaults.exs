# Default arguments, with a function head when there are several clauses.
defmodule D do
  def greet(name, greeting \\ "Hello", punct \\ "!") do
    "#{greeting}, #{name}#{punct}"
  end

  def join(list, sep \\ ", ")
  def join([], _sep), do: ""
  def join([x], _sep), do: to_string(x)
  def join([x | rest], sep), do: to_string(x) <> sep <> join(rest, sep)

  def point(x \\ 0, y), do: {x, y}

  def counter(start \\ 10), do: start + 1
end

IO.puts(D.greet("Ada"))
IO.puts(D.greet("Ada", "Hi"))
IO.puts(D.greet("Ada", "Hi", "?"))
IO.puts(D.join([1, 2, 3]))
IO.puts(D.join([:a, :b], " | "))
IO.inspect(D.join([]))
IO.inspect(D.point(5))
IO.inspect(D.point(1, 2))
IO.inspect(D.counter())
IO.inspect(D.counter(1))
f = &D.greet/1
IO.puts(f.("via capture"))
g = &D.greet/3
IO.puts(g.("x", "y", "z"))
