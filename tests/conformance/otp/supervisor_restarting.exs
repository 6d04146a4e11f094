# A restart that fails is retried later (the supervisor casts itself a retry): in
# between, which_children shows the child's pid as :restarting and count_children does
# not count it as active. The child's start function runs inside the supervisor, so it
# can hold the supervisor until two queries are queued behind the failed restart.
Logger.configure(level: :none)

defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  @impl true
  def init(arg), do: {:ok, arg}
end

defmodule Flaky do
  # The second start waits for :go, then fails; the others succeed.
  def start_link do
    case Process.get(:flaky_starts, 0) do
      1 ->
        Process.put(:flaky_starts, 2)
        send(:main, :restarting)
        receive do: (:go -> {:error, :not_now})
      n ->
        Process.put(:flaky_starts, n + 1)
        W.start_link(:flaky)
    end
  end
end

defmodule Main do
  def children(sup) do
    for {id, pid, _, _} <- Supervisor.which_children(sup),
        do: {id, if(is_pid(pid), do: :pid, else: pid)}
  end

  def wait_queue(pid, n) do
    {:message_queue_len, len} = Process.info(pid, :message_queue_len)
    if len < n, do: wait_queue(pid, n), else: :ok
  end

  def run do
    Process.register(self(), :main)
    flaky = %{id: :flaky, start: {Flaky, :start_link, []}}
    {:ok, sup} = Supervisor.start_link([{W, 1}, flaky], strategy: :one_for_one)
    IO.inspect(children(sup), label: "before")
    [{:flaky, f, _, _} | _] = Supervisor.which_children(sup)
    Process.exit(f, :kill)
    receive do: (:restarting -> :ok)
    main = self()
    spawn(fn -> send(main, {:which, children(sup)}) end)
    wait_queue(sup, 1)
    spawn(fn -> send(main, {:count, Supervisor.count_children(sup)}) end)
    wait_queue(sup, 2)
    send(sup, :go)
    receive do: ({:which, w} -> IO.inspect(w, label: "while restarting"))
    receive do: ({:count, c} -> IO.inspect(c, label: "count while restarting"))
    IO.inspect(children(sup), label: "after the retry")
    IO.inspect(Supervisor.count_children(sup), label: "count")
    IO.inspect(Supervisor.stop(sup), label: "stop")
  end
end

Main.run()
