# Agent.get with a timeout on a busy agent (the caught exit; the late reply never
# arrives), child_spec of `use Agent` modules and of Agent itself, agents under a Supervisor.
Logger.configure(level: :none)

defmodule Bucket do
  use Agent

  def start_link(init), do: Agent.start_link(fn -> init end, name: __MODULE__)
  def value, do: Agent.get(__MODULE__, & &1)
  def add(x), do: Agent.update(__MODULE__, &[x | &1])
end

defmodule Temp do
  use Agent, restart: :temporary, shutdown: 1000

  def start_link(opts), do: Agent.start_link(fn -> opts end)
end

defmodule Main do
  def run do
    {:ok, a} = Agent.start_link(fn -> :idle end)
    Agent.cast(a, fn s -> Process.sleep(200); s end)
    try do
      Agent.get(a, & &1, 20)
    catch
      :exit, {:timeout, {GenServer, :call, [pid, {:get, _fun}, 20]}} ->
        IO.inspect(pid == a, label: "timeout exit names the agent")
    end
    IO.inspect(Agent.get(a, & &1, 1000), label: "get after the cast finished")
    IO.inspect(Process.info(self(), :message_queue_len), label: "no late reply")
    Agent.update(a, fn s -> Process.sleep(100); s end, 5000)
    try do
      Agent.update(a, fn _ -> :never end, 0)
    catch
      :exit, {reason, {GenServer, :call, [_, {:update, _}, 0]}} ->
        IO.inspect(reason, label: "update with timeout 0")
    end
    Process.sleep(10)
    IO.inspect(Agent.get(a, & &1), label: "update still ran")

    IO.inspect(Bucket.child_spec([1]), label: "Bucket.child_spec")
    IO.inspect(Temp.child_spec(:t), label: "Temp.child_spec")
    IO.inspect(Agent.child_spec(:arg), label: "Agent.child_spec")

    children = [{Bucket, [:seed]}, Temp]
    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
    Bucket.add(:more)
    IO.inspect(Bucket.value(), label: "bucket")
    old = Process.whereis(Bucket)
    ref = Process.monitor(old)
    Process.exit(old, :kill)
    receive do
      {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "bucket killed")
    end
    Process.sleep(20)
    IO.inspect(Bucket.value(), label: "restarted bucket")
    IO.inspect(Process.whereis(Bucket) != old, label: "new pid")
    IO.inspect(Supervisor.which_children(sup) |> Enum.map(&elem(&1, 0)) |> Enum.sort(), label: "ids")
    Supervisor.stop(sup)
  end
end

Main.run()
