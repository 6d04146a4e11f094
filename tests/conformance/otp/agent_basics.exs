# Agent: start/start_link (with a name and with an MFA), get/update/get_and_update/
# cast/stop, the MFA forms of get/update/get_and_update/cast.
Logger.configure(level: :none)

defmodule Stack do
  def new(items), do: items
  def top([h | _]), do: h
  def push(items, x), do: [x | items]
  def pop([h | t]), do: {h, t}
  def size(items, extra), do: length(items) + extra
end

defmodule Main do
  def run do
    {:ok, a} = Agent.start(fn -> 0 end)
    IO.inspect(is_pid(a), label: "start gives a pid")
    IO.inspect(Agent.get(a, & &1), label: "get")
    IO.inspect(Agent.update(a, &(&1 + 5)), label: "update")
    IO.inspect(Agent.get_and_update(a, fn n -> {n * 2, n + 1} end), label: "get_and_update")
    IO.inspect(Agent.cast(a, &(&1 * 100)), label: "cast")
    IO.inspect(Agent.get(a, &Integer.to_string/1), label: "after cast")
    IO.inspect(Agent.stop(a), label: "stop")
    IO.inspect(Process.alive?(a), label: "alive after stop")

    {:ok, s} = Agent.start_link(Stack, :new, [[:b, :c]], name: :stack)
    IO.inspect(Process.whereis(:stack) == s, label: "named")
    IO.inspect(Agent.get(:stack, Stack, :top, []), label: "get mfa")
    :ok = Agent.update(:stack, Stack, :push, [:a])
    IO.inspect(Agent.get(:stack, Stack, :size, [10]), label: "get mfa with args")
    IO.inspect(Agent.get_and_update(:stack, Stack, :pop, []), label: "get_and_update mfa")
    :ok = Agent.cast(:stack, Stack, :push, [:z])
    IO.inspect(Agent.get(:stack, & &1), label: "state")
    IO.inspect(Agent.start_link(fn -> :dup end, name: :stack) |> elem(0), label: "duplicate name")
    IO.inspect(match?({:error, {:already_started, ^s}}, Agent.start(fn -> 1 end, name: :stack)),
      label: "already_started with the pid")

    {:ok, m} = Agent.start_link(fn -> %{} end, name: {:global, :glob_agent})
    Agent.update({:global, :glob_agent}, &Map.put(&1, :k, :v))
    IO.inspect(Agent.get(m, &Map.keys/1), label: "global name")

    Process.flag(:trap_exit, true)
    {:ok, x} = Agent.start_link(fn -> :x end)
    IO.inspect(Agent.stop(x, :shutdown), label: "stop with reason")
    receive do
      {:EXIT, ^x, reason} -> IO.inspect(reason, label: "EXIT reason")
    end
    {:error, {e, stack}} = Agent.start_link(fn -> raise "bad init" end)
    IO.inspect({e, is_list(stack)}, label: "init raises")
    receive do
      {:EXIT, _, {%RuntimeError{message: msg}, _}} -> IO.inspect(msg, label: "EXIT of failed init")
    end
    IO.inspect(Agent.start(fn -> exit(:nope) end), label: "init exits")
    try do
      Agent.get(:no_such_agent, & &1)
    catch
      :exit, {:noproc, {GenServer, :call, [:no_such_agent, {:get, f}, 5000]}} ->
        IO.inspect(is_function(f, 1), label: "get on missing name: noproc, fun")
    end
  end
end

Main.run()
