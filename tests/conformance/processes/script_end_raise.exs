# The main process raises while other processes are still running (a busy loop and a
# process waiting for messages): the script stops with status 1, nothing else prints.
defmodule Spin do
  def busy(n), do: busy(n + 1)

  def waiter do
    receive do
      {:print, from, text} ->
        IO.puts("waiter: " <> text)
        send(from, :printed)
    end

    waiter()
  end

  def print_via(pid, text) do
    send(pid, {:print, self(), text})

    receive do
      :printed -> :ok
    end
  end
end

spawn(Spin, :busy, [0])
waiter = spawn(Spin, :waiter, [])
IO.puts("main starts")
Spin.print_via(waiter, "first")
IO.puts("main again")
Spin.print_via(waiter, "second")

spawn(fn ->
  Process.sleep(3000)
  IO.puts("never printed: the VM stopped")
end)

IO.puts("main before raise")
raise "main fails while others run"
IO.puts("not reached")
