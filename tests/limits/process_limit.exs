# Spawning more processes than the process limit (262,144 by default, `+P`) raises
# SystemLimitError in the spawning process.
defmodule Limit do
  def spawn_waiters(0, acc), do: acc

  def spawn_waiters(k, acc) do
    pid = spawn(fn -> receive do: (:never -> :ok) end)
    spawn_waiters(k - 1, [pid | acc])
  end
end

IO.puts("start")
Limit.spawn_waiters(300_000, [])
IO.puts("not reached")
