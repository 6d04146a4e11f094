# MapSet as Elixir 1.14 represents it: `%MapSet{map: %{elem => []}, version: 2}`. Without
# the Inspect protocol, `inspect` shows the struct rather than `MapSet.new([...])`.
defmodule MapSet do
  defstruct map: %{}, version: 2

  def new, do: %{__struct__: MapSet, map: %{}, version: 2}

  def new(%{__struct__: MapSet} = set), do: set
  def new(enumerable), do: wrap(:maps.from_keys(Enum.to_list(enumerable), []))

  def new(enumerable, transform) when is_function(transform, 1) do
    wrap(:maps.from_keys(Enum.map(enumerable, transform), []))
  end

  defp wrap(map), do: %{__struct__: MapSet, map: map, version: 2}

  def put(%{__struct__: MapSet, map: map} = set, value), do: %{set | map: :maps.put(value, [], map)}

  def delete(%{__struct__: MapSet, map: map} = set, value), do: %{set | map: :maps.remove(value, map)}

  def member?(%{__struct__: MapSet, map: map}, value), do: :erlang.is_map_key(value, map)

  def size(%{__struct__: MapSet, map: map}), do: map_size(map)

  def to_list(%{__struct__: MapSet, map: map}), do: :maps.keys(map)

  def union(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    wrap(:maps.merge(map1, map2))
  end

  def intersection(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    {small, large} = if map_size(map1) <= map_size(map2), do: {map1, map2}, else: {map2, map1}
    wrap(:maps.from_keys(Enum.filter(:maps.keys(small), fn k -> :erlang.is_map_key(k, large) end), []))
  end

  def difference(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    wrap(:maps.from_keys(Enum.reject(:maps.keys(map1), fn k -> :erlang.is_map_key(k, map2) end), []))
  end

  def symmetric_difference(%{__struct__: MapSet} = set1, %{__struct__: MapSet} = set2) do
    union(difference(set1, set2), difference(set2, set1))
  end

  def subset?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    map_size(map1) <= map_size(map2) and Enum.all?(:maps.keys(map1), fn k -> :erlang.is_map_key(k, map2) end)
  end

  def disjoint?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    not Enum.any?(:maps.keys(map1), fn k -> :erlang.is_map_key(k, map2) end)
  end

  def equal?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}), do: map1 === map2

  def filter(%{__struct__: MapSet, map: map}, fun) when is_function(fun, 1) do
    wrap(:maps.from_keys(Enum.filter(:maps.keys(map), fun), []))
  end

  def reject(%{__struct__: MapSet, map: map}, fun) when is_function(fun, 1) do
    wrap(:maps.from_keys(Enum.reject(:maps.keys(map), fun), []))
  end
end
