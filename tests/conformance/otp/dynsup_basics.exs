# DynamicSupervisor.start_link/1 with a name and max_children; start_child (ok,
# :max_children, :ignore, bad returns, invalid specs); which_children (id :undefined,
# in pid order); count_children; terminate_child (incl. {:error, :not_found}); stop.
Logger.configure(level: :none)

defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  @impl true
  def init(arg), do: {:ok, arg}
end

defmodule Main do
  def show(sup, label) do
    DynamicSupervisor.which_children(sup)
    |> Enum.map(fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end)
    |> IO.inspect(label: label)
  end

  def run do
    {:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, name: :dyn, max_children: 3)
    IO.inspect(Process.whereis(:dyn) == sup, label: "registered")
    show(:dyn, "empty")
    IO.inspect(DynamicSupervisor.count_children(:dyn), label: "count")
    {:ok, a} = DynamicSupervisor.start_child(:dyn, {W, :a})
    {:ok, b} = DynamicSupervisor.start_child(:dyn, W)
    {:ok, c} = DynamicSupervisor.start_child(:dyn, %{id: :ignored_id, start: {W, :start_link, [:c]}})
    IO.inspect(:sys.get_state(b), label: "state of b")
    IO.inspect(DynamicSupervisor.start_child(:dyn, {W, :d}), label: "fourth child")
    show(:dyn, "three children")
    pids = Enum.map(DynamicSupervisor.which_children(:dyn), &elem(&1, 1))
    IO.inspect(pids == [a, b, c], label: "in start order")
    IO.inspect(DynamicSupervisor.count_children(:dyn), label: "count")

    IO.inspect(DynamicSupervisor.terminate_child(:dyn, b), label: "terminate b")
    IO.inspect(Process.alive?(b), label: "b alive")
    IO.inspect(DynamicSupervisor.terminate_child(:dyn, b), label: "terminate b again")
    IO.inspect(DynamicSupervisor.terminate_child(:dyn, self()), label: "terminate a stranger")
    show(:dyn, "after terminate")

    ign = %{id: :x, start: {Function, :identity, [:ignore]}}
    IO.inspect(DynamicSupervisor.start_child(:dyn, ign), label: ":ignore")
    IO.inspect(DynamicSupervisor.start_child(:dyn, %{id: :x, start: {Function, :identity, [:what]}}),
      label: "bad return")
    IO.inspect(DynamicSupervisor.start_child(:dyn, %{id: :x}), label: "missing start")
    IO.inspect(DynamicSupervisor.start_child(:dyn, %{id: :x, start: {W, :start_link, [1]}, shutdown: :soon}),
      label: "bad shutdown")
    IO.inspect(DynamicSupervisor.count_children(:dyn), label: "count")
    {:ok, _} = DynamicSupervisor.start_child(:dyn, {W, :e})
    IO.inspect(DynamicSupervisor.start_child(:dyn, ign), label: ":ignore when full")
    try do
      DynamicSupervisor.start_child(:dyn, 42)
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end
    try do
      DynamicSupervisor.start_link(strategy: :one_for_one, name: :dyn)
    catch
      :exit, reason -> IO.inspect(reason, label: "exit")
    else
      {:error, {:already_started, p}} -> IO.inspect(p == sup, label: "already_started")
    end
    ref = Process.monitor(a)
    IO.inspect(DynamicSupervisor.stop(:dyn), label: "stop")
    receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "child a DOWN"))
  end
end

Main.run()
