# Enum over lists, maps, ranges and MapSets directly, and over anything else through the
# Enumerable protocol. Functions that may stop early go through `reduce_while/3`, which
# walks ranges lazily.
defmodule Enum do
  # ----- the traversals ---------------------------------------------------------------

  def reduce(list, acc, fun) when is_list(list), do: reduce_list(list, acc, fun)

  def reduce(%{__struct__: Range, first: first, last: last, step: step}, acc, fun) do
    reduce_range(first, last, step, acc, fun)
  end

  def reduce(%{__struct__: MapSet, map: map}, acc, fun), do: reduce_list(:maps.keys(map), acc, fun)

  def reduce(map, acc, fun) when is_map(map) and not :erlang.is_map_key(:__struct__, map) do
    reduce_list(:maps.to_list(map), acc, fun)
  end

  def reduce(other, acc, fun) do
    {:done, acc} = Enumerable.reduce(other, {:cont, acc}, fn x, acc -> {:cont, fun.(x, acc)} end)
    acc
  end

  defp reduce_list([], acc, _fun), do: acc
  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)

  defp reduce_range(first, last, step, acc, fun) when step > 0 and first <= last do
    reduce_range(first + step, last, step, fun.(first, acc), fun)
  end

  defp reduce_range(first, last, step, acc, fun) when step < 0 and first >= last do
    reduce_range(first + step, last, step, fun.(first, acc), fun)
  end

  defp reduce_range(_first, _last, _step, acc, _fun), do: acc

  def reduce(enumerable, fun) when is_list(enumerable) do
    case enumerable do
      [h | t] -> reduce_list(t, h, fun)
      [] -> raise Enum.EmptyError
    end
  end

  def reduce(enumerable, fun) do
    result =
      reduce(enumerable, :__beamlet_first__, fn
        x, :__beamlet_first__ -> {:__beamlet_acc__, x}
        x, {:__beamlet_acc__, acc} -> {:__beamlet_acc__, fun.(x, acc)}
      end)

    case result do
      :__beamlet_first__ -> raise Enum.EmptyError
      {:__beamlet_acc__, acc} -> acc
    end
  end

  def reduce_while(list, acc, fun) when is_list(list), do: reduce_while_list(list, acc, fun)

  def reduce_while(%{__struct__: Range, first: first, last: last, step: step}, acc, fun) do
    reduce_while_range(first, last, step, acc, fun)
  end

  def reduce_while(%{__struct__: MapSet} = set, acc, fun), do: reduce_while_list(to_list(set), acc, fun)

  def reduce_while(enumerable, acc, fun) when is_function(enumerable, 2) or (is_map(enumerable) and :erlang.is_map_key(:__struct__, enumerable)) do
    case Enumerable.reduce(enumerable, {:cont, acc}, fun) do
      {:done, acc} -> acc
      {:halted, acc} -> acc
    end
  end

  def reduce_while(enumerable, acc, fun), do: reduce_while_list(to_list(enumerable), acc, fun)

  defp reduce_while_list([], acc, _fun), do: acc

  defp reduce_while_list([h | t], acc, fun) do
    case fun.(h, acc) do
      {:cont, acc} -> reduce_while_list(t, acc, fun)
      {:halt, acc} -> acc
    end
  end

  defp reduce_while_range(first, last, step, acc, fun)
       when (step > 0 and first <= last) or (step < 0 and first >= last) do
    case fun.(first, acc) do
      {:cont, acc} -> reduce_while_range(first + step, last, step, acc, fun)
      {:halt, acc} -> acc
    end
  end

  defp reduce_while_range(_first, _last, _step, acc, _fun), do: acc

  def to_list(list) when is_list(list), do: list

  def to_list(%{__struct__: Range, first: first, last: last, step: step}) do
    if (step > 0 and first <= last) or (step < 0 and first >= last) do
      :lists.seq(first, last, step)
    else
      []
    end
  end

  def to_list(%{__struct__: MapSet, map: map}), do: :maps.keys(map)
  def to_list(%{__struct__: _} = enumerable), do: :lists.reverse(reduce(enumerable, [], fn x, acc -> [x | acc] end))
  def to_list(map) when is_map(map), do: :maps.to_list(map)
  def to_list(enumerable), do: :lists.reverse(reduce(enumerable, [], fn x, acc -> [x | acc] end))

  def each(enumerable, fun) when is_list(enumerable) do
    each_list(enumerable, fun)
  end

  def each(enumerable, fun) do
    reduce(enumerable, nil, fn x, _ -> fun.(x) end)
    :ok
  end

  defp each_list([], _fun), do: :ok

  defp each_list([h | t], fun) do
    fun.(h)
    each_list(t, fun)
  end

  # ----- mapping and filtering --------------------------------------------------------

  def map(enumerable, fun) when is_list(enumerable), do: map_list(enumerable, fun)
  def map(enumerable, fun), do: :lists.reverse(reduce(enumerable, [], fn x, acc -> [fun.(x) | acc] end))

  defp map_list([], _fun), do: []
  defp map_list([h | t], fun), do: [fun.(h) | map_list(t, fun)]

  def map_every(enumerable, 1, fun), do: map(enumerable, fun)
  def map_every(enumerable, 0, _fun), do: to_list(enumerable)

  def map_every(enumerable, nth, fun) when is_integer(nth) and nth > 1 do
    {list, _} =
      reduce(enumerable, {[], 0}, fn x, {acc, i} ->
        if rem(i, nth) == 0, do: {[fun.(x) | acc], i + 1}, else: {[x | acc], i + 1}
      end)

    :lists.reverse(list)
  end

  def map_intersperse(enumerable, separator, mapper) do
    intersperse(map(enumerable, mapper), separator)
  end

  def flat_map(enumerable, fun) do
    :lists.reverse(
      reduce(enumerable, [], fn x, acc ->
        case fun.(x) do
          list when is_list(list) -> :lists.reverse(list, acc)
          other -> reduce(other, acc, fn y, acc2 -> [y | acc2] end)
        end
      end)
    )
  end

  def flat_map_reduce(enumerable, acc, fun) do
    {list, acc} =
      reduce_while(enumerable, {[], acc}, fn x, {list, acc} ->
        case fun.(x, acc) do
          {:halt, acc} -> {:halt, {list, acc}}
          {entries, acc} -> {:cont, {:lists.reverse(to_list(entries), list), acc}}
        end
      end)

    {:lists.reverse(list), acc}
  end

  def map_reduce(enumerable, acc, fun) do
    {list, acc} =
      reduce(enumerable, {[], acc}, fn x, {list, acc} ->
        {y, acc} = fun.(x, acc)
        {[y | list], acc}
      end)

    {:lists.reverse(list), acc}
  end

  def filter(enumerable, fun) when is_list(enumerable), do: filter_list(enumerable, fun)

  def filter(enumerable, fun) do
    :lists.reverse(reduce(enumerable, [], fn x, acc -> if fun.(x), do: [x | acc], else: acc end))
  end

  defp filter_list([], _fun), do: []

  defp filter_list([h | t], fun) do
    if fun.(h), do: [h | filter_list(t, fun)], else: filter_list(t, fun)
  end

  def reject(enumerable, fun) do
    :lists.reverse(reduce(enumerable, [], fn x, acc -> if fun.(x), do: acc, else: [x | acc] end))
  end

  def split_with(enumerable, fun) do
    {acc1, acc2} =
      reduce(enumerable, {[], []}, fn x, {acc1, acc2} ->
        if fun.(x), do: {[x | acc1], acc2}, else: {acc1, [x | acc2]}
      end)

    {:lists.reverse(acc1), :lists.reverse(acc2)}
  end

  def with_index(enumerable, fun_or_offset \\ 0)

  def with_index(enumerable, offset) when is_integer(offset) do
    {list, _} = reduce(enumerable, {[], offset}, fn x, {acc, i} -> {[{x, i} | acc], i + 1} end)
    :lists.reverse(list)
  end

  def with_index(enumerable, fun) when is_function(fun, 2) do
    {list, _} = reduce(enumerable, {[], 0}, fn x, {acc, i} -> {[fun.(x, i) | acc], i + 1} end)
    :lists.reverse(list)
  end

  def scan(enumerable, fun) do
    {list, _} =
      reduce(enumerable, {[], :__beamlet_first__}, fn
        x, {acc, :__beamlet_first__} -> {[x | acc], {:__beamlet_acc__, x}}
        x, {acc, {:__beamlet_acc__, prev}} ->
          y = fun.(x, prev)
          {[y | acc], {:__beamlet_acc__, y}}
      end)

    :lists.reverse(list)
  end

  def scan(enumerable, acc, fun) do
    {list, _} =
      reduce(enumerable, {[], acc}, fn x, {list, acc} ->
        y = fun.(x, acc)
        {[y | list], y}
      end)

    :lists.reverse(list)
  end

  def intersperse(enumerable, separator) do
    case to_list(enumerable) do
      [] -> []
      [h | t] -> [h | intersperse_rest(t, separator)]
    end
  end

  defp intersperse_rest([], _sep), do: []
  defp intersperse_rest([h | t], sep), do: [sep, h | intersperse_rest(t, sep)]

  # ----- aggregates -------------------------------------------------------------------

  def sum(%{__struct__: Range, first: first, last: last, step: step} = range) do
    case Range.size(range) do
      0 -> 0
      n -> first * n + div(step * n * (n - 1), 2) + 0 * last
    end
  end

  def sum(list) when is_list(list), do: sum_list(list, 0)
  def sum(enumerable), do: reduce(enumerable, 0, fn x, acc -> acc + x end)

  defp sum_list([], acc), do: acc
  defp sum_list([h | t], acc), do: sum_list(t, acc + h)

  def product(enumerable), do: reduce(enumerable, 1, fn x, acc -> acc * x end)

  def count(enumerable) when is_list(enumerable), do: length(enumerable)
  def count(%{__struct__: Range} = range), do: Range.size(range)
  def count(%{__struct__: MapSet, map: map}), do: map_size(map)
  def count(%{__struct__: _} = enumerable), do: reduce(enumerable, 0, fn _, acc -> acc + 1 end)
  def count(map) when is_map(map), do: map_size(map)
  def count(enumerable), do: reduce(enumerable, 0, fn _, acc -> acc + 1 end)

  def count(enumerable, fun) do
    reduce(enumerable, 0, fn x, acc -> if fun.(x), do: acc + 1, else: acc end)
  end

  def count_until(enumerable, limit) when is_integer(limit) and limit > 0 do
    reduce_while(enumerable, 0, fn _, acc ->
      if acc + 1 == limit, do: {:halt, limit}, else: {:cont, acc + 1}
    end)
  end

  def count_until(enumerable, fun, limit) when is_integer(limit) and limit > 0 do
    reduce_while(enumerable, 0, fn x, acc ->
      cond do
        not fun.(x) -> {:cont, acc}
        acc + 1 == limit -> {:halt, limit}
        true -> {:cont, acc + 1}
      end
    end)
  end

  def empty?(list) when is_list(list), do: list == []
  def empty?(%{__struct__: Range} = range), do: Range.size(range) == 0
  def empty?(%{__struct__: MapSet, map: map}), do: map_size(map) == 0
  def empty?(%{__struct__: _} = enumerable), do: reduce_while(enumerable, true, fn _, _ -> {:halt, false} end)
  def empty?(map) when is_map(map), do: map_size(map) == 0
  def empty?(enumerable), do: reduce_while(enumerable, true, fn _, _ -> {:halt, false} end)

  def member?(list, x) when is_list(list), do: :lists.member(x, list)

  def member?(%{__struct__: Range, first: first, last: last, step: step}, x) do
    is_integer(x) and
      ((step > 0 and x >= first and x <= last) or (step < 0 and x <= first and x >= last)) and
      rem(x - first, step) == 0
  end

  def member?(%{__struct__: MapSet, map: map}, x), do: :erlang.is_map_key(x, map)

  def member?(%{__struct__: _} = enumerable, x) do
    reduce_while(enumerable, false, fn y, _ -> if y === x, do: {:halt, true}, else: {:cont, false} end)
  end

  def member?(map, {key, value}) when is_map(map) do
    case :maps.find(key, map) do
      {:ok, v} -> v === value
      :error -> false
    end
  end

  def member?(map, _other) when is_map(map), do: false

  def member?(enumerable, x) do
    reduce_while(enumerable, false, fn y, _ -> if y === x, do: {:halt, true}, else: {:cont, false} end)
  end

  def all?(enumerable), do: all?(enumerable, fn x -> x end)

  def all?(enumerable, fun) do
    reduce_while(enumerable, true, fn x, _ -> if fun.(x), do: {:cont, true}, else: {:halt, false} end)
  end

  def any?(enumerable), do: any?(enumerable, fn x -> x end)

  def any?(enumerable, fun) do
    reduce_while(enumerable, false, fn x, _ -> if fun.(x), do: {:halt, true}, else: {:cont, false} end)
  end

  def frequencies(enumerable) do
    reduce(enumerable, %{}, fn key, acc ->
      case acc do
        %{^key => value} -> %{acc | key => value + 1}
        %{} -> :maps.put(key, 1, acc)
      end
    end)
  end

  def frequencies_by(enumerable, key_fun) when is_function(key_fun) do
    reduce(enumerable, %{}, fn entry, acc ->
      key = key_fun.(entry)

      case acc do
        %{^key => value} -> %{acc | key => value + 1}
        %{} -> :maps.put(key, 1, acc)
      end
    end)
  end

  def group_by(enumerable, key_fun, value_fun \\ fn x -> x end)

  def group_by(enumerable, key_fun, value_fun) when is_function(key_fun) do
    reduce(reverse(enumerable), %{}, fn entry, acc ->
      key = key_fun.(entry)
      value = value_fun.(entry)

      case acc do
        %{^key => existing} -> %{acc | key => [value | existing]}
        %{} -> :maps.put(key, [value], acc)
      end
    end)
  end

  # ----- min and max ------------------------------------------------------------------

  def max(enumerable, sorter \\ fn a, b -> a >= b end, empty_fallback \\ fn -> raise Enum.EmptyError end) do
    {sorter, empty_fallback} = min_max_args(sorter, empty_fallback, fn a, b -> a >= b end)
    aggregate(enumerable, max_sort_fun(sorter), empty_fallback)
  end

  def min(enumerable, sorter \\ fn a, b -> a <= b end, empty_fallback \\ fn -> raise Enum.EmptyError end) do
    {sorter, empty_fallback} = min_max_args(sorter, empty_fallback, fn a, b -> a <= b end)
    aggregate(enumerable, min_sort_fun(sorter), empty_fallback)
  end

  # `max(enumerable, empty_fallback)`: a zero-arity function in the sorter's place.
  defp min_max_args(fallback, _empty_fallback, default) when is_function(fallback, 0), do: {default, fallback}
  defp min_max_args(sorter, empty_fallback, _default), do: {sorter, empty_fallback}

  defp max_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp max_sort_fun(module) when is_atom(module), do: fn a, b -> module.compare(a, b) != :lt end

  defp min_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp min_sort_fun(module) when is_atom(module), do: fn a, b -> module.compare(a, b) != :gt end

  defp aggregate(enumerable, fun, empty) do
    case to_list(enumerable) do
      [] -> empty.()
      [h | t] -> aggregate_list(t, h, fun)
    end
  end

  defp aggregate_list([], acc, _fun), do: acc

  defp aggregate_list([h | t], acc, fun) do
    acc = if fun.(acc, h), do: acc, else: h
    aggregate_list(t, acc, fun)
  end

  def max_by(enumerable, fun, sorter \\ fn a, b -> a >= b end, empty_fallback \\ fn -> raise Enum.EmptyError end) do
    {sorter, empty_fallback} = min_max_args(sorter, empty_fallback, fn a, b -> a >= b end)
    aggregate_by(enumerable, fun, max_sort_fun(sorter), empty_fallback)
  end

  def min_by(enumerable, fun, sorter \\ fn a, b -> a <= b end, empty_fallback \\ fn -> raise Enum.EmptyError end) do
    {sorter, empty_fallback} = min_max_args(sorter, empty_fallback, fn a, b -> a <= b end)
    aggregate_by(enumerable, fun, min_sort_fun(sorter), empty_fallback)
  end

  defp aggregate_by(enumerable, fun, sorter, empty) do
    case to_list(enumerable) do
      [] ->
        empty.()

      [h | t] ->
        {value, _} =
          reduce_list(t, {h, fun.(h)}, fn x, {_, fun_acc} = acc ->
            fun_x = fun.(x)
            if sorter.(fun_acc, fun_x), do: acc, else: {x, fun_x}
          end)

        value
    end
  end

  def min_max(enumerable, empty_fallback \\ fn -> raise Enum.EmptyError end) do
    case to_list(enumerable) do
      [] ->
        empty_fallback.()

      [h | t] ->
        reduce_list(t, {h, h}, fn x, {min, max} ->
          {if(x < min, do: x, else: min), if(x > max, do: x, else: max)}
        end)
    end
  end

  def min_max_by(enumerable, fun, sorter_or_empty_fallback \\ fn a, b -> a < b end, empty_fallback \\ fn -> raise Enum.EmptyError end) do
    {sorter, empty_fallback} = min_max_args(sorter_or_empty_fallback, empty_fallback, fn a, b -> a < b end)

    sorter =
      if is_atom(sorter), do: fn a, b -> sorter.compare(a, b) == :lt end, else: sorter

    case to_list(enumerable) do
      [] ->
        empty_fallback.()

      [h | t] ->
        fh = fun.(h)

        {{min, _}, {max, _}} =
          reduce_list(t, {{h, fh}, {h, fh}}, fn x, {{_, fmin} = min, {_, fmax} = max} ->
            fx = fun.(x)
            min = if sorter.(fx, fmin), do: {x, fx}, else: min
            max = if sorter.(fmax, fx), do: {x, fx}, else: max
            {min, max}
          end)

        {min, max}
    end
  end

  # ----- finding ----------------------------------------------------------------------

  def find(enumerable, default \\ nil, fun) do
    reduce_while(enumerable, default, fn x, acc -> if fun.(x), do: {:halt, x}, else: {:cont, acc} end)
  end

  def find_index(enumerable, fun) do
    result =
      reduce_while(enumerable, 0, fn x, i ->
        if fun.(x), do: {:halt, {:found, i}}, else: {:cont, i + 1}
      end)

    case result do
      {:found, i} -> i
      _ -> nil
    end
  end

  def find_value(enumerable, default \\ nil, fun) do
    reduce_while(enumerable, default, fn x, acc ->
      value = fun.(x)
      if value, do: {:halt, value}, else: {:cont, acc}
    end)
  end

  def at(enumerable, index, default \\ nil) when is_integer(index) do
    case fetch(enumerable, index) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def fetch(list, index) when is_list(list) and is_integer(index) and index >= 0 do
    fetch_list(list, index)
  end

  def fetch(%{__struct__: Range, first: first, step: step} = range, index) when is_integer(index) do
    size = Range.size(range)

    cond do
      index >= 0 and index < size -> {:ok, first + index * step}
      index < 0 and size + index >= 0 -> {:ok, first + (size + index) * step}
      true -> :error
    end
  end

  def fetch(enumerable, index) when is_integer(index) and index >= 0 do
    if lazy?(enumerable) do
      result =
        reduce_while(enumerable, index, fn x, i ->
          if i == 0, do: {:halt, {:found, x}}, else: {:cont, i - 1}
        end)

      case result do
        {:found, x} -> {:ok, x}
        _ -> :error
      end
    else
      fetch_list(to_list(enumerable), index)
    end
  end

  def fetch(enumerable, index) when is_integer(index) do
    list = to_list(enumerable)

    case length(list) + index do
      i when i < 0 -> :error
      i -> fetch_list(list, i)
    end
  end

  defp fetch_list([], _index), do: :error
  defp fetch_list([h | _], 0), do: {:ok, h}
  defp fetch_list([_ | t], index), do: fetch_list(t, index - 1)

  def fetch!(enumerable, index) when is_integer(index) do
    case fetch(enumerable, index) do
      {:ok, value} -> value
      :error -> raise Enum.OutOfBoundsError
    end
  end

  # ----- taking and dropping ----------------------------------------------------------

  def take(_enumerable, 0), do: []

  def take(enumerable, amount) when is_integer(amount) and amount > 0 do
    {list, _} =
      reduce_while(enumerable, {[], amount}, fn x, {acc, n} ->
        if n == 1, do: {:halt, {[x | acc], 0}}, else: {:cont, {[x | acc], n - 1}}
      end)

    :lists.reverse(list)
  end

  def take(enumerable, amount) when is_integer(amount) and amount < 0 do
    list = to_list(enumerable)
    drop_list(list, :erlang.max(length(list) + amount, 0))
  end

  def drop(enumerable, amount) when is_integer(amount) and amount >= 0 do
    drop_list(to_list(enumerable), amount)
  end

  def drop(enumerable, amount) when is_integer(amount) do
    list = to_list(enumerable)
    take_list(list, :erlang.max(length(list) + amount, 0))
  end

  defp drop_list(list, 0), do: list
  defp drop_list([], _), do: []
  defp drop_list([_ | t], n), do: drop_list(t, n - 1)

  defp take_list(_list, 0), do: []
  defp take_list([], _), do: []
  defp take_list([h | t], n), do: [h | take_list(t, n - 1)]

  def take_every(_enumerable, 0), do: []
  def take_every(enumerable, 1), do: to_list(enumerable)

  def take_every(enumerable, nth) when is_integer(nth) and nth > 1 do
    {list, _} =
      reduce(enumerable, {[], 0}, fn x, {acc, i} ->
        if rem(i, nth) == 0, do: {[x | acc], i + 1}, else: {acc, i + 1}
      end)

    :lists.reverse(list)
  end

  def drop_every(enumerable, 0), do: to_list(enumerable)
  def drop_every(_enumerable, 1), do: []

  def drop_every(enumerable, nth) when is_integer(nth) and nth > 1 do
    {list, _} =
      reduce(enumerable, {[], 0}, fn x, {acc, i} ->
        if rem(i, nth) == 0, do: {acc, i + 1}, else: {[x | acc], i + 1}
      end)

    :lists.reverse(list)
  end

  def take_while(enumerable, fun) do
    list = reduce_while(enumerable, [], fn x, acc -> if fun.(x), do: {:cont, [x | acc]}, else: {:halt, acc} end)
    :lists.reverse(list)
  end

  def drop_while(enumerable, fun), do: drop_while_list(to_list(enumerable), fun)

  defp drop_while_list([], _fun), do: []

  defp drop_while_list([h | t] = list, fun) do
    if fun.(h), do: drop_while_list(t, fun), else: list
  end

  def split(enumerable, count) when is_integer(count) and count >= 0 do
    split_list(to_list(enumerable), count, [])
  end

  def split(enumerable, count) when is_integer(count) do
    list = to_list(enumerable)
    split_list(list, :erlang.max(length(list) + count, 0), [])
  end

  defp split_list([], _count, acc), do: {:lists.reverse(acc), []}
  defp split_list(rest, 0, acc), do: {:lists.reverse(acc), rest}
  defp split_list([h | t], count, acc), do: split_list(t, count - 1, [h | acc])

  def split_while(enumerable, fun), do: split_while_list(to_list(enumerable), fun, [])

  defp split_while_list([], _fun, acc), do: {:lists.reverse(acc), []}

  defp split_while_list([h | t] = list, fun, acc) do
    if fun.(h), do: split_while_list(t, fun, [h | acc]), else: {:lists.reverse(acc), list}
  end

  def slice(enumerable, %{__struct__: Range, first: first, last: last, step: step} = range) do
    cond do
      step > 0 -> slice_range(enumerable, first, last, step)
      step == -1 and first > last -> slice_range(enumerable, first, last, 1)
      true -> raise ArgumentError, "Enum.slice/2 does not accept ranges with negative steps, got: " <> inspect(range)
    end
  end

  def slice(enumerable, start, amount)
      when is_integer(start) and start >= 0 and is_integer(amount) and amount >= 0 and
             (is_function(enumerable, 2) or (is_map(enumerable) and :erlang.is_map_key(:__struct__, enumerable))) do
    if lazy?(enumerable) do
      drop_list(take(enumerable, start + amount), start)
    else
      take_list(drop_list(to_list(enumerable), start), amount)
    end
  end

  def slice(enumerable, start, amount) when is_integer(start) and is_integer(amount) and amount >= 0 do
    list = to_list(enumerable)

    start =
      if start < 0 do
        :erlang.max(length(list) + start, 0)
      else
        start
      end

    take_list(drop_list(list, start), amount)
  end

  defp slice_range(enumerable, first, last, step) do
    list = to_list(enumerable)
    len = length(list)
    first = if first < 0, do: :erlang.max(len + first, 0), else: first
    last = if last < 0, do: len + last, else: last

    if last >= first and first < len do
      take_every(take_list(drop_list(list, first), last - first + 1), step)
    else
      []
    end
  end

  def slide(enumerable, index, insertion_index) when is_integer(index) do
    slide(enumerable, Range.new(index, index, 1), insertion_index)
  end

  def slide(enumerable, %{__struct__: Range, first: first, last: last}, insertion_index)
      when is_integer(insertion_index) do
    list = to_list(enumerable)
    len = length(list)
    first = if first < 0, do: len + first, else: first
    last = if last < 0, do: len + last, else: last
    last = :erlang.min(last, len - 1)
    insertion_index = if insertion_index < 0, do: len + insertion_index, else: insertion_index

    cond do
      first > last or first >= len -> list
      insertion_index >= first and insertion_index <= last -> list
      insertion_index < first ->
        {front, rest} = split_list(list, insertion_index, [])
        {between, rest} = split_list(rest, first - insertion_index, [])
        {moved, back} = split_list(rest, last - first + 1, [])
        front ++ moved ++ between ++ back

      true ->
        {front, rest} = split_list(list, first, [])
        {moved, rest} = split_list(rest, last - first + 1, [])
        {between, back} = split_list(rest, insertion_index - last, [])
        front ++ between ++ moved ++ back
    end
  end

  # ----- randomness -------------------------------------------------------------------
  # Through :rand, with the draws Elixir makes (one `:rand.uniform/1` per pick, one
  # `:rand.uniform/0` per element to shuffle), so a seeded program picks what it picks
  # on the BEAM.

  def random(list) when is_list(list) do
    case length(list) do
      0 -> raise Enum.EmptyError
      n -> hd(:lists.nthtail(random_integer(0, n - 1), list))
    end
  end

  def random(enumerable) do
    result =
      case sized(enumerable) do
        {:ok, 0, _} -> []
        {:ok, count, at} -> [at.(random_integer(0, count - 1))]
        :error -> take_random(enumerable, 1)
      end

    case result do
      [] -> raise Enum.EmptyError
      [x] -> x
    end
  end

  # The size of an enumerable that knows it, and a function from index to element.
  defp sized(%{__struct__: Range, first: first, step: step} = range) do
    {:ok, Range.size(range), fn i -> first + i * step end}
  end

  defp sized(%{__struct__: MapSet, map: map}) do
    {:ok, map_size(map), fn i -> :lists.nth(i + 1, :maps.keys(map)) end}
  end

  defp sized(%{__struct__: _}), do: :error

  defp sized(map) when is_map(map) do
    {:ok, map_size(map), fn i -> :lists.nth(i + 1, :maps.to_list(map)) end}
  end

  defp sized(_), do: :error

  defp random_integer(limit, limit) when is_integer(limit), do: limit
  defp random_integer(lower, upper) when upper < lower, do: random_integer(upper, lower)
  defp random_integer(lower, upper), do: lower + :rand.uniform(upper - lower + 1) - 1

  def shuffle(enumerable) do
    randomized = reduce(enumerable, [], fn x, acc -> [{:rand.uniform(), x} | acc] end)
    shuffle_unwrap(:lists.keysort(1, randomized), [])
  end

  defp shuffle_unwrap([{_, h} | rest], acc), do: shuffle_unwrap(rest, [h | acc])
  defp shuffle_unwrap([], acc), do: acc

  def take_random(_enumerable, 0), do: []
  def take_random([], _count), do: []
  def take_random([h | t], 1), do: take_random_list_one(t, h, 1)

  # Reservoir sampling of one element.
  def take_random(enumerable, 1) do
    picked =
      reduce(enumerable, [], fn
        x, [current | index] ->
          if :rand.uniform(index + 1) == 1, do: [x | index + 1], else: [current | index + 1]

        x, [] ->
          [x | 1]
      end)

    case picked do
      [] -> []
      [current | _] -> [current]
    end
  end

  # Reservoir sampling: position `i` of the sample is the key `i` of a map.
  def take_random(enumerable, count) when is_integer(count) and count >= 0 do
    {size, sample} =
      reduce(enumerable, {0, %{}}, fn elem, {idx, sample} ->
        jdx = random_integer(0, idx)

        cond do
          idx < count ->
            value = Map.get(sample, jdx)
            {idx + 1, :maps.put(jdx, elem, :maps.put(idx, value, sample))}

          jdx < count ->
            {idx + 1, :maps.put(jdx, elem, sample)}

          true ->
            {idx + 1, sample}
        end
      end)

    take_sample(sample, :erlang.min(count, size), [])
  end

  defp take_sample(_sample, 0, acc), do: acc
  defp take_sample(sample, position, acc), do: take_sample(sample, position - 1, [Map.get(sample, position - 1) | acc])

  defp take_random_list_one([h | t], current, index) do
    if :rand.uniform(index + 1) == 1 do
      take_random_list_one(t, h, index + 1)
    else
      take_random_list_one(t, current, index + 1)
    end
  end

  defp take_random_list_one([], current, _), do: [current]

  def reverse(list) when is_list(list), do: :lists.reverse(list)
  def reverse(enumerable), do: reduce(enumerable, [], fn x, acc -> [x | acc] end)

  def reverse(enumerable, tail), do: :lists.reverse(to_list(enumerable), to_list(tail))

  def reverse_slice(enumerable, start_index, count)
      when is_integer(start_index) and start_index >= 0 and is_integer(count) and count >= 0 do
    list = to_list(enumerable)
    {front, rest} = split_list(list, start_index, [])
    {middle, back} = split_list(rest, count, [])
    front ++ :lists.reverse(middle) ++ back
  end

  # ----- chunking ---------------------------------------------------------------------

  def chunk_every(enumerable, count), do: chunk_every(enumerable, count, count, [])

  def chunk_every(enumerable, count, step, leftover \\ [])
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    limit = :erlang.max(count, step)

    chunk_fun = fn entry, {acc_buffer, acc_count} ->
      acc_buffer = [entry | acc_buffer]
      acc_count = acc_count + 1

      new_state =
        if acc_count >= limit do
          remaining = acc_count - step
          {take_list(acc_buffer, remaining), remaining}
        else
          {acc_buffer, acc_count}
        end

      if acc_count == count do
        {:cont, :lists.reverse(acc_buffer), new_state}
      else
        {:cont, new_state}
      end
    end

    after_fun = fn {acc_buffer, acc_count} ->
      if leftover == :discard or acc_count == 0 or acc_count >= count do
        {:cont, []}
      else
        {:cont, :lists.reverse(acc_buffer, take(leftover, count - acc_count)), []}
      end
    end

    chunk_while(enumerable, {[], 0}, chunk_fun, after_fun)
  end

  def chunk_by(enumerable, fun) do
    case to_list(enumerable) do
      [] ->
        []

      [h | t] ->
        {chunks, current, _} =
          reduce_list(t, {[], [h], fun.(h)}, fn x, {chunks, current, key} ->
            k = fun.(x)

            if k === key,
              do: {chunks, [x | current], key},
              else: {[:lists.reverse(current) | chunks], [x], k}
          end)

        :lists.reverse([:lists.reverse(current) | chunks])
    end
  end

  def chunk_while(enumerable, acc, chunk_fun, after_fun) do
    {chunks, acc} =
      reduce_while(enumerable, {[], acc}, fn x, {chunks, acc} ->
        case chunk_fun.(x, acc) do
          {:cont, chunk, acc} -> {:cont, {[chunk | chunks], acc}}
          {:cont, acc} -> {:cont, {chunks, acc}}
          {:halt, acc} -> {:halt, {chunks, acc}}
        end
      end)

    case after_fun.(acc) do
      {:cont, chunk, _acc} -> :lists.reverse([chunk | chunks])
      {:cont, _acc} -> :lists.reverse(chunks)
    end
  end

  # ----- zipping ----------------------------------------------------------------------

  def zip(enumerable1, enumerable2) do
    [list1, list2] = zip_materialize([enumerable1, enumerable2])
    zip_lists(list1, list2)
  end

  # Lists of the enumerables; lazy ones (functions, unknown structs: possibly infinite)
  # cut at the length of the shortest eager one.
  defp zip_materialize(enumerables) do
    eager = for e <- enumerables, not lazy?(e), do: {e, to_list(e)}

    case eager do
      [] ->
        map(enumerables, &to_list/1)

      _ ->
        shortest = :lists.min(for {_, l} <- eager, do: length(l))

        map(enumerables, fn e ->
          case :lists.keyfind(e, 1, eager) do
            {_, list} -> list
            false -> take(e, shortest)
          end
        end)
    end
  end

  defp lazy?(enumerable) when is_function(enumerable, 2), do: true
  defp lazy?(%{__struct__: Range}), do: false
  defp lazy?(%{__struct__: MapSet}), do: false
  defp lazy?(%{__struct__: _}), do: true
  defp lazy?(_), do: false

  defp zip_lists([h1 | t1], [h2 | t2]), do: [{h1, h2} | zip_lists(t1, t2)]
  defp zip_lists(_, _), do: []

  def zip([]), do: []
  def zip(enumerables), do: List.zip(zip_materialize(to_list(enumerables)))

  def zip_with(enumerable1, enumerable2, fun) when is_function(fun, 2) do
    [list1, list2] = zip_materialize([enumerable1, enumerable2])
    zip_with_lists(list1, list2, fun)
  end

  defp zip_with_lists([h1 | t1], [h2 | t2], fun), do: [fun.(h1, h2) | zip_with_lists(t1, t2, fun)]
  defp zip_with_lists(_, _, _fun), do: []

  def zip_with(enumerables, fun) when is_function(fun, 1) do
    map(zip(enumerables), fn tuple -> fun.(:erlang.tuple_to_list(tuple)) end)
  end

  def zip_reduce(left, right, acc, reducer) when is_function(reducer, 3) do
    [list1, list2] = zip_materialize([left, right])
    zip_reduce_lists(list1, list2, acc, reducer)
  end

  defp zip_reduce_lists([h1 | t1], [h2 | t2], acc, fun), do: zip_reduce_lists(t1, t2, fun.(h1, h2, acc), fun)
  defp zip_reduce_lists(_, _, acc, _fun), do: acc

  def zip_reduce(enums, acc, reducer) when is_function(reducer, 2) do
    reduce(zip(enums), acc, fn tuple, acc -> reducer.(:erlang.tuple_to_list(tuple), acc) end)
  end

  def unzip(enumerable) do
    {as, bs} = reduce(enumerable, {[], []}, fn {a, b}, {as, bs} -> {[a | as], [b | bs]} end)
    {:lists.reverse(as), :lists.reverse(bs)}
  end

  # ----- joining and concatenating ----------------------------------------------------

  def join(enumerable, joiner \\ "") when is_binary(joiner) do
    parts = reduce(enumerable, [], fn x, acc -> [entry_to_string(x) | acc] end)
    :erlang.iolist_to_binary(intersperse_rest_join(:lists.reverse(parts), joiner))
  end

  defp intersperse_rest_join([], _), do: []
  defp intersperse_rest_join([h | t], sep), do: [h | intersperse_rest(t, sep)]

  defp entry_to_string(x) when is_binary(x), do: x
  defp entry_to_string(x), do: String.Chars.to_string(x)

  def map_join(enumerable, joiner \\ "", mapper) when is_binary(joiner) do
    join(map(enumerable, mapper), joiner)
  end

  def concat(enumerables) do
    flat_map(enumerables, fn e -> to_list(e) end)
  end

  def concat(left, right) when is_list(left) and is_list(right), do: left ++ right
  def concat(left, right), do: to_list(left) ++ to_list(right)

  # ----- collecting -------------------------------------------------------------------

  def into(enumerable, collectable) when is_list(collectable), do: collectable ++ to_list(enumerable)

  def into(enumerable, %{__struct__: MapSet} = set) do
    reduce(enumerable, set, fn x, acc -> MapSet.put(acc, x) end)
  end

  def into(enumerable, %{__struct__: _} = struct), do: collect(enumerable, struct)

  def into(enumerable, %{} = map) do
    reduce(enumerable, map, fn {k, v}, acc -> :maps.put(k, v, acc) end)
  end

  def into(enumerable, binary) when is_binary(binary) do
    :erlang.iolist_to_binary([binary | to_list(enumerable)])
  end

  def into(enumerable, other), do: collect(enumerable, other)

  defp collect(enumerable, collectable) do
    {initial, collector} = Collectable.into(collectable)
    acc = reduce(enumerable, initial, fn x, acc -> collector.(acc, {:cont, x}) end)
    collector.(acc, :done)
  end

  def into(enumerable, collectable, transform) when is_function(transform, 1) do
    into(map(enumerable, transform), collectable)
  end

  # ----- uniqueness -------------------------------------------------------------------

  def uniq(enumerable), do: uniq_by(enumerable, fn x -> x end)

  def uniq_by(enumerable, fun) do
    {list, _} =
      reduce(enumerable, {[], %{}}, fn x, {acc, seen} ->
        key = fun.(x)

        if :erlang.is_map_key(key, seen),
          do: {acc, seen},
          else: {[x | acc], :maps.put(key, true, seen)}
      end)

    :lists.reverse(list)
  end

  def dedup(enumerable), do: dedup_by(enumerable, fn x -> x end)

  def dedup_by(enumerable, fun) do
    {list, _} =
      reduce(enumerable, {[], :__beamlet_none__}, fn x, {acc, prev} ->
        key = fun.(x)

        case prev do
          {:__beamlet_some__, p} when p === key -> {acc, prev}
          _ -> {[x | acc], {:__beamlet_some__, key}}
        end
      end)

    :lists.reverse(list)
  end

  # ----- sorting ----------------------------------------------------------------------

  def sort(enumerable), do: :lists.sort(to_list(enumerable))

  def sort(enumerable, :asc), do: :lists.sort(to_list(enumerable))
  def sort(enumerable, :desc), do: Beamlet.Sort.desc(to_list(enumerable))
  def sort(enumerable, sorter), do: Beamlet.Sort.sort(to_list(enumerable), to_sort_fun(sorter))

  defp to_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp to_sort_fun({:asc, module}) when is_atom(module), do: fn a, b -> module.compare(a, b) != :gt end
  defp to_sort_fun({:desc, module}) when is_atom(module), do: fn a, b -> module.compare(a, b) != :lt end
  defp to_sort_fun(module) when is_atom(module), do: fn a, b -> module.compare(a, b) != :gt end

  def sort_by(enumerable, mapper, sorter \\ :asc)

  def sort_by(enumerable, mapper, :asc) when is_function(mapper, 1) do
    Beamlet.Sort.asc_by(to_list(enumerable), mapper)
  end

  def sort_by(enumerable, mapper, :desc) when is_function(mapper, 1) do
    Beamlet.Sort.desc_by(to_list(enumerable), mapper)
  end

  def sort_by(enumerable, mapper, sorter) when is_function(mapper, 1) do
    enumerable
    |> map(fn x -> {x, mapper.(x)} end)
    |> List.keysort(1, sorter)
    |> map_list(fn {x, _} -> x end)
  end
end

defmodule Enum.EmptyError do
  defexception message: "empty error"
end

defmodule Enum.OutOfBoundsError do
  defexception message: "out of bounds error"
end

defmodule Range do
  def __default_step__(first, last) when first <= last, do: 1
  def __default_step__(_first, _last), do: -1

  def new(first, last) when is_integer(first) and is_integer(last) do
    %{__struct__: Range, first: first, last: last, step: __default_step__(first, last)}
  end

  def new(first, last) do
    raise ArgumentError,
          "ranges (first..last) expect both sides to be integers, got: " <> inspect(first) <> ".." <> inspect(last)
  end

  def new(first, last, step) when is_integer(first) and is_integer(last) and is_integer(step) and step != 0 do
    %{__struct__: Range, first: first, last: last, step: step}
  end

  def new(first, last, step) do
    raise ArgumentError,
          "ranges (first..last//step) expect both sides to be integers and the step to be a " <>
            "non-zero integer, got: " <> inspect(first) <> ".." <> inspect(last) <> "//" <> inspect(step)
  end

  def size(%{__struct__: Range, first: first, last: last, step: step}) do
    cond do
      step > 0 and first > last -> 0
      step < 0 and first < last -> 0
      true -> abs(div(last - first, step)) + 1
    end
  end

  def disjoint?(%{__struct__: Range} = range1, %{__struct__: Range} = range2) do
    if size(range1) == 0 or size(range2) == 0 do
      true
    else
      {min1, max1} = bounds(range1)
      {min2, max2} = bounds(range2)
      max1 < min2 or max2 < min1 or not Enum.any?(range1, fn x -> Enum.member?(range2, x) end)
    end
  end

  def shift(%{__struct__: Range, first: first, last: last, step: step}, steps) when is_integer(steps) do
    %{__struct__: Range, first: first + steps * step, last: last + steps * step, step: step}
  end

  defp bounds(%{__struct__: Range, first: first, last: last, step: step}) do
    last = first + div(last - first, step) * step
    if first <= last, do: {first, last}, else: {last, first}
  end
end

defmodule Access do
  def fetch(%{__struct__: module} = container, key) do
    if :beamlet.function_exported(module, :fetch, 2) do
      module.fetch(container, key)
    else
      raise UndefinedFunctionError,
        module: module,
        function: :fetch,
        arity: 2,
        message:
          "function " <> inspect(module) <> ".fetch/2 is undefined (" <> inspect(module) <>
            " does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1)"
    end
  end

  def fetch(map, key) when is_map(map), do: :maps.find(key, map)

  def fetch(list, key) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> {:ok, value}
      false -> :error
    end
  end

  def fetch(list, key) when is_list(list) do
    raise ArgumentError,
          "the Access calls for keywords expect the key to be an atom, got: " <> inspect(key)
  end

  def fetch(nil, _key), do: :error

  def fetch!(container, key) do
    case fetch(container, key) do
      {:ok, value} -> value
      :error -> raise KeyError, key: key, term: container
    end
  end

  def get(container, key, default \\ nil)

  def get(%{__struct__: _} = container, key, default) do
    case fetch(container, key) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def get(%{} = map, key, default) do
    case :maps.find(key, map) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def get(list, key, default) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> value
      false -> default
    end
  end

  def get(list, key, _default) when is_list(list) do
    raise ArgumentError,
          "the Access calls for keywords expect the key to be an atom, got: " <> inspect(key)
  end

  def get(nil, _key, default), do: default

  def get_and_update(%{__struct__: module} = container, key, fun) do
    module.get_and_update(container, key, fun)
  end

  def get_and_update(map, key, fun) when is_map(map), do: Map.get_and_update(map, key, fun)
  def get_and_update(list, key, fun) when is_list(list), do: Keyword.get_and_update(list, key, fun)

  def get_and_update(nil, key, _fun) do
    raise ArgumentError, "could not put/update key " <> inspect(key) <> " on a nil value"
  end

  def pop(%{__struct__: module} = container, key), do: module.pop(container, key)
  def pop(map, key) when is_map(map), do: Map.pop(map, key)
  def pop(list, key) when is_list(list), do: Keyword.pop(list, key)

  def pop(nil, key) do
    raise ArgumentError, "could not pop key " <> inspect(key) <> " on a nil value"
  end

  def key(key, default \\ nil) do
    fn
      :get, data, next ->
        next.(Map.get(data, key, default))

      :get_and_update, data, next ->
        value = Map.get(data, key, default)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end
    end
  end

  def key!(key) do
    fn
      :get, %{} = data, next ->
        next.(Map.fetch!(data, key))

      :get_and_update, %{} = data, next ->
        value = Map.fetch!(data, key)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end

      _op, data, _next ->
        raise "Access.key!/1 expected a map/struct, got: " <> inspect(data)
    end
  end

  def elem(index) when is_integer(index) and index >= 0 do
    pos = index + 1

    fn
      :get, data, next when is_tuple(data) ->
        next.(:erlang.element(pos, data))

      :get_and_update, data, next when is_tuple(data) ->
        value = :erlang.element(pos, data)

        case next.(value) do
          {get, update} -> {get, :erlang.setelement(pos, data, update)}
          :pop -> raise ArgumentError, "cannot pop data from a tuple"
        end

      _op, data, _next ->
        raise "Access.elem/1 expected a tuple, got: " <> inspect(data)
    end
  end

  def all do
    fn
      :get, data, next when is_list(data) ->
        Enum.map(data, next)

      :get_and_update, data, next when is_list(data) ->
        {gets, updates} =
          Enum.reduce(data, {[], []}, fn x, {gets, updates} ->
            case next.(x) do
              {get, update} -> {[get | gets], [update | updates]}
              :pop -> {[x | gets], updates}
            end
          end)

        {:lists.reverse(gets), :lists.reverse(updates)}

      _op, data, _next ->
        raise "Access.all/0 expected a list, got: " <> inspect(data)
    end
  end

  def at(index) when is_integer(index) do
    fn
      :get, data, next when is_list(data) ->
        data |> Enum.at(index) |> next.()

      :get_and_update, data, next when is_list(data) ->
        at_get_and_update(data, index, next)

      _op, data, _next ->
        raise "Access.at/1 expected a list, got: " <> inspect(data)
    end
  end

  defp at_get_and_update(data, index, next) when index < 0 do
    case length(data) + index do
      i when i < 0 -> {nil, data}
      i -> at_get_and_update(data, i, next)
    end
  end

  defp at_get_and_update(data, index, next) do
    case Enum.split(data, index) do
      {front, [value | back]} ->
        case next.(value) do
          {get, update} -> {get, front ++ [update | back]}
          :pop -> {value, front ++ back}
        end

      {_, []} ->
        {nil, data}
    end
  end

  def at!(index) when is_integer(index) do
    fn
      :get, data, next when is_list(data) ->
        data |> Enum.fetch!(index) |> next.()

      :get_and_update, data, next when is_list(data) ->
        _ = Enum.fetch!(data, index)
        at_get_and_update(data, index, next)

      _op, data, _next ->
        raise "Access.at!/1 expected a list, got: " <> inspect(data)
    end
  end

  def slice(%{__struct__: Range} = range) do
    fn
      :get, data, next when is_list(data) ->
        data |> Enum.slice(range) |> Enum.map(next)

      :get_and_update, data, next when is_list(data) ->
        len = length(data)
        %{first: first, last: last} = range
        first = if first < 0, do: len + first, else: first
        last = if last < 0, do: len + last, else: last

        {gets, updates} =
          data
          |> Enum.with_index()
          |> Enum.reduce({[], []}, fn {x, i}, {gets, updates} ->
            if i >= first and i <= last and Enum.member?(Range.new(first, last, range.step), i) do
              case next.(x) do
                {get, update} -> {[get | gets], [update | updates]}
                :pop -> {[x | gets], updates}
              end
            else
              {gets, [x | updates]}
            end
          end)

        {:lists.reverse(gets), :lists.reverse(updates)}

      _op, data, _next ->
        raise "Access.slice/1 expected a list, got: " <> inspect(data)
    end
  end

  def filter(func) when is_function(func) do
    fn
      :get, data, next when is_list(data) ->
        data |> Enum.filter(func) |> Enum.map(next)

      :get_and_update, data, next when is_list(data) ->
        {gets, updates} =
          Enum.reduce(data, {[], []}, fn x, {gets, updates} ->
            if func.(x) do
              case next.(x) do
                {get, update} -> {[get | gets], [update | updates]}
                :pop -> {[x | gets], updates}
              end
            else
              {gets, [x | updates]}
            end
          end)

        {:lists.reverse(gets), :lists.reverse(updates)}

      _op, data, _next ->
        raise "Access.filter/1 expected a list, got: " <> inspect(data)
    end
  end
end
