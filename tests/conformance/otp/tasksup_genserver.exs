# The GenServer pattern: Task.Supervisor.async_nolink from a GenServer, whose
# handle_info receives {ref, result} (then demonitors with :flush) or the :DOWN of a crash.
Logger.configure(level: :none)

defmodule Jobs do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok)
  def run(s, f), do: GenServer.call(s, {:run, f})
  def report(s), do: GenServer.call(s, :report)

  @impl true
  def init(:ok), do: {:ok, %{tasks: %{}, log: [], waiting: nil}}

  @impl true
  def handle_call({:run, f}, _from, st) do
    n = map_size(st.tasks) + length(st.log) + 1
    task = Task.Supervisor.async_nolink(JobSup, f)
    {:reply, n, %{st | tasks: Map.put(st.tasks, task.ref, n)}}
  end

  def handle_call(:report, from, %{tasks: t} = st) when map_size(t) > 0,
    do: {:noreply, %{st | waiting: from}}

  def handle_call(:report, _from, st), do: {:reply, Enum.sort(st.log), st}

  @impl true
  def handle_info({ref, result}, st) when is_reference(ref) do
    Process.demonitor(ref, [:flush])
    done(ref, {:ok, result}, st)
  end

  def handle_info({:DOWN, ref, :process, _pid, reason}, st) do
    shape =
      case reason do
        {%RuntimeError{message: m}, _stack} -> {:raised, m}
        {other, _stack} -> {:error, other}
        other -> {:exit, other}
      end
    done(ref, shape, st)
  end

  defp done(ref, outcome, st) do
    {n, tasks} = Map.pop(st.tasks, ref)
    st = %{st | tasks: tasks, log: [{n, outcome} | st.log]}
    if map_size(tasks) == 0 and st.waiting do
      GenServer.reply(st.waiting, Enum.sort(st.log))
      {:noreply, %{st | waiting: nil}}
    else
      {:noreply, st}
    end
  end
end

defmodule Main do
  def run do
    {:ok, _} = Task.Supervisor.start_link(name: JobSup)
    {:ok, j} = Jobs.start_link(nil)
    IO.inspect(Jobs.run(j, fn -> :fine end), label: "job")
    IO.inspect(Jobs.run(j, fn -> Process.sleep(20); raise "job failed" end), label: "job")
    IO.inspect(Jobs.run(j, fn -> exit(:gave_up) end), label: "job")
    IO.inspect(Jobs.run(j, fn -> Enum.sum([1, 2, 3]) end), label: "job")
    IO.inspect(Jobs.run(j, fn -> :erlang.binary_to_atom(123) end), label: "job")
    for entry <- Jobs.report(j), do: IO.inspect(entry)
    IO.inspect(Process.info(j, :message_queue_len), label: "server mailbox")
    IO.inspect(Process.alive?(j), label: "server alive")
    Process.sleep(20)
    IO.inspect(Task.Supervisor.children(JobSup), label: "children left")
  end
end

Main.run()
