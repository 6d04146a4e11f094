# Child specs and restart types: which exits make a supervisor restart a child?
#
#                 :normal   :shutdown / {:shutdown, _}   anything else
#   :permanent      yes            yes                       yes
#   :transient      no             no                        yes
#   :temporary      no             no                        no
#
# We check the whole table, then watch a supervisor give up (max_restarts).
Logger.configure(level: :none)

defmodule Worker do
  # Options given to `use GenServer` end up in the generated child_spec/1.
  use GenServer, restart: :transient, shutdown: 1_000

  def start_link(name), do: GenServer.start_link(__MODULE__, name)
  def stop_with(pid, reason), do: GenServer.cast(pid, {:stop, reason})

  @impl true
  def init(name), do: {:ok, name}
  @impl true
  def handle_cast({:stop, reason}, name), do: {:stop, reason, name}
end

IO.inspect(Worker.child_spec(:w), label: "generated child_spec")
IO.inspect(Supervisor.child_spec({Worker, :w}, id: {Worker, 1}, restart: :permanent),
  label: "overridden")

defmodule Check do
  def child(sup) do
    case Supervisor.which_children(sup) do
      [{:w, pid, :worker, _}] -> pid
      [] -> :removed
    end
  end

  # Poll until the supervisor has handled the exit: the old pid is gone.
  def settle(sup, old) do
    case child(sup) do
      ^old -> Process.sleep(2); settle(sup, old)
      other -> other
    end
  end

  def restarted?(type, reason) do
    spec = Supervisor.child_spec({Worker, :w}, id: :w, restart: type)
    {:ok, sup} = Supervisor.start_link([spec], strategy: :one_for_one)
    old = child(sup)
    Worker.stop_with(old, reason)
    now = settle(sup, old)
    Supervisor.stop(sup)
    # A :temporary child is even removed from the supervisor's specs.
    cond do
      is_pid(now) -> :restarted
      now == :undefined -> :kept_stopped
      true -> now
    end
  end
end

for type <- [:permanent, :transient, :temporary] do
  reasons = [:normal, :shutdown, {:shutdown, :bye}, :boom]
  row = for reason <- reasons, do: Check.restarted?(type, reason)
  IO.inspect(row, label: String.pad_trailing(to_string(type), 10))
end

# Too many restarts (more than max_restarts within max_seconds): the supervisor
# stops its children and exits with reason :shutdown.
spec = Supervisor.child_spec({Worker, :w}, id: :w, restart: :permanent)
{:ok, sup} = Supervisor.start_link([spec], strategy: :one_for_one, max_restarts: 2, max_seconds: 5)
Process.unlink(sup)
ref = Process.monitor(sup)
crash = fn ->
  old = Check.child(sup)
  Worker.stop_with(old, :boom)
  Check.settle(sup, old)
end
IO.inspect(is_pid(crash.()), label: "restart 1")
IO.inspect(is_pid(crash.()), label: "restart 2")
Worker.stop_with(Check.child(sup), :boom)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "supervisor gave up")
end
