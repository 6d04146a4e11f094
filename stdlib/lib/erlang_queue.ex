# OTP's `queue` module in Elixir, with its data format ({rear, front}: the rear list
# newest first, the front list oldest first) and its rebalancing, so queues print and
# compare as they do on the BEAM; errors as `erlang:error(badarg | empty, Args)`.
defmodule :queue do
  def new, do: {[], []}

  def is_queue({r, f}) when is_list(r) and is_list(f), do: true
  def is_queue(_), do: false

  def is_empty({[], []}), do: true
  def is_empty({r, f}) when is_list(r) and is_list(f), do: false
  def is_empty(q), do: :erlang.error(:badarg, [q])

  def len({r, f}) when is_list(r) and is_list(f), do: length(r) + length(f)
  def len(q), do: :erlang.error(:badarg, [q])

  def to_list({r, f}) when is_list(r) and is_list(f), do: f ++ :lists.reverse(r, [])
  def to_list(q), do: :erlang.error(:badarg, [q])

  def from_list(l) when is_list(l), do: f2r(l)
  def from_list(l), do: :erlang.error(:badarg, [l])

  def member(x, {r, f}) when is_list(r) and is_list(f), do: :lists.member(x, r) or :lists.member(x, f)
  def member(x, q), do: :erlang.error(:badarg, [x, q])

  # `in/2` is a reserved word in Elixir: it is a native (natives.rs, `queue_in`).

  def in_r(x, {[], [_] = f}), do: {f, [x]}
  def in_r(x, {r, f}) when is_list(r) and is_list(f), do: {r, [x | f]}
  def in_r(x, q), do: :erlang.error(:badarg, [x, q])

  def out({[], []} = q), do: {:empty, q}
  def out({[v], []}), do: {{:value, v}, {[], []}}

  def out({[y | r], []}) do
    [v | f] = :lists.reverse(r, [])
    {{:value, v}, {[y], f}}
  end

  def out({r, [v]}) when is_list(r), do: {{:value, v}, r2f(r)}
  def out({r, [v | f]}) when is_list(r), do: {{:value, v}, {r, f}}
  def out(q), do: :erlang.error(:badarg, [q])

  def out_r({[], []} = q), do: {:empty, q}
  def out_r({[], [v]}), do: {{:value, v}, {[], []}}

  def out_r({[], [y | f]}) do
    [v | r] = :lists.reverse(f, [])
    {{:value, v}, {r, [y]}}
  end

  def out_r({[v], f}) when is_list(f), do: {{:value, v}, f2r(f)}
  def out_r({[v | r], f}) when is_list(f), do: {{:value, v}, {r, f}}
  def out_r(q), do: :erlang.error(:badarg, [q])

  def get({[], []} = q), do: :erlang.error(:empty, [q])
  def get({r, f}) when is_list(r) and is_list(f), do: get(r, f)
  def get(q), do: :erlang.error(:badarg, [q])

  defp get(_r, [h | _]), do: h
  defp get([h], []), do: h
  defp get([_ | r], []), do: :lists.last(r)

  def get_r({[], []} = q), do: :erlang.error(:empty, [q])
  def get_r({[h | _], f}) when is_list(f), do: h
  def get_r({[], [h]}), do: h
  def get_r({[], [_ | f]}), do: :lists.last(f)
  def get_r(q), do: :erlang.error(:badarg, [q])

  def peek({[], []}), do: :empty
  def peek({r, [h | _]}) when is_list(r), do: {:value, h}
  def peek({[h], []}), do: {:value, h}
  def peek({[_ | r], []}), do: {:value, :lists.last(r)}
  def peek(q), do: :erlang.error(:badarg, [q])

  def peek_r({[], []}), do: :empty
  def peek_r({[h | _], f}) when is_list(f), do: {:value, h}
  def peek_r({[], [h]}), do: {:value, h}
  def peek_r({[], [_ | r]}), do: {:value, :lists.last(r)}
  def peek_r(q), do: :erlang.error(:badarg, [q])

  def drop({[], []} = q), do: :erlang.error(:empty, [q])
  def drop({[_], []}), do: {[], []}

  def drop({[y | r], []}) do
    [_ | f] = :lists.reverse(r, [])
    {[y], f}
  end

  def drop({r, [_]}) when is_list(r), do: r2f(r)
  def drop({r, [_ | f]}) when is_list(r), do: {r, f}
  def drop(q), do: :erlang.error(:badarg, [q])

  def drop_r({[], []} = q), do: :erlang.error(:empty, [q])
  def drop_r({[], [_]}), do: {[], []}

  def drop_r({[], [y | f]}) do
    [_ | r] = :lists.reverse(f, [])
    {r, [y]}
  end

  def drop_r({[_], f}) when is_list(f), do: f2r(f)
  def drop_r({[_ | r], f}) when is_list(f), do: {r, f}
  def drop_r(q), do: :erlang.error(:badarg, [q])

  def reverse({r, f}) when is_list(r) and is_list(f), do: {f, r}
  def reverse(q), do: :erlang.error(:badarg, [q])

  def join({r, f} = q, {[], []}) when is_list(r) and is_list(f), do: q
  def join({[], []}, {r, f} = q) when is_list(r) and is_list(f), do: q

  def join({r1, f1}, {r2, f2}) when is_list(r1) and is_list(f1) and is_list(r2) and is_list(f2) do
    {r2, f1 ++ :lists.reverse(r1, f2)}
  end

  def join(q1, q2), do: :erlang.error(:badarg, [q1, q2])

  def filter(fun, {r0, f0}) when is_function(fun, 1) and is_list(r0) and is_list(f0) do
    f = filter_f(fun, f0)
    r = filter_r(fun, r0)

    cond do
      r == [] -> f2r(f)
      f == [] -> r2f(r)
      true -> {r, f}
    end
  end

  def filter(fun, q), do: :erlang.error(:badarg, [fun, q])

  defp filter_f(_fun, []), do: []

  defp filter_f(fun, [x | f]) do
    case fun.(x) do
      true -> [x | filter_f(fun, f)]
      [y] -> [y | filter_f(fun, f)]
      false -> filter_f(fun, f)
      [] -> filter_f(fun, f)
      l when is_list(l) -> l ++ filter_f(fun, f)
    end
  end

  defp filter_r(_fun, []), do: []

  defp filter_r(fun, [x | r0]) do
    r = filter_r(fun, r0)

    case fun.(x) do
      true -> [x | r]
      [y] -> [y | r]
      false -> r
      [] -> r
      l when is_list(l) -> :lists.reverse(l, r)
    end
  end

  def fold(fun, acc0, {r, f}) when is_function(fun, 2) and is_list(r) and is_list(f) do
    :lists.foldr(fun, :lists.foldl(fun, acc0, f), r)
  end

  def fold(fun, acc0, q), do: :erlang.error(:badarg, [fun, acc0, q])

  def all(pred, {r, f}) when is_function(pred, 1) and is_list(r) and is_list(f) do
    :lists.all(pred, f) and :lists.all(pred, r)
  end

  def any(pred, {r, f}) when is_function(pred, 1) and is_list(r) and is_list(f) do
    :lists.any(pred, f) or :lists.any(pred, r)
  end

  def cons(x, q), do: in_r(x, q)
  def head({[], []} = q), do: :erlang.error(:empty, [q])
  def head({r, f}) when is_list(r) and is_list(f), do: get(r, f)
  def head(q), do: :erlang.error(:badarg, [q])
  def tail(q), do: drop(q)
  def snoc(q, x), do: :queue.in(x, q)
  def daeh(q), do: get_r(q)
  def last(q), do: get_r(q)
  def liat(q), do: drop_r(q)
  def init(q), do: drop_r(q)

  # Move half of the rear list to the front when there are at least three elements.
  defp r2f([]), do: {[], []}
  defp r2f([_] = r), do: {[], r}
  defp r2f([x, y]), do: {[x], [y]}

  defp r2f(list) do
    {ff, rr} = :lists.split(div(length(list), 2), list)
    {ff, :lists.reverse(rr, [])}
  end

  # Move half of the front list to the rear when there are enough.
  defp f2r([]), do: {[], []}
  defp f2r([_] = f), do: {f, []}
  defp f2r([x, y]), do: {[y], [x]}

  defp f2r(list) do
    {ff, rr} = :lists.split(div(length(list), 2), list)
    {:lists.reverse(rr, []), ff}
  end
end
