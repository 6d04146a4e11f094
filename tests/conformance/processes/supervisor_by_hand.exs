# A supervisor written by hand: it traps exits, restarts a crashing worker up to 3
# times counting {:EXIT, pid, reason} messages, then gives up. Links work in both
# directions, and unlinking before a crash means no EXIT message.
Logger.configure(level: :none)

defmodule Sup do
  def start(parent, max) do
    Process.flag(:trap_exit, true)
    loop(parent, start_worker(1), 1, max, [])
  end

  def start_worker(gen) do
    sup = self()
    spawn_link(fn ->
      send(sup, {:worker_up, gen})
      receive do
        :crash -> exit({:worker_crashed, gen})
      end
    end)
  end

  defp loop(parent, worker, gen, max, exits) do
    receive do
      {:worker_up, g} ->
        send(parent, {:up, g, worker})
        loop(parent, worker, gen, max, exits)

      {:EXIT, ^worker, reason} when gen <= max ->
        loop(parent, start_worker(gen + 1), gen + 1, max, [reason | exits])

      {:EXIT, ^worker, reason} ->
        send(parent, {:gave_up, Enum.reverse([reason | exits])})
    end
  end

  def up, do: (receive do: ({:up, g, w} -> {g, w}))

  def crash_when_told do
    receive do
      {:crash, r} -> exit(r)
    end
  end

  def no_exit_left do
    receive do
      {:EXIT, _, r} -> {:unexpected_exit, r}
    after
      0 -> :no_exit
    end
  end
end

{sup, ref} = spawn_monitor(Sup, :start, [self(), 3])
{1, w} = Sup.up()
IO.inspect(Process.info(w, :links) == {:links, [sup]}, label: "worker linked to supervisor")
IO.inspect(Process.info(sup, :trap_exit), label: "supervisor traps")
send(w, :crash)
gens = for _ <- 1..3 do
  {g, w} = Sup.up()
  send(w, :crash)
  g
end
IO.inspect(gens, label: "restarted generations")
receive do: ({:gave_up, reasons} -> IO.inspect(reasons, label: "exits seen"))
receive do: ({:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "supervisor exit"))

Process.flag(:trap_exit, true)
me = self()
# The child links to us.
p1 = spawn(fn -> Process.link(me); send(me, :linked); Sup.crash_when_told() end)
receive do: (:linked -> :ok)
send(p1, {:crash, :p1_crash})
receive do: ({:EXIT, ^p1, r} -> IO.inspect(r, label: "child-initiated link"))

# We link to the child.
p2 = spawn(Sup, :crash_when_told, [])
Process.link(p2)
send(p2, {:crash, :p2_crash})
receive do: ({:EXIT, ^p2, r} -> IO.inspect(r, label: "parent-initiated link"))

# Unlinked from our side before the crash.
p3 = spawn_link(Sup, :crash_when_told, [])
Process.unlink(p3)
r3 = Process.monitor(p3)
send(p3, {:crash, :p3_crash})
receive do: ({:DOWN, ^r3, :process, _, r} -> IO.inspect(r, label: "p3 down"))
IO.inspect(Sup.no_exit_left(), label: "after own unlink")

# Unlinked from the child's side before the crash.
p4 = spawn_link(fn -> Process.unlink(me); Sup.crash_when_told() end)
r4 = Process.monitor(p4)
send(p4, {:crash, :p4_crash})
receive do: ({:DOWN, ^r4, :process, _, r} -> IO.inspect(r, label: "p4 down"))
IO.inspect(Sup.no_exit_left(), label: "after child's unlink")

# A trapping child sees our exit signal as a message.
p5 = spawn_link(fn ->
  Process.flag(:trap_exit, true)
  send(me, :trapping)
  receive do: ({:EXIT, from, r} -> send(me, {:child_saw, from == me, r}))
end)
receive do: (:trapping -> :ok)
Process.exit(p5, :shutdown)
receive do: ({:child_saw, from_me, r} -> IO.inspect({from_me, r}, label: "child saw"))
receive do: ({:EXIT, ^p5, r} -> IO.inspect(r, label: "p5 exit"))
{:links, links} = Process.info(self(), :links)
IO.inspect(Enum.filter([p1, p2, p3, p4, p5], &(&1 in links)), label: "links to children at end")
