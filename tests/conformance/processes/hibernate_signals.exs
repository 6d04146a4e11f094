# A hibernated process wakes only for a message: signals that are not messages (an info
# request, a link, a monitor) are handled while it sleeps, and it stays hibernated.
defmodule H do
  def start(parent) do
    send(parent, :sleeping)
    :erlang.hibernate(H, :woke, [parent])
  end

  def woke(parent) do
    send(parent, :woke_up)
    receive do
      msg -> send(parent, {:got, msg})
    end
  end

  def until_waiting(pid) do
    case Process.info(pid, :status) do
      {:status, :waiting} -> :ok
      _ -> Process.sleep(1); until_waiting(pid)
    end
  end
end

pid = spawn(H, :start, [self()])
receive do: (:sleeping -> IO.puts("sleeping"))
H.until_waiting(pid)
for _ <- 1..5, do: Process.info(pid, [:status, :message_queue_len])
IO.inspect(Process.info(pid, :current_function), label: "current_function")
ref = Process.monitor(pid)
Process.link(pid)
Process.unlink(pid)
woke =
  receive do
    :woke_up -> :woke_without_a_message
  after
    100 -> :still_asleep
  end
IO.inspect(woke, label: "after info, monitor, link")
send(pid, :hello)
receive do: (:woke_up -> IO.puts("woke up for a message"))
receive do: ({:got, m} -> IO.inspect(m, label: "got"))
receive do: ({:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "down"))
