# :sys.get_status of a locally named server (the name in its status) with a
# format_status/2 callback shaping the state it shows, and GenServer.multi_call/abcast
# on the local node (replies, bad nodes, unregistered names, a timeout).
Logger.configure(level: :none)

defmodule Named do
  use GenServer

  def init(s), do: {:ok, s}
  def handle_call(:get, _from, s), do: {:reply, s, s}
  def handle_call({:slow, ms}, _from, s), do: (Process.sleep(ms); {:reply, :slow_done, s})
  def handle_cast({:set, v}, _s), do: {:noreply, v}

  def format_status(:normal, [_pdict, state]), do: [data: [{'State', {:hidden, map_size(state)}}]]
  def format_status(:terminate, [_pdict, state]), do: {:terminating, state}
end

defmodule Main do
  def run do
    {:ok, _} = GenServer.start_link(Named, %{v: 1}, name: :named)
    {:status, pid, {:module, :gen_server}, [pdict, sys_state, parent, _dbg, misc]} = :sys.get_status(:named)
    IO.inspect(pid == Process.whereis(:named), label: "status pid")
    IO.inspect({Keyword.get(pdict, :"$initial_call"), is_pid(Keyword.get(pdict, :"$ancestors") |> hd())},
      label: "pdict")
    IO.inspect({sys_state, parent == self()}, label: "sys state, parent")
    [header | rest] = misc
    IO.inspect(header, label: "header")
    parent_shown = for {:data, d} <- rest, {'Parent', p} <- d, do: p == self()
    IO.inspect(parent_shown, label: "Parent shown")
    IO.inspect(Enum.map(rest, fn {:data, d} -> {:data, List.keydelete(d, 'Parent', 0)} end),
      label: "formatted by format_status")

    IO.inspect(GenServer.multi_call(:named, :get), label: "multi_call/2")
    IO.inspect(GenServer.multi_call([node()], :named, :get), label: "multi_call self node")
    IO.inspect(GenServer.multi_call([node(), :nowhere@nohost], :named, :get), label: "with a bad node")
    IO.inspect(GenServer.multi_call([node()], :not_registered, :get), label: "unregistered name")
    IO.inspect(GenServer.multi_call([node()], :named, {:slow, 200}, 20), label: "multi_call timeout")
    Process.sleep(200)
    IO.inspect(Process.info(self(), :message_queue_len), label: "no late reply")

    IO.inspect(GenServer.abcast(:named, {:set, %{v: 2, w: 3}}), label: "abcast/2")
    IO.inspect(GenServer.call(:named, :get), label: "after abcast")
    IO.inspect(GenServer.abcast([node(), :nowhere@nohost], :named, {:set, %{v: 4}}), label: "abcast bad node")
    IO.inspect(GenServer.abcast([node()], :not_registered, :x), label: "abcast unregistered")
    IO.inspect(GenServer.call(:named, :get), label: "after abcast/3")

  end
end

Main.run()
