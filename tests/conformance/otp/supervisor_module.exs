# Module-based supervisors: `use Supervisor`, init/1 calling Supervisor.init/2 (its
# return value printed), start_link/3 with a name, :ignore and bad returns from init/1,
# and the defaults Supervisor.init/2 fills in.
Logger.configure(level: :none)

defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end

defmodule MySup do
  use Supervisor
  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)
  @impl true
  def init(:ignore), do: :ignore
  def init(:bad), do: :what
  def init(:raise), do: raise("nope")
  def init(opts) do
    result = Supervisor.init([{W, 1}, Supervisor.child_spec({W, 2}, id: :w2)], opts)
    IO.inspect(result, label: "init returns")
    result
  end
end

defmodule Main do
  def exits(acc) do
    receive do
      {:EXIT, _, {e, stack}} when is_list(stack) -> exits([{e, :stack} | acc])
      {:EXIT, _, reason} -> exits([reason | acc])
    after
      50 -> Enum.reverse(acc)
    end
  end

  def run do
    Process.flag(:trap_exit, true)
    {:ok, pid} = MySup.start_link(strategy: :one_for_all, max_restarts: 1, max_seconds: 10)
    IO.inspect(Process.whereis(MySup) == pid, label: "registered")
    {:error, {:already_started, other}} = MySup.start_link(strategy: :one_for_one)
    IO.inspect(other == pid, label: "already_started with the same pid")
    IO.inspect(Supervisor.count_children(MySup), label: "count by name")
    IO.inspect(Supervisor.stop(MySup), label: "stop by name")
    IO.inspect(Process.whereis(MySup), label: "after stop")

    IO.inspect(Supervisor.start_link(MySup, :ignore), label: "init :ignore")
    IO.inspect(Supervisor.start_link(MySup, :bad), label: "init bad return")
    {:error, {exc, stack}} = Supervisor.start_link(MySup, :raise)
    IO.inspect({exc, is_list(stack)}, label: "init raises")
    IO.inspect(exits([]), label: "EXIT messages")

    IO.inspect(Supervisor.init([], strategy: :one_for_one), label: "defaults")
    IO.inspect(Supervisor.init([W], strategy: :rest_for_one, max_seconds: 3, bogus: 1),
      label: "max_seconds, unknown option")
    IO.inspect(Supervisor.init([{W, :a}, %{id: :m, start: {W, :start_link, [:m]}}],
      strategy: :one_for_one, max_restarts: 0), label: "mixed children")

    {:ok, named} = Supervisor.start_link([W], strategy: :one_for_one, name: :named_sup)
    IO.inspect(Process.whereis(:named_sup) == named, label: "start_link/2 with name")
    {:ok, g} = Supervisor.start_link([W], strategy: :one_for_one, name: {:global, :gsup})
    IO.inspect(:global.whereis_name(:gsup) == g, label: "global name")
    IO.inspect(length(Supervisor.which_children({:global, :gsup})), label: "children via global")
    try do
      Supervisor.start_link([W], strategy: :one_for_one, name: "bad")
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
