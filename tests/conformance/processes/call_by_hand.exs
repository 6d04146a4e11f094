# A GenServer.call written by hand: a fresh ref per request, a monitor on the server,
# selective receive past many unrelated messages, demonitor with :flush, and calls to a
# server that dies during the call or is already dead.
Logger.configure(level: :none)

defmodule Call do
  def call(server, request, timeout \\ 1000) do
    ref = Process.monitor(server)
    send(server, {:call, {self(), ref}, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, :process, _, reason} ->
        {:error, reason}
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        {:error, :timeout}
    end
  end

  def server(state) do
    receive do
      {:call, {from, ref}, {:add, n}} ->
        send(from, {ref, state + n})
        server(state + n)

      {:call, {from, ref}, :get} ->
        send(from, {ref, state})
        server(state)

      {:call, _from, :crash} ->
        exit(:crashed_in_call)

      {:call, _from, :ignore} ->
        server(state)
    end
  end

  def qlen, do: elem(Process.info(self(), :message_queue_len), 1)

  def drain(acc) do
    receive do
      m -> drain([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end
end

srv = spawn(Call, :server, [0])

# Unrelated messages, including stale replies with other refs, sit in the mailbox.
for i <- 1..500, do: send(self(), {:noise, i})
send(self(), {make_ref(), :stale_reply})
IO.inspect(Call.qlen(), label: "queued before calls")
IO.inspect(Call.call(srv, {:add, 5}), label: "add 5")
IO.inspect(Call.call(srv, {:add, 37}), label: "add 37")
IO.inspect(Call.call(srv, :get), label: "get")
IO.inspect(Call.qlen(), label: "queued after calls")
IO.inspect(Call.call(srv, :ignore, 50), label: "ignored")
IO.inspect(Call.qlen(), label: "queued after timeout")
IO.inspect(Process.info(self(), :monitors), label: "monitors left")

IO.inspect(Call.call(srv, :crash), label: "crash during call")
IO.inspect(Process.alive?(srv), label: "server alive")
IO.inspect(Call.call(srv, :get), label: "call to dead server")

{dead, ref} = spawn_monitor(fn -> :ok end)
receive do: ({:DOWN, ^ref, :process, _, _} -> :ok)
IO.inspect(Call.call(dead, :get), label: "call to exited pid")

rest = Call.drain([])
IO.inspect(length(rest), label: "left in mailbox")
IO.inspect(Enum.take(rest, 3), label: "first left")
IO.inspect(match?({r, :stale_reply} when is_reference(r), List.last(rest)), label: "stale reply last")
