# exit/1, throw and raise inside spawned processes, as seen by a monitor and by a
# linked process trapping exits; catching exits inside the process itself.
# Real Elixir 1.14 logs crashes of spawned processes to stdout, with timestamps and pids;
# silence the logger so that stdout stays deterministic.
Logger.configure(level: :none)

defmodule Why do
  def monitored(fun) do
    {_pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    end
  end

  def linked(fun) do
    pid = spawn_link(fun)

    receive do
      {:EXIT, ^pid, reason} -> reason
    end
  end

  def show(label, {head, stack}) when is_list(stack) and stack != [],
    do: IO.inspect(head, label: label <> " (with stacktrace)")

  def show(label, reason), do: IO.inspect(reason, label: label)
end

Why.show("exit(:normal)", Why.monitored(fn -> exit(:normal) end))
Why.show("exit(:shutdown)", Why.monitored(fn -> exit(:shutdown) end))
Why.show("exit({:shutdown, 1})", Why.monitored(fn -> exit({:shutdown, 1}) end))
Why.show("exit(:boom)", Why.monitored(fn -> exit(:boom) end))
Why.show("exit(\"string\")", Why.monitored(fn -> exit("string") end))
Why.show("exit(%{map: 1})", Why.monitored(fn -> exit(%{map: 1}) end))
Why.show("returns a value", Why.monitored(fn -> {:some, :value} end))
Why.show("throw", Why.monitored(fn -> throw(:ball) end))
Why.show("throw tuple", Why.monitored(fn -> throw({:ball, 2}) end))
Why.show("raise", Why.monitored(fn -> raise "kaput" end))
Why.show("raise ArgumentError", Why.monitored(fn -> raise ArgumentError end))
Why.show(":erlang.error", Why.monitored(fn -> :erlang.error(:my_error) end))
Why.show("hd([])", Why.monitored(fn -> hd(Enum.take([1], 0)) end))
Why.show("exit after rescue", Why.monitored(fn ->
  try do
    raise "inner"
  rescue
    e -> exit({:rescued, Exception.message(e)})
  end
end))

r = Why.monitored(fn ->
  caught =
    try do
      exit(:caught_inside)
    catch
      :exit, reason -> {:caught, reason}
    end
  exit(caught)
end)
Why.show("exit caught inside", r)

Why.show("nested exit via try/after", Why.monitored(fn ->
  try do
    exit(:from_try)
  after
    :ok
  end
end))

Process.flag(:trap_exit, true)
Why.show("linked exit(:normal)", Why.linked(fn -> exit(:normal) end))
Why.show("linked exit(:shutdown)", Why.linked(fn -> exit(:shutdown) end))
Why.show("linked exit({:shutdown, 1})", Why.linked(fn -> exit({:shutdown, 1}) end))
Why.show("linked throw", Why.linked(fn -> throw(:linked_ball) end))
Why.show("linked raise", Why.linked(fn -> raise RuntimeError, "linked" end))
Why.show("linked exit(:kill)", Why.linked(fn -> exit(:kill) end))
{exc, _} = Why.linked(fn -> raise KeyError, key: :k, term: %{} end)
IO.puts("message: " <> Exception.message(exc))
