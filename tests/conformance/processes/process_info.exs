# Process.alive?, Process.list, Process.info shapes for many keys, info of a dead pid,
# Process.flag return values.
defmodule Info do
  def blocked(parent) do
    send(parent, {:started, self()})

    receive do
      :finish -> :ok
    end
  end

  # Polls until the process sits in its receive (deterministic outcome).
  def until_waiting(pid) do
    case Process.info(pid, :status) do
      {:status, :waiting} -> :waiting
      _ -> Process.sleep(1); until_waiting(pid)
    end
  end

  def shape({key, v}) when key in [:heap_size, :total_heap_size, :reductions, :stack_size] and
                           is_integer(v) and v >= 0,
      do: {key, :non_neg_integer}

  def shape(other), do: other
end

IO.inspect(Process.alive?(self()), label: "self alive")
IO.inspect(self() in Process.list(), label: "self in list")
IO.inspect(Enum.all?(Process.list(), &is_pid/1), label: "list of pids")
IO.inspect(Process.info(self(), :status), label: "own status")
IO.inspect(Process.info(self(), :trap_exit), label: "own trap_exit")

pid = spawn(Info, :blocked, [self()])
receive do: ({:started, ^pid} -> :ok)
IO.inspect(Info.until_waiting(pid), label: "child status")
IO.inspect(pid in Process.list(), label: "child in list")
send(pid, :not_matched_1)
send(pid, {:not_matched, 2})
Info.until_waiting(pid)

for key <- [:status, :message_queue_len, :messages, :links, :dictionary, :trap_exit,
            :registered_name, :priority, :heap_size, :total_heap_size, :reductions,
            :stack_size, :monitors, :monitored_by, :initial_call] do
  IO.inspect(Info.shape(Process.info(pid, key)))
end

IO.inspect(Process.info(pid, [:status, :trap_exit, :message_queue_len]), label: "list of keys")
IO.inspect(Keyword.keys(Process.info(pid)), label: "info/1 keys")
IO.inspect(Process.info(pid, :current_function), label: "current_function")

Process.register(pid, :info_child)
ref = Process.monitor(pid)
{:monitored_by, by} = Process.info(pid, :monitored_by)
IO.inspect(by == [self()], label: "monitored_by self")
{:monitors, mons} = Process.info(self(), :monitors)
IO.inspect({:process, pid} in mons, label: "own monitors list it")
IO.inspect(Process.info(pid, :registered_name), label: "registered_name")
IO.inspect(:erlang.process_info(pid, :message_queue_len), label: ":erlang.process_info/2")
IO.inspect(Keyword.get(:erlang.process_info(pid), :status), label: ":erlang.process_info/1")

send(pid, :finish)
receive do: ({:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "child exit"))
IO.inspect(Process.alive?(pid), label: "alive after exit")
IO.inspect(Process.info(pid), label: "info/1 of dead")
IO.inspect(Process.info(pid, :status), label: "info/2 of dead")
IO.inspect(Process.info(pid, [:status, :links]), label: "info list of dead")

IO.inspect(Process.flag(:trap_exit, true), label: "trap_exit was")
IO.inspect(Process.info(self(), :trap_exit), label: "trap_exit info")
IO.inspect(Process.flag(:trap_exit, false), label: "trap_exit was")
IO.inspect(Process.flag(:priority, :high), label: "priority was")
IO.inspect(Process.info(self(), :priority), label: "priority now")
IO.inspect(Process.flag(:priority, :normal), label: "priority was")

try do
  Process.info(self(), :no_such_item)
rescue
  e -> IO.puts("ArgumentError: " <> Exception.message(e))
end
