# Registry with unique keys: register/lookup/unregister, {:already_registered, pid},
# keys, count, update_value, meta/put_meta, {:via, Registry, ...} names for a GenServer,
# and entries vanishing when the owner dies.
Logger.configure(level: :none)

defmodule Echo do
  use GenServer
  def init(tag), do: {:ok, tag}
  def handle_call(:tag, _from, tag), do: {:reply, tag, tag}
end

defmodule Main do
  def run do
    {:ok, reg} = Registry.start_link(keys: :unique, name: Uniq, meta: [owner: :tests, version: 1])
    me = self()
    {:ok, owner} = Registry.register(Uniq, "alpha", :first)
    IO.inspect({is_pid(owner), owner == me, owner == reg}, label: "register returns a partition pid")
    IO.inspect(Registry.lookup(Uniq, "alpha") == [{me, :first}], label: "lookup")
    IO.inspect(Registry.lookup(Uniq, "missing"), label: "lookup missing")
    {:error, {:already_registered, p}} = Registry.register(Uniq, "alpha", :second)
    IO.inspect(p == me, label: "already_registered names the owner")
    {:ok, _} = Registry.register(Uniq, {:tuple, 1}, nil)
    IO.inspect(Registry.keys(Uniq, me) |> Enum.sort(), label: "keys")
    IO.inspect(Registry.count(Uniq), label: "count")
    IO.inspect(Registry.update_value(Uniq, "alpha", fn v -> {v, :updated} end), label: "update_value")
    IO.inspect(Registry.lookup(Uniq, "alpha") |> Enum.map(&elem(&1, 1)), label: "value now")
    IO.inspect(Registry.update_value(Uniq, "nope", & &1), label: "update_value missing")
    IO.inspect(Registry.unregister(Uniq, "alpha"), label: "unregister")
    IO.inspect(Registry.unregister(Uniq, "alpha"), label: "unregister again")
    IO.inspect(Registry.keys(Uniq, me), label: "keys after")

    IO.inspect(Registry.meta(Uniq, :owner), label: "meta owner")
    IO.inspect(Registry.meta(Uniq, :absent), label: "meta absent")
    IO.inspect(Registry.put_meta(Uniq, :owner, :changed), label: "put_meta")
    IO.inspect(Registry.meta(Uniq, :owner), label: "meta owner after")

    name = {:via, Registry, {Uniq, "echo"}}
    {:ok, e} = GenServer.start_link(Echo, :hello, name: name)
    IO.inspect(GenServer.call(name, :tag), label: "call via")
    IO.inspect(GenServer.whereis(name) == e, label: "whereis via")
    IO.inspect(match?({:error, {:already_started, ^e}}, GenServer.start(Echo, :x, name: name)),
      label: "second start_link via")
    valued = {:via, Registry, {Uniq, "valued", :my_value}}
    {:ok, v} = GenServer.start(Echo, :v, name: valued)
    IO.inspect(Registry.lookup(Uniq, "valued") == [{v, :my_value}], label: "via with value")

    ref = Process.monitor(v)
    Process.exit(v, :kill)
    receive do
      {:DOWN, ^ref, :process, _, _} -> :ok
    end
    Process.sleep(20)
    IO.inspect(Registry.lookup(Uniq, "valued"), label: "lookup after owner died")
    IO.inspect(GenServer.whereis(valued), label: "whereis after owner died")
    try do
      GenServer.call(valued, :tag)
    catch
      :exit, {reason, {GenServer, :call, _}} -> IO.inspect(reason, label: "call dead via")
    end
    IO.inspect(Registry.count(Uniq), label: "count at end")
  end
end

Main.run()
