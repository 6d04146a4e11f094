# gen_server_call: the gen_call benchmark with a real GenServer (GenServer.call/2 and
# handle_call/3) instead of hand-rolled send/receive. Same work, same checkable line:
# phase 1: 1 client x 500_000 calls; phase 2: 4 clients x 125_000 calls to the same server.
# Checkable line: "gen_server_call calls=1000000 total=<sum of all counters> keys=64 odd1=<phase-1 odd replies>"
defmodule Counter do
  use GenServer

  def init(state), do: {:ok, state}

  def handle_call({:incr, key, by}, _from, state) do
    v = Map.get(state, key, 0) + by
    {:reply, v, Map.put(state, key, v)}
  end

  def handle_call(:sum, _from, state), do: {:reply, sum_values(Map.values(state), 0), state}
  def handle_call(:size, _from, state), do: {:reply, map_size(state), state}

  def sum_values([], acc), do: acc
  def sum_values([v | rest], acc), do: sum_values(rest, acc + v)

  def client(_server, 0, _id, acc), do: acc

  def client(server, k, id, acc) do
    v = GenServer.call(server, {:incr, rem(k * 7 + id, 64), 1 + rem(k, 3)})
    client(server, k - 1, id, acc + rem(v, 2))
  end

  def wait(0, acc), do: acc

  def wait(j, acc) do
    receive do
      {:client_done, x} -> wait(j - 1, acc + x)
    end
  end
end

{:ok, srv} = GenServer.start(Counter, %{})
me = self()
t0 = System.monotonic_time(:microsecond)
a = Counter.client(srv, 500_000, 0, 0)
t1 = System.monotonic_time(:microsecond)

Enum.reduce(1..4, 0, fn id, acc ->
  spawn(fn -> send(me, {:client_done, Counter.client(srv, 125_000, id, 0)}) end)
  acc + 1
end)

_b = Counter.wait(4, 0)
t2 = System.monotonic_time(:microsecond)
total = GenServer.call(srv, :sum)
keys = GenServer.call(srv, :size)
GenServer.stop(srv)
IO.puts("gen_server_call calls=1000000 total=#{total} keys=#{keys} odd1=#{a}")
IO.puts("# one_client_us=#{t1 - t0} (#{div((t1 - t0) * 1000, 500_000)} ns/call) four_clients_us=#{t2 - t1} (#{div((t2 - t1) * 1000, 500_000)} ns/call aggregate)")
