# receive edge cases: draining with after 0, nested receive in a clause body, receive
# in a function called from a for comprehension, a clause body that raises, guards
# with bound variables, map and binary patterns, run-time timeouts, mixed result types.
defmodule Rx do
  def drain(n) do
    receive do
      _ -> drain(n + 1)
    after
      0 -> n
    end
  end

  def next, do: (receive do: ({:item, x} -> x * 10))

  def nested do
    receive do
      {:outer, a} ->
        receive do
          {:inner, b} -> {:pair, a, b}
        end
    end
  end

  def above(limit) do
    receive do
      {:num, n} when n > limit -> {:above, n}
    after
      0 -> :none_above
    end
  end

  def type(v) when is_integer(v), do: :integer
  def type(v) when is_binary(v), do: :binary
  def type(v) when is_list(v), do: :list
  def type(v) when is_tuple(v), do: :tuple
  def type(v) when is_atom(v), do: :atom

  def kind(timeout) do
    receive do
      {:int, i} -> i
      {:str, s} -> s
      {:list, l} -> l
      %{type: t, data: d} -> {:map, t, d}
      <<"bin:", rest::binary>> -> {:binary_rest, rest}
      <<size::8, payload::binary-size(size), _::binary>> -> {:sized, payload}
    after
      timeout -> :timeout
    end
  end
end

for i <- 1..7, do: send(self(), {:junk, i})
IO.inspect(Rx.drain(0), label: "drained")
IO.inspect(Rx.drain(0), label: "drained again")

for i <- [3, 1, 2], do: send(self(), {:item, i})
IO.inspect(for(_ <- 1..3, do: Rx.next()), label: "for + receive")

send(self(), {:inner, :b})
send(self(), {:outer, :a})
IO.inspect(Rx.nested(), label: "nested receive")

send(self(), :boom)
result =
  try do
    receive do
      :boom -> raise ArgumentError, "raised in receive body"
    end
  rescue
    e in ArgumentError -> {:rescued, e.message}
  end
IO.inspect(result, label: "raise in clause")

for n <- [5, 12, 8, 20], do: send(self(), {:num, n})
limit = 10
IO.inspect(Rx.above(limit), label: "first above 10")
IO.inspect(Rx.above(limit), label: "second above 10")
IO.inspect(Rx.above(limit), label: "third above 10")
exact = 8
r = receive do: ({:num, ^exact} -> :found_pinned), after: (0 -> :missing)
IO.inspect(r, label: "pinned")
IO.inspect(Rx.drain(0), label: "left after guards")

msgs = [{:int, 42}, {:str, "text"}, {:list, [1, 2]}, %{type: :t, data: "payload", extra: 1},
        "bin:tail", <<3, "abcdef">>, {:unknown}]
for m <- msgs, do: send(self(), m)
timeout = Enum.sum([10, 20]) * 2
kinds = for _ <- 1..7, do: Rx.kind(timeout)
IO.inspect(kinds, label: "kinds")
IO.inspect(Enum.map(kinds, &Rx.type/1), label: "types")
IO.inspect(Rx.drain(0), label: "unmatched left")
t0 = System.monotonic_time(:millisecond)
IO.inspect(Rx.kind(div(timeout, 2)), label: "run-time timeout")
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 30, label: "waited at least 30 ms")
