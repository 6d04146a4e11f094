# Agent failure modes: get_and_update whose function returns a non-pair (the exit the
# caller sees and the agent's exit reason), a raising get/update function, Agent.stop
# with a custom reason seen by a monitor, an agent named via Registry, and
# Agent.cast with a function that crashes the agent.
Logger.configure(level: :none)

defmodule Main do
  def scrub({e, st}) when is_exception(e) and is_list(st), do: {e, :stack}
  def scrub({r, st}) when is_list(st) and st != [], do: {scrub(r), :stack}
  def scrub(t) when is_tuple(t), do: t |> Tuple.to_list() |> Enum.map(&scrub/1) |> List.to_tuple()
  def scrub(p) when is_pid(p), do: :pid
  def scrub(f) when is_function(f), do: :fun
  def scrub(l) when is_list(l), do: Enum.map(l, &scrub/1)
  def scrub(x), do: x

  def probe(label, f) do
    {:ok, a} = Agent.start(fn -> 10 end)
    ref = Process.monitor(a)
    r =
      try do
        {:ok, f.(a)}
      catch
        :exit, reason -> {:exit, scrub(reason)}
      end
    IO.inspect(r, label: label)
    receive do
      {:DOWN, ^ref, _, _, reason} -> IO.inspect(scrub(reason), label: "  agent down")
    after
      100 -> IO.inspect(Agent.get(a, & &1), label: "  agent alive, state")
    end
  end

  def run do
    probe("get_and_update non-pair", &Agent.get_and_update(&1, fn s -> s + 1 end))
    probe("get_and_update 3-tuple", &Agent.get_and_update(&1, fn s -> {s, s, s} end))
    probe("get raising", &Agent.get(&1, fn _ -> raise "in get" end))
    probe("update exiting", &Agent.update(&1, fn _ -> exit(:from_update) end))
    probe("update throwing", &Agent.update(&1, fn _ -> throw(:from_update) end))
    probe("cast crashing", fn a -> Agent.cast(a, fn s -> s / 0 end) end)
    probe("stop custom", &Agent.stop(&1, {:shutdown, :custom}))
    probe("get_and_update mfa bad", &Agent.get_and_update(&1, Kernel, :+, [1]))

    {:ok, _} = Registry.start_link(keys: :unique, name: AgReg)
    name = {:via, Registry, {AgReg, :counter}}
    {:ok, a} = Agent.start_link(fn -> 0 end, name: name)
    Agent.update(name, &(&1 + 5))
    Agent.cast(name, Integer, :pow, [2])
    IO.inspect(Agent.get(name, & &1), label: "via Registry")
    IO.inspect(Registry.lookup(AgReg, :counter) == [{a, nil}], label: "registered")
    IO.inspect(Agent.start(fn -> 1 end, name: name) |> scrub(), label: "second via start")
    IO.inspect(Agent.stop(name), label: "stop via")
    Process.sleep(10)
    IO.inspect(Registry.lookup(AgReg, :counter), label: "lookup after stop")
    try do
      Agent.get(name, & &1)
    catch
      :exit, reason -> IO.inspect(scrub(reason), label: "get via after stop")
    end
  end
end

Main.run()
