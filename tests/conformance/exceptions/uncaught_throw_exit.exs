# An uncaught throw in the script ends it with status 1.
IO.puts("start")

defmodule Thrower do
  def go(n) when n > 2, do: throw({:too_big, n})
  def go(n), do: IO.puts("ok #{n}")
end

Thrower.go(1)
Thrower.go(2)
Thrower.go(3)
IO.puts("never printed")
