# Child specifications: the forms Supervisor accepts ({Mod, arg}, Mod, maps), the
# child_spec/1 that `use GenServer | Agent | Task | Supervisor` generates (with and
# without options), and Supervisor.child_spec/2 overrides.
Logger.configure(level: :none)

defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end

defmodule WOpts do
  use GenServer, restart: :transient, shutdown: 10_000, id: :custom_id
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end

defmodule A do
  use Agent
  def start_link(arg), do: Agent.start_link(fn -> arg end)
end

defmodule T do
  use Task, restart: :transient
  def start_link(arg), do: Task.start_link(fn -> Process.sleep(arg) end)
end

defmodule S do
  use Supervisor
  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg)
  def init(_), do: Supervisor.init([], strategy: :one_for_one)
end

defmodule Main do
  def run do
    IO.inspect(W.child_spec(:x), label: "GenServer")
    IO.inspect(WOpts.child_spec(:x), label: "GenServer with options")
    IO.inspect(A.child_spec(1), label: "Agent")
    IO.inspect(T.child_spec(5), label: "Task")
    IO.inspect(S.child_spec([]), label: "Supervisor")

    IO.inspect(Supervisor.child_spec({W, 3}, []), label: "tuple, no overrides")
    IO.inspect(Supervisor.child_spec(W, []), label: "module alone")
    IO.inspect(Supervisor.child_spec({W, 3}, id: :x, restart: :temporary, shutdown: 10),
      label: "overrides")
    IO.inspect(Supervisor.child_spec(W, shutdown: :brutal_kill, start: {A, :start_link, [:seven]}),
      label: "start override")
    IO.inspect(Supervisor.child_spec(%{id: :m, start: {W, :start_link, [1]}}, type: :supervisor),
      label: "map with override")
    full = %{id: :full, start: {W, :start_link, [1]}, restart: :transient,
             shutdown: :infinity, type: :worker, modules: [W, A]}
    IO.inspect(Supervisor.child_spec(full, []), label: "full map")

    children = [
      {W, 1},
      Supervisor.child_spec({W, 2}, id: :second),
      %{id: :third, start: {W, :start_link, [3]}},
      full,
      WOpts,
      {A, 5},
      {S, []}
    ]
    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
    Supervisor.which_children(sup)
    |> Enum.map(fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end)
    |> IO.inspect(label: "which_children")
    IO.inspect(Supervisor.count_children(sup), label: "count")
    IO.inspect(Supervisor.stop(sup), label: "stop")
  end
end

Main.run()
