# The child management API of Supervisor: start_child, terminate_child, restart_child,
# delete_child, which_children (newest first; :undefined pids) and
# count_children, with their error returns.
Logger.configure(level: :none)

defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  @impl true
  def init(arg), do: {:ok, arg}
end

defmodule Main do
  def show(sup, label) do
    Supervisor.which_children(sup)
    |> Enum.map(fn {id, pid, type, mods} -> {id, if(is_pid(pid), do: :pid, else: pid), type, mods} end)
    |> IO.inspect(label: label)
  end

  def run do
    {:ok, sup} = Supervisor.start_link([{W, 1}], strategy: :one_for_one)
    {:ok, b} = Supervisor.start_child(sup, Supervisor.child_spec({W, 2}, id: :b))
    IO.inspect(is_pid(b), label: "start_child")
    {:error, {:already_started, p}} = Supervisor.start_child(sup, {W, 3})
    IO.inspect(p == elem(List.keyfind(Supervisor.which_children(sup), W, 0), 1), label: "already_started")
    IO.inspect(Supervisor.start_child(sup, %{id: :x}), label: "missing start")
    IO.inspect(Supervisor.start_child(sup, %{id: :x, start: {W, :start_link, [1]}, restart: :bad}), label: "bad restart")
    IO.inspect(Supervisor.start_child(sup, %{id: :ig, start: {Function, :identity, [:ignore]}}), label: ":ignore")
    show(sup, "which_children")
    IO.inspect(Supervisor.count_children(sup), label: "count")
    IO.inspect(Supervisor.start_child(sup, %{id: :ig, start: {W, :start_link, [4]}}), label: "same id again")
    IO.inspect(Supervisor.terminate_child(sup, :b), label: "terminate_child :b")
    IO.inspect(Supervisor.terminate_child(sup, :b), label: "terminate_child :b again")
    IO.inspect(Supervisor.terminate_child(sup, :nope), label: "terminate_child :nope")
    IO.inspect(Supervisor.start_child(sup, Supervisor.child_spec({W, 2}, id: :b)), label: "start_child :b")
    show(sup, "after terminate")
    IO.inspect(Supervisor.count_children(sup), label: "count")
    IO.inspect(Supervisor.restart_child(sup, W), label: "restart_child running")
    IO.inspect(Supervisor.delete_child(sup, W), label: "delete_child running")
    IO.inspect(Supervisor.restart_child(sup, :nope), label: "restart_child :nope")
    IO.inspect(Supervisor.delete_child(sup, :nope), label: "delete_child :nope")
    {:ok, b2} = Supervisor.restart_child(sup, :b)
    IO.inspect(b2 != b, label: "restart_child :b gives a new pid")
    IO.inspect(Supervisor.restart_child(sup, :ig), label: "restart_child :ig")
    IO.inspect(Supervisor.delete_child(sup, :ig), label: "delete_child :ig")
    :ok = Supervisor.terminate_child(sup, W)
    IO.inspect(Supervisor.delete_child(sup, W), label: "delete_child W")
    show(sup, "after deletes")

    IO.inspect(Supervisor.stop(sup), label: "stop")
  end
end

Main.run()
