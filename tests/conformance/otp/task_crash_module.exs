# A task that raises, seen by a trap_exit caller as {:EXIT, pid, {%RuntimeError{}, stack}};
# a module-based task with `use Task`: its child_spec, and running under a Supervisor.
Logger.configure(level: :none)

defmodule Ping do
  use Task, restart: :transient

  def start_link(to) do
    Task.start_link(__MODULE__, :run, [to])
  end

  def run(to), do: send(to, {:ping, self()})
end

defmodule Plain do
  use Task

  def start_link(arg), do: Task.start_link(fn -> arg end)
end

defmodule Main do
  def run do
    Process.flag(:trap_exit, true)
    t = Task.async(fn -> raise "task boom" end)
    receive do
      {:EXIT, pid, {%RuntimeError{message: m} = e, stack}} ->
        IO.inspect(pid == t.pid, label: "EXIT from the task")
        IO.inspect(e, label: "exception")
        IO.puts("message: " <> m)
        IO.inspect(is_list(stack), label: "stack is a list")
    end
    receive do
      {:DOWN, ref, :process, _, {%RuntimeError{}, _}} -> IO.inspect(ref == t.ref, label: "DOWN too")
    end

    t = Task.async(fn -> :erlang.error(:badarg) end)
    receive do
      {:EXIT, _, {reason, _}} -> IO.inspect(reason, label: "erlang error reason")
    end
    {:exit, {reason, stack}} = Task.yield(t, 100)
    IO.inspect({reason, is_list(stack)}, label: "yield after crash")

    {:ok, pid} = Task.start_link(fn -> exit(:custom) end)
    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "start_link exit reason")
    end
    Process.flag(:trap_exit, false)

    IO.inspect(Ping.child_spec(:someone), label: "Ping.child_spec")
    IO.inspect(Plain.child_spec(:x), label: "Plain.child_spec")

    {:ok, sup} = Supervisor.start_link([{Ping, self()}], strategy: :one_for_one)
    receive do
      {:ping, pid} ->
        IO.puts("supervised task ran")
        ref = Process.monitor(pid)
        receive do
          {:DOWN, ^ref, :process, _, r} -> IO.inspect(r in [:normal, :noproc], label: "task ended")
        end
    end
    Process.sleep(10)
    IO.inspect(Supervisor.count_children(sup), label: "count_children")
    IO.inspect(Supervisor.which_children(sup), label: "which_children")
    Supervisor.stop(sup)
  end
end

Main.run()
