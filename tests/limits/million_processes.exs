# Stress: 1,000,000 processes spawned and exited (in batches of 10,000), then 100,000
# processes waiting in receive get a broadcast. Afterwards the process count and the
# processes' memory are back near where they started, and so is the OS's view (RSS).
defmodule Stress do
  def rss_kb do
    case File.read("/proc/self/status") do
      {:ok, text} ->
        [line] = Enum.filter(String.split(text, "\n"), &String.starts_with?(&1, "VmRSS:"))
        line |> String.split() |> Enum.at(1) |> String.to_integer()

      _ ->
        0
    end
  end

  def quick(0, _parent), do: :ok

  def quick(k, parent) do
    spawn(fn -> send(parent, :done) end)
    quick(k - 1, parent)
  end

  def collect(0), do: :ok

  def collect(k) do
    receive do
      :done -> collect(k - 1)
    end
  end

  def batches(0), do: :ok

  def batches(b) do
    quick(10_000, self())
    collect(10_000)
    batches(b - 1)
  end

  def waiter(parent) do
    receive do
      {:broadcast, x} -> send(parent, {:got, x})
    end
  end

  def spawn_waiters(0, _parent, acc), do: acc
  def spawn_waiters(k, parent, acc), do: spawn_waiters(k - 1, parent, [spawn(fn -> waiter(parent) end) | acc])

  def sum_replies(0, acc), do: acc

  def sum_replies(k, acc) do
    receive do
      {:got, x} -> sum_replies(k - 1, acc + x)
    end
  end

  def broadcast(n) do
    pids = spawn_waiters(n, self(), [])
    IO.puts("waiting: #{length(pids)}")
    Enum.each(pids, fn p -> send(p, {:broadcast, 1}) end)
    sum_replies(n, 0)
  end

  def settle(count, tries) do
    if :erlang.system_info(:process_count) <= count or tries == 0 do
      :erlang.system_info(:process_count)
    else
      Process.sleep(10)
      settle(count, tries - 1)
    end
  end
end

count0 = :erlang.system_info(:process_count)
mem0 = :erlang.memory(:processes)
rss0 = Stress.rss_kb()
Stress.batches(100)
IO.puts("spawned and exited: 1000000")
IO.puts("broadcast replies: #{Stress.broadcast(100_000)}")
count1 = Stress.settle(count0, 500)
:erlang.garbage_collect()
Process.sleep(50)
mem1 = :erlang.memory(:processes)
rss1 = Stress.rss_kb()
IO.puts("# rss0=#{rss0} kB rss1=#{rss1} kB mem0=#{mem0} mem1=#{mem1}")
checks = [
  {"process count back", count1 == count0},
  {"process memory back", mem1 < mem0 + 2_000_000},
  {"rss growth under 100 MB", rss1 - rss0 < 100_000}
]
Enum.each(checks, fn {what, ok} -> IO.puts("#{what}: #{ok}") end)
IO.puts("all back: #{Enum.all?(checks, fn {_, ok} -> ok end)}")
