# Process.spawn/2,4 and :erlang.spawn_opt with options: :link, :monitor, both,
# priority, min_heap_size, fullsweep_after, and invalid options.
defmodule Opt do
  def wait(parent) do
    send(parent, {:ready, self()})
    receive do
      :stop -> :ok
      {:exit, r} -> exit(r)
    end
  end

  def down(ref) do
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    after
      1000 -> :no_down
    end
  end

  def ready(pid), do: (receive do: ({:ready, ^pid} -> :ok))

  def linked?(pid) do
    {:links, links} = Process.info(self(), :links)
    pid in links
  end
end

parent = self()

pid = Process.spawn(fn -> Opt.wait(parent) end, [:link])
Opt.ready(pid)
IO.inspect({is_pid(pid), Opt.linked?(pid)}, label: "[:link]")
send(pid, :stop)

{pid, ref} = Process.spawn(fn -> Opt.wait(parent) end, [:monitor])
Opt.ready(pid)
IO.inspect({is_pid(pid), is_reference(ref), Opt.linked?(pid)}, label: "[:monitor]")
send(pid, {:exit, :bye})
IO.inspect(Opt.down(ref), label: "monitor down")

Process.flag(:trap_exit, true)
{pid, ref} = Process.spawn(fn -> Opt.wait(parent) end, [:link, :monitor])
Opt.ready(pid)
IO.inspect(Opt.linked?(pid), label: "[:link, :monitor] linked")
send(pid, {:exit, :both})
IO.inspect(Opt.down(ref), label: "both down")
receive do: ({:EXIT, ^pid, r} -> IO.inspect(r, label: "both EXIT"))
Process.flag(:trap_exit, false)

for prio <- [:high, :low, :normal] do
  pid = Process.spawn(fn -> Opt.wait(parent) end, priority: prio)
  Opt.ready(pid)
  IO.inspect(Process.info(pid, :priority), label: "priority #{prio}")
  send(pid, :stop)
end

pid = Process.spawn(fn -> Opt.wait(parent) end, min_heap_size: 1000, fullsweep_after: 0)
Opt.ready(pid)
{:min_heap_size, mhs} = Process.info(pid, :min_heap_size)
IO.inspect(mhs >= 1000, label: "min_heap_size >= 1000")
{:garbage_collection, gc} = Process.info(pid, :garbage_collection)
IO.inspect(Keyword.get(gc, :fullsweep_after), label: "fullsweep_after")
IO.inspect(Keyword.get(gc, :min_heap_size) >= 1000, label: "gc min_heap_size >= 1000")
send(pid, :stop)

{pid, ref} = :erlang.spawn_opt(Opt, :wait, [parent], [:monitor, {:priority, :high}])
Opt.ready(pid)
IO.inspect(Process.info(pid, :priority), label: "spawn_opt/4 priority")
send(pid, :stop)
IO.inspect(Opt.down(ref), label: "spawn_opt/4 down")

{pid, ref} = Process.spawn(Opt, :wait, [parent], [:monitor])
Opt.ready(pid)
send(pid, {:exit, :mfa})
IO.inspect(Opt.down(ref), label: "Process.spawn/4 down")

for opts <- [[:bogus], [priority: :urgent], [min_heap_size: -1]] do
  try do
    Process.spawn(fn -> :ok end, opts)
    IO.puts("no error")
  rescue
    e in ArgumentError -> IO.inspect(Exception.message(e), label: inspect(opts))
  end
end
