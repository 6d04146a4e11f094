# An uncaught error in a spawned (unlinked) process does not stop the main script;
# the main process keeps its state and mailbox and prints after each crash.
# Real Elixir 1.14 logs crashes of spawned processes to stdout, with timestamps and pids;
# silence the logger so that stdout stays deterministic.
Logger.configure(level: :none)

defmodule Crash do
  def run(label, fun) do
    {pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.puts("#{label}: #{describe(reason)}")
    end
  end

  def describe({%{__exception__: true} = e, stack}) when is_list(stack),
    do: "exception #{inspect(e.__struct__)}: #{Exception.message(e)}"

  def describe({reason, stack}) when is_list(stack), do: "error #{inspect(reason)}"
  def describe(reason), do: "exit #{inspect(reason)}"

  def only_int(n) when is_integer(n), do: n
end

IO.puts("main starts")
Process.put(:state, :kept)
send(self(), :queued_before_crashes)

Crash.run("raise", fn -> raise "boom" end)
IO.puts("main continues after raise")
Crash.run("div by zero", fn -> div(10, Enum.count([])) end)
Crash.run("badmatch", fn -> {:ok, _} = {:error, :nope} end)
Crash.run("function clause", fn -> Crash.only_int(:not_an_int) end)
Crash.run("undefined function", fn -> apply(NoSuchModule, :f, []) end)
Crash.run("case clause", fn -> case Enum.count([1]) do 2 -> :two end end)
Crash.run("key error", fn -> Map.fetch!(%{a: 1}, :b) end)
Crash.run("bad argument", fn -> :erlang.binary_to_atom(123, :utf8) end)
Crash.run("throw", fn -> throw(:ball) end)
Crash.run("exit", fn -> exit(:gone) end)
Crash.run("custom exception", fn -> raise ArgumentError, message: "custom arg" end)
Crash.run("tuple element", fn -> elem({1, 2}, Enum.count([1, 2, 3])) end)

spawn(fn -> raise "unmonitored crash" end)
Crash.run("unrelated process", fn -> Process.sleep(20) end)

IO.inspect(Process.get(:state), label: "dictionary intact")
receive do
  m -> IO.inspect(m, label: "mailbox intact")
end
IO.inspect(Process.alive?(self()), label: "main alive")

parent = self()
Crash.run("crash after sending", fn ->
  send(parent, :about_to_crash)
  raise "after sending"
end)
receive do
  :about_to_crash -> IO.puts("the message sent before the crash is there")
end
IO.puts("main ends normally")
