# A tour of the Process module: spawning with options, names, timers,
# links (with trapped exits), monitors and Process.info.
defmodule Echo do
  def loop do
    receive do
      {:echo, from, msg} -> send(from, {:echoed, msg}); loop()
      :crash -> exit(:crashed_on_purpose)
      :stop -> :ok
    end
  end
end

# spawn with options: a monitor and a priority, returning {pid, monitor_ref}.
{pid, ref} = Process.spawn(Echo, :loop, [], [:monitor, {:priority, :high}])
IO.inspect(Process.info(pid, :priority), label: "priority")
IO.inspect(Process.alive?(pid), label: "alive")

# Names: register, whereis, send by name, unregister.
true = Process.register(pid, :echo)
IO.inspect(Process.whereis(:echo) == pid, label: "whereis(:echo) is pid")
IO.inspect(:echo in Process.registered(), label: ":echo registered")
send(:echo, {:echo, self(), "hello"})
receive do: ({:echoed, msg} -> IO.inspect(msg, label: "echoed"))
Process.unregister(:echo)
IO.inspect(Process.whereis(:echo), label: "whereis after unregister")

# Timers: send_after returns a reference we can read or cancel.
keep = Process.send_after(self(), :kept, 30)
drop = Process.send_after(self(), :dropped, 10_000)
IO.inspect(is_integer(Process.read_timer(drop)), label: "timer running")
IO.inspect(is_integer(Process.cancel_timer(drop)), label: "cancelled in time")
IO.inspect(Process.read_timer(drop), label: "read_timer after cancel")
receive do: (m -> IO.inspect(m, label: "timer message"))
IO.inspect(Process.cancel_timer(keep), label: "cancel after it fired")

# Monitors: one-way. The monitoring process gets a :DOWN message.
send(pid, :crash)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "DOWN reason")
end

# demonitor with :flush also removes a :DOWN that already arrived.
{other, ref2} = spawn_monitor(fn -> :ok end)
Process.sleep(10)
IO.inspect(Process.demonitor(ref2, [:flush]), label: "demonitor")
IO.inspect(Process.info(self(), :message_queue_len), label: "mailbox")

# Links are two-way; trapping exits turns the exit signal into a message.
Process.flag(:trap_exit, true)
linked = spawn_link(fn -> receive do: (:go -> exit(:linked_failure)) end)
{:links, links} = Process.info(self(), :links)
IO.inspect(linked in links, label: "linked")
send(linked, :go)
receive do
  {:EXIT, ^linked, reason} -> IO.inspect(reason, label: "EXIT message")
end

# unlink: the exit of an unlinked process sends nothing.
quiet = spawn_link(fn -> receive do: (:go -> exit(:unnoticed)) end)
Process.unlink(quiet)
send(quiet, :go)
receive do
  {:EXIT, _, reason} -> IO.inspect(reason, label: "unexpected")
after
  50 -> IO.puts("no EXIT from the unlinked process")
end

# Process.exit/2 with :kill cannot be trapped; :normal is ignored by others.
sleeper = spawn(fn -> Process.sleep(:infinity) end)
Process.exit(sleeper, :normal)
IO.inspect(Process.alive?(sleeper), label: "alive after exit(:normal)")
sleeper_ref = Process.monitor(sleeper)
Process.exit(sleeper, :kill)
receive do
  {:DOWN, ^sleeper_ref, :process, _, reason} -> IO.inspect(reason, label: "killed with reason")
end

# The process dictionary, and a couple of facts from Process.list/info.
Process.put(:visits, 1)
Process.put(:visits, Process.get(:visits) + 1)
IO.inspect(Process.get(:visits), label: "dictionary :visits")
IO.inspect(self() in Process.list(), label: "self in Process.list")
IO.inspect(Process.alive?(other), label: "short-lived process alive")
