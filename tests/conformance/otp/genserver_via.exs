# {:via, Mod, key} names with a hand-written registry module: which of its functions
# start, call, cast, whereis and stop use, already_started, and unregister_name (called
# only when init fails, not when a registered server stops).
Logger.configure(level: :none)

defmodule AtomReg do
  import Kernel, except: [send: 2]
  # Registers key as the atom :"via_<key>" and reports every use to :via_log.
  defp atom(key), do: String.to_atom("via_" <> key)
  defp log(entry), do: Kernel.send(:via_log, entry)

  def register_name(key, pid) do
    log({:register_name, key})
    if Process.whereis(atom(key)), do: :no, else: (Process.register(pid, atom(key)); :yes)
  end
  def unregister_name(key) do
    log({:unregister_name, key})
    if Process.whereis(atom(key)), do: Process.unregister(atom(key))
    :ok
  end
  def whereis_name(key) do
    log({:whereis_name, key})
    Process.whereis(atom(key)) || :undefined
  end
  def send(key, msg) do
    log({:send, key})
    case Process.whereis(atom(key)) do
      nil -> exit({:badarg, {key, msg}})
      pid -> Kernel.send(pid, msg); pid
    end
  end
end

defmodule Srv do
  use GenServer
  def init(:ignore), do: :ignore
  def init(s), do: {:ok, s}
  def handle_call(:get, _from, s), do: {:reply, s, s}
  def handle_cast({:set, v}, _s), do: {:noreply, v}
end

defmodule Main do
  def step(label, f) do
    r = try do: f.(), catch: (:exit, e -> {:exit, e})
    r = if is_pid(r), do: :a_pid, else: r
    r = if match?({:ok, p} when is_pid(p), r), do: {:ok, :pid}, else: r
    r = if match?({:error, {:already_started, p}} when is_pid(p), r), do: {:error, {:already_started, :pid}}, else: r
    log = Enum.reverse(drain([]))
    IO.inspect({r, log}, label: label)
  end

  def drain(acc), do: (receive do: (m -> drain([m | acc])), after: (0 -> acc))

  def run do
    Process.register(self(), :via_log)
    name = {:via, AtomReg, "one"}
    step("start", fn -> GenServer.start(Srv, 1, name: name) end)
    step("already started", fn -> GenServer.start(Srv, 2, name: name) end)
    step("call", fn -> GenServer.call(name, :get) end)
    step("cast", fn -> GenServer.cast(name, {:set, 10}) end)
    step("call again", fn -> GenServer.call(name, :get) end)
    step("whereis", fn -> GenServer.whereis(name) end)
    step("registered as", fn -> Process.info(GenServer.whereis(name), :registered_name) end)
    step("stop", fn -> GenServer.stop(name) end)
    step("whereis after stop", fn -> GenServer.whereis(name) end)
    step("call missing", fn -> GenServer.call(name, :get) end)
    step("cast missing", fn -> GenServer.cast(name, :anything) end)
    step("start ignore", fn -> GenServer.start(Srv, :ignore, name: {:via, AtomReg, "two"}) end)
    step("start_link", fn -> GenServer.start_link(Srv, 3, name: {:via, AtomReg, "three"}) end)
  end
end

Main.run()
