# Processes registering in unique and duplicate registries and killed at once: no entry
# outlives its process.
Logger.configure(level: :none)
defmodule Main do
  def run do
    {:ok, _} = Registry.start_link(keys: :unique, name: U, partitions: 4)
    {:ok, _} = Registry.start_link(keys: :duplicate, name: D, partitions: 4)
    for round <- 1..20 do
      ps = for i <- 1..100, do: spawn(fn -> Registry.register(U, {round, i}, i); Registry.register(D, :k, i); Process.sleep(:infinity) end)
      Process.sleep(rem(round, 3))
      Enum.each(ps, &Process.exit(&1, :kill))
    end
    Process.sleep(500)
    IO.inspect({Registry.count(U), Registry.count(D)})
  end
end
Main.run()
