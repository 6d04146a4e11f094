# Sending to self and receiving, with after for timeouts (no other processes).
send(self(), {:hello, 1})
send(self(), {:other, 2})
send(self(), {:hello, 3})

receive do
  {:hello, n} -> IO.inspect({:got, n})
end

receive do
  {:other, n} -> IO.inspect({:got_other, n})
end

receive do
  {:hello, n} when n > 2 -> IO.inspect({:got_late, n})
end

r =
  receive do
    _ -> :unexpected
  after
    0 -> :timeout
  end

IO.inspect(r)
