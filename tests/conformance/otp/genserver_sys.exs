# :sys.get_state/1,2 and :sys.replace_state/2 on a GenServer (also with a failing
# function), calls and stops of missing servers, GenServer.stop timing out in terminate.
Logger.configure(level: :none)

defmodule Box do
  use GenServer

  def init(s), do: {:ok, s}
  def handle_call(:get, _from, s), do: {:reply, s, s}
  def handle_call({:sleep, ms}, _from, s), do: (Process.sleep(ms); {:reply, :ok, s})
  def handle_cast({:put, v}, _s), do: {:noreply, v}
  def terminate(:slow, _s), do: Process.sleep(200)
  def terminate(_, _), do: :ok
end

defmodule Main do
  def catch_exit(f) do
    try do
      {:ok, f.()}
    catch
      kind, reason -> {kind, reason}
    end
  end

  def run do
    {:ok, pid} = GenServer.start(Box, %{n: 1}, name: :box)
    IO.inspect(:sys.get_state(:box), label: "get_state")
    IO.inspect(:sys.get_state(pid, 500), label: "get_state/2")
    GenServer.cast(:box, {:put, [:cast]})
    IO.inspect(:sys.get_state(:box), label: "after cast")

    IO.inspect(:sys.replace_state(:box, fn s -> [:replaced | s] end), label: "replace_state returns")
    IO.inspect(GenServer.call(:box, :get), label: "server sees")

    r = catch_exit(fn -> :sys.replace_state(:box, fn _ -> raise "nope" end) end)
    # An error (not an exit) raised in the caller, with no stack trace inside.
    IO.inspect(r, label: "failing replace_state")
    IO.inspect(:sys.get_state(:box), label: "state kept")

    # A busy server: get_state times out.
    spawn(fn -> GenServer.call(:box, {:sleep, 150}) end)
    Process.sleep(20)
    IO.inspect(catch_exit(fn -> :sys.get_state(:box, 20) end), label: "get_state busy")
    Process.sleep(200)

    IO.inspect(catch_exit(fn -> :sys.get_state(:nobody) end), label: "get_state missing")
    IO.inspect(catch_exit(fn -> GenServer.stop(:nobody) end), label: "stop missing name")
    IO.inspect(catch_exit(fn -> GenServer.stop(:box, :slow, 30) end), label: "stop timing out")
    Process.sleep(250)
    IO.inspect(GenServer.whereis(:box), label: "gone after terminate")

    {:ok, pid} = GenServer.start(Box, nil)
    GenServer.stop(pid)
    {:exit, {reason, {GenServer, :stop, [p, :normal, :infinity]}}} = catch_exit(fn -> GenServer.stop(pid) end)
    IO.inspect({reason, p == pid}, label: "stop dead pid")
  end
end

Main.run()
