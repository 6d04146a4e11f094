# Heap sizes shrink after a collection: :erlang.garbage_collect/1 on another process,
# :erlang.garbage_collect/0 on self, and hibernation. Only comparisons are printed.
defmodule Mem do
  def churn(n) do
    list = Enum.to_list(1..n)
    big = Enum.map(list, fn x -> {x, x * 2} end)
    length(big)
  end

  def measured_churn(n) do
    big = Enum.map(1..n, fn x -> {x, x * 2} end)
    {t, _} = heap(self())
    {t, length(big)}
  end

  def heap(pid) do
    {:total_heap_size, t} = Process.info(pid, :total_heap_size)
    {:heap_size, h} = Process.info(pid, :heap_size)
    {t, h}
  end

  def worker(parent) do
    n = churn(20_000)
    send(parent, {:built, n})
    receive do
      :stop -> :ok
    end
  end

  def sleeper(parent) do
    churn(20_000)
    {t, _} = heap(self())
    send(parent, {:before_hibernate, t})
    :erlang.hibernate(Mem, :woken, [parent])
  end

  def woken(parent) do
    receive do
      :stop -> send(parent, :sleeper_done)
    end
  end

  def until_waiting(pid) do
    case Process.info(pid, :status) do
      {:status, :waiting} -> :ok
      _ -> Process.sleep(1); until_waiting(pid)
    end
  end
end

# Another process: it built and dropped a big list, then waits.
pid = spawn(Mem, :worker, [self()])
receive do: ({:built, n} -> IO.inspect(n, label: "built"))
Mem.until_waiting(pid)
{t0, h0} = Mem.heap(pid)
IO.inspect(:erlang.garbage_collect(pid), label: "garbage_collect/1")
{t1, h1} = Mem.heap(pid)
IO.inspect(t1 < t0, label: "total_heap_size dropped")
IO.inspect(h1 < h0, label: "heap_size dropped")
IO.inspect(t1 > 0 and h1 > 0, label: "still positive")
IO.inspect(h1 <= t1, label: "heap_size <= total_heap_size")
send(pid, :stop)

# Self: the heap is measured while the list is alive (so any collection policy holds
# it), and again after it is dropped and collected.
{t0, n} = Mem.measured_churn(20_000)
IO.inspect(n, label: "self built")
IO.inspect(:erlang.garbage_collect(), label: "garbage_collect/0")
{t1, _} = Mem.heap(self())
IO.inspect(t1 < t0, label: "own heap dropped")

# Hibernation compacts the heap.
{pid, ref} = spawn_monitor(Mem, :sleeper, [self()])
before = receive do: ({:before_hibernate, t} -> t)
Mem.until_waiting(pid)
{after_h, _} = Mem.heap(pid)
IO.inspect(after_h < before, label: "hibernated heap smaller")
send(pid, :stop)
receive do: (:sleeper_done -> IO.puts("sleeper done"))
receive do: ({:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "sleeper exit"))

# A dead process: garbage_collect/1 returns false.
IO.inspect(:erlang.garbage_collect(pid), label: "gc of dead pid")
