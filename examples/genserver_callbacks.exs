# The GenServer callbacks beyond plain call/cast:
#
# * handle_continue: finish initialisation after init/1 returned, before any
#   message is handled (the caller of start_link is not kept waiting);
# * GenServer.reply/2: answer a call later, from another callback;
# * a timeout in a callback's result: :timeout arrives when the mailbox stays empty;
# * terminate/2: cleanup when the server is stopped.
defmodule Clock do
  use GenServer

  def start_link(log), do: GenServer.start_link(__MODULE__, log, name: __MODULE__)

  @impl true
  def init(log) do
    send(log, {:log, "init"})
    {:ok, %{log: log, loaded: nil, idle: 0}, {:continue, :load}}
  end

  @impl true
  def handle_continue(:load, state) do
    send(state.log, {:log, "handle_continue: loading"})
    {:noreply, %{state | loaded: [:config, :cache]}}
  end

  @impl true
  def handle_call(:loaded, _from, state), do: {:reply, state.loaded, state}

  # Don't reply now: ask for a message to ourselves and reply when it arrives.
  def handle_call(:reply_later, from, state) do
    Process.send_after(self(), {:reply, from}, 100)
    {:noreply, state}
  end

  # Reply, then wait at most 50ms for the next message.
  def handle_call(:nap, _from, state), do: {:reply, :napping, state, 50}

  def handle_call(:idle_count, _from, state), do: {:reply, state.idle, state}

  @impl true
  def handle_info({:reply, from}, state) do
    GenServer.reply(from, :time_has_passed)
    {:noreply, state}
  end

  def handle_info(:timeout, state) do
    send(state.log, {:log, "handle_info(:timeout)"})
    {:noreply, %{state | idle: state.idle + 1}}
  end

  @impl true
  def terminate(reason, state) do
    send(state.log, {:log, "terminate(#{inspect(reason)})"})
  end
end

print_log = fn ->
  receive do
    {:log, line} -> IO.puts("  log: " <> line)
  after
    1_000 -> IO.puts("  log: (nothing)")
  end
end

{:ok, _pid} = Clock.start_link(self())
print_log.()
print_log.()
IO.inspect(GenServer.call(Clock, :loaded), label: "loaded")

# The caller blocks until the deferred reply, even though handle_call returned.
IO.inspect(GenServer.call(Clock, :reply_later), label: "reply_later")

IO.inspect(GenServer.call(Clock, :nap), label: "nap")
print_log.()
IO.inspect(GenServer.call(Clock, :idle_count), label: "idle timeouts")

# A call that arrives within the timeout cancels it.
IO.inspect(GenServer.call(Clock, :nap), label: "nap")
IO.inspect(GenServer.call(Clock, :idle_count), label: "idle timeouts (interrupted)")
Process.sleep(100)
IO.inspect(GenServer.call(Clock, :idle_count), label: "idle timeouts")

IO.inspect(GenServer.stop(Clock, :normal), label: "stop")
print_log.()
IO.inspect(Process.whereis(Clock), label: "whereis after stop")
