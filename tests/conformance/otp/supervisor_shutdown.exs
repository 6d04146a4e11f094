# Shutdown values: :brutal_kill (no terminate/2), an integer timeout met by a fast child
# and exceeded by a slow one (killed), :infinity, and a child that does not trap exits.
# Children terminate in reverse start order on Supervisor.stop/3.
Logger.configure(level: :none)

defmodule Child do
  use GenServer
  def start_link({name, trap, delay}), do: GenServer.start_link(__MODULE__, {name, trap, delay})

  @impl true
  def init({name, trap, delay}) do
    Process.flag(:trap_exit, trap)
    {:ok, {name, delay}}
  end

  @impl true
  def terminate(reason, {name, delay}) do
    IO.puts("  #{name} terminate(#{inspect(reason)})")
    Process.sleep(delay)
    IO.puts("  #{name} done")
  end
end

defmodule Main do
  def spec(name, shutdown, trap, delay) do
    Supervisor.child_spec({Child, {name, trap, delay}}, id: name, shutdown: shutdown)
  end

  def run do
    children = [
      spec(:brutal, :brutal_kill, true, 0),
      spec(:fast, 500, true, 0),
      spec(:slow, 100, true, 1000),
      spec(:patient, :infinity, true, 200),
      spec(:plain, 5000, false, 0)
    ]
    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
    Process.unlink(sup)
    pids = Map.new(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, pid} end)
    for id <- [:brutal, :fast, :slow, :patient, :plain] do
      IO.puts("terminate_child #{id}")
      ref = Process.monitor(pids[id])
      IO.inspect(Supervisor.terminate_child(sup, id), label: "  returns")
      receive do
        {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "  DOWN")
      end
    end
    IO.inspect(Supervisor.count_children(sup), label: "count")
    for id <- [:brutal, :fast, :slow, :patient, :plain] do
      {:ok, _} = Supervisor.restart_child(sup, id)
    end
    ref = Process.monitor(sup)
    IO.puts("Supervisor.stop(sup, :custom, :infinity)")
    IO.inspect(Supervisor.stop(sup, :custom, :infinity), label: "stop returns")
    receive do
      {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "supervisor DOWN")
    end
  end
end

Main.run()
