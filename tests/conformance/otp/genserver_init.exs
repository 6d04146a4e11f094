# Every return of init/1 seen through GenServer.start (not linked): {:ok, s},
# {:ok, s, timeout}, {:ok, s, :hibernate}, {:ok, s, {:continue, t}}, :ignore,
# {:stop, reason}, a raise, a throw, an exit and a bad return value.
Logger.configure(level: :none)

defmodule Init do
  use GenServer

  def init({:reply_to, pid, ret}) do
    send(pid, {:init_ran, self()})
    ret
  end

  def init(:raise), do: raise("init failed")
  def init(:throw), do: throw(:init_thrown)
  def init(:exit), do: exit(:init_exited)
  def init(:badmatch), do: (:ok = :nope)
  def init(ret), do: ret

  def handle_continue(t, s), do: {:noreply, [{:continued, t} | s]}
  def handle_info(:timeout, s), do: {:noreply, [:timeout | s]}
  def handle_call(:state, _from, s), do: {:reply, s, s}
end

defmodule Main do
  def show(label, arg) do
    case GenServer.start(Init, arg) do
      {:ok, pid} ->
        Process.sleep(30)
        IO.inspect({:ok, GenServer.call(pid, :state)}, label: label)
        GenServer.stop(pid)

      {:error, {e, stack}} when is_exception(e) and is_list(stack) ->
        IO.inspect({:error, {e, :stack}}, label: label)

      {:error, {reason, stack}} when is_list(stack) ->
        IO.inspect({:error, {reason, :stack}}, label: label)

      other ->
        IO.inspect(other, label: label)
    end
  end

  def run do
    show("ok", {:ok, [:s]})
    show("ok timeout", {:ok, [:s], 10})
    show("ok infinity", {:ok, [:s], :infinity})
    show("ok hibernate", {:ok, [:s], :hibernate})
    show("ok continue", {:ok, [:s], {:continue, :warm}})
    show("ignore", :ignore)
    show("stop", {:stop, :no_way})
    show("stop tuple reason", {:stop, {:shutdown, :config}})
    show("stop normal", {:stop, :normal})
    show("bad return", {:what, :is, :this})
    show("raise", :raise)
    show("throw", :throw)
    show("exit", :exit)
    show("badmatch", :badmatch)

    # With :ignore and {:stop, _}, the process is gone when start returns.
    :ignore = GenServer.start(Init, {:reply_to, self(), :ignore})
    receive do
      {:init_ran, pid} -> IO.inspect(Process.alive?(pid), label: "alive after ignore")
    end

    {:error, :bye} = GenServer.start(Init, {:reply_to, self(), {:stop, :bye}})
    receive do
      {:init_ran, pid} -> IO.inspect(Process.alive?(pid), label: "alive after stop")
    end

    # A name is not kept when init does not succeed.
    :ignore = GenServer.start(Init, :ignore, name: :init_named)
    IO.inspect(GenServer.whereis(:init_named), label: "name after ignore")
  end
end

Main.run()
