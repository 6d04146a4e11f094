# Task.yield ({:ok, r}, nil, then yield again), Task.yield_many (order and states),
# Task.shutdown of a finished, a running and a brutally killed task.
Logger.configure(level: :none)

defmodule Main do
  def gate do
    receive do
      {:go, v} -> v
    end
  end

  def run do
    t = Task.async(fn -> :quick end)
    IO.inspect(Task.yield(t, 1000), label: "yield done")

    t = Task.async(&gate/0)
    IO.inspect(Task.yield(t, 10), label: "yield running")
    send(t.pid, {:go, :second_try})
    IO.inspect(Task.yield(t), label: "yield again")

    t = Task.async(fn -> exit(:bye) end)
    Process.flag(:trap_exit, true)
    IO.inspect(Task.yield(t, 1000), label: "yield exited task")
    receive do
      {:EXIT, _, reason} -> IO.inspect(reason, label: "EXIT seen")
    end
    Process.flag(:trap_exit, false)

    ready = Task.async(fn -> 1 end)
    blocked = Task.async(&gate/0)
    also = Task.async(fn -> 3 end)
    Task.await(Task.async(fn -> Process.sleep(20) end))
    res = Task.yield_many([blocked, ready, also], 50)
    IO.inspect(Enum.map(res, fn {task, r} -> {task == blocked, r} end), label: "yield_many")
    send(blocked.pid, {:go, 2})
    IO.inspect(Task.yield_many([blocked]) |> Enum.map(&elem(&1, 1)), label: "yield_many again")

    t = Task.async(fn -> :finished end)
    Task.await(Task.async(fn -> Process.sleep(20) end))
    IO.inspect(Task.shutdown(t), label: "shutdown finished")

    t = Task.async(&gate/0)
    IO.inspect(Task.shutdown(t), label: "shutdown running")
    IO.inspect(Process.alive?(t.pid), label: "alive after shutdown")

    t = Task.async(&gate/0)
    IO.inspect(Task.shutdown(t, :brutal_kill), label: "shutdown brutal_kill")

    t = Task.async(fn -> Process.flag(:trap_exit, true); gate() end)
    IO.inspect(Task.shutdown(t, 30), label: "shutdown trapping task")
    IO.inspect(Process.info(self(), :message_queue_len), label: "mailbox")
  end
end

Main.run()
