# Ways a GenServer ends that the others do not cover: handle_continue returning
# {:stop, ...} (from init and after a call), GenServer.stop of a server whose terminate/2
# raises or exits (what stop/3 raises and what the monitor sees), terminate/2 changing
# the exit reason, and {:stop, reason, reply, state} seen by the caller and a monitor.
Logger.configure(level: :none)

defmodule Ender do
  use GenServer

  def init({:cont_stop, r}), do: {:ok, :s, {:continue, {:stop, r}}}
  def init(mode), do: {:ok, mode}

  def handle_continue({:stop, r}, :s), do: receive(do: (:go -> {:stop, r, :s}))
  def handle_continue({:stop, r}, s), do: {:stop, r, s}
  def handle_call({:then_stop, r}, _from, s), do: {:reply, :replied, s, {:continue, {:stop, r}}}
  def handle_call({:stop_reply, r}, _from, s), do: {:stop, r, {:bye, r}, s}

  def terminate(_reason, :raise), do: raise(ArgumentError, "terminate blew up")
  def terminate(_reason, :exit), do: exit(:terminate_exited)
  def terminate(_reason, :throw), do: throw(:terminate_threw)
  def terminate(_reason, _s), do: :ignored_return
end

defmodule Main do
  def scrub({e, st}) when is_exception(e) and is_list(st), do: {e, :stack}
  def scrub({r, st}) when is_list(st) and st != [], do: {r, :stack}
  def scrub(x), do: x

  def run do
    for r <- [:normal, :oops, {:shutdown, :done}] do
      {:ok, p} = GenServer.start(Ender, {:cont_stop, r})
      ref = Process.monitor(p)
      send(p, :go)
      receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "continue stop #{inspect(r)}"))
    end
    {:ok, p} = GenServer.start(Ender, :plain)
    ref = Process.monitor(p)
    IO.inspect(GenServer.call(p, {:then_stop, :later}), label: "reply before continue stop")
    receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "then down"))

    for mode <- [:raise, :exit, :throw] do
      {:ok, p} = GenServer.start(Ender, mode)
      ref = Process.monitor(p)
      try do
        IO.inspect(GenServer.stop(p, :normal), label: "stop #{mode}")
      catch
        :exit, {r, {GenServer, :stop, [_, :normal, :infinity]}} ->
          IO.inspect(scrub(r), label: "stop #{mode} exits with")
      end
      receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(scrub(r), label: "  down"))
    end

    for r <- [:normal, :custom] do
      {:ok, p} = GenServer.start(Ender, :plain)
      ref = Process.monitor(p)
      IO.inspect(GenServer.call(p, {:stop_reply, r}), label: "stop with reply #{r}")
      receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "  down"))
    end
    {:ok, p} = GenServer.start(Ender, :raise)
    IO.inspect(down_after_call(p), label: "stop reply with raising terminate")
  end

  def down_after_call(p) do
    ref = Process.monitor(p)
    reply = GenServer.call(p, {:stop_reply, :x})
    receive do: ({:DOWN, ^ref, _, _, r} -> {reply, scrub(r)})
  end
end

Main.run()
