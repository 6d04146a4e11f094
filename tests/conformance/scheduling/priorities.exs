# Priorities with one scheduler: :high runs before :normal, :low last (the BEAM's order).
defmodule P do
  def spin(0), do: :ok
  def spin(n), do: spin(n - 1)
  def worker(parent, tag, prio) do
    Process.flag(:priority, prio)
    send(parent, :ready)
    receive do :go -> :ok end
    spin(2_000_000)
    send(parent, {:done, tag})
  end
end
me = self()
Process.flag(:priority, :high)
pids = for {tag, prio} <- [{:low1, :low}, {:normal1, :normal}, {:high1, :high}, {:normal2, :normal}] do
  pid = spawn(fn -> P.worker(me, tag, prio) end)
  receive do :ready -> :ok end
  pid
end
Enum.each(pids, &send(&1, :go))
order = for _ <- 1..4, do: (receive do {:done, t} -> t end)
IO.inspect order
