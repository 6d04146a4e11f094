# :timer: send_interval (to self and to another process, stopped by cancel and by the
# receiver's death), apply_after, apply_interval, exit_after, kill_after, now_diff, cancel
# of something that is not a timer.
defmodule Main do
  def ticks(n, acc) do
    receive do
      :tick -> ticks(n, acc + 1)
    after
      n -> acc
    end
  end

  def run do
    {:ok, t} = :timer.send_interval(20, :tick)
    for _ <- 1..3, do: receive(do: (:tick -> :ok))
    IO.inspect(:timer.cancel(t), label: "cancel interval")
    IO.inspect(ticks(60, 0), label: "ticks after cancel")

    me = self()
    {:ok, _} = :timer.apply_after(10, Kernel, :send, [me, :applied])
    receive do: (:applied -> IO.puts("apply_after ran"))

    {:ok, t} = :timer.apply_interval(15, Kernel, :send, [me, :again])
    for _ <- 1..2, do: receive(do: (:again -> :ok))
    :timer.cancel(t)
    IO.puts("apply_interval ran twice")

    victim = spawn(fn -> Process.sleep(:infinity) end)
    ref = Process.monitor(victim)
    {:ok, _} = :timer.kill_after(10, victim)
    receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "kill_after"))

    victim = spawn(fn -> Process.sleep(:infinity) end)
    ref = Process.monitor(victim)
    {:ok, _} = :timer.exit_after(10, victim, :bye)
    receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "exit_after"))

    {:ok, t} = :timer.apply_after(30, Kernel, :send, [me, :never])
    IO.inspect(:timer.cancel(t), label: "cancel apply_after")
    receive do
      :never -> IO.puts("cancelled timer ran")
    after
      60 -> IO.puts("cancelled timer did not run")
    end

    IO.inspect(:timer.now_diff({1, 2, 3}, {1, 1, 3}), label: "now_diff")
    IO.inspect(:timer.now_diff({0, 0, 5}, {0, 1, 0}), label: "now_diff negative")
    IO.inspect(:timer.cancel(:not_a_timer), label: "cancel junk")
  end
end

Main.run()
