# Supervisor child bookkeeping: temporary children vanish after terminate_child or a
# crash (restart_child/delete_child then say :not_found), start_child with {Mod, arg}
# and bare-module specs, a transient child that ended normally restarted by hand, and
# auto_shutdown with significant children.
Logger.configure(level: :none)

defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
  def handle_cast({:stop, r}, s), do: {:stop, r, s}
end

defmodule AutoSup do
  use Supervisor
  # Elixir 1.14's Supervisor.init/2 has no :auto_shutdown: return the Erlang flags map.
  def init(children), do: {:ok, {%{strategy: :one_for_one, auto_shutdown: :any_significant}, children}}
end

defmodule Main do
  def show(sup, label) do
    Supervisor.which_children(sup)
    |> Enum.map(fn {id, p, _, _} -> {id, if(is_pid(p), do: :pid, else: p)} end)
    |> IO.inspect(label: label)
  end

  def stop_child(sup, id, reason) do
    {_, pid, _, _} = List.keyfind(Supervisor.which_children(sup), id, 0)
    ref = Process.monitor(pid)
    GenServer.cast(pid, {:stop, reason})
    receive do: ({:DOWN, ^ref, _, _, _} -> Process.sleep(20))
  end

  def run do
    tmp = Supervisor.child_spec({W, :t}, id: :tmp, restart: :temporary)
    tr = Supervisor.child_spec({W, :tr}, id: :tr, restart: :transient)
    {:ok, sup} = Supervisor.start_link([tmp, tr], strategy: :one_for_one)
    {:ok, p} = Supervisor.start_child(sup, {W, [:tuple]})
    IO.inspect(:sys.get_state(p), label: "start_child {Mod, arg}")
    {:ok, q} = Supervisor.start_child(sup, Supervisor.child_spec(W, id: :bare))
    IO.inspect(:sys.get_state(q), label: "start_child bare module")
    show(sup, "children")
    IO.inspect(Supervisor.terminate_child(sup, :tmp), label: "terminate temporary")
    show(sup, "after terminate temporary")
    IO.inspect(Supervisor.restart_child(sup, :tmp), label: "restart temporary")
    IO.inspect(Supervisor.delete_child(sup, :tmp), label: "delete temporary")
    IO.inspect(Supervisor.start_child(sup, tmp) |> elem(0), label: "start it again")
    stop_child(sup, :tmp, :crash)
    show(sup, "temporary crashed")
    stop_child(sup, :tr, :normal)
    show(sup, "transient ended normally")
    IO.inspect(Supervisor.count_children(sup), label: "count")
    {:ok, tr2} = Supervisor.restart_child(sup, :tr)
    IO.inspect(:sys.get_state(tr2), label: "transient restarted by hand")
    IO.inspect(Supervisor.terminate_child(sup, W), label: "terminate permanent")
    show(sup, "after terminate permanent")
    Supervisor.stop(sup)

    Process.flag(:trap_exit, true)
    sig = Supervisor.child_spec({W, :sig}, id: :sig, restart: :transient) |> Map.put(:significant, true)
    {:ok, s2} = Supervisor.start_link(AutoSup, [W.child_spec(:plain), sig])
    stop_child(s2, :sig, :normal)
    receive do
      {:EXIT, ^s2, r} -> IO.inspect(r, label: "auto_shutdown exit")
    after
      200 -> IO.puts("no auto_shutdown")
    end
    IO.inspect(Supervisor.start_link([sig], strategy: :one_for_one), label: "significant without auto_shutdown")
  end
end

Main.run()
