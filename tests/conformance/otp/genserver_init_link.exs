# start_link with init failing while the caller traps exits: the return value and the
# {:EXIT, pid, reason} message that follows (or not, for :ignore), and an unlinked
# caller that does not trap exits being killed by a failing start_link.
Logger.configure(level: :none)

defmodule Failing do
  use GenServer

  def init(:raise), do: raise(ArgumentError, "bad init arg")
  def init(:exit), do: exit({:shutdown, :from_init})
  def init(ret), do: ret
end

defmodule Main do
  def exits(acc) do
    receive do
      {:EXIT, pid, {e, stack}} when is_exception(e) and is_list(stack) ->
        exits([{:EXIT, is_pid(pid), {e, :stack}} | acc])

      {:EXIT, pid, reason} ->
        exits([{:EXIT, is_pid(pid), reason} | acc])
    after
      50 -> Enum.reverse(acc)
    end
  end

  def try_link(label, arg) do
    r =
      case GenServer.start_link(Failing, arg) do
        {:error, {e, stack}} when is_exception(e) and is_list(stack) -> {:error, {e, :stack}}
        {:ok, pid} -> {:ok, is_pid(pid)}
        other -> other
      end

    IO.inspect(r, label: label)
    IO.inspect(exits([]), label: label <> " messages")
  end

  def run do
    Process.flag(:trap_exit, true)
    try_link("ok", {:ok, :s})
    try_link("ignore", :ignore)
    try_link("stop", {:stop, :no_way})
    try_link("stop normal", {:stop, :normal})
    try_link("raise", :raise)
    try_link("exit", :exit)
    try_link("bad return", :oops)
    Process.flag(:trap_exit, false)

    # A caller that does not trap exits: {:stop, :normal} does not kill it...
    IO.inspect(GenServer.start_link(Failing, {:stop, :normal}), label: "untrapped stop normal")

    # ...but any other reason does; watch it from outside.
    {pid, ref} =
      spawn_monitor(fn ->
        r = GenServer.start_link(Failing, {:stop, :killed_caller})
        IO.inspect(r, label: "never printed")
      end)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "untrapped caller died")
    end

    {pid, ref} = spawn_monitor(fn -> GenServer.start_link(Failing, :ignore) |> IO.inspect(label: "untrapped ignore") end)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "caller after ignore")
    end
  end
end

Main.run()
