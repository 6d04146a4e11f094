# Reports printed when GenServers and Tasks crash, and Logger calls. Elixir's Logger writes
# them on stdout with a timestamp; Beamlet writes them on stderr without one. The test
# compares them after normalizing timestamps, pids, functions and stack-trace lines.
defmodule S do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(:boom, _from, _s), do: raise("boom")
  def handle_cast(:stop_bad, s), do: {:stop, :bad, s}
  def handle_cast(:throw, _s), do: throw(:ball)
  def handle_info(:exit_normal, s), do: {:stop, :normal, s}
end

defmodule Quiet do
  use GenServer
  def init(x), do: {:ok, x}
end

defmodule Main do
  def pause, do: Process.sleep(50)

  def run do
    Process.flag(:trap_exit, true)
    {:ok, p} = GenServer.start_link(S, 1)
    catch_exit(fn -> GenServer.call(p, :boom) end)
    pause()
    {:ok, p} = GenServer.start(S, %{a: 1}, name: :named)
    GenServer.cast(p, :stop_bad)
    pause()
    {:ok, p} = GenServer.start(S, [1, 2])
    GenServer.cast(p, :throw)
    pause()
    {:ok, p} = GenServer.start(S, :normal_state)
    send(p, :exit_normal)
    pause()
    {:ok, p} = GenServer.start(Quiet, 0, name: :quiet)
    send(p, :unexpected)
    pause()
    {:ok, _} = Task.start(fn -> raise ArgumentError, "task boom" end)
    pause()
    {:ok, _} = Task.start(fn -> exit(:oops) end)
    pause()
    {:ok, _} = Task.start(fn -> exit(:normal) end)
    pause()
    spawn(fn -> raise "plain process" end)
    pause()
    require Logger
    Logger.error("an error from the script")
    Logger.warning("a warning")
    Logger.info("some info")
    Logger.configure(level: :warning)
    Logger.info("not shown")
    Logger.error("shown")
    pause()
  end

  def catch_exit(f) do
    try do
      f.()
    catch
      :exit, _ -> :ok
    end
  end
end

Main.run()
