# A recursion that never ends: the stack limit stops it with an error, not a crash.
defmodule Runaway do
  def down(n), do: 1 + down(n + 1)
end

IO.puts("start")
Runaway.down(0)
