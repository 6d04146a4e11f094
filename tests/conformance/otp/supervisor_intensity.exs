# max_restarts/max_seconds: more restarts than allowed make the supervisor shut its other
# children down and exit with :shutdown; a nested supervisor that gives up is restarted
# by its parent; a child that cannot be restarted counts against the intensity too.
Logger.configure(level: :none)

defmodule Child do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name)

  @impl true
  def init(name) do
    Process.flag(:trap_exit, true)
    if Agent.get(:flags, &Map.get(&1, name)) == :fail, do: {:stop, :cannot_start}, else: {:ok, name}
  end

  @impl true
  def terminate(reason, name), do: IO.puts("  #{name} terminate #{inspect(reason)}")
end

defmodule Main do
  def kids(sup) do
    for {id, pid, _, _} <- Supervisor.which_children(sup), do: {id, pid}
  end

  def kill(sup, id) do
    {^id, pid} = List.keyfind(kids(sup), id, 0)
    Process.exit(pid, :kill)
    Process.sleep(20)
    IO.inspect(Process.alive?(sup), label: "  kill #{id}, supervisor alive")
  end

  def start(children, opts) do
    {:ok, sup} = Supervisor.start_link(children, opts)
    Process.unlink(sup)
    {sup, Process.monitor(sup)}
  end

  def down(ref), do: receive(do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "  DOWN")))

  def spec(id), do: Supervisor.child_spec({Child, id}, id: id)

  def run do
    Agent.start_link(fn -> %{} end, name: :flags)
    IO.puts("default intensity (3 in 5 s):")
    {sup, ref} = start([spec(:a), spec(:b)], strategy: :one_for_one)
    for _ <- 1..4, do: kill(sup, :a)
    down(ref)

    IO.puts("max_restarts: 0")
    {sup, ref} = start([spec(:a), spec(:b)], strategy: :one_for_one, max_restarts: 0)
    kill(sup, :b)
    down(ref)

    IO.puts("nested, inner max_restarts: 0")
    inner = %{id: :inner, type: :supervisor,
      start: {Supervisor, :start_link, [[spec(:x)], [strategy: :one_for_one, max_restarts: 0]]}}
    {top, ref} = start([inner, spec(:y)], strategy: :one_for_one, max_restarts: 1)
    [{:y, y}, {:inner, in1}] = kids(top)
    kill(in1, :x)
    [{:y, y2}, {:inner, in2}] = kids(top)
    IO.inspect({y == y2, in1 == in2, Supervisor.count_children(top)}, label: "  top")
    kill(in2, :x)
    down(ref)

    IO.puts("child that cannot restart")
    {sup, ref} = start([spec(:c)], strategy: :one_for_one, max_restarts: 2, max_seconds: 10)
    Agent.update(:flags, &Map.put(&1, :c, :fail))
    kill(sup, :c)
    down(ref)
  end
end

Main.run()
