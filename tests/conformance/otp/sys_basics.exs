# :sys on a GenServer and an Agent: get_state, replace_state, get_status (deterministic
# parts), suspend/resume (a call while suspended times out), statistics.
Logger.configure(level: :none)

defmodule Ctr do
  use GenServer
  def init(n), do: {:ok, %{n: n}}
  def handle_call(:get, _from, s), do: {:reply, s.n, s}
  def handle_cast(:inc, s), do: {:noreply, %{s | n: s.n + 1}}
end

defmodule Main do
  def run do
    {:ok, p} = GenServer.start_link(Ctr, 5, name: :ctr)
    IO.inspect(:sys.get_state(p), label: "get_state")
    IO.inspect(:sys.get_state(:ctr, 1000), label: "get_state by name")
    IO.inspect(:sys.replace_state(p, fn s -> %{s | n: s.n * 10} end), label: "replace_state")
    IO.inspect(GenServer.call(p, :get), label: "call sees new state")

    {:status, pid, {:module, mod}, [pdict, status, parent, debug, items]} = :sys.get_status(p)
    IO.inspect({pid == p, mod, status, parent == self(), debug}, label: "status parts")
    IO.inspect(Keyword.get(pdict, :"$initial_call"), label: "initial_call")
    IO.inspect(Keyword.get(items, :header), label: "header")
    [[{'Status', :running}, {'Parent', ^parent}, logged], state] = Keyword.get_values(items, :data)
    IO.inspect({logged, state}, label: "data")

    IO.inspect(:sys.suspend(p), label: "suspend")
    GenServer.cast(p, :inc)
    try do
      GenServer.call(p, :get, 50)
    catch
      :exit, {reason, {GenServer, :call, [^p, :get, 50]}} -> IO.inspect(reason, label: "call while suspended")
    end
    {:status, _, _, [_, status, _, _, _]} = :sys.get_status(p)
    IO.inspect(status, label: "status while suspended")
    IO.inspect(:sys.get_state(p), label: "get_state while suspended")
    IO.inspect(:sys.resume(p), label: "resume")
    IO.inspect(GenServer.call(p, :get), label: "cast applied after resume")

    IO.inspect(:sys.statistics(p, :get), label: "statistics off")
    IO.inspect(:sys.statistics(p, true), label: "statistics on")
    GenServer.cast(p, :inc)
    GenServer.call(p, :get)
    {:ok, stats} = :sys.statistics(p, :get)
    IO.inspect(Keyword.keys(stats), label: "statistics keys")
    IO.inspect({stats[:messages_in], stats[:messages_out]}, label: "messages in/out")
    IO.inspect(:sys.statistics(p, false), label: "statistics off again")

    {:ok, a} = Agent.start_link(fn -> [1, 2] end)
    IO.inspect(:sys.get_state(a), label: "agent state")
    :sys.replace_state(a, &[0 | &1])
    IO.inspect(Agent.get(a, & &1), label: "agent after replace_state")
    {:status, _, {:module, amod}, [_, _, _, _, aitems]} = :sys.get_status(a)
    IO.inspect({amod, Keyword.get_values(aitems, :data) |> List.last()}, label: "agent status")
    try do
      :sys.replace_state(a, fn _ -> raise "no" end)
    rescue
      e in ErlangError -> IO.inspect(e.original, label: "replace_state raising")
    end
    IO.inspect(Agent.get(a, & &1), label: "agent state kept")
  end
end

Main.run()
