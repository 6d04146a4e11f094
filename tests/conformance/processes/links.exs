# spawn_link and links: normal exit, crashes seen with trap_exit, link/unlink,
# linking to a dead process.
# Real Elixir 1.14 logs crashes of spawned processes to stdout, with timestamps and pids;
# silence the logger so that stdout stays deterministic.
Logger.configure(level: :none)

defmodule L do
  def wait_exit(pid) do
    receive do
      {:EXIT, ^pid, reason} -> reason
    after
      1000 -> :no_exit_message
    end
  end

  # Monitors first, then tells the process to go on, then waits for its end.
  def go_and_wait_down(pid) do
    ref = Process.monitor(pid)
    send(pid, :go)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end

  def nothing_pending do
    receive do
      m -> {:unexpected, m}
    after
      50 -> :nothing
    end
  end

  def linked?(pid) do
    {:links, links} = Process.info(self(), :links)
    pid in links
  end
end

parent = self()
pid = spawn_link(fn -> receive do: (:go -> send(parent, :child_ran)) end)
IO.inspect(L.go_and_wait_down(pid), label: "child down")
receive do
  :child_ran -> IO.puts("linked child ran")
end
IO.puts("parent survives a normal exit of a linked child")

IO.inspect(Process.flag(:trap_exit, true), label: "old trap_exit")
IO.inspect(Process.flag(:trap_exit, true), label: "trap_exit now")

pid = spawn_link(fn -> :ok end)
IO.inspect(L.wait_exit(pid), label: "normal exit with trap")

pid = spawn_link(fn -> exit(:boom) end)
IO.inspect(L.wait_exit(pid), label: "exit(:boom)")

pid = spawn_link(fn -> raise ArgumentError, "bad" end)
{exc, stack} = L.wait_exit(pid)
IO.inspect(exc, label: "raise")
IO.inspect(is_list(stack), label: "stack is a list")

pid = spawn_link(fn -> 1 = Enum.count([1, 2]) end)
{reason, _} = L.wait_exit(pid)
IO.inspect(reason, label: "match error")

pid = spawn(fn -> receive do: (:go -> exit(:after_link)) end)
IO.inspect(Process.link(pid), label: "link returns")
IO.inspect(L.linked?(pid), label: "pid in links")
send(pid, :go)
receive do
  {:EXIT, from, r} -> IO.inspect({from == pid, r}, label: "exit via link/1")
end

pid = spawn(fn -> receive do: (:go -> exit(:unlinked_crash)) end)
Process.link(pid)
IO.inspect(Process.unlink(pid), label: "unlink returns")
IO.inspect(L.linked?(pid), label: "pid in links after unlink")
IO.inspect(L.go_and_wait_down(pid), label: "down after unlink")
IO.inspect(L.nothing_pending(), label: "no EXIT after unlink")

dead = spawn(fn -> receive do: (:go -> :ok) end)
IO.inspect(L.go_and_wait_down(dead), label: "dead")
IO.inspect(Process.link(dead), label: "link to dead pid (trapping)")
IO.inspect(L.wait_exit(dead), label: "exit reason for dead pid")

Process.flag(:trap_exit, false)
r = try do
  Process.link(dead)
catch
  kind, value -> {kind, value}
end
IO.inspect(r, label: "link to dead pid (not trapping)")
IO.puts("done")
