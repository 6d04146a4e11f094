# Keeping every scheduler busy does not freeze the system.
#
# We start twice as many CPU-bound processes as there are schedulers. They spin
# forever in a tight loop that never waits for a message. The BEAM preempts
# them (each process gets a budget of reductions), so a "shell" process can still
# answer calls straight away. At the end we kill the spinners.
defmodule Spinner do
  # Never returns and never receives: pure CPU work.
  def spin(n), do: spin(rem(n * 7 + 3, 1_000_003))
end

defmodule Shell do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  def eval(expr), do: GenServer.call(__MODULE__, {:eval, expr})
  def count, do: GenServer.call(__MODULE__, :count)

  @impl true
  def init(n), do: {:ok, n}

  @impl true
  def handle_call({:eval, {op, a, b}}, _from, n) do
    {:reply, apply(Kernel, op, [a, b]), n + 1}
  end

  def handle_call(:count, _from, n), do: {:reply, n, n}
end

busy = 2 * System.schedulers_online()
spinners = for _ <- 1..busy, do: spawn(Spinner, :spin, [1])
IO.puts("started 2 spinners per scheduler")

# Give the spinners time to occupy every scheduler.
Process.sleep(100)
IO.inspect(Enum.all?(spinners, &Process.alive?/1), label: "all spinners alive")

{:ok, _} = Shell.start_link(nil)

# Each call has the default 5 second timeout: if the shell could not get a
# scheduler, the call would exit instead of printing.
IO.inspect(Shell.eval({:+, 40, 2}), label: "shell answered 40 + 2")
IO.inspect(Shell.eval({:*, 6, 7}), label: "shell answered 6 * 7")

answers = for i <- 1..200, do: Shell.eval({:rem, i * i, 10})
IO.inspect(Enum.frequencies(answers), label: "last digits of 200 squares")
IO.inspect(Shell.count(), label: "calls answered")

# A timer also fires on time-ish while everything is busy.
Process.send_after(self(), :tick, 50)
receive do
  :tick -> IO.puts("timer message arrived")
after
  5_000 -> IO.puts("timer message did not arrive")
end

IO.inspect(Enum.all?(spinners, &Process.alive?/1), label: "spinners still spinning")

# Stop the spinners; :kill cannot be ignored, even by a busy process.
refs = for pid <- spinners, do: Process.monitor(pid)
Enum.each(spinners, &Process.exit(&1, :kill))
reasons = for ref <- refs, do: (receive do: ({:DOWN, ^ref, :process, _, r} -> r))
IO.inspect(Enum.uniq(reasons), label: "spinner exit reasons")
IO.inspect(Shell.eval({:-, 50, 8}), label: "shell answered 50 - 8")
