# The functions of Erlang's `maps` module that are not BIFs in Rust (`vm/src/bif/maps.rs`
# has get, find, put, remove, keys, values, to_list, from_list, from_keys, merge,
# is_key, take, update, new, size). The VM resolves a call to a Rust BIF first and falls
# back to this module, so calls to those go through `:maps.name(...)`.
#
# These follow OTP 25's maps.erl in what a caller can observe, errors included: a
# `{:badmap, term}` or a `badarg` raised with the arguments and `error_info`, as
# `erlang:error/3` gives them, so that Elixir explains the bad argument.
#
# An iterator is `[0 | map]` as in OTP; `next/1` gives the pairs in `:maps.to_list/1`'s
# order, all at once: `{k1, v1, {k2, v2, ... :none}}` (OTP does the same for maps of up to
# 32 keys, and walks larger ones piece by piece).
defmodule :maps do
  # Raised with `:erlang.error(reason, args, @error_info)` in the failing function
  # itself (not a helper), so that the stack trace names it.
  @error_info [error_info: %{module: :erl_stdlib_errors}]

  def iterator(map) when is_map(map), do: [0 | map]
  def iterator(map), do: :erlang.error({:badmap, map}, [map], @error_info)

  def next({_, _, _} = iter), do: iter
  def next([0 | map]) when is_map(map), do: chain(:maps.to_list(map))
  def next(:none), do: :none
  def next(iter), do: :erlang.error(:badarg, [iter], @error_info)

  defp chain([{k, v} | rest]), do: {k, v, chain(rest)}
  defp chain([]), do: :none

  # The first step of an iteration over a map or an iterator; `:error` when it is
  # neither.
  defp first(map_or_iter) do
    iter = if is_map(map_or_iter), do: iterator(map_or_iter), else: map_or_iter

    try do
      next(iter)
    rescue
      _ -> :error
    end
  end

  def fold(fun, init, map_or_iter) when is_function(fun, 3) do
    case first(map_or_iter) do
      :error -> :erlang.error({:badmap, map_or_iter}, [fun, init, map_or_iter], @error_info)
      step -> fold_1(fun, init, step)
    end
  end

  def fold(fun, init, map), do: :erlang.error(:badarg, [fun, init, map], @error_info)

  defp fold_1(fun, acc, {k, v, iter}), do: fold_1(fun, fun.(k, v, acc), next(iter))
  defp fold_1(_fun, acc, :none), do: acc

  def map(fun, map_or_iter) when is_function(fun, 2) do
    case first(map_or_iter) do
      :error -> :erlang.error({:badmap, map_or_iter}, [fun, map_or_iter], @error_info)
      step -> :maps.from_list(map_1(fun, step))
    end
  end

  def map(fun, map), do: :erlang.error(:badarg, [fun, map], @error_info)

  defp map_1(fun, {k, v, iter}), do: [{k, fun.(k, v)} | map_1(fun, next(iter))]
  defp map_1(_fun, :none), do: []

  def filter(pred, map_or_iter) when is_function(pred, 2) do
    case first(map_or_iter) do
      :error -> :erlang.error({:badmap, map_or_iter}, [pred, map_or_iter], @error_info)
      step -> :maps.from_list(filter_1(pred, step))
    end
  end

  def filter(pred, map), do: :erlang.error(:badarg, [pred, map], @error_info)

  defp filter_1(pred, {k, v, iter}) do
    case pred.(k, v) do
      true -> [{k, v} | filter_1(pred, next(iter))]
      false -> filter_1(pred, next(iter))
    end
  end

  defp filter_1(_pred, :none), do: []

  def filtermap(fun, map_or_iter) when is_function(fun, 2) do
    case first(map_or_iter) do
      :error -> :erlang.error({:badmap, map_or_iter}, [fun, map_or_iter], @error_info)
      step -> :maps.from_list(filtermap_1(fun, step))
    end
  end

  def filtermap(fun, map), do: :erlang.error(:badarg, [fun, map], @error_info)

  defp filtermap_1(fun, {k, v, iter}) do
    case fun.(k, v) do
      true -> [{k, v} | filtermap_1(fun, next(iter))]
      {true, new} -> [{k, new} | filtermap_1(fun, next(iter))]
      false -> filtermap_1(fun, next(iter))
    end
  end

  defp filtermap_1(_fun, :none), do: []

  def foreach(fun, map_or_iter) when is_function(fun, 2) do
    case first(map_or_iter) do
      :error -> :erlang.error({:badmap, map_or_iter}, [fun, map_or_iter], @error_info)
      step -> foreach_1(fun, step)
    end
  end

  def foreach(fun, map), do: :erlang.error(:badarg, [fun, map], @error_info)

  defp foreach_1(fun, {k, v, iter}) do
    fun.(k, v)
    foreach_1(fun, next(iter))
  end

  defp foreach_1(_fun, :none), do: :ok

  def update_with(key, fun, map) when is_function(fun, 1) and is_map(map) do
    case map do
      %{^key => value} -> %{map | key => fun.(value)}
      %{} -> :erlang.error({:badkey, key}, [key, fun, map])
    end
  end

  def update_with(key, fun, map), do: :erlang.error(error_type(map), [key, fun, map], @error_info)

  def update_with(key, fun, init, map) when is_function(fun, 1) and is_map(map) do
    case map do
      %{^key => value} -> %{map | key => fun.(value)}
      %{} -> :maps.put(key, init, map)
    end
  end

  def update_with(key, fun, init, map), do: :erlang.error(error_type(map), [key, fun, init, map], @error_info)

  def with(keys, map) when is_list(keys) and is_map(map), do: :maps.from_list(with_1(keys, map))
  def with(keys, map), do: :erlang.error(error_type(map), [keys, map], @error_info)

  defp with_1([k | ks], map) do
    case map do
      %{^k => v} -> [{k, v} | with_1(ks, map)]
      %{} -> with_1(ks, map)
    end
  end

  defp with_1([], _map), do: []

  def without(keys, map) when is_list(keys) and is_map(map), do: :lists.foldl(&:maps.remove/2, map, keys)
  def without(keys, map), do: :erlang.error(error_type(map), [keys, map], @error_info)

  # The pairs of `map2` added to `map1`; `combiner.(k, v1, v2)` for the keys in both.
  # Like OTP, it walks the smaller map into the larger one.
  def merge_with(combiner, map1, map2) when is_map(map1) and is_map(map2) and is_function(combiner, 3) do
    if map_size(map1) > map_size(map2) do
      merge_with_1(next(iterator(map2)), map1, combiner)
    else
      merge_with_1(next(iterator(map1)), map2, fn k, v1, v2 -> combiner.(k, v2, v1) end)
    end
  end

  def merge_with(combiner, map1, map2) do
    :erlang.error(error_type_merge_intersect(map1, map2, combiner), [combiner, map1, map2], @error_info)
  end

  defp merge_with_1({k, v2, iter}, acc, combiner) do
    case acc do
      %{^k => v1} -> merge_with_1(next(iter), %{acc | k => combiner.(k, v1, v2)}, combiner)
      %{} -> merge_with_1(next(iter), :maps.put(k, v2, acc), combiner)
    end
  end

  defp merge_with_1(:none, acc, _combiner), do: acc

  def intersect(map1, map2) when is_map(map1) and is_map(map2) do
    if map_size(map1) <= map_size(map2) do
      intersect_small_first(fn _k, _v1, v2 -> v2 end, map1, map2)
    else
      intersect_small_first(fn _k, v1, _v2 -> v1 end, map2, map1)
    end
  end

  def intersect(map1, map2), do: :erlang.error(error_type_two_maps(map1, map2), [map1, map2], @error_info)

  def intersect_with(combiner, map1, map2) when is_map(map1) and is_map(map2) and is_function(combiner, 3) do
    if map_size(map1) <= map_size(map2) do
      intersect_small_first(combiner, map1, map2)
    else
      intersect_small_first(fn k, v1, v2 -> combiner.(k, v2, v1) end, map2, map1)
    end
  end

  def intersect_with(combiner, map1, map2) do
    :erlang.error(error_type_merge_intersect(map1, map2, combiner), [combiner, map1, map2], @error_info)
  end

  defp intersect_small_first(combiner, small, big), do: intersect_1(next(iterator(small)), [], big, combiner)

  defp intersect_1({k, v1, iter}, keep, big, combiner) do
    case big do
      %{^k => v2} -> intersect_1(next(iter), [{k, combiner.(k, v1, v2)} | keep], big, combiner)
      _ -> intersect_1(next(iter), keep, big, combiner)
    end
  end

  defp intersect_1(:none, keep, _big, _combiner), do: :maps.from_list(keep)

  # Groups in list order: each key's list of elements (or of `value_fun` of them).
  def groups_from_list(fun, list) when is_function(fun, 1) do
    case reverse_or_error(list) do
      :error -> :erlang.error(:badarg, [fun, list], @error_info)
      reversed -> groups_1(fun, reversed, %{})
    end
  end

  def groups_from_list(fun, list), do: :erlang.error(:badarg, [fun, list], @error_info)

  defp groups_1(fun, [h | t], acc) do
    k = fun.(h)

    case acc do
      %{^k => vs} -> groups_1(fun, t, %{acc | k => [h | vs]})
      %{} -> groups_1(fun, t, :maps.put(k, [h], acc))
    end
  end

  defp groups_1(_fun, [], acc), do: acc

  def groups_from_list(fun, value_fun, list) when is_function(fun, 1) and is_function(value_fun, 1) do
    case reverse_or_error(list) do
      :error -> :erlang.error(:badarg, [fun, value_fun, list], @error_info)
      reversed -> groups_2(fun, value_fun, reversed, %{})
    end
  end

  def groups_from_list(fun, value_fun, list), do: :erlang.error(:badarg, [fun, value_fun, list], @error_info)

  defp groups_2(fun, value_fun, [h | t], acc) do
    k = fun.(h)
    v = value_fun.(h)

    case acc do
      %{^k => vs} -> groups_2(fun, value_fun, t, %{acc | k => [v | vs]})
      %{} -> groups_2(fun, value_fun, t, :maps.put(k, [v], acc))
    end
  end

  defp groups_2(_fun, _value_fun, [], acc), do: acc

  defp reverse_or_error(list) do
    try do
      :lists.reverse(list)
    rescue
      _ -> :error
    end
  end

  defp error_type(map) when is_map(map), do: :badarg
  defp error_type(other), do: {:badmap, other}

  defp error_type_two_maps(map1, map2) when is_map(map1), do: {:badmap, map2}
  defp error_type_two_maps(map1, _map2), do: {:badmap, map1}

  defp error_type_merge_intersect(map1, map2, combiner) when is_function(combiner, 3) do
    error_type_two_maps(map1, map2)
  end

  defp error_type_merge_intersect(_map1, _map2, _combiner), do: :badarg

end
