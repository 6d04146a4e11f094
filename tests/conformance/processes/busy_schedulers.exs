# Eight CPU-bound processes run at once (more than there are schedulers); a ping-pong
# process still answers while they run, and every busy process delivers its result.
defmodule Busy do
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + rem(n, 7))

  def worker(parent, id, n) do
    send(parent, {:result, id, count(n, 0)})
  end

  def pong do
    receive do
      {:ping, from, k} ->
        send(from, {:pong, k})
        pong()

      :stop ->
        :ok
    end
  end

  def expected(n) do
    # sum of rem(i, 7) for i in 1..n, computed in closed form
    full = div(n, 7)
    part = rem(n, 7)
    full * 21 + div(part * (part + 1), 2)
  end
end

n = 3_000_000
ponger = spawn(Busy, :pong, [])
parent = self()
workers = for id <- 1..8, do: spawn_monitor(Busy, :worker, [parent, id, n + id])

# The pong process answers while all the workers are busy.
pongs =
  for k <- 1..5 do
    send(ponger, {:ping, self(), k})
    receive do
      {:pong, ^k} -> k
    end
  end
IO.inspect(pongs, label: "pongs while busy")

results = for _ <- workers, do: (receive do: ({:result, id, v} -> {id, v}))
results = Enum.sort(results)
IO.inspect(Enum.map(results, &elem(&1, 0)), label: "ids")
IO.inspect(Enum.map(results, &elem(&1, 1)), label: "results")
IO.inspect(Enum.all?(results, fn {id, v} -> v == Busy.expected(n + id) end), label: "all correct")

send(ponger, {:ping, self(), :after})
receive do: ({:pong, :after} -> IO.puts("pong after the workers"))
ref = Process.monitor(ponger)
send(ponger, :stop)
receive do: ({:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "ponger exit"))
downs = for {_, ref} <- workers, do: (receive do: ({:DOWN, ^ref, :process, _, r} -> r))
IO.inspect(Enum.uniq(downs), label: "worker exits")
