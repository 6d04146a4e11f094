# A process left without registry entries is unlinked from the registry (it survives the
# registry stopping); a call to a name on another node exits with :nodedown.
Logger.configure(level: :none)
defmodule Main do
  def run do
    {:ok, sup} = Registry.start_link(keys: :unique, name: U, partitions: 2)
    Process.unlink(sup)
    parent = self()
    p = spawn(fn ->
      Registry.register(U, :a, 1)
      Registry.register(U, :b, 2)
      {:links, l1} = Process.info(self(), :links)
      Registry.unregister(U, :a)
      {:links, l2} = Process.info(self(), :links)
      Registry.unregister(U, :b)
      {:links, l3} = Process.info(self(), :links)
      send(parent, {:ready, length(l1), length(l2), length(l3)})
      Process.sleep(:infinity)
    end)
    receive do {:ready, a, b, c} -> IO.inspect({a, b, c}, label: "links") end
    Supervisor.stop(sup, :shutdown)
    Process.sleep(50)
    IO.inspect(Process.alive?(p), label: "alive after registry stopped")
    IO.inspect(GenServer.call({:x, :"other@host"}, :x) |> then(fn _ -> :never end))
  end
end
try do
  Main.run()
catch :exit, r -> IO.inspect(r, label: "exit")
end
