# Nested supervisors: a :one_for_all top supervisor restarts a whole subtree when a
# sibling dies; killing a sub-supervisor restarts it with fresh children; which_children
# and count_children with :supervisor children; :supervisor.get_childspec/2; and
# Supervisor.child_spec/2 with a start: override.
Logger.configure(level: :none)

defmodule W do
  use GenServer
  def start_link(tag), do: GenServer.start_link(__MODULE__, tag, name: tag)
  def start_tagged(tag, extra), do: GenServer.start_link(__MODULE__, {tag, extra}, name: tag)
  def init(tag), do: (send(:main, {:start, tag}); {:ok, tag})
end

defmodule Sub do
  use Supervisor
  def start_link(tags), do: Supervisor.start_link(__MODULE__, tags, name: __MODULE__)
  def init(tags), do: Supervisor.init(Enum.map(tags, &Supervisor.child_spec({W, &1}, id: &1)), strategy: :one_for_one)
end

defmodule Main do
  def starts(acc \\ []) do
    receive do
      {:start, t} -> starts([t | acc])
    after
      50 -> Enum.reverse(acc)
    end
  end

  def kinds(sup), do: Supervisor.which_children(sup) |> Enum.map(fn {id, p, t, m} -> {id, is_pid(p), t, m} end)

  def run do
    Process.register(self(), :main)
    custom = Supervisor.child_spec({W, :ignored}, id: :custom, start: {W, :start_tagged, [:c, :extra]})
    IO.inspect(custom, label: "child_spec with start override")
    children = [{Sub, [:a, :b]}, custom, Supervisor.child_spec({W, :d}, id: :d)]
    {:ok, top} = Supervisor.start_link(children, strategy: :one_for_all, name: :top)
    IO.inspect(starts(), label: "initial starts")
    IO.inspect(:sys.get_state(:c), label: "state from the override")
    IO.inspect(kinds(:top), label: "top children")
    IO.inspect(kinds(Sub), label: "sub children")
    IO.inspect(Supervisor.count_children(:top), label: "top count")
    IO.inspect(Supervisor.count_children(Sub), label: "sub count")
    {:ok, spec} = :supervisor.get_childspec(:top, Sub)
    IO.inspect(spec, label: "get_childspec Sub")
    IO.inspect(:supervisor.get_childspec(:top, :custom), label: "get_childspec custom")
    IO.inspect(:supervisor.get_childspec(:top, :nope), label: "get_childspec missing")

    old_sub = Process.whereis(Sub)
    Process.exit(Process.whereis(:a), :kill)
    IO.inspect(starts(), label: "kill :a, only the sub restarts it")
    IO.inspect(Process.whereis(Sub) == old_sub, label: "same sub")

    Process.exit(Process.whereis(:d), :kill)
    IO.inspect(starts(), label: "kill :d, one_for_all restarts the tree")
    IO.inspect(Process.whereis(Sub) == old_sub, label: "same sub after")

    # Not Process.exit(_, :kill): its named children would die asynchronously, racing the restart.
    Supervisor.stop(Sub, :boom)
    IO.inspect(starts(), label: "Sub stops with :boom")
    IO.inspect(Supervisor.terminate_child(:top, Sub), label: "terminate Sub")
    IO.inspect(Process.whereis(:a), label: "grandchild gone")
    IO.inspect(kinds(:top), label: "top after terminate")
    IO.inspect(Supervisor.restart_child(:top, Sub) |> elem(0), label: "restart Sub")
    IO.inspect(starts(), label: "restart starts")
    ref = Process.monitor(Process.whereis(:b))
    Supervisor.stop(top)
    receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "grandchild on stop"))
  end
end

Main.run()
