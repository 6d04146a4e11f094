# Task.async/await with a fun and with an MFA, the %Task{} fields, await_many, and
# the exit of an await that times out (caught; its reason printed without pids).
Logger.configure(level: :none)

defmodule Work do
  def square(x), do: x * x
  def slow(ms, v) do
    Process.sleep(ms)
    v
  end
end

defmodule Main do
  def run do
    t = Task.async(fn -> 1 + 2 end)
    IO.inspect(Task.await(t), label: "await fun")
    IO.inspect(t.owner == self(), label: "owner is caller")
    IO.inspect(is_pid(t.pid) and is_reference(t.ref), label: "pid and ref")

    t2 = Task.async(Work, :square, [7])
    IO.inspect(t2.mfa, label: "mfa of MFA task")
    IO.inspect(Task.await(t2, 1000), label: "await mfa")
    IO.inspect(t.mfa, label: "mfa of fun task")

    tasks = for i <- 1..5, do: Task.async(Work, :slow, [(6 - i) * 5, i * 10])
    IO.inspect(Task.await_many(tasks), label: "await_many keeps order")
    IO.inspect(Task.await_many([]), label: "await_many empty")

    slow = Task.async(Work, :slow, [500, :late])
    try do
      Task.await(slow, 10)
    catch
      :exit, {:timeout, {Task, :await, [task, 10]}} ->
        IO.inspect(task == slow, label: "timeout exit names the task")
      :exit, other ->
        IO.inspect(other, label: "unexpected exit")
    end
    IO.inspect(Process.alive?(slow.pid), label: "task alive after await timeout")

    many = [Task.async(fn -> :ok end), Task.async(Work, :slow, [500, :late])]
    try do
      Task.await_many(many, 20)
    catch
      :exit, {:timeout, {Task, :await_many, [ts, 20]}} ->
        IO.inspect(ts == many, label: "await_many timeout")
    end

    IO.inspect(Task.await(Task.async(fn -> {:nested, Task.await(Task.async(fn -> 42 end))} end)),
      label: "nested")
    done = Task.completed(:done)
    IO.inspect({done.mfa, done.pid, Task.await(done)}, label: "completed")
  end
end

Main.run()
