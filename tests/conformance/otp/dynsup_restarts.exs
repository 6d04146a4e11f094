# DynamicSupervisor restarts: :permanent, :transient and :temporary children stopped
# with :normal, :shutdown, an abnormal reason and a kill; a restarted child keeps its
# start args (extra_arguments included); exceeding max_restarts shuts the supervisor
# and its other children down with :shutdown.
Logger.configure(level: :none)

defmodule Child do
  use GenServer
  def start_link(extra, tag), do: GenServer.start_link(__MODULE__, {extra, tag})

  @impl true
  def init(state) do
    send(:main, {:started, state})
    {:ok, state}
  end

  @impl true
  def handle_cast({:stop, reason}, state), do: {:stop, reason, state}
end

defmodule Main do
  def starts(acc) do
    receive do
      {:started, s} -> starts([s | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end

  def try_one(sup, keeper, restart, how) do
    spec = Supervisor.child_spec({Child, restart}, restart: restart)
    {:ok, pid} = DynamicSupervisor.start_child(sup, spec)
    starts([])
    if how == :kill, do: Process.exit(pid, :kill), else: GenServer.cast(pid, {:stop, how})
    Process.sleep(30)
    others = for {:undefined, p, :worker, [Child]} <- DynamicSupervisor.which_children(sup), p != keeper, do: p
    %{specs: specs, active: active} = DynamicSupervisor.count_children(sup)
    IO.inspect({restart, how, Enum.map(others, &(&1 != pid)), specs, active, starts([])})
    Enum.each(others, &DynamicSupervisor.terminate_child(sup, &1))
  end

  def run do
    Process.register(self(), :main)
    {:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, extra_arguments: [:e], max_restarts: 100)
    {:ok, keeper} = DynamicSupervisor.start_child(sup, {Child, :keeper})
    IO.puts("{restart, exit, [new pid?], specs, active, starts}")
    for restart <- [:permanent, :transient, :temporary], how <- [:normal, :shutdown, :boom, :kill] do
      try_one(sup, keeper, restart, how)
    end
    :ok = DynamicSupervisor.stop(sup)
    starts([])

    IO.puts("max_restarts: 2")
    {:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_restarts: 2, max_seconds: 10)
    Process.unlink(sup)
    sup_ref = Process.monitor(sup)
    {:ok, other} = DynamicSupervisor.start_child(sup, %{id: 1, start: {Child, :start_link, [:x, :other]}})
    other_ref = Process.monitor(other)
    {:ok, _} = DynamicSupervisor.start_child(sup, %{id: 2, start: {Child, :start_link, [:x, :victim]}})
    starts([])
    for _ <- 1..3 do
      [{_, victim, _, _}] = Enum.reject(DynamicSupervisor.which_children(sup), &(elem(&1, 1) == other))
      Process.exit(victim, :kill)
      Process.sleep(20)
      IO.inspect({Process.alive?(sup), starts([])}, label: "after a kill: supervisor alive, starts")
    end
    receive do: ({:DOWN, ^other_ref, _, _, r} -> IO.inspect(r, label: "other child DOWN"))
    receive do: ({:DOWN, ^sup_ref, _, _, r} -> IO.inspect(r, label: "supervisor DOWN"))
  end
end

Main.run()
