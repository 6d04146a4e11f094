# spawn/send/receive basics: FIFO order from one sender, several clauses, guards,
# receive as an expression, pinned variables and a loop server with state.
defmodule Counter do
  def loop(state) do
    receive do
      {:add, n} ->
        loop(state + n)

      {:get, from} ->
        send(from, {:value, state})
        loop(state)

      {:stop, from} ->
        send(from, {:stopped, state})
    end
  end
end

send(self(), :ping)
receive do
  :ping -> IO.puts("got ping from self")
end

parent = self()
pid = spawn(fn -> for i <- 1..5, do: send(parent, {:n, i}) end)
IO.inspect(is_pid(pid), label: "is_pid")
got = for _ <- 1..5 do
  receive do
    {:n, i} -> i
  end
end
IO.inspect(got, label: "fifo")

classify = fn ->
  receive do
    {:int, x} when is_integer(x) and x > 10 -> {:big_int, x}
    {:int, x} when is_integer(x) -> {:small_int, x}
    {:str, s} when is_binary(s) -> {:string, String.upcase(s)}
    other -> {:other, other}
  end
end

for m <- [{:int, 50}, {:int, 3}, {:str, "abc"}, {:int, :nope}, [1, 2]] do
  send(self(), m)
  IO.inspect(classify.())
end

echo = spawn(fn ->
  receive do
    {from, msg} -> send(from, {self(), {:echo, msg}})
  end
end)
send(echo, {self(), "hello"})
reply = receive do
  {^echo, r} -> r
end
IO.inspect(reply, label: "reply")

tag = make_ref()
send(self(), {:tagged, make_ref(), :wrong})
send(self(), {:tagged, tag, :right})
v = receive do
  {:tagged, ^tag, x} -> x
end
IO.inspect(v, label: "pinned ref")
receive do
  {:tagged, _, x} -> IO.inspect(x, label: "leftover")
end

server = spawn(Counter, :loop, [0])
send(server, {:add, 5})
send(server, {:add, 37})
send(server, {:get, self()})
receive do
  {:value, v} -> IO.puts("counter value: #{v}")
end
send(server, {:add, -2})
send(server, {:stop, self()})
receive do
  {:stopped, v} -> IO.puts("counter stopped at #{v}")
end
IO.inspect(send(self(), :x), label: "send returns")
receive do
  :x -> :ok
end
IO.puts("done")
