# handle_info with non-gen messages: :DOWN of monitors taken by the server, {:EXIT, ...}
# from a linked worker while trapping exits, Process.send_after ticks; and the wire
# protocol: {:"$gen_cast", m} and {:"$gen_call", {pid, ref}, m} sent by hand.
Logger.configure(level: :none)

defmodule Watcher do
  use GenServer

  def init(_) do
    Process.flag(:trap_exit, true)
    {:ok, []}
  end

  def handle_call({:watch, pid}, _from, log) do
    Process.monitor(pid)
    {:reply, :watching, log}
  end
  def handle_call(:spawn_worker, _from, log) do
    spawn_link(fn -> exit(:worker_done) end)
    {:reply, :spawned, log}
  end
  def handle_call({:tick, n}, _from, log) do
    Process.send_after(self(), {:tick, n}, 10)
    {:reply, :scheduled, log}
  end
  def handle_call(:log, _from, log), do: {:reply, Enum.reverse(log), []}
  def handle_call(other, _from, log), do: {:reply, {:got_call, other}, log}

  def handle_cast(msg, log), do: {:noreply, [{:cast, msg} | log]}

  def handle_info({:DOWN, _ref, :process, _pid, reason}, log), do: {:noreply, [{:down, reason} | log]}
  def handle_info({:EXIT, _pid, reason}, log), do: {:noreply, [{:exit, reason} | log]}
  def handle_info({:tick, 0}, log), do: {:noreply, [{:tick, 0} | log]}
  def handle_info({:tick, n}, log) do
    Process.send_after(self(), {:tick, n - 1}, 10)
    {:noreply, [{:tick, n} | log]}
  end
  def handle_info(other, log), do: {:noreply, [{:info, other} | log]}
end

defmodule Main do
  def run do
    {:ok, w} = GenServer.start(Watcher, nil)
    victim = spawn(fn -> receive do: (:go -> exit(:victim_reason)) end)
    IO.inspect(GenServer.call(w, {:watch, victim}), label: "watch")
    vref = Process.monitor(victim)
    send(victim, :go)
    receive do: ({:DOWN, ^vref, _, _, _} -> :ok)
    IO.inspect(GenServer.call(w, :spawn_worker), label: "worker")
    IO.inspect(GenServer.call(w, {:tick, 3}), label: "tick")
    Process.sleep(100)
    IO.inspect(GenServer.call(w, :log), label: "log")

    send(w, {:"$gen_cast", :hand_made_cast})
    send(w, {:"$gen_cast"})
    send(w, {:some, :tuple})
    ref = make_ref()
    send(w, {:"$gen_call", {self(), ref}, :hand_made_call})
    receive do
      {^ref, reply} -> IO.inspect(reply, label: "reply to hand-made call")
    after
      500 -> IO.puts("no reply")
    end
    IO.inspect(GenServer.call(w, :log), label: "log")
  end
end

Main.run()
