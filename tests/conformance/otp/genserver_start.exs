# GenServer.start/start_link with and without an atom name, {:already_started, pid},
# whereis/1 on pids, atoms and unknown names, and what the name registration looks like.
Logger.configure(level: :none)

defmodule Counter do
  use GenServer

  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast({:add, k}, n), do: {:noreply, n + k}
end

defmodule Main do
  def linked, do: elem(Process.info(self(), :links), 1)

  def run do
    {:ok, a} = GenServer.start(Counter, 1)
    IO.inspect(is_pid(a), label: "start without name gives a pid")
    IO.inspect(GenServer.call(a, :get), label: "anonymous get")
    IO.inspect(Process.info(a, :registered_name), label: "registered_name of anonymous")
    IO.inspect(a in linked(), label: "start links")

    {:ok, b} = GenServer.start_link(Counter, 10, name: :counter_b)
    IO.inspect(b in linked(), label: "start_link links")
    IO.inspect(Process.whereis(:counter_b) == b, label: "Process.whereis matches")
    IO.inspect(GenServer.whereis(:counter_b) == b, label: "GenServer.whereis matches")
    IO.inspect(GenServer.whereis(b) == b, label: "whereis of a pid is the pid")
    IO.inspect(GenServer.whereis(:nobody), label: "whereis of unknown name")
    IO.inspect(Process.info(b, :registered_name), label: "registered_name")

    GenServer.cast(:counter_b, {:add, 5})
    IO.inspect(GenServer.call(:counter_b, :get), label: "call by name after cast")

    r = GenServer.start(Counter, 99, name: :counter_b)
    IO.inspect(match?({:error, {:already_started, _}}, r), label: "second start: already_started")
    {:error, {:already_started, p}} = r
    IO.inspect(p == b, label: "already_started carries the running pid")
    r2 = GenServer.start_link(Counter, 99, name: :counter_b)
    IO.inspect(match?({:error, {:already_started, _}}, r2), label: "start_link too")
    IO.inspect(GenServer.call(:counter_b, :get), label: "old server state unchanged")

    {:ok, c} = GenServer.start(Counter, 0, name: Counter)
    IO.inspect(GenServer.whereis(Counter) == c, label: "module name as server name")
    IO.inspect(Process.info(c, :registered_name), label: "registered as module")

    # The same name is free again after the server stops.
    :ok = GenServer.stop(Counter)
    IO.inspect(GenServer.whereis(Counter), label: "whereis after stop")
    {:ok, c2} = GenServer.start(Counter, 7, name: Counter)
    IO.inspect(c2 != c, label: "restarted under the same name")
    IO.inspect(GenServer.call(Counter, :get), label: "new state")

    # A name that is already taken by a plain process.
    other = spawn(fn -> receive do: (:never -> :ok) end)
    Process.register(other, :taken)
    {:error, {:already_started, q}} = GenServer.start(Counter, 0, name: :taken)
    IO.inspect(q == other, label: "taken by a plain process")

    # Bad name option
    r3 = try do
      GenServer.start(Counter, 0, name: "string")
    rescue
      e -> {:raised, e.__struct__, Exception.message(e)}
    end
    IO.inspect(r3, label: "string name")
  end
end

Main.run()
