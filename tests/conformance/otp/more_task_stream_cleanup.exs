# async_stream cleans up after itself: no replies, EXITs, timer messages or tasks left
# behind after an early stop, a failing input, a slow consumer; max_children of a
# Task.Supervisor raises as Elixir does.
Logger.configure(level: :none)
defmodule Fl do
  def all(acc \\ []) do
    receive do m -> all([m | acc]) after 0 -> Enum.reverse(acc) end
  end
end
defmodule T do
  use GenServer
  def init(p), do: (Process.flag(:trap_exit, true); {:ok, p})
  def handle_call(:s, _, p), do: {:reply, Task.async_stream(1..3, & &1) |> Enum.to_list(), p}
  def handle_info({:EXIT, _, r}, p), do: (send(p, {:EXIT, r}); {:noreply, p})
end
defmodule Main do
  def run do
    IO.inspect(Task.async_stream(1..100, fn i -> i end, max_concurrency: 4) |> Enum.take(1))
    Process.sleep(50)
    IO.inspect(length(Fl.all()), label: "left after take")
    {:ok, s} = GenServer.start(T, self())
    IO.inspect(GenServer.call(s, :s))
    Process.sleep(100)
    IO.inspect(Fl.all(), label: "exits")
    n0 = length(Process.list())
    s2 = Stream.map(1..5, fn 3 -> raise "enum"; x -> x end)
    r = try do
      Task.async_stream(s2, fn x -> Process.sleep(100); x end) |> Enum.to_list()
    rescue e -> e.message end
    IO.inspect(r)
    IO.inspect(length(Process.list()) - n0, label: "extra procs")
    Process.sleep(200)
    IO.inspect(length(Fl.all()), label: "left after raise")
    r = Task.async_stream(1..4, fn i -> Process.sleep(10); i end, timeout: 50, max_concurrency: 2)
      |> Enum.map(fn x -> Process.sleep(80); x end)
    IO.inspect(r)
    Process.sleep(200)
    IO.inspect(length(Fl.all()), label: "timer messages left")
    {:ok, ts} = Task.Supervisor.start_link(max_children: 2)
    r = try do
      Task.Supervisor.async_stream_nolink(ts, 1..5, fn i -> Process.sleep(20); i end, max_concurrency: 4) |> Enum.to_list()
    rescue e -> e.__struct__ end
    IO.inspect(r)
  end
end
Main.run()
