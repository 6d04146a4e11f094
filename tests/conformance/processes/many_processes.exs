# Many processes: 10_000 spawns each replying with its index, a ring of 1000 processes
# passing a token, and a tree of nested spawns collecting results.
defmodule Many do
  def collect(0, acc), do: acc

  def collect(n, acc) do
    receive do
      {:index, i} -> collect(n - 1, acc + i)
    end
  end

  # Each ring node forwards the token (incremented) to the next node.
  def ring_node(next) do
    receive do
      {:token, n, laps} ->
        send(next, {:token, n + 1, laps})
        ring_node(next)

      :stop ->
        send(next, :stop)
    end
  end

  def build_ring(0, next), do: next
  def build_ring(k, next), do: build_ring(k - 1, spawn(Many, :ring_node, [next]))

  # A node of depth d spawns two children and replies with the sum of leaf values.
  def tree(parent, 0, value), do: send(parent, {:sum, value})

  def tree(parent, depth, value) do
    me = self()
    spawn(fn -> tree(me, depth - 1, value * 2) end)
    spawn(fn -> tree(me, depth - 1, value * 2 + 1) end)
    a = receive do: ({:sum, s} -> s)
    b = receive do: ({:sum, s} -> s)
    send(parent, {:sum, a + b})
  end
end

parent = self()
pids = for i <- 1..10_000, do: spawn(fn -> send(parent, {:index, i}) end)
IO.inspect(length(pids), label: "spawned")
IO.inspect(length(Enum.uniq(pids)), label: "distinct pids")
IO.inspect(Many.collect(10_000, 0), label: "sum of indexes")
IO.inspect(div(10_000 * 10_001, 2), label: "expected")

# The ring: 1000 nodes, the last one forwards back to the main process.
first = Many.build_ring(1000, self())
send(first, {:token, 0, 1})
receive do
  {:token, n, _} -> IO.inspect(n, label: "token after one pass")
end
send(first, {:token, 1000, 2})
receive do
  {:token, n, _} -> IO.inspect(n, label: "token after second pass")
end
send(first, :stop)
receive do
  :stop -> IO.puts("ring stopped")
end

me = self()
spawn(fn -> Many.tree(me, 10, 1) end)
receive do
  {:sum, s} -> IO.inspect(s, label: "tree sum (1024 leaves)")
end
IO.inspect(Enum.sum(1024..2047), label: "expected leaves")

results =
  1..20
  |> Enum.map(fn i -> spawn_monitor(fn -> exit({:result, i * i}) end) end)
  |> Enum.map(fn {_pid, ref} ->
    receive do
      {:DOWN, ^ref, :process, _, {:result, r}} -> r
    end
  end)
IO.inspect(results, label: "results in spawn order")

replies =
  for i <- 1..50 do
    pid = spawn(fn -> receive do: ({from, x} -> send(from, {self(), x * 3})) end)
    send(pid, {self(), i})
    pid
  end
  |> Enum.map(fn pid -> receive do: ({^pid, v} -> v) end)
IO.inspect(Enum.take(replies, 10), label: "first ten replies")
IO.inspect(Enum.sum(replies), label: "sum of replies")
