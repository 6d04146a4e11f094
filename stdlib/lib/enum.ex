# Enum over lists, maps and ranges: the core the compiler's `for` needs. The full
# library arrives with the standard-library issue.
defmodule Enum do
  def reduce(list, acc, fun) when is_list(list), do: reduce_list(list, acc, fun)

  def reduce(%{__struct__: Range, first: first, last: last, step: step}, acc, fun) do
    reduce_range(first, last, step, acc, fun)
  end

  def reduce(%{__struct__: _} = struct, _acc, _fun) do
    raise Protocol.UndefinedError, protocol: Enumerable, value: struct
  end

  def reduce(map, acc, fun) when is_map(map), do: reduce_list(:maps.to_list(map), acc, fun)

  def reduce(other, _acc, _fun) do
    raise Protocol.UndefinedError, protocol: Enumerable, value: other
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

  def to_list(list) when is_list(list), do: list
  def to_list(enumerable), do: :lists.reverse(reverse(enumerable))

  def reverse(list) when is_list(list), do: :lists.reverse(list)
  def reverse(enumerable), do: reduce(enumerable, [], fn x, acc -> [x | acc] end)

  def map(enumerable, fun), do: :lists.reverse(reduce(enumerable, [], fn x, acc -> [fun.(x) | acc] end))

  def each(enumerable, fun) do
    reduce(enumerable, nil, fn x, _ -> fun.(x) end)
    :ok
  end

  def filter(enumerable, fun) do
    :lists.reverse(reduce(enumerable, [], fn x, acc -> if fun.(x), do: [x | acc], else: acc end))
  end

  def reject(enumerable, fun) do
    :lists.reverse(reduce(enumerable, [], fn x, acc -> if fun.(x), do: acc, else: [x | acc] end))
  end

  def sum(enumerable), do: reduce(enumerable, 0, fn x, acc -> acc + x end)

  def count(enumerable) when is_list(enumerable), do: length(enumerable)
  def count(enumerable), do: reduce(enumerable, 0, fn _, acc -> acc + 1 end)

  def member?(list, x) when is_list(list), do: :lists.member(x, list)

  def member?(%{__struct__: Range, first: first, last: last, step: step}, x) do
    is_integer(x) and
      ((step > 0 and x >= first and x <= last) or (step < 0 and x <= first and x >= last)) and
      rem(x - first, step) == 0
  end

  def member?(enumerable, x), do: reduce(enumerable, false, fn y, acc -> acc or y === x end)

  def join(enumerable, joiner \\ "") do
    parts = reduce(enumerable, [], fn x, acc -> [String.Chars.to_string(x) | acc] end)
    :erlang.iolist_to_binary(intersperse(:lists.reverse(parts), joiner))
  end

  def map_join(enumerable, joiner \\ "", mapper) do
    join(map(enumerable, mapper), joiner)
  end

  defp intersperse([], _), do: []
  defp intersperse([x], _), do: [x]
  defp intersperse([x | rest], sep), do: [x, sep | intersperse(rest, sep)]

  def into(enumerable, list) when is_list(list), do: list ++ to_list(enumerable)

  def into(enumerable, bin) when is_binary(bin) do
    :erlang.iolist_to_binary([bin | to_list(enumerable)])
  end

  def into(enumerable, %{} = map) do
    reduce(enumerable, map, fn {k, v}, acc -> :maps.put(k, v, acc) end)
  end

  def uniq(enumerable) do
    {list, _} =
      reduce(enumerable, {[], %{}}, fn x, {acc, seen} ->
        if :erlang.is_map_key(x, seen), do: {acc, seen}, else: {[x | acc], :maps.put(x, true, seen)}
      end)

    :lists.reverse(list)
  end

  def sort(enumerable), do: :lists.sort(to_list(enumerable))

  def with_index(enumerable, offset \\ 0) do
    {list, _} = reduce(enumerable, {[], offset}, fn x, {acc, i} -> {[{x, i} | acc], i + 1} end)
    :lists.reverse(list)
  end
end

defmodule Range do
  def __default_step__(first, last) when first <= last, do: 1
  def __default_step__(_first, _last), do: -1
end

defmodule Access do
  def get(container, key, default \\ nil)

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

  def get(nil, _key, default), do: default
end
