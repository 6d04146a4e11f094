# Task.async_stream failure modes: on_timeout: :exit (the exit reason, caught in a
# separate process), zip_input_on_exit: true with on_timeout: :kill_task and with
# Task.Supervisor.async_stream_nolink crashes, a crashing element taking down the
# caller of a linked stream, and a stream halted early by Enum.take.
Logger.configure(level: :none)

defmodule Main do
  def sleeper(ms), do: (Process.sleep(ms); ms)

  def in_proc(f) do
    me = self()
    {pid, ref} = spawn_monitor(fn -> send(me, {:result, f.()}) end)
    receive do
      {:result, r} -> receive(do: ({:DOWN, ^ref, _, _, _} -> {:returned, r}))
      {:DOWN, ^ref, :process, ^pid, reason} -> {:exited, reason}
    end
  end

  def scrub({r, st}) when is_list(st) and st != [], do: {scrub(r), :stack}
  def scrub(t) when is_tuple(t), do: t |> Tuple.to_list() |> Enum.map(&scrub/1) |> List.to_tuple()
  def scrub(f) when is_function(f), do: :fun
  def scrub(x), do: x

  def run do
    r = in_proc(fn -> Task.async_stream([10, 400], &sleeper/1, timeout: 50) |> Enum.to_list() end)
    IO.inspect(scrub(r), label: "on_timeout :exit")

    r = Task.async_stream([5, 400, 10], &sleeper/1, timeout: 60, on_timeout: :kill_task, zip_input_on_exit: true)
    IO.inspect(Enum.to_list(r), label: "kill_task zipped")

    {:ok, ts} = Task.Supervisor.start_link()
    r =
      Task.Supervisor.async_stream_nolink(ts, [2, 0, :x, 4], fn
        0 -> exit(:zero)
        :x -> throw(:thrown)
        n -> div(8, n)
      end, zip_input_on_exit: true)
      |> Enum.map(&scrub/1)
    IO.inspect(r, label: "nolink zipped")

    r = in_proc(fn -> Task.async_stream([1, 0], &div(1, &1)) |> Enum.to_list() end)
    IO.inspect(scrub(r), label: "linked crash")

    # The second task waits: which linked exit arrives first must not be a race.
    exit_late = fn i -> if i == 2, do: Process.sleep(30); exit({:bad, i}) end
    r = in_proc(fn -> Task.async_stream([1, 2], exit_late) |> Enum.to_list() end)
    IO.inspect(scrub(r), label: "linked exit")

    me = self()
    taken = Task.async_stream(1..10, fn i -> send(me, {:ran, i}); i end, max_concurrency: 2) |> Enum.take(3)
    IO.inspect(taken, label: "take 3")
    Process.sleep(50)
    ran = for i <- 1..10, (receive do {:ran, ^i} -> true after 0 -> false end), do: i
    IO.inspect(length(ran) <= 5, label: "few ran")
    IO.inspect(Task.Supervisor.children(ts), label: "no children left")
  end
end

Main.run()
