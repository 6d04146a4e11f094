# GenServer.reply/2 from processes other than the server: a spawned worker and a Task
# answer the caller while the server goes on serving; a reply from terminate/2; a
# server calling itself through its registered name (:calling_self); a reply sent
# twice (the second is dropped); and the order of replies to interleaved callers.
Logger.configure(level: :none)

defmodule Offload do
  use GenServer

  def init(_), do: {:ok, %{served: 0, held: nil}}

  def handle_call({:slow, v, ms}, from, s) do
    spawn(fn ->
      Process.sleep(ms)
      GenServer.reply(from, {:worker, v})
    end)
    {:noreply, %{s | served: s.served + 1}}
  end

  def handle_call({:task, v}, from, s) do
    Task.start(fn -> GenServer.reply(from, {:task, v * 2}) end)
    {:noreply, s}
  end

  def handle_call(:twice, from, s) do
    GenServer.reply(from, :first)
    Process.sleep(20)
    {:reply, :second, s}
  end

  def handle_call(:hold, from, s), do: {:noreply, %{s | held: from}}
  def handle_call(:served, _from, s), do: {:reply, s.served, s}
  def handle_call(:self_by_name, _from, s), do: {:reply, GenServer.call(:offload, :served), s}

  def terminate(_reason, %{held: from}) when from != nil, do: GenServer.reply(from, :from_terminate)
  def terminate(_reason, _s), do: :ok
end

defmodule Main do
  def run do
    {:ok, s} = GenServer.start(Offload, nil, name: :offload)
    me = self()
    spawn(fn -> send(me, {:a, GenServer.call(s, {:slow, :a, 60})}) end)
    Process.sleep(5)
    spawn(fn -> send(me, {:b, GenServer.call(s, {:slow, :b, 10})}) end)
    Process.sleep(5)
    IO.inspect(GenServer.call(s, :served), label: "server not blocked")
    for _ <- 1..2, do: receive(do: (msg -> IO.inspect(msg, label: "reply")))
    IO.inspect(GenServer.call(s, {:task, 21}), label: "reply from a task")
    IO.inspect(GenServer.call(s, :twice), label: "reply twice")
    Process.sleep(20)
    IO.inspect(Process.info(self(), :message_queue_len), label: "second reply dropped")

    try do
      GenServer.call(s, :self_by_name)
    catch
      :exit, {reason, {GenServer, :call, [dest, msg, _]}} ->
        IO.inspect({reason, dest == s, msg}, label: "self call by name")
    end
    IO.inspect(Process.alive?(s), label: "server after self call")
    {:ok, s} = GenServer.start(Offload, nil, name: :offload)

    spawn(fn -> send(me, {:held, GenServer.call(s, :hold)}) end)
    Process.sleep(20)
    IO.inspect(GenServer.stop(s, :shutdown), label: "stop")
    receive do
      {:held, r} -> IO.inspect(r, label: "held caller got")
    after
      200 -> IO.puts("held caller got nothing")
    end
    IO.inspect(GenServer.reply({self(), make_ref()}, :to_myself), label: "reply/2 returns")
    receive do
      {ref, :to_myself} when is_reference(ref) -> IO.puts("reply is {ref, msg}")
    end
  end
end

Main.run()
