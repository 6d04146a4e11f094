# The Beamlet side of the embedding API (vm/src/embed): host processes and the runner
# of `Runtime::call`/`eval`. See docs/internals/embedding.md.

defmodule :beamlet_host do
  @moduledoc false

  # A host process: a process whose messages go to a Rust-side mailbox (`id`). It traps
  # exits, so an exit signal from a linked process arrives there as `{:EXIT, pid, reason}`.
  # Control requests from the Rust side come as `{:"$beamlet_host", op, arg, tag}` and are
  # answered in the same mailbox as `{:"$beamlet_host", tag, result}`.
  def relay(id) do
    Process.flag(:trap_exit, true)
    relay_loop(id)
  end

  defp relay_loop(id) do
    receive do
      {:"$beamlet_host", op, arg, tag} ->
        :beamlet.host_deliver(id, {:"$beamlet_host", tag, control(op, arg)})

      msg ->
        :beamlet.host_deliver(id, msg)
    end

    relay_loop(id)
  end

  defp control(:link, pid), do: safely(fn -> Process.link(pid) end)
  defp control(:unlink, pid), do: safely(fn -> Process.unlink(pid) end)
  defp control(:monitor, pid), do: safely(fn -> Process.monitor(pid) end)
  defp control(:demonitor, ref), do: safely(fn -> Process.demonitor(ref, [:flush]) end)

  # Runs `module.fun(args)` in a new monitored process; its outcome comes back as
  # `{tag, {:ok, value}}` or `{tag, {:raised, kind, reason, report}}`, then its `:DOWN`.
  defp control(:run, {tag, module, fun, args}) do
    me = self()
    {pid, ref} = spawn_monitor(fn -> send(me, {tag, run(module, fun, args)}) end)
    {pid, ref}
  end

  defp safely(fun) do
    try do
      {:ok, fun.()}
    catch
      kind, reason -> {:error, kind, reason}
    end
  end

  def run(module, fun, args) do
    try do
      {:ok, apply(module, fun, args)}
    catch
      kind, reason ->
        {:raised, kind, reason, Exception.format(kind, reason, __STACKTRACE__)}
    end
  end

  # The body of a native function that runs off the schedulers (`Native::dirty`): the
  # call goes to a Rust thread and this process waits for its answer like any message.
  def dirty(index, args) do
    ref = :beamlet.host_native_dirty(index, args)

    receive do
      {^ref, :ok, value} -> value
      {^ref, :error, reason} -> :erlang.error(reason)
    end
  end
end
