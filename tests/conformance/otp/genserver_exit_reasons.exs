# Exit reasons a monitor sees when a GenServer stops or crashes: {:stop, ...} returns,
# raise, runtime errors (raw Erlang terms), exit/1, throw (taken as a return value!),
# bad return values from each callback, and Process.exit from outside.
Logger.configure(level: :none)

defmodule Crashy do
  use GenServer

  def init(s), do: {:ok, s}
  def handle_cast({:stop, reason}, s), do: {:stop, reason, s}
  def handle_cast(:raise, _s), do: raise(ArgumentError, "bad cast")
  def handle_cast(:badarith, s), do: {:noreply, div(s, 0)}
  def handle_cast(:badmatch, s), do: ({:ok, x} = {:error, s}; {:noreply, x})
  def handle_cast(:exit, _s), do: exit({:custom, 1})
  def handle_cast(:throw, _s), do: throw(:thrown_value)
  def handle_cast(:throw_noreply, s), do: throw({:noreply, s + 1})
  def handle_cast({:return, r}, _s), do: r
  def handle_call(:throw_reply, _from, s), do: throw({:reply, {:thrown_reply, s}, s})
  def handle_call(:clause, _from, s), do: {:reply, helper(s), s}
  def handle_call({:return, r}, _from, _s), do: r
  def handle_info({:return, r}, _s), do: r

  defp helper(:never), do: :ok
end

defmodule Main do
  def scrub({e, stack}) when is_list(stack) and stack != [] and is_tuple(hd(stack)), do: {e, :stack}
  def scrub(p) when is_pid(p), do: :pid
  def scrub(t) when is_tuple(t), do: t |> Tuple.to_list() |> Enum.map(&scrub/1) |> List.to_tuple()
  def scrub(l) when is_list(l), do: Enum.map(l, &scrub/1)
  def scrub(x), do: x

  def watch(label, f) do
    {:ok, pid} = GenServer.start(Crashy, 5)
    ref = Process.monitor(pid)
    r = try do: f.(pid), catch: (:exit, e -> {:caller_exit, scrub(e)})
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(scrub(reason), label: label)
    after
      100 -> IO.inspect({:alive, r, :sys.get_state(pid)}, label: label)
    end
    if match?({:caller_exit, _}, r), do: IO.inspect(r, label: "  caller")
  end

  def run do
    for reason <- [:normal, :shutdown, {:shutdown, :done}, :other] do
      watch("stop #{inspect(reason)}", &GenServer.cast(&1, {:stop, reason}))
    end
    for c <- [:raise, :badarith, :badmatch, :exit, :throw, :throw_noreply] do
      watch("cast #{c}", &GenServer.cast(&1, c))
    end
    watch("call throw_reply", &GenServer.call(&1, :throw_reply))
    watch("call clause", &GenServer.call(&1, :clause))
    watch("cast bad return", &GenServer.cast(&1, {:return, {:ok, :nope}}))
    watch("info bad return", &send(&1, {:return, :nope}))
    watch("call bad return", &GenServer.call(&1, {:return, {:reply, :too_short}}))
    watch("call reply with bad timeout", &GenServer.call(&1, {:return, {:reply, :r, 1, :soon}}))
    watch("exit :kill", &Process.exit(&1, :kill))
    watch("exit :shutdown", &Process.exit(&1, :shutdown))
    watch("exit :normal (ignored)", &Process.exit(&1, :normal))
  end
end

Main.run()
