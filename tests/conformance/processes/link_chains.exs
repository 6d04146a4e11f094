# Exit signals propagating along chains of links (top -> middle -> leaf), with and
# without trap_exit in the middle, and :kill turning into :killed for linked processes.
defmodule Sig do
  def down(ref) do
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    after
      1000 -> :still_alive
    end
  end
end

defmodule Chain do
  # top -> middle -> leaf, all linked; main monitors top and middle.
  def build(main, middle_traps) do
    top = spawn(fn ->
      middle = spawn_link(fn ->
        Process.flag(:trap_exit, middle_traps)
        leaf = spawn_link(fn -> receive do: ({:crash, r} -> exit(r)) end)
        send(main, {:leaf, leaf})
        report(main, leaf)
      end)
      send(main, {:middle, middle})
      receive do: (:never -> :ok)
    end)
    ref_top = Process.monitor(top)
    middle = receive do: ({:middle, m} -> m)
    ref_mid = Process.monitor(middle)
    leaf = receive do: ({:leaf, l} -> l)
    {top, middle, ref_top, ref_mid, leaf}
  end

  defp report(main, leaf) do
    receive do
      {:EXIT, from, r} -> send(main, {:middle_trapped, from == leaf, r})
    end

    report(main, leaf)
  end
end

{_top, _middle, ref_top, ref_mid, leaf} = Chain.build(self(), false)
send(leaf, {:crash, :leaf_crash})
IO.inspect(Sig.down(ref_mid), label: "chain: middle")
IO.inspect(Sig.down(ref_top), label: "chain: top")

{_top, _middle, ref_top, ref_mid, leaf} = Chain.build(self(), false)
Process.exit(leaf, :kill)
IO.inspect(Sig.down(ref_mid), label: "killed leaf: middle")
IO.inspect(Sig.down(ref_top), label: "killed leaf: top")

{_top, _middle, ref_top, ref_mid, leaf} = Chain.build(self(), false)
send(leaf, {:crash, :kill})
IO.inspect(Sig.down(ref_mid), label: "leaf exit(:kill): middle")
IO.inspect(Sig.down(ref_top), label: "leaf exit(:kill): top")

{top, middle, ref_top, ref_mid, leaf} = Chain.build(self(), true)
send(leaf, {:crash, :leaf_crash})
receive do
  {:middle_trapped, from_leaf, r} -> IO.inspect({from_leaf, r}, label: "trapping middle got")
end
IO.inspect(Process.alive?(top), label: "top alive")
Process.exit(top, :shutdown)
IO.inspect(Sig.down(ref_top), label: "top")
receive do
  {:middle_trapped, from_leaf, r} -> IO.inspect({from_leaf, r}, label: "trapping middle got")
end
IO.inspect(Process.alive?(middle), label: "trapping middle alive")
Process.exit(middle, :kill)
IO.inspect(Sig.down(ref_mid), label: "middle")
IO.puts("done")
