# Task.Supervisor options: start_child with restart: :transient (a crash restarts the
# task with the same function, a normal exit does not) and :permanent (rerun until the
# supervisor gives up), async_nolink with shutdown: (used by terminate_child),
# max_children, children after tasks end, and the DOWN of a task exiting :normal.
Logger.configure(level: :none)

defmodule Main do
  # Registers, tells :main it is ready (so nothing depends on how fast it started), waits.
  def gate(name) do
    Process.register(self(), name)
    send(:main, {:ready, name})
    receive do
      :go -> :ok
    end
  end

  def ready(name), do: receive(do: ({:ready, ^name} -> :ok))

  def run do
    Process.register(self(), :main)
    {:ok, ts} = Task.Supervisor.start_link(name: TS, max_restarts: 10)
    {:ok, counter} = Agent.start_link(fn -> 0 end)
    flaky = fn ->
      n = Agent.get_and_update(counter, &{&1 + 1, &1 + 1})
      send(:main, {:attempt, n})
      if n < 3, do: raise("attempt #{n} failed"), else: :ok
    end
    {:ok, _} = Task.Supervisor.start_child(TS, flaky, restart: :transient)
    attempts = for _ <- 1..3, do: receive(do: ({:attempt, n} -> n))
    IO.inspect(attempts, label: "transient attempts")
    Process.sleep(30)
    IO.inspect(Task.Supervisor.children(TS), label: "children after success")
    receive do
      {:attempt, n} -> IO.inspect(n, label: "unexpected attempt")
    after
      50 -> IO.puts("no more attempts")
    end

    Process.flag(:trap_exit, true)
    {:ok, perm} = Task.Supervisor.start_link(max_restarts: 3)
    {:ok, _} = Task.Supervisor.start_child(perm, fn -> send(:main, :perm_ran) end, restart: :permanent)
    receive do: ({:EXIT, ^perm, r} -> IO.inspect(r, label: "permanent task sup exits"))
    runs = for _ <- 1..10, (receive do :perm_ran -> true after 0 -> false end), do: 1
    IO.inspect(length(runs), label: "permanent task runs")
    Process.flag(:trap_exit, false)

    trapper = fn -> Process.flag(:trap_exit, true); gate(:trapper) end
    for opt <- [:brutal_kill, 30] do
      t = Task.Supervisor.async_nolink(TS, trapper, shutdown: opt)
      ready(:trapper)
      IO.inspect(Task.Supervisor.terminate_child(TS, t.pid), label: "terminate_child shutdown: #{opt}")
      ref = t.ref
      receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "  task DOWN"))
    end
    {:ok, small} = Task.Supervisor.start_link(max_children: 1)
    {:ok, _} = Task.Supervisor.start_child(small, fn -> gate(:only) end)
    ready(:only)
    IO.inspect(Task.Supervisor.start_child(small, fn -> :ok end), label: "max_children start_child")
    send(:only, :go)
    Process.sleep(20)
    IO.inspect(Task.Supervisor.start_child(small, fn -> :ok end) |> elem(0), label: "after it ended")

    t = Task.Supervisor.async_nolink(ts, fn -> exit(:normal) end)
    ref = t.ref
    receive do
      {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "nolink normal exit DOWN")
    end
    IO.inspect(Task.Supervisor.children(ts), label: "children at the end")
  end
end

Main.run()
