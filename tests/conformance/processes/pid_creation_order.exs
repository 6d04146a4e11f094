# Pids compare in creation order, as on the BEAM: processes spawned one after another
# (while others exit and free their slots, and the spawner moves between schedulers)
# sort in the order they were made.
defmodule Order do
  def spawn_some(0, acc), do: Enum.reverse(acc)

  def spawn_some(n, acc) do
    short = spawn(fn -> :ok end)
    long = spawn(fn -> receive do: (:stop -> :ok) end)
    ref = Process.monitor(short)
    receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
    if rem(n, 50) == 0, do: Enum.each(1..2000, fn _ -> :ok end)
    spawn_some(n - 1, [long | acc])
  end
end

pids = Order.spawn_some(500, [])
IO.inspect(pids == Enum.sort(pids), label: "in creation order")
IO.inspect(length(Enum.uniq(pids)), label: "distinct")
Enum.each(pids, &send(&1, :stop))
busy = for _ <- 1..4, do: Task.async(fn -> Order.spawn_some(100, []) end)
lists = Enum.map(busy, &Task.await/1)
IO.inspect(Enum.all?(lists, fn l -> l == Enum.sort(l) end), label: "each spawner's in order")
Enum.each(List.flatten(lists), &send(&1, :stop))
