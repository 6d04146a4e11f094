# :erlang.system_info(:process_count) follows spawns and exits; process_limit,
# schedulers, :erlang.statistics and :erlang.memory shapes. Only differences and
# type checks are printed.
defmodule Sys do
  def count, do: :erlang.system_info(:process_count)

  def waiter do
    receive do
      :go -> :ok
    end
  end

  # The count drops once the exited processes are gone; poll for it (bounded).
  def until_count(target, tries) when tries > 0 do
    if count() == target, do: true, else: (Process.sleep(2); until_count(target, tries - 1))
  end

  def until_count(_target, 0), do: false
end

base = Sys.count()
IO.inspect(is_integer(base) and base >= 1, label: "process_count positive")
IO.inspect(length(Process.list()) == base, label: "matches Process.list")

pids = for _ <- 1..25, do: spawn(Sys, :waiter, [])
IO.inspect(Sys.count() - base, label: "after spawning 25")
refs = for p <- pids, do: Process.monitor(p)

for p <- Enum.take(pids, 10), do: send(p, :go)
for r <- Enum.take(refs, 10), do: (receive do: ({:DOWN, ^r, :process, _, :normal} -> :ok))
IO.inspect(Sys.until_count(base + 15, 250), label: "15 left after 10 exit")
IO.inspect(Enum.count(pids, &Process.alive?/1), label: "alive")

for p <- Enum.drop(pids, 10), do: Process.exit(p, :kill)
for r <- Enum.drop(refs, 10), do: (receive do: ({:DOWN, ^r, :process, _, :killed} -> :ok))
IO.inspect(Sys.until_count(base, 250), label: "back to base after kills")

limit = :erlang.system_info(:process_limit)
IO.inspect(is_integer(limit) and limit > base, label: "process_limit")
online = :erlang.system_info(:schedulers_online)
IO.inspect(is_integer(online) and online > 0, label: "schedulers_online")
scheds = :erlang.system_info(:schedulers)
IO.inspect(is_integer(scheds) and scheds >= online, label: "schedulers >= online")
IO.inspect(System.schedulers_online() == online, label: "System.schedulers_online")

{total, since} = :erlang.statistics(:reductions)
IO.inspect(is_integer(total) and is_integer(since) and total >= since, label: "statistics reductions")
{total2, _} = :erlang.statistics(:reductions)
IO.inspect(total2 >= total, label: "reductions grow")
{rt, _} = :erlang.statistics(:runtime)
IO.inspect(is_integer(rt), label: "statistics runtime")
{wc, _} = :erlang.statistics(:wall_clock)
IO.inspect(is_integer(wc), label: "statistics wall_clock")

mem = :erlang.memory()
IO.inspect(Keyword.keyword?(mem), label: "memory is a keyword list")
IO.inspect({Keyword.has_key?(mem, :total), Keyword.has_key?(mem, :processes)}, label: "keys")
IO.inspect(Enum.all?(mem, fn {_, v} -> is_integer(v) and v >= 0 end), label: "all non-negative")
IO.inspect(is_integer(:erlang.memory(:processes)), label: "memory(:processes)")
IO.inspect(:erlang.memory(:total) >= :erlang.memory(:processes), label: "total >= processes")
try do
  :erlang.memory(:no_such_kind)
rescue
  ArgumentError -> IO.puts("memory(:no_such_kind): ArgumentError")
end
