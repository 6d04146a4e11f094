# A GenServer that hibernates after handling messages.
#
# Returning `:hibernate` as the last element of a callback's result makes the
# server garbage collect and shrink its heap to the minimum before it waits for
# the next message. A server that churned through a lot of temporary data then
# gives that memory back. Process.info/2 shows the memory before and after; we
# only print comparisons, since the byte counts depend on the VM.
defmodule Memory do
  use GenServer

  def start_link(items), do: GenServer.start_link(__MODULE__, items)

  # Builds (and throws away) a big list; only the sum is kept in the state.
  def churn(pid, n), do: GenServer.call(pid, {:churn, n})
  # Same work, but the server hibernates right after replying.
  def churn_and_sleep(pid, n), do: GenServer.call(pid, {:churn_and_sleep, n})
  def add(pid, item), do: GenServer.cast(pid, {:add, item})
  def items(pid), do: GenServer.call(pid, :items)

  @impl true
  def init(items), do: {:ok, %{items: items, total: 0}}

  @impl true
  def handle_call({:churn, n}, _from, state) do
    total = 1..n |> Enum.to_list() |> Enum.map(&(&1 * 2)) |> Enum.sum()
    {:reply, total, %{state | total: state.total + total}}
  end

  def handle_call({:churn_and_sleep, n}, from, state) do
    {:reply, total, state} = handle_call({:churn, n}, from, state)
    {:reply, total, state, :hibernate}
  end

  def handle_call(:items, _from, state), do: {:reply, Enum.reverse(state.items), state}

  @impl true
  def handle_cast({:add, item}, state) do
    # Casts hibernate too: the state survives, the garbage does not.
    {:noreply, %{state | items: [item | state.items]}, :hibernate}
  end
end

defmodule Probe do
  # A hibernated process waits inside :erlang.hibernate/3.
  def hibernated?(pid) do
    Process.info(pid, :current_function) == {:current_function, {:erlang, :hibernate, 3}}
  end

  # The reply is sent before the server hibernates, so give it a moment.
  def wait_hibernated(pid, tries \\ 100) do
    cond do
      hibernated?(pid) -> true
      tries == 0 -> false
      true -> Process.sleep(5); wait_hibernated(pid, tries - 1)
    end
  end

  def memory(pid), do: elem(Process.info(pid, :memory), 1)
end

{:ok, pid} = Memory.start_link([:a])

IO.inspect(Memory.churn(pid, 200_000), label: "churn result")
IO.inspect(Probe.hibernated?(pid), label: "hibernated? after a plain call")
before = Probe.memory(pid)

IO.inspect(Memory.churn_and_sleep(pid, 200_000), label: "churn_and_sleep result")
IO.inspect(Probe.wait_hibernated(pid), label: "hibernated? after :hibernate")
IO.inspect(Probe.memory(pid) < before, label: "memory smaller after hibernation")

# A message wakes the server up; it handles it and hibernates again.
Memory.add(pid, :b)
IO.inspect(Probe.wait_hibernated(pid), label: "hibernated? after a cast")
IO.inspect(Memory.items(pid), label: "items (state kept across hibernation)")
IO.inspect(Probe.hibernated?(pid), label: "hibernated? after :items call")
IO.inspect(:sys.get_state(pid).total, label: "total")

:ok = GenServer.stop(pid)
IO.inspect(Process.alive?(pid), label: "alive after stop")
