# Restart types: :permanent, :transient and :temporary children stopped with :normal,
# :shutdown, {:shutdown, term}, an abnormal reason, a raise and a kill. Shows whether the
# child is restarted, left as :undefined, or removed from the supervisor.
Logger.configure(level: :none)

defmodule Child do
  use GenServer
  def start_link(tag), do: GenServer.start_link(__MODULE__, tag)

  @impl true
  def init(tag) do
    send(:main, {:started, tag})
    {:ok, tag}
  end

  @impl true
  def handle_cast(:raise, _state), do: raise("boom")
  def handle_cast({:stop, reason}, state), do: {:stop, reason, state}
end

defmodule Main do
  def starts(n) do
    receive do
      {:started, _} -> starts(n + 1)
    after
      0 -> n
    end
  end

  def try_one(restart, how) do
    spec = Supervisor.child_spec({Child, restart}, restart: restart)
    {:ok, sup} = Supervisor.start_link([spec], strategy: :one_for_one)
    [{Child, pid, :worker, [Child]}] = Supervisor.which_children(sup)
    starts(0)
    case how do
      :kill -> Process.exit(pid, :kill)
      :raise -> GenServer.cast(pid, :raise)
      reason -> GenServer.cast(pid, {:stop, reason})
    end
    Process.sleep(30)
    children =
      for {id, p, type, _} <- Supervisor.which_children(sup) do
        {id, if(is_pid(p), do: p != pid, else: p), type}
      end
    %{specs: specs, active: active} = Supervisor.count_children(sup)
    IO.inspect({restart, how, children, specs, active, starts(0)})
    Supervisor.stop(sup)
  end

  def run do
    Process.register(self(), :main)
    IO.puts("{restart, exit, [{id, new pid?, type}], specs, active, restarts}")
    for restart <- [:permanent, :transient, :temporary],
        how <- [:normal, :shutdown, {:shutdown, :bye}, :boom, :raise, :kill] do
      try_one(restart, how)
    end
  end
end

Main.run()
