# Task.start/start_link, Task.async_stream with max_concurrency, ordered: false,
# and timeout with on_timeout: :kill_task.
Logger.configure(level: :none)

defmodule Counter do
  # Tracks how many stream workers run at the same time.
  def loop(cur, peak) do
    receive do
      :in -> loop(cur + 1, max(peak, cur + 1))
      :out -> loop(cur - 1, peak)
      {:peak, from} -> send(from, {:peak, peak})
    end
  end
end

defmodule Main do
  def run do
    me = self()
    {:ok, pid} = Task.start(fn -> send(me, {:started, self()}) end)
    receive do
      {:started, ^pid} -> IO.puts("Task.start ran")
    end
    {:ok, pid} = Task.start_link(fn -> send(me, {:linked, self()}) end)
    receive do
      {:linked, ^pid} -> IO.puts("Task.start_link ran")
    end
    {:ok, pid} = Task.start_link(Kernel, :send, [me, :via_mfa])
    IO.inspect(is_pid(pid), label: "start_link mfa returns pid")
    receive do
      :via_mfa -> IO.puts("mfa message received")
    end

    IO.inspect(Task.async_stream(1..6, &(&1 * &1)) |> Enum.to_list(), label: "async_stream")

    c = spawn(Counter, :loop, [0, 0])
    work = fn x ->
      send(c, :in)
      Process.sleep(15)
      send(c, :out)
      x
    end
    res = Task.async_stream(1..8, work, max_concurrency: 2) |> Enum.map(fn {:ok, v} -> v end)
    IO.inspect(res, label: "max_concurrency 2 results")
    send(c, {:peak, me})
    receive do
      {:peak, p} -> IO.inspect(p <= 2, label: "never more than 2 at once")
    end

    unordered =
      Task.async_stream([30, 1, 15, 5], fn ms -> Process.sleep(ms); ms end, ordered: false)
      |> Enum.to_list()
    IO.inspect(Enum.sort(unordered), label: "ordered: false (sorted)")

    timed =
      Task.async_stream([1, 300, 2], fn ms -> Process.sleep(ms); ms end,
        timeout: 100, on_timeout: :kill_task)
      |> Enum.to_list()
    IO.inspect(timed, label: "on_timeout kill_task")

    IO.inspect(Task.async_stream([:a, :b], Atom, :to_string, []) |> Enum.to_list(), label: "mfa stream")
    IO.inspect(Task.async_stream([], & &1) |> Enum.to_list(), label: "empty stream")
    IO.inspect(Task.async_stream(1..3, &(&1 + 1)) |> Stream.map(fn {:ok, v} -> v end) |> Enum.sum(), label: "lazy sum")
  end
end

Main.run()
