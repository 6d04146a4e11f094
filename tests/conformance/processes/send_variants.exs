# The ways to send: Kernel.send/2 (returns the message), Process.send/3 and
# :erlang.send/2,3 with options, registered names, {name, node()} tuples, dead pids
# (silent) and invalid destinations (ArgumentError).
defmodule Snd do
  def echo do
    receive do
      {from, msg} ->
        send(from, {:echoed, msg})
        echo()

      :stop ->
        :ok
    end
  end

  def flush(acc) do
    receive do
      m -> flush([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end

  def try_send(f) do
    try do
      {:returned, f.()}
    rescue
      e in ArgumentError -> {:argument_error, Exception.message(e)}
    end
  end
end

IO.inspect(send(self(), {:k, 1}), label: "Kernel.send returns")
IO.inspect(Process.send(self(), {:k, 2}, []), label: "Process.send/3")
IO.inspect(Process.send(self(), {:k, 3}, [:noconnect]), label: "noconnect")
IO.inspect(:erlang.send(self(), {:k, 4}), label: ":erlang.send/2")
IO.inspect(:erlang.send(self(), {:k, 5}, [:nosuspend]), label: ":erlang.send/3")
IO.inspect(Snd.flush([]), label: "in order")

Process.register(self(), :snd_main)
IO.inspect(send(:snd_main, :by_name), label: "send to own name")
IO.inspect(:erlang.send(:snd_main, :erlang_by_name), label: ":erlang.send to name")
IO.inspect(send({:snd_main, node()}, :by_tuple), label: "send to {name, node}")
IO.inspect(Process.send({:snd_main, node()}, :process_by_tuple, []), label: "Process.send to {name, node}")
IO.inspect(Snd.flush([]), label: "received by name")

echo = spawn(Snd, :echo, [])
Process.register(echo, :snd_echo)
send(:snd_echo, {self(), :one})
:erlang.send({:snd_echo, node()}, {self(), :two})
Process.send(:snd_echo, {self(), :three}, [])
IO.inspect(for(_ <- 1..3, do: receive(do: ({:echoed, m} -> m))), label: "echoes")

ref = Process.monitor(echo)
send(:snd_echo, :stop)
receive do: ({:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "echo stopped"))
IO.inspect(Snd.try_send(fn -> send(echo, :to_dead_pid) end), label: "send to dead pid")
IO.inspect(Snd.try_send(fn -> send(:snd_echo, :x) end), label: "send to freed name")
IO.inspect(Snd.try_send(fn -> send({:snd_echo, node()}, :x) end), label: "send to {freed, node}")
IO.inspect(Snd.try_send(fn -> Process.send(:never_registered, :x, []) end), label: "Process.send unknown name")
IO.inspect(Snd.try_send(fn -> send(42, :x) end), label: "send to integer")
IO.inspect(Snd.try_send(fn -> Process.send(self(), :x, [:bogus]) end), label: "bad option")
IO.inspect(Snd.flush([]), label: "mailbox at end")
