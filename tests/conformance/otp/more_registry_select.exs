# Registry queries on map values: count_match/match with guards on map fields, select
# with :"$_" and :"$$" bodies and {:const, x}, delete_meta, unregister then register
# again, lookups from another process, dispatch with an MFA, and a process holding many
# keys exiting (all of them vanish).
Logger.configure(level: :none)

defmodule Sink do
  def deliver(entries, tag), do: for({pid, v} <- entries, do: send(pid, {tag, v.n}))
end

defmodule Main do
  def run do
    {:ok, _} = Registry.start_link(keys: :duplicate, name: Q, meta: [a: 1, b: 2])
    for n <- 1..4, do: Registry.register(Q, :topic, %{n: n, kind: if(rem(n, 2) == 0, do: :even, else: :odd)})
    {:ok, _} = Registry.register(Q, :other, %{n: 10, kind: :even})

    IO.inspect(Registry.count_match(Q, :topic, %{kind: :even}), label: "count_match map pattern")
    IO.inspect(Registry.count_match(Q, :topic, %{n: :"$1"}, [{:>, :"$1", 1}]), label: "count_match guard on field")
    m = Registry.match(Q, :topic, %{n: :"$1", kind: :odd}, [{:"=/=", :"$1", 3}])
    IO.inspect(Enum.map(m, fn {_, v} -> v end), label: "match odd, not 3")

    me = self()
    all = Registry.select(Q, [{{:"$1", :"$2", :"$3"}, [{:==, :"$1", :other}], [:"$_"]}])
    IO.inspect(Enum.map(all, fn {k, {p, v}} -> {k, p == me, v} end), label: "select $_")
    dollars = Registry.select(Q, [{{:"$1", :_, %{n: :"$2"}}, [{:<, :"$2", 3}], [:"$$"]}])
    IO.inspect(Enum.sort(dollars), label: "select $$")
    consts = Registry.select(Q, [{{:other, :_, :_}, [], [{:const, {:found, :other}}]}])
    IO.inspect(consts, label: "select const")
    tupled = Registry.select(Q, [{{:"$1", :_, %{kind: :"$2"}}, [], [{{:"$2", :"$1"}}]}])
    IO.inspect(Enum.sort(tupled) |> Enum.dedup(), label: "select tuple body")

    IO.inspect(Registry.delete_meta(Q, :a), label: "delete_meta")
    IO.inspect({Registry.meta(Q, :a), Registry.meta(Q, :b)}, label: "meta after delete")
    IO.inspect(Registry.delete_meta(Q, :missing), label: "delete_meta missing")

    IO.inspect(Registry.unregister(Q, :other), label: "unregister")
    IO.inspect(Registry.lookup(Q, :other), label: "after unregister")
    {:ok, _} = Registry.register(Q, :other, %{n: 11, kind: :odd})
    IO.inspect(Registry.lookup(Q, :other) |> Enum.map(&elem(&1, 1)), label: "registered again")

    task = Task.async(fn -> Registry.lookup(Q, :other) |> Enum.map(fn {p, v} -> {p == me, v.n} end) end)
    IO.inspect(Task.await(task), label: "lookup from another process")

    Registry.dispatch(Q, :topic, {Sink, :deliver, [:mfa]})
    got = for _ <- 1..4, do: receive(do: ({:mfa, n} -> n))
    IO.inspect(Enum.sort(got), label: "dispatch mfa")

    {:ok, _} = Registry.start_link(keys: :unique, name: U)
    {pid, ref} = spawn_monitor(fn ->
      for k <- 1..50, do: {:ok, _} = Registry.register(U, {:k, k}, k)
      send(me, {:count, Registry.count(U)})
    end)
    receive do: ({:count, c} -> IO.inspect(c, label: "keys while alive"))
    receive do: ({:DOWN, ^ref, _, ^pid, r} -> IO.inspect(r, label: "owner exited"))
    Process.sleep(20)
    IO.inspect({Registry.count(U), Registry.keys(U, pid)}, label: "after exit")
    IO.inspect(Registry.register(U, {:k, 7}, :mine) |> elem(0), label: "key free again")
  end
end

Main.run()
