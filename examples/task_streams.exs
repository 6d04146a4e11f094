# Concurrent enumeration with Task.async_stream and Task.Supervisor.
#
# * Task.async_stream runs a function over a collection, a few items at a time
#   (:max_concurrency), and yields {:ok, result} in the input order;
# * the _nolink variant under a Task.Supervisor turns a crashing item into
#   {:exit, reason} instead of crashing the caller;
# * :timeout with on_timeout: :kill_task gives up on slow items;
# * Task.Supervisor.start_child runs fire-and-forget work.
Logger.configure(level: :none)

{:ok, sup} = Task.Supervisor.start_link(name: MyApp.TaskSupervisor)

squares =
  1..8
  |> Task.async_stream(fn n -> Process.sleep(10 * rem(9 - n, 3)); n * n end, max_concurrency: 3)
  |> Enum.map(fn {:ok, sq} -> sq end)
IO.inspect(squares, label: "squares (input order)")

# ordered: false yields results as they finish; sort when the order matters.
words = ~w(supervisor task agent registry)
lengths =
  words
  |> Task.async_stream(&{&1, String.length(&1)}, ordered: false)
  |> Enum.map(fn {:ok, pair} -> pair end)
IO.inspect(Enum.sort(lengths), label: "lengths")

# Failing items do not take the caller down when the tasks are not linked.
parse = fn s -> s |> String.trim() |> String.to_integer() end
results =
  Task.Supervisor.async_stream_nolink(MyApp.TaskSupervisor, ["1", " 2", "x", "40"], parse)
  |> Enum.map(fn
    {:ok, n} -> {:ok, n}
    # The reason is the raw Erlang error (:badarg here) with its stacktrace.
    {:exit, {reason, _stack}} -> {:exit, reason}
  end)
IO.inspect(results, label: "parsed")
good = for {:ok, n} <- results, do: n
IO.inspect(Enum.sum(good), label: "sum of good ones")

# Slow items are killed after the timeout and reported as {:exit, :timeout}.
delays = [10, 2_000, 20]
timed =
  delays
  |> Task.async_stream(fn ms -> Process.sleep(ms); ms end, timeout: 300, on_timeout: :kill_task)
  |> Enum.to_list()
IO.inspect(timed, label: "with timeout")

# Supervised async/await: like Task.async, but the task lives under the supervisor.
task = Task.Supervisor.async(MyApp.TaskSupervisor, fn -> Enum.reduce(1..10, &*/2) end)
IO.inspect(Task.await(task), label: "10!")

# Fire and forget: the child reports back by message, then exits normally.
parent = self()
{:ok, pid} = Task.Supervisor.start_child(sup, fn -> send(parent, {:done, :cleanup}) end)
ref = Process.monitor(pid)
receive do
  {:done, what} -> IO.inspect(what, label: "background job finished")
end
receive do
  # :noproc if the job was already gone when we started monitoring it.
  {:DOWN, ^ref, :process, _, reason} ->
    IO.inspect(reason in [:normal, :noproc], label: "exited normally")
end
