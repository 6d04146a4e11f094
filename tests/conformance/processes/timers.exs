# Timers: Process.send_after, cancel_timer, read_timer, :erlang.start_timer and
# :erlang.send_after, timers to other processes.
defmodule Tm do
  def wait(timeout) do
    receive do
      m -> {:got, m}
    after
      timeout -> :timeout
    end
  end

  def shape(x) when is_integer(x) and x >= 0, do: :non_neg_integer
  def shape(x), do: x
end

ref = Process.send_after(self(), :tick, 50)
IO.inspect(is_reference(ref), label: "send_after returns ref")
IO.inspect(Tm.wait(0), label: "not yet")
IO.inspect(Tm.wait(500), label: "fired")

ref = Process.send_after(self(), :cancelled, 100)
left = Process.read_timer(ref)
IO.inspect(Tm.shape(left), label: "read_timer")
IO.inspect(left <= 100 and left > 50, label: "read_timer in range")
c = Process.cancel_timer(ref)
IO.inspect(Tm.shape(c), label: "cancel_timer")
IO.inspect(Process.cancel_timer(ref), label: "cancel twice")
IO.inspect(Process.read_timer(ref), label: "read cancelled")
IO.inspect(Tm.wait(150), label: "cancelled never arrives")

ref = Process.send_after(self(), :quick, 10)
IO.inspect(Tm.wait(500), label: "quick")
IO.inspect(Process.cancel_timer(ref), label: "cancel after fire")
IO.inspect(Process.read_timer(ref), label: "read after fire")

Process.send_after(self(), :zero, 0)
IO.inspect(Tm.wait(500), label: "zero delay")

tref = :erlang.start_timer(30, self(), {:payload, 1})
receive do
  {:timeout, r, msg} -> IO.inspect({r == tref, msg}, label: "start_timer")
end

eref = :erlang.send_after(20, self(), :erlang_send_after)
IO.inspect(is_reference(eref), label: ":erlang.send_after ref")
IO.inspect(Tm.wait(500), label: ":erlang.send_after")

Process.send_after(self(), :third, 130)
Process.send_after(self(), :first, 30)
Process.send_after(self(), :second, 80)
order = for _ <- 1..3, do: Tm.wait(1000)
IO.inspect(order, label: "timer order")

parent = self()
pid = spawn(fn ->
  receive do
    :wake -> send(parent, :child_woken)
  end
end)
Process.send_after(pid, :wake, 20)
IO.inspect(Tm.wait(500), label: "timer to another process")

ref = Process.send_after(self(), :async_cancel, 40)
IO.inspect(Process.cancel_timer(ref, async: false, info: false), label: "cancel info: false")
IO.inspect(Tm.wait(70), label: "after cancel info: false")

Process.send_after(self(), :name_target, 10)
Process.register(self(), :timer_main)
Process.send_after(:timer_main, :via_name, 50)
IO.inspect(Tm.wait(500), label: "first of two")
IO.inspect(Tm.wait(500), label: "to registered name")
