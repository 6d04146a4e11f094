# :erlang.hibernate/3 and Process.hibernate/3: the process sleeps with an empty stack
# and, when a message arrives, continues in Mod.fun(args); its state lives in the args.
defmodule Sleeper do
  def start(parent) do
    send(parent, {:started, self()})
    :erlang.hibernate(Sleeper, :wake, [parent, 0, []])
    send(parent, :never_returns_here)
  end

  def wake(parent, count, seen) do
    receive do
      {:add, x} ->
        send(parent, {:woke, count + 1, Enum.reverse([x | seen])})
        Process.hibernate(Sleeper, :wake, [parent, count + 1, [x | seen]])

      :stop ->
        send(parent, {:stopping, count})
    end
  end

  def until_waiting(pid) do
    case Process.info(pid, :status) do
      {:status, :waiting} -> :waiting
      _ -> Process.sleep(1); until_waiting(pid)
    end
  end

  def down(ref) do
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    end
  end

  def woke do
    receive do
      {:woke, n, seen} -> {n, seen}
    end
  end
end

{pid, ref} = spawn_monitor(Sleeper, :start, [self()])
receive do: ({:started, ^pid} -> IO.puts("sleeper started"))
IO.inspect(Sleeper.until_waiting(pid), label: "status while hibernated")
{:current_function, cf} = Process.info(pid, :current_function)
IO.inspect(cf, label: "current_function")
IO.inspect(Process.info(pid, :message_queue_len), label: "queue")
IO.inspect(Process.alive?(pid), label: "alive")

send(pid, {:add, :a})
IO.inspect(Sleeper.woke(), label: "first wake")
Sleeper.until_waiting(pid)
send(pid, {:add, :b})
send(pid, {:add, :c})
IO.inspect(Sleeper.woke(), label: "second wake")
IO.inspect(Sleeper.woke(), label: "third wake")

send(pid, :stop)
receive do
  {:stopping, n} -> IO.inspect(n, label: "stopped after wakes")
end
IO.inspect(Sleeper.down(ref), label: "exit reason")

# Hibernating with a message already queued wakes up at once.
parent = self()
{pid2, ref2} = spawn_monitor(fn ->
  send(self(), {:add, :queued})
  :erlang.hibernate(Sleeper, :wake, [parent, 10, []])
end)
IO.inspect(Sleeper.woke(), label: "woke on queued message")
send(pid2, :stop)
receive do: ({:stopping, n} -> IO.inspect(n, label: "second sleeper stopped at"))
IO.inspect(Sleeper.down(ref2), label: "second exit")
receive do
  :never_returns_here -> IO.puts("hibernate returned (unexpected)")
after
  0 -> IO.puts("hibernate never returned")
end
