# GenServer.call/2,3: plain replies, {:noreply, s} answered later with GenServer.reply/2,
# the shape of `from`, call timeouts caught with `catch :exit`, and the mailbox afterwards.
Logger.configure(level: :none)

defmodule Server do
  use GenServer

  def init(_), do: {:ok, %{waiting: nil}}

  def handle_call({:echo, x}, _from, s), do: {:reply, {:echo, x}, s}
  def handle_call(:wait, from, s), do: {:noreply, %{s | waiting: from}}
  def handle_call(:from_shape, {pid, tag} = from, s) do
    # OTP 25: the tag is an improper list [:alias | ref], not a bare reference.
    {:reply, {is_pid(pid), is_reference(tag), match?([:alias | r] when is_reference(r), tag), tuple_size(from)}, s}
  end
  def handle_call(:release_waiting, _from, %{waiting: w} = s) do
    GenServer.reply(w, :released)
    {:reply, :done, %{s | waiting: nil}}
  end
  def handle_call({:reply_early, x}, from, s) do
    # Reply first, then keep working: the caller already has its answer.
    :ok = GenServer.reply(from, {:early, x})
    {:noreply, s}
  end
  def handle_call({:sleep, ms}, _from, s), do: (Process.sleep(ms); {:reply, :slept, s})

  def handle_cast({:release, msg}, %{waiting: w} = s) do
    GenServer.reply(w, msg)
    {:noreply, %{s | waiting: nil}}
  end
end

defmodule Main do
  def run do
    {:ok, pid} = GenServer.start_link(Server, nil, name: :srv)
    IO.inspect(GenServer.call(pid, {:echo, 1}), label: "call pid")
    IO.inspect(GenServer.call(:srv, {:echo, [a: 1]}), label: "call name")
    IO.inspect(GenServer.call(:srv, {:echo, "x"}, :infinity), label: "call infinity")
    IO.inspect(GenServer.call(:srv, :from_shape), label: "from is {pid, tag}")
    IO.inspect(GenServer.call(:srv, {:reply_early, 5}), label: "reply before returning")

    # The reply to :wait is sent by a cast from another process.
    me = self()
    spawn(fn ->
      Process.sleep(20)
      GenServer.cast(:srv, {:release, :from_cast})
      send(me, :released)
    end)
    IO.inspect(GenServer.call(:srv, :wait), label: "deferred reply")
    receive do: (:released -> :ok)

    # And here by a call from another process.
    spawn(fn ->
      Process.sleep(20)
      send(me, {:second, GenServer.call(:srv, :release_waiting)})
    end)
    IO.inspect(GenServer.call(:srv, :wait), label: "deferred reply 2")
    receive do: ({:second, r} -> IO.inspect(r, label: "releaser got"))

    # Timeouts.
    r = try do: GenServer.call(:srv, {:sleep, 100}, 10), catch: (:exit, reason -> reason)
    IO.inspect(r, label: "timeout by name")

    r = try do
      GenServer.call(pid, :wait, 10)
    catch
      :exit, {:timeout, {GenServer, :call, [p, req, t]}} -> {:timeout, p == pid, req, t}
    end
    IO.inspect(r, label: "timeout by pid")

    # The server is still fine; a late reply would be dropped (OTP 24+ uses aliases).
    IO.inspect(GenServer.call(:srv, {:echo, :after}), label: "after timeouts")
    Process.sleep(120)
    IO.inspect(Process.info(self(), :message_queue_len), label: "mailbox")
    IO.inspect(Process.info(self(), :monitors), label: "monitors")
  end
end

Main.run()
