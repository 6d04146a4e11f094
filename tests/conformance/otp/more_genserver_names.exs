# Addressing a GenServer by {:global, name} and by {name, node()}: call, cast, whereis,
# stop, already_started, calls to missing names of each form (the exit reason), and
# :sys.get_status/get_state through these names.
Logger.configure(level: :none)

defmodule Kv do
  use GenServer

  def init(m), do: {:ok, m}
  def handle_call({:get, k}, _from, m), do: {:reply, Map.get(m, k), m}
  def handle_call(:all, _from, m), do: {:reply, m, m}
  def handle_cast({:put, k, v}, m), do: {:noreply, Map.put(m, k, v)}
end

defmodule Main do
  def try_call(server, msg) do
    GenServer.call(server, msg, 200)
  catch
    :exit, {reason, {GenServer, :call, [dest, _, 200]}} -> {:exit, reason, dest}
  end

  def run do
    {:ok, g} = GenServer.start_link(Kv, %{a: 1}, name: {:global, :kv})
    IO.inspect(:global.whereis_name(:kv) == g, label: "registered globally")
    IO.inspect(GenServer.whereis({:global, :kv}) == g, label: "whereis global")
    IO.inspect(GenServer.call({:global, :kv}, {:get, :a}), label: "call global")
    IO.inspect(GenServer.cast({:global, :kv}, {:put, :b, 2}), label: "cast global")
    IO.inspect(GenServer.call({:global, :kv}, :all), label: "after global cast")
    IO.inspect(:sys.get_state({:global, :kv}), label: "sys.get_state global")
    {:status, _, {:module, mod}, _} = :sys.get_status({:global, :kv})
    IO.inspect(mod, label: "get_status global")
    {:error, {:already_started, p}} = GenServer.start(Kv, %{}, name: {:global, :kv})
    IO.inspect(p == g, label: "already_started global")
    IO.inspect(:kv in :global.registered_names(), label: "in registered_names")

    {:ok, l} = GenServer.start_link(Kv, %{x: 9}, name: :local_kv)
    IO.inspect(GenServer.call({:local_kv, node()}, {:get, :x}), label: "call {name, node}")
    IO.inspect(GenServer.cast({:local_kv, node()}, {:put, :y, 8}), label: "cast {name, node}")
    IO.inspect(GenServer.call({:local_kv, node()}, :all), label: "after cast {name, node}")
    IO.inspect(GenServer.whereis({:local_kv, node()}) == l, label: "whereis {name, node}")
    IO.inspect(GenServer.whereis({:missing, node()}), label: "whereis missing {name, node}")
    IO.inspect(GenServer.whereis({:global, :missing}), label: "whereis missing global")

    IO.inspect(try_call({:global, :missing}, :all), label: "call missing global")
    IO.inspect(try_call({:missing, node()}, :all), label: "call missing {name, node}")
    IO.inspect(GenServer.cast({:global, :missing}, :x), label: "cast missing global")
    IO.inspect(GenServer.cast({:missing, node()}, :x), label: "cast missing {name, node}")

    IO.inspect(GenServer.stop({:global, :kv}), label: "stop global")
    IO.inspect(:global.whereis_name(:kv), label: "global name gone")
    IO.inspect(try_call({:global, :kv}, :all), label: "call stopped global")
    IO.inspect(GenServer.stop({:local_kv, node()}), label: "stop {name, node}")
    IO.inspect(Process.whereis(:local_kv), label: "local name gone")
    try do
      GenServer.stop({:global, :kv})
    catch
      :exit, reason -> IO.inspect(reason, label: "stop missing global")
    end
  end
end

Main.run()
