# Task failures seen by the owner: Task.await on a task that already crashed while the
# owner traps exits, a task that throws, Task.await_many when one task exits, Task.yield
# after the reply was taken by a receive (nil), and awaiting a task owned by another
# process (ArgumentError).
Logger.configure(level: :none)

defmodule Main do
  def scrub({r, st}) when is_list(st) and st != [], do: {scrub(r), :stack}
  def scrub(t) when is_tuple(t), do: t |> Tuple.to_list() |> Enum.map(&scrub/1) |> List.to_tuple()
  def scrub(%Task{}), do: :task
  def scrub(l) when is_list(l), do: Enum.map(l, &scrub/1)
  def scrub(f) when is_function(f), do: :fun
  def scrub(x), do: x

  def flush(acc) do
    receive do
      {:EXIT, _, r} -> flush([{:EXIT, scrub(r)} | acc])
      {:DOWN, _, _, _, r} -> flush([{:DOWN, scrub(r)} | acc])
      {ref, v} when is_reference(ref) -> flush([{:reply, v} | acc])
    after
      0 -> Enum.sort(acc)
    end
  end

  def catching(f) do
    {:ok, f.()}
  catch
    kind, reason -> {kind, scrub(reason)}
  end

  def run do
    Process.flag(:trap_exit, true)
    t = Task.async(fn -> raise "early" end)
    Process.sleep(30)
    IO.inspect(catching(fn -> Task.await(t) end), label: "await crashed task")
    receive do
      {:EXIT, pid, reason} -> IO.inspect({pid == t.pid, scrub(reason)}, label: "EXIT kept")
    after
      0 -> IO.puts("EXIT consumed")
    end

    t = Task.async(fn -> throw(:ball) end)
    IO.inspect(catching(fn -> Task.await(t) end), label: "await throwing task")
    receive do: ({:EXIT, _, r} -> IO.inspect(scrub(r), label: "EXIT of throwing task"))

    ts = [Task.async(fn -> :a end), Task.async(fn -> Process.sleep(10); exit(:b_failed) end), Task.async(fn -> :c end)]
    IO.inspect(catching(fn -> Task.await_many(ts, 1000) end), label: "await_many with an exit")
    Process.sleep(30)
    IO.inspect(flush([]), label: "messages left")

    t = Task.async(fn -> :answer end)
    ref = t.ref
    receive do: ({^ref, v} -> IO.inspect(v, label: "received by hand"))
    IO.inspect(Task.yield(t, 50), label: "yield afterwards")
    IO.inspect(catching(fn -> Task.await(t, 50) end), label: "await afterwards")

    me = self()
    t = Task.async(fn -> :mine end)
    spawn(fn -> send(me, {:other, catching(fn -> Task.await(t, 100) end)}) end)
    receive do
      {:other, {:error, %ArgumentError{message: m}}} -> IO.puts("await by other: " <> String.replace(m, ~r/#(PID|Reference)<[^>]*>/, "\\1"))
      {:other, r} -> IO.inspect(r, label: "await by other")
    end
    IO.inspect(Task.await(t), label: "owner still gets it")

    t = Task.async(fn -> exit(:normal) end)
    IO.inspect(catching(fn -> Task.await(t, 200) end), label: "await task exiting :normal")
  end
end

Main.run()
