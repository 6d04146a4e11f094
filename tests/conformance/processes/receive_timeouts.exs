# receive ... after with integer timeouts, :infinity, Process.sleep and :timer.sleep.
defmodule Wait do
  def for_msg(timeout) do
    receive do
      {:msg, x} -> {:got, x}
    after
      timeout -> :timeout
    end
  end

  def elapsed(fun) do
    t0 = System.monotonic_time(:millisecond)
    r = fun.()
    {r, System.monotonic_time(:millisecond) - t0}
  end
end

IO.inspect(Wait.for_msg(20), label: "empty, 20ms")

{r, ms} = Wait.elapsed(fn -> Wait.for_msg(60) end)
IO.inspect(r, label: "60ms timeout")
IO.inspect(ms >= 60, label: "waited at least 60ms")

send(self(), {:msg, :already})
r = receive do
  {:msg, x} -> {:infinity_got, x}
after
  :infinity -> :never
end
IO.inspect(r, label: "after :infinity")

parent = self()
spawn(fn ->
  Process.sleep(50)
  send(parent, {:msg, :late})
end)
IO.inspect(Wait.for_msg(5), label: "too early")
IO.inspect(Wait.for_msg(1000), label: "then it arrives")

IO.inspect(Process.sleep(10), label: "Process.sleep returns")
IO.inspect(:timer.sleep(10), label: ":timer.sleep returns")
{_, ms} = Wait.elapsed(fn -> Process.sleep(40) end)
IO.inspect(ms >= 40, label: "slept at least 40ms")

spawn(fn ->
  send(parent, {:msg, 1})
  Process.sleep(30)
  send(parent, {:msg, 2})
end)
IO.inspect(Wait.for_msg(500), label: "first")
IO.inspect(Wait.for_msg(500), label: "second")
IO.inspect(Wait.for_msg(0), label: "third")

timeout = 15
r = receive do
  :never_sent -> :no
after
  timeout * 2 -> {:timed_out_after, timeout * 2}
end
IO.inspect(r)

r = receive do
after
  10 -> :empty_receive_after
end
IO.inspect(r)

send(self(), :pending)
r = receive do
  :other -> :no
after
  0 -> :pending_not_matched
end
IO.inspect(r)
IO.inspect(Process.info(self(), :message_queue_len), label: "still queued")
