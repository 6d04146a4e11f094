# A small supervision tree:
#
#   App.Supervisor (one_for_one)
#   ├── Counter          (a named GenServer worker)
#   └── App.Workers      (a DynamicSupervisor, children started on demand)
#
# We crash processes and watch the supervisors restart them, then compare the
# :one_for_one and :rest_for_one strategies. Pids are compared, never printed.
Logger.configure(level: :none)

defmodule Counter do
  use GenServer
  def start_link(start), do: GenServer.start_link(__MODULE__, start, name: __MODULE__)
  def bump, do: GenServer.call(__MODULE__, :bump)
  @impl true
  def init(start), do: {:ok, start}
  @impl true
  def handle_call(:bump, _from, n), do: {:reply, n + 1, n + 1}
end

defmodule App.Supervisor do
  use Supervisor
  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)

  @impl true
  def init(start) do
    children = [
      {Counter, start},
      {DynamicSupervisor, name: App.Workers, strategy: :one_for_one}
    ]
    Supervisor.init(children, strategy: :one_for_one)
  end
end

defmodule Wait do
  # Restarts happen asynchronously: poll until the condition holds.
  def until(fun, tries \\ 500) do
    cond do
      fun.() -> true
      tries == 0 -> false
      true -> Process.sleep(2); until(fun, tries - 1)
    end
  end

  def replaced(name, old), do: until(fn -> (pid = Process.whereis(name)) && pid != old end)
end

{:ok, _} = App.Supervisor.start_link(0)
kids = for {id, _pid, type, _mods} <- Supervisor.which_children(App.Supervisor), do: {id, type}
IO.inspect(Enum.sort(kids), label: "children")
IO.inspect([Counter.bump(), Counter.bump()], label: "bumps")

old = Process.whereis(Counter)
Process.exit(old, :kill)
IO.inspect(Wait.replaced(Counter, old), label: "counter restarted")
IO.inspect(Process.whereis(Counter) == old, label: "same pid as before")
IO.inspect(Counter.bump(), label: "bump after restart (state reset)")

# Dynamic children: anonymous Agents started under App.Workers.
start = fn n -> elem(DynamicSupervisor.start_child(App.Workers, {Agent, fn -> n end}), 1) end
[w1, w2, _] = workers = Enum.map(1..3, start)
IO.inspect(Enum.map(workers, &Agent.get(&1, fn n -> n end)), label: "agent states")
Process.exit(w1, :kill)
live = fn -> for {_, pid, _, _} <- DynamicSupervisor.which_children(App.Workers), do: pid end
replaced = Wait.until(fn -> length(live.()) == 3 and w1 not in live.() end)
IO.inspect(replaced, label: "killed agent replaced")
IO.inspect(DynamicSupervisor.terminate_child(App.Workers, w2), label: "terminate_child")
IO.inspect(DynamicSupervisor.count_children(App.Workers), label: "dynamic counts")

# Killing the DynamicSupervisor takes its children down; it comes back empty.
old_dyn = Process.whereis(App.Workers)
Process.exit(old_dyn, :kill)
IO.inspect(Wait.replaced(App.Workers, old_dyn), label: "dynamic supervisor restarted")
IO.inspect(DynamicSupervisor.count_children(App.Workers).active, label: "workers after restart")
IO.inspect(Supervisor.count_children(App.Supervisor), label: "top counts")

# one_for_one restarts only the crashed child; rest_for_one also restarts the
# children started after it.
for strategy <- [:one_for_one, :rest_for_one] do
  children = for id <- [:a, :b, :c], do: Supervisor.child_spec({Agent, fn -> id end}, id: id)
  {:ok, sup} = Supervisor.start_link(children, strategy: strategy)
  pids = fn -> Map.new(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, pid} end) end
  before = pids.()
  Process.exit(before.b, :kill)
  Wait.until(fn -> is_pid(pids.().b) and pids.().b != before.b end)
  now = pids.()
  changed = for id <- [:a, :b, :c], do: {id, now[id] != before[id]}
  IO.inspect(changed, label: "#{strategy} restarted")
  Supervisor.stop(sup)
end
