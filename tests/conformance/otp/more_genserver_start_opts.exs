# GenServer start options: timeout: with a slow init/1 ({:error, :timeout}, the process
# killed, the EXIT seen by a trapping caller), spawn_opt: (priority, fullsweep_after),
# debug: [:statistics] and debug: [:log] read back through :sys, and an unknown option.
Logger.configure(level: :none)

defmodule Slow do
  use GenServer

  def init({:sleep, ms, to}) do
    send(to, {:init_pid, self()})
    Process.sleep(ms)
    {:ok, ms}
  end

  def init(s), do: {:ok, s}
  def handle_call(:get, _from, s), do: {:reply, s, s}
  def handle_cast(:noop, s), do: {:noreply, s}
end

defmodule Main do
  def scrub(p) when is_pid(p) or is_reference(p), do: :x
  def scrub(t) when is_tuple(t), do: t |> Tuple.to_list() |> Enum.map(&scrub/1) |> List.to_tuple()
  def scrub([h | t]), do: [scrub(h) | scrub(t)]
  def scrub(x), do: x

  def run do
    me = self()
    IO.inspect(GenServer.start(Slow, {:sleep, 500, me}, timeout: 50), label: "start timeout")
    receive do
      {:init_pid, p} -> Process.sleep(20); IO.inspect(Process.alive?(p), label: "slow init killed")
    end
    {:ok, q} = GenServer.start(Slow, {:sleep, 10, me}, timeout: 1000)
    IO.inspect(GenServer.call(q, :get), label: "init within timeout")
    receive do: ({:init_pid, _} -> :ok)

    Process.flag(:trap_exit, true)
    IO.inspect(GenServer.start_link(Slow, {:sleep, 500, me}, timeout: 30), label: "start_link timeout")
    receive do
      {:EXIT, _, reason} -> IO.inspect(reason, label: "EXIT after timeout")
    after
      200 -> IO.puts("no EXIT")
    end
    receive do: ({:init_pid, _} -> :ok)
    Process.flag(:trap_exit, false)

    {:ok, h} = GenServer.start_link(Slow, :hi, spawn_opt: [priority: :high, fullsweep_after: 7])
    IO.inspect(Process.info(h, :priority), label: "spawn_opt priority")
    {:garbage_collection, gc} = Process.info(h, :garbage_collection)
    IO.inspect(gc[:fullsweep_after], label: "spawn_opt fullsweep_after")
    IO.inspect(GenServer.call(h, :get), label: "still works")

    {:ok, d} = GenServer.start_link(Slow, :dbg, debug: [:statistics])
    GenServer.cast(d, :noop)
    GenServer.call(d, :get)
    {:ok, stats} = :sys.statistics(d, :get)
    IO.inspect({stats[:messages_in], stats[:messages_out]}, label: "debug statistics")
    IO.inspect(:sys.statistics(d, false), label: "statistics off")
    IO.inspect(:sys.statistics(d, :get), label: "statistics after off")

    {:ok, l} = GenServer.start_link(Slow, 0, debug: [{:log, 10}])
    GenServer.cast(l, :noop)
    GenServer.call(l, :get)
    {:ok, events} = :sys.log(l, :get)
    IO.inspect(Enum.map(events, &scrub/1), label: "debug log events")
    IO.inspect(:sys.log(l, false), label: "log off")

    {:ok, u} = GenServer.start_link(Slow, :u, unknown_option: 1)
    IO.inspect(GenServer.call(u, :get), label: "unknown option ignored")
  end
end

Main.run()
