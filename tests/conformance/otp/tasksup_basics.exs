# Task.Supervisor: start_link with a name, async + await, async_nolink of a task that
# raises (DOWN message and Task.yield), async_stream(_nolink), start_child, children,
# terminate_child.
Logger.configure(level: :none)

defmodule Main do
  def gate do
    receive do
      :go -> :ok
    end
  end

  def run do
    {:ok, sup} = Task.Supervisor.start_link(name: MyTasks)
    IO.inspect(Process.whereis(MyTasks) == sup, label: "registered")

    t = Task.Supervisor.async(MyTasks, fn -> :from_sup end)
    IO.inspect(Task.await(t), label: "async + await")
    IO.inspect(Task.await(Task.Supervisor.async(MyTasks, String, :upcase, ["abc"])), label: "async mfa")

    t = Task.Supervisor.async_nolink(MyTasks, fn -> raise ArgumentError, "nolink boom" end)
    ref = t.ref
    receive do
      {:DOWN, ^ref, :process, pid, {%ArgumentError{message: m}, stack}} ->
        IO.inspect({pid == t.pid, m, is_list(stack)}, label: "DOWN from nolink task")
    end
    IO.inspect(Process.alive?(self()), label: "caller survived")

    t = Task.Supervisor.async_nolink(MyTasks, fn -> raise "again" end)
    {:exit, {e, _}} = Task.yield(t, 1000)
    IO.inspect(e, label: "yield on crashed nolink task")

    t = Task.Supervisor.async_nolink(MyTasks, fn -> 40 + 2 end)
    IO.inspect(Task.yield(t, 1000), label: "yield nolink ok")

    s = Task.Supervisor.async_stream(MyTasks, 1..4, &(&1 * 10)) |> Enum.to_list()
    IO.inspect(s, label: "async_stream")
    s =
      Task.Supervisor.async_stream_nolink(MyTasks, [1, 0, 2], fn x -> div(10, x) end)
      |> Enum.map(fn
        {:ok, v} -> v
        {:exit, {reason, _stack}} -> {:crashed, reason}
      end)
    IO.inspect(s, label: "async_stream_nolink")

    {:ok, c1} = Task.Supervisor.start_child(MyTasks, &gate/0)
    {:ok, c2} = Task.Supervisor.start_child(MyTasks, __MODULE__, :gate, [])
    kids = Task.Supervisor.children(MyTasks)
    IO.inspect(length(kids), label: "children count")
    IO.inspect(Enum.sort(kids) == Enum.sort([c1, c2]), label: "children are the started ones")

    IO.inspect(Task.Supervisor.terminate_child(MyTasks, c1), label: "terminate_child")
    IO.inspect(Task.Supervisor.terminate_child(MyTasks, c1), label: "terminate_child again")
    IO.inspect(length(Task.Supervisor.children(MyTasks)), label: "children after terminate")

    ref = Process.monitor(c2)
    send(c2, :go)
    receive do
      {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "start_child task exit")
    end
    Process.sleep(10)
    IO.inspect(Task.Supervisor.children(MyTasks), label: "children at end")
  end
end

Main.run()
