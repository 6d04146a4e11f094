# An Agent-based counter, hammered by concurrent tasks, and a Task.async/await
# fan-out that computes results in parallel and collects them in order.
defmodule Counter do
  use Agent

  # `use Agent` gives us child_spec/1, so Counter could sit in a supervisor.
  def start_link(initial), do: Agent.start_link(fn -> initial end, name: __MODULE__)

  def value, do: Agent.get(__MODULE__, & &1)
  def increment(by \\ 1), do: Agent.update(__MODULE__, &(&1 + by))
  # Reads and updates in one step: no other update can sneak in between.
  def next, do: Agent.get_and_update(__MODULE__, fn n -> {n, n + 1} end)
end

{:ok, _} = Counter.start_link(0)
Counter.increment()
Counter.increment(10)
IO.inspect(Counter.value(), label: "after two increments")

# 50 tasks each increment 20 times. Every update goes through the agent's
# mailbox one at a time, so none is lost.
1..50
|> Enum.map(fn _ -> Task.async(fn -> for _ <- 1..20, do: Counter.increment() end) end)
|> Task.await_many()
IO.inspect(Counter.value(), label: "after 1000 concurrent increments")

# get_and_update hands out unique tickets even under contention.
tickets =
  1..10
  |> Enum.map(fn _ -> Task.async(&Counter.next/0) end)
  |> Enum.map(&Task.await/1)
IO.inspect(Enum.sort(tickets) == Enum.to_list(1011..1020), label: "tickets unique")

# Fan-out: one task per input, results awaited in the order of the inputs,
# whatever order the tasks finish in.
defmodule Work do
  def collatz_steps(1, steps), do: steps
  def collatz_steps(n, steps) when rem(n, 2) == 0, do: collatz_steps(div(n, 2), steps + 1)
  def collatz_steps(n, steps), do: collatz_steps(3 * n + 1, steps + 1)
end

inputs = [27, 97, 871, 6171, 77031]
results =
  inputs
  |> Enum.map(fn n -> Task.async(fn -> {n, Work.collatz_steps(n, 0)} end) end)
  |> Enum.map(&Task.await(&1, 5_000))
IO.inspect(results, label: "collatz steps")

# The classic shape from the docs: start work, do something else, then combine.
task = Task.async(fn -> Enum.sum(1..1_000_000) end)
other = Enum.product(1..10)
IO.inspect(other + Task.await(task), label: "combined")

# Task.yield returns nil while the task is still running (and can be retried).
slow = Task.async(fn -> Process.sleep(200); :done end)
IO.inspect(Task.yield(slow, 10), label: "yield after 10ms")
IO.inspect(Task.yield(slow, 5_000), label: "yield again")

# Agents can keep any term; here a map, changed with Agent.update/2.
{:ok, scores} = Agent.start_link(fn -> %{} end)
for {who, pts} <- [ann: 3, bob: 5, ann: 4] do
  Agent.update(scores, &Map.update(&1, who, pts, fn old -> old + pts end))
end
IO.inspect(Agent.get(scores, & &1), label: "scores")
IO.inspect(Agent.stop(scores), label: "stop")
IO.inspect(Counter.value(), label: "final counter")
