# Registry with duplicate keys and 2 partitions as a pub/sub: subscribers register under
# a topic, dispatch delivers to each; match (with guards), select, count_match,
# unregister_match, lookup. Lists are sorted: their order is not guaranteed.
Logger.configure(level: :none)

defmodule Sub do
  def start(parent, topic, n) do
    spawn(fn ->
      {:ok, _} = Registry.register(PubSub, topic, {:sub, n})
      send(parent, {:ready, n})
      loop(parent, n)
    end)
  end

  def loop(parent, n) do
    receive do
      {:broadcast, msg} -> send(parent, {:got, n, msg}); loop(parent, n)
      :stop -> :ok
    end
  end
end

defmodule Main do
  def collect(0, acc), do: Enum.sort(acc)
  def collect(k, acc), do: receive(do: ({:got, n, m} -> collect(k - 1, [{n, m} | acc])))

  def run do
    {:ok, _} = Registry.start_link(keys: :duplicate, name: PubSub, partitions: 2)
    subs = for n <- 1..4, do: Sub.start(self(), if(n <= 3, do: "news", else: "sport"), n)
    for n <- 1..4, do: receive(do: ({:ready, ^n} -> :ok))
    {:ok, _} = Registry.register(PubSub, "news", {:main, 0})
    {:ok, _} = Registry.register(PubSub, "news", {:main, 1})

    IO.inspect(Registry.lookup(PubSub, "news") |> Enum.map(&elem(&1, 1)) |> Enum.sort(), label: "lookup news")
    IO.inspect(Registry.count(PubSub), label: "count")
    IO.inspect(Registry.keys(PubSub, self()), label: "keys of self (duplicates kept)")

    Registry.dispatch(PubSub, "news", fn entries ->
      for {pid, {:sub, _}} <- entries, do: send(pid, {:broadcast, :hello})
    end)
    IO.inspect(collect(3, []), label: "delivered")

    m = Registry.match(PubSub, "news", {:sub, :"$1"}, [{:>, :"$1", 1}])
    IO.inspect(m |> Enum.map(&elem(&1, 1)) |> Enum.sort(), label: "match with guard")
    IO.inspect(Registry.match(PubSub, "news", {:main, :_}) |> length(), label: "match :_")
    IO.inspect(Registry.count_match(PubSub, "news", {:sub, :_}), label: "count_match")
    IO.inspect(Registry.count_match(PubSub, "news", {:_, :"$1"}, [{:==, :"$1", 0}]), label: "count_match guard")

    spec = [{{:"$1", :_, {:sub, :"$2"}}, [{:is_integer, :"$2"}], [{{:"$1", :"$2"}}]}]
    IO.inspect(Registry.select(PubSub, spec) |> Enum.sort(), label: "select")
    IO.inspect(Registry.select(PubSub, [{{:"$1", :_, :_}, [], [:"$1"]}]) |> Enum.sort(), label: "select keys")

    IO.inspect(Registry.unregister_match(PubSub, "news", {:main, 1}), label: "unregister_match")
    IO.inspect(Registry.count_match(PubSub, "news", {:main, :_}), label: "main entries left")
    IO.inspect(Registry.unregister_match(PubSub, "news", {:sub, :_}), label: "unregister_match not ours")
    IO.inspect(Registry.count_match(PubSub, "news", {:sub, :_}), label: "sub entries kept")

    for s <- subs do
      ref = Process.monitor(s)
      send(s, :stop)
      receive(do: ({:DOWN, ^ref, _, _, _} -> :ok))
    end
    Process.sleep(20)
    IO.inspect(Registry.count(PubSub), label: "count after subscribers stopped")
    IO.inspect(Registry.lookup(PubSub, "sport"), label: "sport")
  end
end

Main.run()
