# The script ends when the main process returns, even with other processes still
# running: an idle receive loop, two busy loops and a sleeper that would print later.
defmodule Bg do
  def idle do
    receive do
      {:ping, from} ->
        send(from, :pong)
        idle()
    end
  end

  def busy(n), do: busy(n + 1)

  def counter(parent, n) do
    if n == 100_000, do: send(parent, {:counted, n})
    counter(parent, n + 1)
  end
end

idle = spawn(Bg, :idle, [])
send(idle, {:ping, self()})
receive do
  :pong -> IO.puts("idle loop answers")
end

busy1 = spawn(Bg, :busy, [0])
busy2 = spawn(Bg, :busy, [0])
IO.puts("two busy loops spawned")
spawn(Bg, :counter, [self(), 0])
receive do
  {:counted, n} -> IO.puts("a third busy process reached #{n}")
end

# The main process still gets to run while the loops spin.
for i <- 1..5 do
  send(idle, {:ping, self()})
  receive do
    :pong -> IO.puts("ping #{i} answered while loops run")
  end
end
IO.inspect(Enum.map([idle, busy1, busy2], &Process.alive?/1), label: "all alive")

spawn(fn ->
  Process.sleep(3000)
  IO.puts("this line is never printed")
end)

linked = spawn_link(Bg, :busy, [0])
IO.inspect(Process.alive?(linked), label: "linked busy loop alive")
Process.sleep(30)
IO.puts("done")
