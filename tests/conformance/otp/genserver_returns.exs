# Every return tuple of handle_call/handle_cast/handle_info: with a timeout (which
# delivers :timeout to handle_info unless another message comes first), :hibernate,
# {:continue, t}, and the {:stop, ...} forms with the order of reply, terminate and :DOWN.
Logger.configure(level: :none)

defmodule Ret do
  use GenServer

  def init(log), do: {:ok, log}
  def handle_call(:log, _from, log), do: {:reply, Enum.reverse(log), []}
  def handle_call({:reply, ret}, _from, log), do: put_elem(ret, 2, [{:call, elem(ret, 1)} | log])
  def handle_call({:noreply, ret}, from, log) do
    GenServer.reply(from, :replied_by_hand)
    put_elem(ret, 1, [:call_noreply | log])
  end
  def handle_call({:stop, reason, reply}, _from, log), do: {:stop, reason, reply, log}
  def handle_cast(ret, log), do: with_log(ret, [{:cast, elem(ret, 0)} | log])
  def handle_info(:timeout, log), do: {:noreply, [:timeout | log]}
  def handle_info({:info, ret}, log), do: with_log(ret, [{:info, elem(ret, 0)} | log])
  def handle_info(other, log), do: {:noreply, [{:info, other} | log]}
  def handle_continue(t, log), do: {:noreply, [{:continue, t} | log]}
  defp with_log({:stop, _, _} = ret, log), do: put_elem(ret, 2, log)
  defp with_log(ret, log), do: put_elem(ret, 1, log)
  def terminate(reason, log), do: IO.inspect({reason, Enum.reverse(log)}, label: "terminate")
end

defmodule Main do
  def run do
    {:ok, s} = GenServer.start(Ret, [])
    IO.inspect(GenServer.call(s, {:reply, {:reply, 1, nil}}), label: "reply")
    IO.inspect(GenServer.call(s, {:reply, {:reply, 2, nil, 20}}), label: "reply timeout")
    Process.sleep(100)
    IO.inspect(GenServer.call(s, {:reply, {:reply, 3, nil, :hibernate}}), label: "reply hibernate")
    IO.inspect(GenServer.call(s, {:reply, {:reply, 4, nil, {:continue, :c4}}}), label: "reply continue")
    IO.inspect(GenServer.call(s, {:reply, {:reply, 5, nil, :infinity}}), label: "reply infinity")
    IO.inspect(GenServer.call(s, {:noreply, {:noreply, nil}}), label: "noreply")
    IO.inspect(GenServer.call(s, {:noreply, {:noreply, nil, 10}}), label: "noreply timeout")
    Process.sleep(100)
    IO.inspect(GenServer.call(s, :log), label: "log 1")

    GenServer.cast(s, {:noreply, nil})
    GenServer.cast(s, {:noreply, nil, 10})
    Process.sleep(100)
    GenServer.cast(s, {:noreply, nil, :hibernate})
    GenServer.cast(s, {:noreply, nil, {:continue, :from_cast}})
    # A timeout is cancelled by any message that arrives first.
    send(s, {:info, {:noreply, nil, 50}})
    send(s, :plain_message)
    send(s, {:info, {:noreply, nil, {:continue, :from_info}}})
    send(s, {:info, {:noreply, nil, :hibernate}})
    Process.sleep(100)
    IO.inspect(GenServer.call(s, :log), label: "log 2")

    ref = Process.monitor(s)
    IO.inspect(GenServer.call(s, {:stop, :normal, :last_words}), label: "stop with reply")
    receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "down"))

    for ret <- [{:stop, :normal, nil}, {:stop, {:shutdown, :cast}, nil}] do
      {:ok, s} = GenServer.start(Ret, [])
      ref = Process.monitor(s)
      GenServer.cast(s, ret)
      receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "down"))
    end

    {:ok, s} = GenServer.start(Ret, [])
    ref = Process.monitor(s)
    send(s, {:info, {:stop, :info_stop, nil}})
    receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "down"))
  end
end

Main.run()
