# Selective receive: unmatched messages stay in the mailbox, in order; after 0;
# flushing; message_queue_len before and after.
defmodule Mbox do
  def flush(acc) do
    receive do
      m -> flush([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end

  def qlen, do: elem(Process.info(self(), :message_queue_len), 1)

  def take_priority do
    receive do
      {:urgent, x} -> {:urgent, x}
    after
      0 ->
        receive do
          m -> m
        end
    end
  end
end

IO.inspect(Mbox.qlen(), label: "empty queue")
for m <- [{:a, 1}, {:b, 2}, {:a, 3}, {:c, 4}, {:b, 5}], do: send(self(), m)
IO.inspect(Process.info(self(), :message_queue_len), label: "info")

receive do
  {:c, n} -> IO.inspect(n, label: "first :c")
end
IO.inspect(Mbox.qlen(), label: "after taking :c")

receive do
  {:b, n} -> IO.inspect(n, label: "first :b")
end

r = receive do
  {:zzz, _} -> :matched
after
  0 -> :nothing_matched
end
IO.inspect(r, label: "after 0 no match")

r = receive do
  {:a, n} -> {:matched, n}
after
  0 -> :nothing_matched
end
IO.inspect(r, label: "after 0 match")

IO.inspect(Mbox.qlen(), label: "before flush")
IO.inspect(Mbox.flush([]), label: "flushed")
IO.inspect(Mbox.qlen(), label: "after flush")
IO.inspect(Mbox.flush([]), label: "flush again")

for m <- [{:normal, 1}, {:normal, 2}, {:urgent, :x}, {:normal, 3}, {:urgent, :y}],
    do: send(self(), m)
out = for _ <- 1..5, do: Mbox.take_priority()
IO.inspect(out, label: "priority order")

parent = self()
worker = spawn(fn ->
  receive do
    :go ->
      send(parent, {:step, 1})
      send(parent, {:noise, :a})
      send(parent, {:step, 2})
      send(parent, {:noise, :b})
      send(parent, :finished)
  end
end)
send(worker, :go)
receive do
  :finished -> IO.puts("worker finished")
end
IO.inspect(Mbox.qlen(), label: "queued from worker")
steps = for _ <- 1..2, do: (receive do {:step, n} -> n end)
IO.inspect(steps, label: "steps")
IO.inspect(Mbox.flush([]), label: "rest")
