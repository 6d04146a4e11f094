# When terminate/2 runs: GenServer.stop/1,3 (its return, the reasons), {:stop, ...}
# returns, a raise in a callback, an exit signal from the parent while trapping exits,
# and not at all when the server does not trap exits or is killed.
Logger.configure(level: :none)

defmodule Term do
  use GenServer

  def init({trap, report_to}) do
    Process.flag(:trap_exit, trap)
    {:ok, report_to}
  end
  def handle_cast(:raise, _to), do: raise("cast crashed")
  def handle_cast({:stop, reason}, to), do: {:stop, reason, to}
  def terminate({e, stack}, to) when is_exception(e), do: send(to, {:terminate, {e, is_list(stack)}})
  def terminate(reason, to), do: send(to, {:terminate, reason})
end

defmodule Main do
  def report(label, pid, ref) do
    down = receive do
      {:DOWN, ^ref, :process, ^pid, {e, st}} when is_exception(e) -> {e, is_list(st)}
      {:DOWN, ^ref, :process, ^pid, r} -> r
    end
    t = receive do: ({:terminate, r} -> {:terminate, r}), after: (0 -> :no_terminate)
    IO.inspect({t, down: down}, label: label)
  end

  def start(trap \\ false) do
    {:ok, pid} = GenServer.start(Term, {trap, self()})
    {pid, Process.monitor(pid)}
  end

  def run do
    {pid, ref} = start()
    IO.inspect(GenServer.stop(pid), label: "stop/1 returns")
    report("stop/1", pid, ref)

    for reason <- [:normal, :shutdown, {:shutdown, :bye}, :custom] do
      {pid, ref} = start()
      r = try do: GenServer.stop(pid, reason, 1000), catch: (:exit, e -> {:exit, e})
      IO.inspect(r, label: "stop/3 #{inspect(reason)} returns")
      report("stop/3 #{inspect(reason)}", pid, ref)
    end

    {pid, ref} = start()
    GenServer.cast(pid, {:stop, :from_cast})
    report("{:stop, reason, s}", pid, ref)

    {pid, ref} = start()
    GenServer.cast(pid, :raise)
    report("raise in cast", pid, ref)

    # Exit signals from the parent (the process that started it, linked): the parent
    # itself exits with the reason.
    for trap <- [true, false], reason <- [:shutdown, {:shutdown, :x}, :normal, :kill] do
      me = self()
      parent = spawn(fn ->
        {:ok, pid} = GenServer.start_link(Term, {trap, me})
        send(me, {:server, pid})
        receive do: ({:exit, r} -> exit(r))
      end)
      pid = receive do: ({:server, p} -> p)
      ref = Process.monitor(pid)
      send(parent, {:exit, reason})
      Process.sleep(50)
      if Process.alive?(pid), do: Process.exit(pid, :kill)
      report("trap=#{trap}, parent exits #{inspect(reason)}", pid, ref)
    end

    # A signal from a process that is not the parent, while trapping: just a message.
    {pid, ref} = start(true)
    Process.exit(pid, :shutdown)
    Process.sleep(50)
    IO.inspect(Process.alive?(pid), label: "alive after non-parent :shutdown")
    Process.exit(pid, :kill)
    report("then :kill", pid, ref)
  end
end

Main.run()
