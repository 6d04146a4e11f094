# Monitors: :DOWN messages for normal exits, crashes, :kill, dead pids; demonitor
# with and without :flush; spawn_monitor; several monitors on one process.
# Real Elixir 1.14 logs crashes of spawned processes to stdout, with timestamps and pids;
# silence the logger so that stdout stays deterministic.
Logger.configure(level: :none)

defmodule Mon do
  def waiter do
    receive do
      :normal -> :ok
      :raise -> raise "monitored boom"
      :badarith -> 1 / Enum.count([])
      {:exit, r} -> exit(r)
    end
  end

  def down(ref) do
    receive do
      {:DOWN, ^ref, type, _pid, reason} -> {type, reason}
    after
      1000 -> :no_down
    end
  end

  def watch(msg) do
    pid = spawn(Mon, :waiter, [])
    ref = Process.monitor(pid)
    send(pid, msg)
    {pid, ref}
  end

  def queued, do: elem(Process.info(self(), :message_queue_len), 1)
end

{pid, ref} = Mon.watch(:normal)
IO.inspect(is_reference(ref), label: "monitor returns a ref")
receive do
  {:DOWN, ^ref, :process, p, reason} -> IO.inspect({p == pid, reason}, label: "normal")
end

{_, ref} = Mon.watch(:raise)
{:process, {exc, stack}} = Mon.down(ref)
IO.inspect(exc, label: "raise")
IO.puts("message: " <> Exception.message(exc))
IO.inspect(is_list(stack), label: "stacktrace is a list")

{_, ref} = Mon.watch(:badarith)
{:process, {reason, _}} = Mon.down(ref)
IO.inspect(reason, label: "1 / 0")

{_, ref} = Mon.watch({:exit, {:custom, [1, 2]}})
IO.inspect(Mon.down(ref), label: "exit tuple")

pid = spawn(Mon, :waiter, [])
ref = Process.monitor(pid)
Process.exit(pid, :kill)
IO.inspect(Mon.down(ref), label: "kill")

ref2 = Process.monitor(pid)
IO.inspect(Mon.down(ref2), label: "monitor dead pid")

pid = spawn(Mon, :waiter, [])
ref = Process.monitor(pid)
IO.inspect(Process.demonitor(ref), label: "demonitor")
send(pid, {:exit, :ignored})
ref3 = Process.monitor(spawn(fn -> :ok end))
Mon.down(ref3)
IO.inspect(Mon.queued(), label: "nothing queued after demonitor")

{pid, ref} = Mon.watch({:exit, :flushed})
ref_b = Process.monitor(pid)
Mon.down(ref_b)
IO.inspect(Mon.queued(), label: "queued before flush")
IO.inspect(Process.demonitor(ref, [:flush]), label: "demonitor flush")
IO.inspect(Mon.queued(), label: "queued after flush")

{pid, ref} = spawn_monitor(fn -> exit(:from_spawn_monitor) end)
IO.inspect({is_pid(pid), is_reference(ref)}, label: "spawn_monitor")
IO.inspect(Mon.down(ref), label: "spawn_monitor down")

pid = spawn(Mon, :waiter, [])
refs = for _ <- 1..3, do: Process.monitor(pid)
IO.inspect(length(Enum.uniq(refs)), label: "distinct refs")
send(pid, {:exit, :three})
IO.inspect(Enum.map(refs, &Mon.down/1), label: "all three")
IO.inspect(Process.demonitor(hd(refs)), label: "demonitor after down")
IO.inspect(Mon.queued(), label: "final queue")
