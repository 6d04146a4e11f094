# Registry odds and ends: unique keys in 2 partitions, values/3, count_select,
# dispatch on a unique key, Registry as a supervised child, and the errors for an
# unknown registry, bad options and wrong key kinds.
Logger.configure(level: :none)

defmodule Main do
  def show(label, f) do
    try do
      IO.inspect(f.(), label: label)
    rescue
      e -> IO.puts("#{label}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end

  def exits(acc) do
    receive do
      {:EXIT, _, reason} -> exits([reason | acc])
    after
      50 -> Enum.sort(acc)
    end
  end

  def run do
    children = [{Registry, keys: :unique, name: Parts, partitions: 2}]
    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
    IO.inspect(Supervisor.which_children(sup) |> Enum.map(&elem(&1, 0)), label: "child id")
    IO.inspect(Registry.child_spec(keys: :unique, name: Parts) |> Map.take([:id, :type]), label: "child_spec")

    for k <- 1..6, do: {:ok, _} = Registry.register(Parts, k, k * k)
    IO.inspect(Registry.count(Parts), label: "count over partitions")
    IO.inspect(Registry.keys(Parts, self()) |> Enum.sort(), label: "keys")
    IO.inspect(Registry.values(Parts, 3, self()), label: "values", charlists: :as_lists)
    IO.inspect(Registry.values(Parts, 3, spawn(fn -> :ok end)), label: "values other pid")
    spec = [{{:_, :_, :"$1"}, [{:>, :"$1", 10}], [true]}]
    IO.inspect(Registry.count_select(Parts, spec), label: "count_select")
    IO.inspect(Registry.select(Parts, [{{:"$1", :_, :_}, [{:<, :"$1", 3}], [:"$1"]}]) |> Enum.sort(),
      label: "select keys < 3")
    Registry.dispatch(Parts, 4, fn [{pid, v}] -> send(pid, {:dispatched, v}) end)
    receive do: ({:dispatched, v} -> IO.inspect(v, label: "dispatch unique"))
    Registry.dispatch(Parts, :nobody, fn entries -> IO.inspect(entries, label: "never called") end)
    IO.puts("dispatch on a missing key does not call the fun")

    show("unknown registry", fn -> Registry.lookup(NoSuchRegistry, :k) end)
    show("register unknown", fn -> Registry.register(NoSuchRegistry, :k, 1) end)
    show("bad keys option", fn -> Registry.start_link(keys: :other, name: Bad) end)
    show("missing name", fn -> Registry.start_link(keys: :unique) end)
    show("bad partitions", fn -> Registry.start_link(keys: :unique, name: Bad, partitions: 0) end)
    show("duplicate name", fn -> Registry.start_link(keys: :unique, name: Parts) |> elem(0) end)
    {:ok, _} = Registry.start_link(keys: :duplicate, name: Dup)
    show("update_value on duplicate", fn -> Registry.update_value(Dup, :k, & &1) end)
    show("meta unknown", fn -> Registry.meta(NoSuchRegistry, :k) end)
    # Registering links the caller to the partitions: trap their :shutdown exits.
    Process.flag(:trap_exit, true)
    Supervisor.stop(sup)
    IO.inspect(exits([]), label: "EXIT reasons after stopping the registry")
    show("lookup after stop", fn -> Registry.lookup(Parts, 1) end)
  end
end

Main.run()
