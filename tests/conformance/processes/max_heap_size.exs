# max_heap_size: a process that grows past its limit is killed (:killed for monitors
# and linked trappers); a process under its limit finishes; the flag can be read back
# and set with Process.flag/2 inside the process.
defmodule Grow do
  def build(n), do: build(n, [])
  defp build(0, acc), do: length(acc)
  defp build(n, acc), do: build(n - 1, [{n, n} | acc])

  def run(parent, n) do
    send(parent, {:built, build(n)})
  end

  def down(ref) do
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    after
      2000 -> :no_down
    end
  end

  def flush_built do
    receive do
      {:built, n} -> {:built, n}
    after
      0 -> :nothing_built
    end
  end
end

limit = %{size: 2000, kill: true, error_logger: false}

{_pid, ref} = Process.spawn(Grow, :run, [self(), 100_000], [:monitor, max_heap_size: limit])
IO.inspect(Grow.down(ref), label: "over the limit")
IO.inspect(Grow.flush_built(), label: "message from killed process")

{_pid, ref} = Process.spawn(Grow, :run, [self(), 10], [:monitor, max_heap_size: limit])
IO.inspect(Grow.down(ref), label: "under the limit")
IO.inspect(Grow.flush_built(), label: "message from small process")

Process.flag(:trap_exit, true)
pid = Process.spawn(Grow, :run, [self(), 100_000], [:link, max_heap_size: limit])
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "linked EXIT")
after
  2000 -> IO.puts("no EXIT")
end
Process.flag(:trap_exit, false)

parent = self()
{pid, ref} = spawn_monitor(fn ->
  old = Process.flag(:max_heap_size, %{size: 3000, kill: true, error_logger: false})
  send(parent, {:old_flag, old})
  receive do
    :grow -> send(parent, {:built, Grow.build(100_000)})
  end
end)
receive do
  {:old_flag, old} -> IO.inspect(Map.get(old, :size), label: "old max_heap_size")
end
{:max_heap_size, now} = Process.info(pid, :max_heap_size)
IO.inspect({now.size, now.kill, now.error_logger}, label: "max_heap_size now")
send(pid, :grow)
IO.inspect(Grow.down(ref), label: "flag then grow")
IO.inspect(Grow.flush_built(), label: "nothing built")

# The default is no limit.
{:max_heap_size, m} = Process.info(self(), :max_heap_size)
IO.inspect(m.size, label: "own max_heap_size")
