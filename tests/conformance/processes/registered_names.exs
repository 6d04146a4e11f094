# Registered names: register/unregister/whereis, sending to a name, errors, and the
# name being freed when its process dies.
defmodule Reg do
  def echo_loop do
    receive do
      {:echo, from, msg} ->
        send(from, {:echoed, msg})
        echo_loop()

      :stop ->
        :ok
    end
  end

  def err(fun, pid) do
    try do
      fun.()
    rescue
      e in ArgumentError ->
        IO.puts("ArgumentError: " <> String.replace(Exception.message(e), inspect(pid), "<pid>"))
    end
  end
end

pid = spawn(Reg, :echo_loop, [])
IO.inspect(Process.whereis(:echo), label: "whereis before")
IO.inspect(Process.register(pid, :echo), label: "register")
IO.inspect(Process.whereis(:echo) == pid, label: "whereis == pid")
IO.inspect(:echo in Process.registered(), label: "in registered")
IO.inspect(Process.info(pid, :registered_name), label: "registered_name")

send(:echo, {:echo, self(), "via name"})
receive do
  {:echoed, m} -> IO.inspect(m, label: "reply")
end
IO.inspect(send(:echo, {:echo, self(), 42}) == {:echo, self(), 42}, label: "send returns msg")
receive do
  {:echoed, m} -> IO.inspect(m, label: "reply")
end

Reg.err(fn -> Process.register(self(), :echo) end, self())
Reg.err(fn -> Process.register(pid, :second_name) end, pid)
{dead, dref} = spawn_monitor(fn -> :ok end)
receive do: ({:DOWN, ^dref, :process, _, _} -> :ok)
Reg.err(fn -> Process.register(dead, :dead_name) end, dead)
Reg.err(fn -> send(:nobody_has_this_name, :hello) end, nil)
Reg.err(fn -> Process.unregister(:nobody_has_this_name) end, nil)

IO.inspect(Process.register(self(), :main_script), label: "register self")
IO.inspect(Process.info(self(), :registered_name), label: "own name")
send(:main_script, :to_myself)
receive do
  :to_myself -> IO.puts("got message sent to own name")
end
IO.inspect(Process.unregister(:main_script), label: "unregister")
IO.inspect(Process.whereis(:main_script), label: "whereis after unregister")
IO.inspect(Process.info(self(), :registered_name), label: "no name")
IO.inspect(:main_script in Process.registered(), label: "still registered")

ref = Process.monitor(pid)
send(:echo, :stop)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "echo down")
end
IO.inspect(Process.whereis(:echo), label: "whereis after death")
IO.inspect(:echo in Process.registered(), label: "name freed")

pid2 = spawn(Reg, :echo_loop, [])
IO.inspect(Process.register(pid2, :echo), label: "name reused")
send(:echo, {:echo, self(), :again})
receive do
  {:echoed, m} -> IO.inspect(m, label: "new owner replies")
end
send(:echo, :stop)
IO.inspect(Process.whereis(:never_registered), label: "whereis unknown")
