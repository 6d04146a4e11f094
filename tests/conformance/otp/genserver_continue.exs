# handle_continue chains (run before any queued message), continue after a reply,
# continue ending in a timeout or a stop, and :timeout messages: repeated, pre-empted
# by a queued message, and timeout 0.
Logger.configure(level: :none)

defmodule Chain do
  use GenServer

  def init({:chain, n}) do
    send(self(), :queued_during_init)
    {:ok, [:init], {:continue, {:step, n}}}
  end
  def init({:timeout0, queue?}) do
    if queue?, do: send(self(), :queued_during_init)
    {:ok, [:init], 0}
  end
  def init(:ticks), do: {:ok, [], 10}

  def handle_continue({:step, 0}, log), do: {:noreply, [{:step, 0} | log]}
  def handle_continue({:step, n}, log), do: {:noreply, [{:step, n} | log], {:continue, {:step, n - 1}}}
  def handle_continue(:then_timeout, log), do: {:noreply, [:then_timeout | log], 10}
  def handle_continue(:then_stop, log), do: {:stop, {:shutdown, :continue_said_so}, log}
  def handle_continue(:after_reply, log), do: {:noreply, [:after_reply | log]}

  def handle_call(:log, _from, log), do: {:reply, Enum.reverse(log), log}
  def handle_call(:reply_then_continue, _from, log), do: {:reply, :reply_first, [:call | log], {:continue, :after_reply}}
  def handle_cast(c, log), do: {:noreply, [{:cast, c} | log], {:continue, c}}

  def handle_info(:timeout, log) do
    ticks = Enum.count(log, &(&1 == :timeout))
    if ticks < 2, do: {:noreply, [:timeout | log], 10}, else: {:noreply, [:timeout | log]}
  end
  def handle_info(msg, log), do: {:noreply, [msg | log]}
end

defmodule Main do
  def log(label, arg) do
    {:ok, pid} = GenServer.start(Chain, arg)
    Process.sleep(100)
    IO.inspect(GenServer.call(pid, :log), label: label)
    pid
  end

  def run do
    log("chain of 3", {:chain, 3})
    log("timeout 0, empty mailbox", {:timeout0, false})
    log("timeout 0, queued message", {:timeout0, true})
    pid = log("repeated timeouts", :ticks)

    # A message sent as :timeout is handled the same way.
    send(pid, :timeout)
    Process.sleep(100)
    IO.inspect(GenServer.call(pid, :log), label: "sent :timeout")

    IO.inspect(GenServer.call(pid, :reply_then_continue), label: "reply")
    GenServer.cast(pid, :then_timeout)
    Process.sleep(100)
    IO.inspect(GenServer.call(pid, :log) |> Enum.take(-5), label: "after cast")

    ref = Process.monitor(pid)
    GenServer.cast(pid, :then_stop)
    receive do: ({:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "continue stopped"))
  end
end

Main.run()
