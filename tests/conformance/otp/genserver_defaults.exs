# What `use GenServer` defines: child_spec/1 (and its options), and the default
# callbacks: handle_call and handle_cast raise, handle_info drops the message and goes
# on, terminate does nothing; the exit the caller sees for a default handle_call.
Logger.configure(level: :none)

defmodule Bare do
  use GenServer
  def init(s), do: {:ok, s}
end

defmodule Transient do
  use GenServer, restart: :transient, shutdown: 10_000
  def init(s), do: {:ok, s}
end

defmodule Custom do
  use GenServer, id: :my_id, restart: :temporary, shutdown: :brutal_kill, type: :worker
  def init(s), do: {:ok, s}
  def start_link(a, b), do: GenServer.start_link(__MODULE__, {a, b})
end

defmodule Main do
  def down(pid, ref) do
    receive do
      {:DOWN, ^ref, :process, ^pid, {e, st}} when is_exception(e) and is_list(st) ->
        IO.inspect(e.__struct__, label: "down with")
        IO.puts(Exception.message(e))
    end
  end

  def run do
    IO.inspect(Bare.child_spec(:arg), label: "Bare")
    IO.inspect(Bare.child_spec([1, 2]), label: "Bare list arg")
    IO.inspect(Transient.child_spec(nil), label: "Transient")
    IO.inspect(Custom.child_spec(:x), label: "Custom")
    IO.inspect(function_exported?(Bare, :start_link, 1), label: "start_link defined")
    IO.inspect(Enum.map([:handle_call, :handle_cast, :handle_info, :terminate, :code_change],
      &function_exported?(Bare, &1, if(&1 in [:handle_call, :code_change], do: 3, else: 2))),
      label: "defaults exported")

    # Named: the default callbacks' messages name the server (an unnamed one shows its pid).
    {:ok, pid} = GenServer.start(Bare, :state, name: :bare_call)
    send(pid, :unexpected)
    send(pid, {:EXIT, self(), :not_a_real_signal})
    Process.sleep(20)
    IO.inspect(:sys.get_state(pid), label: "after default handle_info")

    ref = Process.monitor(pid)
    r = try do: GenServer.call(:bare_call, :hello, 500), catch: (:exit, {{e, _}, {GenServer, :call, _}} -> e)
    IO.inspect(r.__struct__, label: "caller caught")
    IO.puts(Exception.message(r))
    down(pid, ref)

    {:ok, pid} = GenServer.start(Bare, :state, name: :bare)
    ref = Process.monitor(pid)
    IO.inspect(GenServer.cast(:bare, :hello), label: "cast returns")
    down(pid, ref)
    IO.inspect(GenServer.cast(:bare, :hello), label: "cast to a missing name")
  end
end

Main.run()
