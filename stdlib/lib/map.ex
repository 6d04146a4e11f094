defmodule Map do
  def new, do: %{}

  def new(%{__struct__: _} = struct), do: new_from_list(Enum.to_list(struct))
  def new(%{} = map), do: map
  def new(enumerable), do: new_from_list(Enum.to_list(enumerable))

  def new(enumerable, transform) when is_function(transform, 1) do
    enumerable
    |> Enum.to_list()
    |> new_transform(transform, [])
  end

  defp new_from_list(list), do: :maps.from_list(list)

  defp new_transform([], _fun, acc), do: :maps.from_list(:lists.reverse(acc))

  defp new_transform([item | rest], fun, acc) do
    {k, v} = fun.(item)
    new_transform(rest, fun, [{k, v} | acc])
  end

  def keys(map), do: :maps.keys(map)
  def values(map), do: :maps.values(map)
  def to_list(map), do: :maps.to_list(map)

  def has_key?(map, key), do: :maps.is_key(key, map)

  def fetch(map, key), do: :maps.find(key, map)

  def fetch!(map, key) do
    :maps.get(key, map)
  end

  def get(map, key, default \\ nil)

  def get(map, key, default) when is_map(map) do
    case :maps.find(key, map) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def get(other, _key, _default), do: :erlang.error({:badmap, other})

  def get_lazy(map, key, fun) when is_function(fun, 0) do
    case map do
      %{} ->
        case :maps.find(key, map) do
          {:ok, value} -> value
          :error -> fun.()
        end

      other ->
        :erlang.error({:badmap, other})
    end
  end

  def put(map, key, value), do: :maps.put(key, value, map)

  def put_new(map, key, value) when is_map(map) do
    if :maps.is_key(key, map), do: map, else: :maps.put(key, value, map)
  end

  def put_new(other, _key, _value), do: :erlang.error({:badmap, other})

  def put_new_lazy(map, key, fun) when is_map(map) and is_function(fun, 0) do
    if :maps.is_key(key, map), do: map, else: :maps.put(key, fun.(), map)
  end

  def put_new_lazy(other, _key, _fun), do: :erlang.error({:badmap, other})

  def replace(map, key, value) when is_map(map) do
    if :maps.is_key(key, map), do: :maps.put(key, value, map), else: map
  end

  def replace(other, _key, _value), do: :erlang.error({:badmap, other})

  def replace!(map, key, value) when is_map(map) do
    if :maps.is_key(key, map) do
      :maps.put(key, value, map)
    else
      raise KeyError, key: key, term: map
    end
  end

  def replace!(other, _key, _value), do: :erlang.error({:badmap, other})

  def replace_lazy(map, key, fun) when is_map(map) and is_function(fun, 1) do
    case :maps.find(key, map) do
      {:ok, value} -> :maps.put(key, fun.(value), map)
      :error -> map
    end
  end

  def delete(map, key), do: :maps.remove(key, map)

  def merge(map1, map2), do: :maps.merge(map1, map2)

  def merge(map1, map2, fun) when is_map(map1) and is_map(map2) and is_function(fun, 3) do
    merge_with(:maps.to_list(map2), map1, fun)
  end

  defp merge_with([], acc, _fun), do: acc

  defp merge_with([{k, v2} | rest], acc, fun) do
    case :maps.find(k, acc) do
      {:ok, v1} -> merge_with(rest, :maps.put(k, fun.(k, v1, v2), acc), fun)
      :error -> merge_with(rest, :maps.put(k, v2, acc), fun)
    end
  end

  def update(map, key, default, fun) when is_map(map) and is_function(fun, 1) do
    case :maps.find(key, map) do
      {:ok, value} -> :maps.put(key, fun.(value), map)
      :error -> :maps.put(key, default, map)
    end
  end

  def update(other, _key, _default, _fun), do: :erlang.error({:badmap, other})

  def update!(map, key, fun) when is_map(map) and is_function(fun, 1) do
    case :maps.find(key, map) do
      {:ok, value} -> :maps.put(key, fun.(value), map)
      :error -> raise KeyError, key: key, term: map
    end
  end

  def update!(other, _key, _fun), do: :erlang.error({:badmap, other})

  def pop(map, key, default \\ nil)

  def pop(map, key, default) when is_map(map) do
    case :maps.find(key, map) do
      {:ok, value} -> {value, :maps.remove(key, map)}
      :error -> {default, map}
    end
  end

  def pop(other, _key, _default), do: :erlang.error({:badmap, other})

  def pop!(map, key) when is_map(map) do
    case :maps.find(key, map) do
      {:ok, value} -> {value, :maps.remove(key, map)}
      :error -> raise KeyError, key: key, term: map
    end
  end

  def pop!(other, _key), do: :erlang.error({:badmap, other})

  def pop_lazy(map, key, fun) when is_map(map) and is_function(fun, 0) do
    case :maps.find(key, map) do
      {:ok, value} -> {value, :maps.remove(key, map)}
      :error -> {fun.(), map}
    end
  end

  def get_and_update(map, key, fun) when is_map(map) and is_function(fun, 1) do
    current = get(map, key)

    case fun.(current) do
      {get, update} -> {get, :maps.put(key, update, map)}
      :pop -> {current, :maps.remove(key, map)}
      other -> raise "the given function must return a two-element tuple or :pop, got: " <> inspect(other)
    end
  end

  def get_and_update!(map, key, fun) when is_map(map) and is_function(fun, 1) do
    value = fetch!(map, key)

    case fun.(value) do
      {get, update} -> {get, :maps.put(key, update, map)}
      :pop -> {value, :maps.remove(key, map)}
      other -> raise "the given function must return a two-element tuple or :pop, got: " <> inspect(other)
    end
  end

  def take(map, keys) when is_map(map) do
    take_keys(Enum.to_list(keys), map, [])
  end

  def take(other, _keys), do: :erlang.error({:badmap, other})

  defp take_keys([], _map, acc), do: :maps.from_list(acc)

  defp take_keys([key | rest], map, acc) do
    case :maps.find(key, map) do
      {:ok, value} -> take_keys(rest, map, [{key, value} | acc])
      :error -> take_keys(rest, map, acc)
    end
  end

  def drop(map, keys) when is_map(map), do: drop_keys(Enum.to_list(keys), map)
  def drop(other, _keys), do: :erlang.error({:badmap, other})

  defp drop_keys([], acc), do: acc
  defp drop_keys([key | rest], acc), do: drop_keys(rest, :maps.remove(key, acc))

  def split(map, keys) when is_map(map) do
    split_keys(Enum.to_list(keys), [], map)
  end

  defp split_keys([], inc, exc), do: {:maps.from_list(inc), exc}

  defp split_keys([key | rest], inc, exc) do
    case :maps.find(key, exc) do
      {:ok, value} -> split_keys(rest, [{key, value} | inc], :maps.remove(key, exc))
      :error -> split_keys(rest, inc, exc)
    end
  end

  def filter(map, fun) when is_map(map) and is_function(fun, 1) do
    :maps.from_list(filter_list(:maps.to_list(map), fun, true))
  end

  def reject(map, fun) when is_map(map) and is_function(fun, 1) do
    :maps.from_list(filter_list(:maps.to_list(map), fun, false))
  end

  defp filter_list([], _fun, _keep), do: []

  defp filter_list([pair | rest], fun, keep) do
    if truthy(fun.(pair)) == keep do
      [pair | filter_list(rest, fun, keep)]
    else
      filter_list(rest, fun, keep)
    end
  end

  defp truthy(nil), do: false
  defp truthy(false), do: false
  defp truthy(_), do: true

  def from_struct(struct) when is_atom(struct), do: :maps.remove(:__struct__, struct.__struct__())
  def from_struct(%{__struct__: _} = struct), do: :maps.remove(:__struct__, struct)

  def from_keys(keys, value) when is_list(keys), do: :maps.from_keys(keys, value)

  def equal?(map1, map2) when is_map(map1) and is_map(map2), do: map1 === map2
end
