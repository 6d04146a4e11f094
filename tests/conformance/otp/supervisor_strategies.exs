# :one_for_one, :one_for_all and :rest_for_one: children print when they start and
# (trapping exits) when they terminate; killing :b shows which children restart and in
# what order the others are shut down; Supervisor.stop shuts down in reverse order.
Logger.configure(level: :none)

defmodule Child do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name) do
    Process.flag(:trap_exit, true)
    IO.puts("  start #{name}")
    {:ok, name}
  end

  @impl true
  def terminate(reason, name), do: IO.puts("  terminate #{name} #{inspect(reason)}")
end

defmodule Main do
  def pids, do: Enum.map([:a, :b, :c], &Process.whereis/1)

  def run(strategy) do
    IO.puts("#{strategy}:")
    children = for n <- [:a, :b, :c], do: Supervisor.child_spec({Child, n}, id: n)
    {:ok, sup} = Supervisor.start_link(children, strategy: strategy)
    before = pids()
    IO.puts("  kill b")
    Process.exit(Process.whereis(:b), :kill)
    Process.sleep(50)
    ids = Enum.map(Supervisor.which_children(sup), &elem(&1, 0))
    IO.inspect(ids, label: "  which_children ids")
    same = Enum.zip_with(before, pids(), &(&1 == &2))
    IO.inspect(same, label: "  same pids [a, b, c]")
    IO.puts("  kill c")
    Process.exit(Process.whereis(:c), :kill)
    Process.sleep(50)
    IO.inspect(Supervisor.count_children(sup), label: "  count")
    IO.puts("  stop")
    :ok = Supervisor.stop(sup)
  end
end

Main.run(:one_for_one)
Main.run(:one_for_all)
Main.run(:rest_for_one)
