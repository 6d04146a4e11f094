# Module-based DynamicSupervisor: `use DynamicSupervisor` (its child_spec), init/1 calling
# DynamicSupervisor.init/1 (return value printed), start_link/3 with a name,
# extra_arguments prepended to every child's start args, :ignore from init/1, and a
# DynamicSupervisor as a child of a Supervisor.
Logger.configure(level: :none)

defmodule W do
  use GenServer
  def start_link(extra1, extra2, arg), do: GenServer.start_link(__MODULE__, {extra1, extra2, arg})
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  @impl true
  def init(arg), do: {:ok, arg}
end

defmodule Pool do
  use DynamicSupervisor
  def start_link(arg), do: DynamicSupervisor.start_link(__MODULE__, arg, name: __MODULE__)

  @impl true
  def init(:ignore), do: :ignore
  def init(extra) do
    result = DynamicSupervisor.init(strategy: :one_for_one, extra_arguments: extra, max_restarts: 10)
    IO.inspect(result, label: "init returns")
    result
  end
end

defmodule Main do
  def run do
    IO.inspect(Pool.child_spec([:x, :y]), label: "child_spec")
    IO.inspect(DynamicSupervisor.init([]), label: "init defaults")
    IO.inspect(DynamicSupervisor.init(strategy: :one_for_one, max_children: 5, max_seconds: 30),
      label: "init options")

    {:ok, pool} = Pool.start_link([:x, :y])
    IO.inspect(Process.whereis(Pool) == pool, label: "registered")
    {:ok, w} = DynamicSupervisor.start_child(Pool, {W, :arg})
    IO.inspect(:sys.get_state(w), label: "child got")
    {:ok, w2} = DynamicSupervisor.start_child(Pool, %{id: :any, start: {W, :start_link, [:m]}})
    IO.inspect(:sys.get_state(w2), label: "map child got")
    IO.inspect(DynamicSupervisor.count_children(Pool), label: "count")
    IO.inspect(DynamicSupervisor.stop(Pool), label: "stop")

    Process.flag(:trap_exit, true)
    IO.inspect(DynamicSupervisor.start_link(Pool, :ignore), label: "init :ignore")
    IO.inspect(DynamicSupervisor.start_link(strategy: :rest_for_one), label: "bad strategy")
    IO.inspect(DynamicSupervisor.start_link(max_restarts: -1), label: "bad max_restarts")

    {:ok, plain} = DynamicSupervisor.start_link(extra_arguments: [1, 2])
    {:ok, w3} = DynamicSupervisor.start_child(plain, {W, 3})
    IO.inspect(:sys.get_state(w3), label: "start_link/1 extra_arguments")

    {:ok, top} = Supervisor.start_link([{Pool, [:a, :b]}, {W, :sibling}], strategy: :one_for_one)
    Supervisor.which_children(top)
    |> Enum.map(fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end)
    |> IO.inspect(label: "under a Supervisor")
    {:ok, w4} = DynamicSupervisor.start_child(Pool, {W, :c})
    IO.inspect(:sys.get_state(w4), label: "child of nested pool")
    IO.inspect(Supervisor.count_children(top), label: "top count")
  end
end

Main.run()
