# Registry listeners: a named listener process receives {:register, reg, key, pid, value}
# and {:unregister, reg, key, pid} events (printed without pids); also what happens when
# a registering process dies.
Logger.configure(level: :none)

defmodule Listener do
  def start(parent) do
    pid = spawn(fn -> loop(parent) end)
    Process.register(pid, :reg_listener)
    pid
  end

  def loop(parent) do
    receive do
      {:register, reg, key, pid, value} ->
        send(parent, {:event, {:register, reg, key, owner(pid, parent), value}})
      {:unregister, reg, key, pid} ->
        send(parent, {:event, {:unregister, reg, key, owner(pid, parent)}})
      other ->
        send(parent, {:event, {:other, other}})
    end
    loop(parent)
  end

  defp owner(pid, parent), do: if(pid == parent, do: :main, else: :other_process)
end

defmodule Main do
  def events(acc) do
    receive do
      {:event, e} -> events([e | acc])
    after
      50 -> Enum.reverse(acc)
    end
  end

  def run do
    Listener.start(self())
    {:ok, _} = Registry.start_link(keys: :unique, name: Watched, listeners: [:reg_listener])
    {:ok, _} = Registry.register(Watched, :a, 1)
    {:ok, _} = Registry.register(Watched, :b, %{v: 2})
    {:error, _} = Registry.register(Watched, :a, 3)
    :ok = Registry.unregister(Watched, :a)
    :ok = Registry.unregister(Watched, :zzz)
    {:ok, _} = Registry.register(Watched, :c, nil)
    :ok = Registry.unregister_match(Watched, :c, nil)
    for e <- events([]), do: IO.inspect(e)

    IO.puts("-- a process registers and dies")
    me = self()
    {pid, ref} = spawn_monitor(fn ->
      Registry.register(Watched, :temp, :t)
      send(me, :registered)
      receive do: (:die -> :ok)
    end)
    receive do: (:registered -> :ok)
    send(pid, :die)
    receive do: ({:DOWN, ^ref, :process, _, _} -> :ok)
    for e <- events([]), do: IO.inspect(e)
    IO.inspect(Registry.lookup(Watched, :temp), label: "temp after death")

    IO.puts("-- duplicate registry")
    {:ok, _} = Registry.start_link(keys: :duplicate, name: Dups, listeners: [:reg_listener])
    {:ok, _} = Registry.register(Dups, :k, :x)
    {:ok, _} = Registry.register(Dups, :k, :y)
    :ok = Registry.unregister(Dups, :k)
    for e <- events([]), do: IO.inspect(e)
  end
end

Main.run()
