# Looking inside running OTP processes with the :sys module.
#
# Every GenServer, Agent and Supervisor understands the system messages that
# :sys sends, so you can read its state, read its status, count the messages
# it handles and even pause it, without adding any code to the process.
{:ok, agent} = Agent.start_link(fn -> 1 end)

IO.inspect(:sys.get_state(agent), label: "agent state")
Agent.update(agent, fn state -> state + 1 end)
IO.inspect(:sys.statistics(agent, :get), label: "statistics before enabling")

:ok = :sys.statistics(agent, true)
Agent.update(agent, fn state -> state + 1 end)
Agent.update(agent, fn state -> state * 10 end)
{:ok, stats} = :sys.statistics(agent, :get)
# The times and reductions vary from run to run; the message counts do not.
IO.inspect(Keyword.keys(stats), label: "statistics keys")
IO.inspect({stats[:messages_in], stats[:messages_out]}, label: "messages in/out")
:ok = :sys.statistics(agent, false)
IO.inspect(:sys.get_state(agent), label: "agent state")

defmodule Stack do
  use GenServer
  def start_link(items), do: GenServer.start_link(__MODULE__, items)
  @impl true
  def init(items), do: {:ok, items}
  @impl true
  def handle_call(:pop, _from, [top | rest]), do: {:reply, top, rest}
  @impl true
  def handle_cast({:push, x}, items), do: {:noreply, [x | items]}
end

{:ok, stack} = Stack.start_link([:hello])
GenServer.cast(stack, {:push, :world})
IO.inspect(:sys.get_state(stack), label: "stack state")

# get_status returns {:status, pid, {:module, :gen_server}, [pdict, status, parent, debug, misc]}.
{:status, _pid, {:module, mod}, [_pdict, status, _parent, _debug, misc]} = :sys.get_status(stack)
IO.inspect(mod, label: "status module")
IO.inspect(status, label: "status")
# (The "Parent" entry holds a pid, which differs between runs, so we skip it.)
data = for {:data, kv} <- misc, {k, v} <- kv, k != 'Parent', do: {to_string(k), v}
IO.inspect(data, label: "status data")

# replace_state changes the state in place (handy when debugging by hand).
:sys.replace_state(stack, fn items -> Enum.map(items, &Atom.to_string/1) end)
IO.inspect(GenServer.call(stack, :pop), label: "pop after replace_state")

# A suspended process keeps its messages queued until it is resumed.
:ok = :sys.suspend(stack)
GenServer.cast(stack, {:push, "queued"})
IO.inspect(Process.info(stack, :message_queue_len), label: "queue while suspended")
:ok = :sys.resume(stack)
IO.inspect(:sys.get_state(stack), label: "state after resume")

IO.inspect(GenServer.call(stack, :pop), label: "pop")
