# Running work from a GenServer with Task.Supervisor.async_nolink.
#
# The task is not linked to the server, so a crashing task cannot take the
# server down. The server gets either `{ref, result}` when the task finishes
# or `{:DOWN, ref, :process, pid, reason}` when it fails, in handle_info/2.
# Only one task runs at a time; asking for another one while it runs is refused.

# Crashing tasks are expected here: keep their crash reports off the terminal.
Logger.configure(level: :none)

defmodule Server do
  use GenServer

  def start_link(notify), do: GenServer.start_link(__MODULE__, notify, name: __MODULE__)
  def start_task(fun), do: GenServer.call(__MODULE__, {:start_task, fun})

  @impl true
  def init(notify), do: {:ok, %{ref: nil, notify: notify, done: 0}}

  # The task is already running, so we just say so.
  @impl true
  def handle_call({:start_task, _fun}, _from, %{ref: ref} = state) when is_reference(ref) do
    {:reply, :already_running, state}
  end

  # The task is not running yet, so let's start it.
  def handle_call({:start_task, fun}, _from, %{ref: nil} = state) do
    task = Task.Supervisor.async_nolink(MyApp.TaskSupervisor, fun)
    {:reply, :started, %{state | ref: task.ref}}
  end

  # The task completed successfully.
  @impl true
  def handle_info({ref, answer}, %{ref: ref} = state) do
    # We don't care about the :DOWN message now, so demonitor and flush it.
    Process.demonitor(ref, [:flush])
    finished(state, {:ok, answer})
  end

  # The task failed.
  def handle_info({:DOWN, ref, :process, _pid, reason}, %{ref: ref} = state) do
    finished(state, {:failed, describe(reason)})
  end

  defp finished(state, outcome) do
    send(state.notify, {:task_finished, outcome})
    {:noreply, %{state | ref: nil, done: state.done + 1}}
  end

  # A raise arrives as {exception, stacktrace}, a runtime error as
  # {erlang_reason, stacktrace}, and exit(reason) as the bare reason.
  defp describe({%{__exception__: true} = e, _stack}), do: {e.__struct__, Exception.message(e)}
  defp describe({reason, stack}) when is_list(stack), do: {:error, reason}
  defp describe(reason), do: reason
end

await_outcome = fn ->
  receive do
    {:task_finished, outcome} -> outcome
  after
    5_000 -> :no_answer
  end
end

{:ok, _} = Task.Supervisor.start_link(name: MyApp.TaskSupervisor)
{:ok, server} = Server.start_link(self())

IO.inspect(Server.start_task(fn -> Process.sleep(100); 6 * 7 end), label: "slow task")
IO.inspect(Server.start_task(fn -> :never_runs end), label: "second task")
IO.inspect(await_outcome.(), label: "outcome")

IO.inspect(Server.start_task(fn -> raise "boom" end), label: "raising task")
IO.inspect(await_outcome.(), label: "outcome")

IO.inspect(Server.start_task(fn -> exit(:gave_up) end), label: "exiting task")
IO.inspect(await_outcome.(), label: "outcome")

IO.inspect(Server.start_task(fn -> :erlang.binary_to_existing_atom("no_such_atom_here", :utf8) end), label: "badarg task")
IO.inspect(await_outcome.(), label: "outcome")

IO.inspect(Server.start_task(fn -> Enum.sum(1..100) end), label: "after the failures")
IO.inspect(await_outcome.(), label: "outcome")

# The server survived every failure, and no task is left under the supervisor.
IO.inspect(Process.alive?(server), label: "server alive")
IO.inspect(:sys.get_state(server).done, label: "tasks finished")
IO.inspect(Task.Supervisor.children(MyApp.TaskSupervisor), label: "running tasks")
