# Process.exit/2 signals: :kill, :normal, other reasons, with and without trap_exit,
# exits sent to self, and propagation along a chain of links.
defmodule Sig do
  def idle(parent, trap) do
    Process.flag(:trap_exit, trap)
    send(parent, {:ready, self()})
    idle_loop(parent)
  end

  defp idle_loop(parent) do
    receive do
      {:EXIT, from, reason} ->
        send(parent, {:trapped, from == parent, reason})
        idle_loop(parent)

      :stop ->
        :ok
    end
  end

  def start(trap) do
    parent = self()
    pid = spawn(Sig, :idle, [parent, trap])
    receive do: ({:ready, ^pid} -> :ok)
    {pid, Process.monitor(pid)}
  end

  def down(ref) do
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    after
      1000 -> :still_alive
    end
  end

  def trapped do
    receive do
      {:trapped, from_parent, reason} -> {from_parent, reason}
    end
  end

  def run(label, fun) do
    {_pid, ref} = spawn_monitor(fun)
    IO.inspect(down(ref), label: label)
  end
end

{pid, ref} = Sig.start(false)
IO.inspect(Process.exit(pid, :normal), label: "exit/2 returns")
IO.inspect(Process.alive?(pid), label: ":normal ignored, alive")
Process.exit(pid, :kill)
IO.inspect(Sig.down(ref), label: ":kill on non-trapping")

{pid, ref} = Sig.start(true)
Process.exit(pid, :normal)
IO.inspect(Sig.trapped(), label: ":normal on trapping")
Process.exit(pid, :custom)
IO.inspect(Sig.trapped(), label: ":custom on trapping")
IO.inspect(Process.alive?(pid), label: "trapping still alive")
Process.exit(pid, :kill)
IO.inspect(Sig.down(ref), label: ":kill on trapping")

{pid, ref} = Sig.start(false)
Process.exit(pid, :custom)
IO.inspect(Sig.down(ref), label: ":custom on non-trapping")

{pid, ref} = Sig.start(false)
Process.exit(pid, {:shutdown, :tuple_reason})
IO.inspect(Sig.down(ref), label: "tuple reason")

Sig.run("exit(self(), :kill)", fn -> Process.exit(self(), :kill) end)
Sig.run("exit(self(), :kill) while trapping", fn ->
  Process.flag(:trap_exit, true)
  Process.exit(self(), :kill)
  Process.sleep(200)
end)
Sig.run("exit(self(), :normal)", fn ->
  Process.exit(self(), :normal)
  Process.sleep(200)
  exit(:not_reached)
end)
Sig.run("exit(self(), :normal) while trapping", fn ->
  Process.flag(:trap_exit, true)
  Process.exit(self(), :normal)
  receive do
    {:EXIT, from, r} -> exit({:trapped_own, from == self(), r})
  end
end)
Sig.run("exit(self(), :bye)", fn ->
  Process.exit(self(), :bye)
  Process.sleep(200)
end)

IO.puts("done")
