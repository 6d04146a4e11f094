# Calls that fail: an unregistered name, a dead pid (:noproc), a server that crashes or
# stops during the call, a server calling itself, and the caller surviving all of it.
Logger.configure(level: :none)

defmodule Fragile do
  use GenServer

  def init(s), do: {:ok, s}
  def handle_call(:raise, _from, _s), do: raise("crash in call")
  def handle_call(:exit, _from, _s), do: exit(:exit_in_call)
  def handle_call(:stop_noreply, _from, s), do: {:stop, :normal, s}
  def handle_call(:stop_shutdown, _from, s), do: {:stop, {:shutdown, :asked}, s}
  def handle_call(:self_call, _from, s), do: {:reply, GenServer.call(self(), :ping), s}
  def handle_call(:ping, _from, s), do: {:reply, :pong, s}
end

defmodule Main do
  # Replaces pids by :pid and a stack trace after an exception by :stack.
  def scrub({e, stack}) when is_exception(e) and is_list(stack), do: {e, :stack}
  def scrub(p) when is_pid(p), do: :pid
  def scrub(t) when is_tuple(t), do: t |> Tuple.to_list() |> scrub() |> List.to_tuple()
  def scrub(l) when is_list(l), do: Enum.map(l, &scrub/1)
  def scrub(x), do: x

  def call(server, msg, label) do
    r =
      try do
        {:ok, GenServer.call(server, msg, 500)}
      catch
        :exit, reason -> {:exit, scrub(reason)}
      end

    IO.inspect(r, label: label)
  end

  def run do
    call(:no_such_server, :ping, "unregistered name")

    {:ok, pid} = GenServer.start(Fragile, :s)
    GenServer.stop(pid)
    call(pid, :ping, "dead pid")

    for msg <- [:raise, :exit, :stop_noreply, :stop_shutdown, :self_call] do
      {:ok, pid} = GenServer.start(Fragile, :s)
      ref = Process.monitor(pid)
      call(pid, msg, Atom.to_string(msg))

      receive do
        {:DOWN, ^ref, :process, _, reason} -> IO.inspect(scrub(reason), label: "  down")
      after
        100 -> IO.puts("  still alive: #{Process.alive?(pid)}")
      end
    end

    # By name: the name in the exit reason is the atom.
    {:ok, _} = GenServer.start(Fragile, :s, name: :fragile)
    call(:fragile, :exit, "by name")
    call(:fragile, :ping, "by name, after it died")
    IO.inspect(Process.info(self(), :message_queue_len), label: "mailbox")
    IO.puts("caller survived")
  end
end

Main.run()
