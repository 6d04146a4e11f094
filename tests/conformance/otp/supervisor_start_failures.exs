# Children that fail to start: Supervisor.start_link returns
# {:error, {:shutdown, {:failed_to_start_child, id, reason}}} after shutting down the
# children already started (newest first); later children never start. A child whose
# start returns :ignore is kept with pid :undefined. start_child reports the reason.
Logger.configure(level: :none)

defmodule Child do
  use GenServer
  def start_link(how), do: GenServer.start_link(__MODULE__, how)

  @impl true
  def init({:ok, name}) do
    Process.flag(:trap_exit, true)
    IO.puts("  start #{name}")
    {:ok, name}
  end
  def init(:ignore), do: :ignore
  def init(:stop), do: {:stop, :no_way}
  def init(:raise), do: raise(ArgumentError, "bad init")
  def init(:bad), do: :what

  @impl true
  def terminate(reason, name), do: IO.puts("  terminate #{name} #{inspect(reason)}")
end

defmodule Main do
  def spec(id, how), do: Supervisor.child_spec({Child, how}, id: id)

  def simplify({e, stack}) when is_list(stack), do: {e, :stack}
  def simplify({a, b}), do: {simplify(a), simplify(b)}
  def simplify({a, b, c}), do: {simplify(a), simplify(b), simplify(c)}
  def simplify(other), do: other

  def try_start(how) do
    IO.puts("third child #{inspect(how)}:")
    children = [spec(:one, {:ok, "one"}), spec(:two, {:ok, "two"}), spec(:three, how),
                spec(:four, {:ok, "four"})]
    case Supervisor.start_link(children, strategy: :one_for_one) do
      {:ok, sup} ->
        Supervisor.which_children(sup)
        |> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid)} end)
        |> IO.inspect(label: "  started")
        IO.inspect(Supervisor.count_children(sup), label: "  count")
        Supervisor.stop(sup)
      error ->
        IO.inspect(simplify(error), label: "  start_link")
    end
    receive do
      {:EXIT, _, reason} -> IO.inspect(simplify(reason), label: "  EXIT")
    end
  end

  def run do
    Process.flag(:trap_exit, true)
    for how <- [:ignore, :stop, :raise, :bad], do: try_start(how)

    IO.puts("start_child:")
    {:ok, sup} = Supervisor.start_link([], strategy: :one_for_one)
    for {id, how} <- [a: :stop, b: :raise, c: :bad, d: :ignore] do
      case Supervisor.start_child(sup, spec(id, how)) do
        {:error, {reason, child}} -> IO.inspect({id, simplify(reason), elem(child, 0)})
        other -> IO.inspect({id, other})
      end
    end
    IO.inspect(Supervisor.count_children(sup), label: "  count")
  end
end

Main.run()
