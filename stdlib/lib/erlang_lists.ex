# The functions of Erlang's `lists` module that are not BIFs in Rust (`vm/src/bif/lists.rs`
# has reverse, member, keyfind, keymember, keysearch, sort/1, seq, nth, last, flatten,
# duplicate, sum, max, min, append/2, subtract). The VM resolves a call to a Rust BIF
# first and falls back to this module, so calls to those go through `:lists.name(...)`
# here, never to a local function.
#
# These follow OTP 25's lists.erl in what a caller can observe: the results, and the
# errors for bad arguments (which function has no matching clause, a `case` with no
# matching clause when a fun returns something other than a boolean, `badarg` from
# `element/2`, ...). Helpers that can fail with `function_clause` carry OTP's names
# (`map_1`, `thing_to_list`, ...) since the error message names them.
defmodule :lists do
  # ----- first-order functions ------------------------------------------------------

  def append([e]), do: e
  def append([h | t]), do: h ++ append(t)
  def append([]), do: []

  def concat(list), do: flatmap(&thing_to_list/1, list)

  defp thing_to_list(x) when is_integer(x), do: :erlang.integer_to_list(x)
  defp thing_to_list(x) when is_float(x), do: :erlang.float_to_list(x)
  defp thing_to_list(x) when is_atom(x), do: :erlang.atom_to_list(x)
  defp thing_to_list(x) when is_list(x), do: x

  def delete(item, [item | rest]), do: rest
  def delete(item, [h | rest]), do: [h | delete(item, rest)]
  def delete(_item, []), do: []

  def droplast([_]), do: []
  def droplast([h | t]), do: [h | droplast(t)]

  def enumerate(list) when is_list(list), do: enumerate_1(1, list)
  def enumerate(index, list) when is_integer(index) and is_list(list), do: enumerate_1(index, list)

  defp enumerate_1(i, [h | t]), do: [{i, h} | enumerate_1(i + 1, t)]
  defp enumerate_1(_i, []), do: []

  def flatlength(list), do: flatlength(list, 0)

  defp flatlength([h | t], n) when is_list(h), do: flatlength(h, flatlength(t, n))
  defp flatlength([_ | t], n), do: flatlength(t, n + 1)
  defp flatlength([], n), do: n

  def join(_sep, []), do: []
  def join(sep, [h | t]), do: [h | join_prepend(sep, t)]

  defp join_prepend(_sep, []), do: []
  defp join_prepend(sep, [h | t]), do: [sep, h | join_prepend(sep, t)]

  def nthtail(1, [_ | t]), do: t
  def nthtail(n, [_ | t]) when n > 1, do: nthtail(n - 1, t)
  def nthtail(0, l) when is_list(l), do: l

  def prefix([x | pre], [x | rest]), do: prefix(pre, rest)
  def prefix([], list) when is_list(list), do: true
  def prefix([_ | _], list) when is_list(list), do: false

  def suffix(suffix, list) do
    delta = length(list) - length(suffix)
    delta >= 0 and nthtail(delta, list) === suffix
  end

  def split(n, list) when is_integer(n) and n >= 0 and is_list(list) do
    case split_1(n, list, []) do
      {_, _} = result -> result
      :badarg -> :erlang.error(:badarg, [n, list])
    end
  end

  def split(n, list), do: :erlang.error(:badarg, [n, list])

  defp split_1(0, l, acc), do: {:lists.reverse(acc), l}
  defp split_1(n, [h | t], acc), do: split_1(n - 1, t, [h | acc])
  defp split_1(_, [], _), do: :badarg

  def sublist(list, 1, len) when is_list(list) and is_integer(len) and len >= 0, do: sublist(list, len)
  def sublist([], start, _len) when is_integer(start) and start >= 2, do: []
  def sublist([_ | t], start, len) when is_integer(start) and start >= 2, do: sublist(t, start - 1, len)

  def sublist(list, len) when is_integer(len) and is_list(list), do: sublist_2(list, len)

  defp sublist_2([h | t], len) when len > 0, do: [h | sublist_2(t, len - 1)]
  defp sublist_2(_, 0), do: []
  defp sublist_2(list, len) when is_list(list) and len > 0, do: []

  def uniq(list), do: uniq_1(list, %{})

  defp uniq_1([x | xs], seen) do
    if :erlang.is_map_key(x, seen) do
      uniq_1(xs, seen)
    else
      [x | uniq_1(xs, :maps.put(x, true, seen))]
    end
  end

  defp uniq_1([], _), do: []

  def uniq(fun, list) when is_function(fun, 1), do: uniq_2(list, fun, %{})

  defp uniq_2([x | xs], fun, seen) do
    key = fun.(x)

    if :erlang.is_map_key(key, seen) do
      uniq_2(xs, fun, seen)
    else
      [x | uniq_2(xs, fun, :maps.put(key, true, seen))]
    end
  end

  defp uniq_2([], _, _), do: []

  def unzip(ts), do: unzip(ts, [], [])

  defp unzip([{x, y} | ts], xs, ys), do: unzip(ts, [x | xs], [y | ys])
  defp unzip([], xs, ys), do: {:lists.reverse(xs), :lists.reverse(ys)}

  def unzip3(ts), do: unzip3(ts, [], [], [])

  defp unzip3([{x, y, z} | ts], xs, ys, zs), do: unzip3(ts, [x | xs], [y | ys], [z | zs])
  defp unzip3([], xs, ys, zs), do: {:lists.reverse(xs), :lists.reverse(ys), :lists.reverse(zs)}

  def zip([x | xs], [y | ys]), do: [{x, y} | zip(xs, ys)]
  def zip([], []), do: []

  def zip3([x | xs], [y | ys], [z | zs]), do: [{x, y, z} | zip3(xs, ys, zs)]
  def zip3([], [], []), do: []

  # ----- lists of tuples --------------------------------------------------------------

  def keydelete(key, n, list) when is_integer(n) and n > 0, do: keydelete3(key, n, list)

  # The key tests are guards, as in OTP: a tuple too short to have the key is skipped.
  # (`elem`: the compiler makes a remote `:erlang.element` call in a guard raise.)
  defp keydelete3(key, n, [h | t]) when elem(h, n - 1) == key, do: t
  defp keydelete3(key, n, [h | t]), do: [h | keydelete3(key, n, t)]

  defp keydelete3(_, _, []), do: []

  def keyreplace(key, n, list, new) when is_integer(n) and n > 0 and is_tuple(new) do
    keyreplace3(key, n, list, new)
  end

  defp keyreplace3(key, n, [h | t], new) when elem(h, n - 1) == key, do: [new | t]
  defp keyreplace3(key, n, [h | t], new), do: [h | keyreplace3(key, n, t, new)]

  defp keyreplace3(_, _, [], _), do: []

  def keytake(key, n, list) when is_integer(n) and n > 0, do: keytake(key, n, list, [])

  defp keytake(key, n, [h | t], acc) when elem(h, n - 1) == key do
    {:value, h, :lists.reverse(acc, t)}
  end

  defp keytake(key, n, [h | t], acc), do: keytake(key, n, t, [h | acc])

  defp keytake(_, _, [], _), do: false

  def keystore(key, n, list, new) when is_integer(n) and n > 0 and is_tuple(new) do
    keystore2(key, n, list, new)
  end

  defp keystore2(key, n, [h | t], new) when elem(h, n - 1) == key, do: [new | t]
  defp keystore2(key, n, [h | t], new), do: [h | keystore2(key, n, t, new)]

  defp keystore2(_, _, [], new), do: [new]

  def keymap(fun, n, [tup | tail]) do
    [:erlang.setelement(n, tup, fun.(:erlang.element(n, tup))) | keymap(fun, n, tail)]
  end

  def keymap(fun, n, []) when is_integer(n) and n >= 1 and is_function(fun, 1), do: []

  # Stable: the native sort orders `{key, position, tuple}`, and keys that compare equal
  # (1 and 1.0 too) keep their order by position.
  def keysort(n, list) when is_integer(n) and n > 0 do
    case list do
      [] -> list
      [_] -> list
      _ -> untag(:lists.sort(tag_keys(list, n, 0, [])), [])
    end
  end

  # The first of each run of tuples whose keys compare equal.
  def ukeysort(n, list) when is_integer(n) and n > 0 do
    case list do
      [] -> list
      [_] -> list
      _ -> ukeys(:lists.sort(tag_keys(list, n, 0, [])))
    end
  end

  defp tag_keys([t | rest], n, i, acc), do: tag_keys(rest, n, i + 1, [{:erlang.element(n, t), i, t} | acc])
  defp tag_keys([], _n, _i, acc), do: acc

  defp untag([{_, _, t} | rest], acc), do: untag(rest, [t | acc])
  defp untag([], acc), do: :lists.reverse(acc)

  defp ukeys([{k, _, t} | rest]), do: [t | ukeys_after(rest, k)]

  defp ukeys_after([{k, _, t} | rest], prev) do
    if k == prev, do: ukeys_after(rest, prev), else: [t | ukeys_after(rest, k)]
  end

  defp ukeys_after([], _), do: []

  # Merges of sorted lists: on equal keys the tuple of the first list comes first
  # (keymerge), or only it is kept (ukeymerge).
  def keymerge(n, l1, l2) when is_integer(n) and n > 0 do
    case l2 do
      [] -> l1
      _ -> merge_by(l1, l2, fn a, b -> :erlang.element(n, a) <= :erlang.element(n, b) end, [])
    end
  end

  def ukeymerge(n, l1, l2) when is_integer(n) and n > 0 do
    case l1 do
      [] -> l2
      _ -> umerge_keys(l1, l2, n, [])
    end
  end

  defp umerge_keys([h1 | t1] = l1, [h2 | t2] = l2, n, acc) do
    k1 = :erlang.element(n, h1)
    k2 = :erlang.element(n, h2)

    cond do
      k1 == k2 -> umerge_keys(l1, t2, n, acc)
      k1 < k2 -> umerge_keys(t1, l2, n, [h1 | acc])
      true -> umerge_keys(l1, t2, n, [h2 | acc])
    end
  end

  defp umerge_keys([], l2, _n, acc), do: :lists.reverse(acc, l2)
  defp umerge_keys(l1, [], _n, acc), do: :lists.reverse(acc, l1)

  # ----- sorting and merging ----------------------------------------------------------

  # A bottom-up merge sort that takes the left element when `fun.(left, right)`: stable
  # for an ordering such as `<=`; with a strict one such as `<` equal elements come out
  # in reverse order, as OTP's sort/2 gives them.
  def sort(fun, []) when is_function(fun, 2), do: []
  def sort(fun, [_] = list) when is_function(fun, 2), do: list
  def sort(fun, [_, _ | _] = list), do: fmerge_passes(singletons(list, []), fun)

  defp singletons([x | rest], acc), do: singletons(rest, [[x] | acc])
  defp singletons([], acc), do: :lists.reverse(acc)

  defp fmerge_passes([run], _fun), do: run
  defp fmerge_passes(runs, fun), do: fmerge_passes(fmerge_pairs(runs, fun, []), fun)

  defp fmerge_pairs([a, b | rest], fun, acc), do: fmerge_pairs(rest, fun, [merge_by(a, b, fun, []) | acc])
  defp fmerge_pairs([a], _fun, acc), do: :lists.reverse(acc, [a])
  defp fmerge_pairs([], _fun, acc), do: :lists.reverse(acc)

  defp merge_by([x | xs] = left, [y | ys] = right, fun, acc) do
    case fun.(x, y) do
      true -> merge_by(xs, right, fun, [x | acc])
      false -> merge_by(left, ys, fun, [y | acc])
    end
  end

  defp merge_by([], right, _fun, acc), do: :lists.reverse(acc, right)
  defp merge_by(left, [], _fun, acc), do: :lists.reverse(acc, left)

  # Sorted, and of the elements that compare equal (1 and 1.0) only the first.
  def usort(list) do
    case list do
      [] -> []
      [_] -> list
      _ -> udedup(:lists.sort(tag_positions(list, 0, [])))
    end
  end

  defp tag_positions([x | rest], i, acc), do: tag_positions(rest, i + 1, [{x, i} | acc])
  defp tag_positions([], _i, acc), do: acc

  defp udedup([{x, _} | rest]), do: [x | udedup_after(rest, x)]

  defp udedup_after([{x, _} | rest], prev) do
    if x == prev, do: udedup_after(rest, prev), else: [x | udedup_after(rest, x)]
  end

  defp udedup_after([], _), do: []

  # Sorted by `fun`, and of the elements `x`, `y` with both `fun.(x, y)` and
  # `fun.(y, x)` only the first.
  def usort(fun, [_] = list) when is_function(fun, 2), do: list
  def usort(fun, [] = list) when is_function(fun, 2), do: list

  def usort(fun, [_ | _] = list) when is_function(fun, 2) do
    [first | rest] = sort(fun, list)
    [first | ufdedup(rest, first, fun)]
  end

  defp ufdedup([x | rest], prev, fun) do
    if fun.(prev, x) and fun.(x, prev) do
      ufdedup(rest, prev, fun)
    else
      [x | ufdedup(rest, x, fun)]
    end
  end

  defp ufdedup([], _, _), do: []

  def merge(lists), do: mergel(lists)

  defp mergel([]), do: []
  defp mergel([l]) when is_list(l), do: l
  defp mergel([l1, l2 | rest]), do: mergel([merge(l1, l2) | rest])

  def merge(l1, []), do: l1
  def merge(l1, [_ | _] = l2), do: merge_terms(l1, l2, [])

  defp merge_terms([x | xs] = left, [y | ys] = right, acc) do
    if x <= y, do: merge_terms(xs, right, [x | acc]), else: merge_terms(left, ys, [y | acc])
  end

  defp merge_terms([], right, acc), do: :lists.reverse(acc, right)
  defp merge_terms(left, [], acc), do: :lists.reverse(acc, left)

  def merge(fun, l1, [_ | _] = l2) when is_function(fun, 2), do: merge_by(l1, l2, fun, [])
  def merge(fun, l1, []) when is_function(fun, 2), do: l1

  def merge3(l1, l2, l3), do: merge(merge(l1, l2), l3)

  def umerge(lists), do: umergel(lists)

  defp umergel([]), do: []
  defp umergel([l]) when is_list(l), do: l
  defp umergel([l1, l2 | rest]), do: umergel([umerge(l1, l2) | rest])

  # On equal elements the one of the first list is kept.
  def umerge([], l2), do: l2
  def umerge([_ | _] = l1, l2), do: umerge_terms(l1, l2, [])

  defp umerge_terms([x | xs] = left, [y | ys] = right, acc) do
    cond do
      x == y -> umerge_terms(left, ys, acc)
      x < y -> umerge_terms(xs, right, [x | acc])
      true -> umerge_terms(left, ys, [y | acc])
    end
  end

  defp umerge_terms([], right, acc), do: :lists.reverse(acc, right)
  defp umerge_terms(left, [], acc), do: :lists.reverse(acc, left)

  def umerge(fun, [], l2) when is_function(fun, 2), do: l2
  def umerge(fun, [_ | _] = l1, l2) when is_function(fun, 2), do: ufmerge(l1, l2, fun, [])

  defp ufmerge([x | xs] = left, [y | ys] = right, fun, acc) do
    case fun.(x, y) do
      true ->
        case fun.(y, x) do
          true -> ufmerge(left, ys, fun, acc)
          false -> ufmerge(xs, right, fun, [x | acc])
        end

      false ->
        ufmerge(left, ys, fun, [y | acc])
    end
  end

  defp ufmerge([], right, _fun, acc), do: :lists.reverse(acc, right)
  defp ufmerge(left, [], _fun, acc), do: :lists.reverse(acc, left)

  def umerge3(l1, l2, l3), do: umerge(umerge(l1, l2), l3)

  # ----- higher-order functions -----------------------------------------------------

  def all(pred, list) when is_function(pred, 1) do
    case list do
      [h | t] ->
        case pred.(h) do
          true -> all_1(pred, t)
          false -> false
        end

      [] ->
        true
    end
  end

  defp all_1(pred, [h | t]) do
    case pred.(h) do
      true -> all_1(pred, t)
      false -> false
    end
  end

  defp all_1(_pred, []), do: true

  def any(pred, list) when is_function(pred, 1) do
    case list do
      [h | t] ->
        case pred.(h) do
          true -> true
          false -> any_1(pred, t)
        end

      [] ->
        false
    end
  end

  defp any_1(pred, [h | t]) do
    case pred.(h) do
      true -> true
      false -> any_1(pred, t)
    end
  end

  defp any_1(_pred, []), do: false

  def map(fun, list) when is_function(fun, 1) do
    case list do
      [h | t] -> [fun.(h) | map_1(fun, t)]
      [] -> []
    end
  end

  defp map_1(fun, [h | t]), do: [fun.(h) | map_1(fun, t)]
  defp map_1(_fun, []), do: []

  def flatmap(fun, list) when is_function(fun, 1), do: flatmap_1(fun, list)

  defp flatmap_1(fun, [h | t]), do: fun.(h) ++ flatmap_1(fun, t)
  defp flatmap_1(_fun, []), do: []

  def foldl(fun, acc, list) when is_function(fun, 2) do
    case list do
      [h | t] -> foldl_1(fun, fun.(h, acc), t)
      [] -> acc
    end
  end

  defp foldl_1(fun, acc, [h | t]), do: foldl_1(fun, fun.(h, acc), t)
  defp foldl_1(_fun, acc, []), do: acc

  def foldr(fun, acc, list) when is_function(fun, 2), do: foldr_1(fun, acc, list)

  defp foldr_1(fun, acc, [h | t]), do: fun.(h, foldr_1(fun, acc, t))
  defp foldr_1(_fun, acc, []), do: acc

  # A list comprehension in Erlang: a non-list raises `{:bad_generator, term}` and a
  # predicate result other than a boolean `{:bad_filter, result}`.
  def filter(pred, list) when is_function(pred, 1), do: filter_1(pred, list)

  defp filter_1(pred, [h | t]) do
    case pred.(h) do
      true -> [h | filter_1(pred, t)]
      false -> filter_1(pred, t)
      other -> :erlang.error({:bad_filter, other})
    end
  end

  defp filter_1(_pred, []), do: []
  defp filter_1(_pred, other), do: :erlang.error({:bad_generator, other})

  def partition(pred, list) when is_function(pred, 1), do: partition_1(pred, list, [], [])

  defp partition_1(pred, [h | t], as, bs) do
    case pred.(h) do
      true -> partition_1(pred, t, [h | as], bs)
      false -> partition_1(pred, t, as, [h | bs])
    end
  end

  defp partition_1(_pred, [], as, bs), do: {:lists.reverse(as), :lists.reverse(bs)}

  def filtermap(fun, list) when is_function(fun, 1), do: filtermap_1(fun, list)

  defp filtermap_1(fun, [h | t]) do
    case fun.(h) do
      true -> [h | filtermap_1(fun, t)]
      {true, value} -> [value | filtermap_1(fun, t)]
      false -> filtermap_1(fun, t)
    end
  end

  defp filtermap_1(_fun, []), do: []

  def zf(fun, list), do: filtermap(fun, list)

  def foreach(fun, list) when is_function(fun, 1), do: foreach_1(fun, list)

  defp foreach_1(fun, [h | t]) do
    fun.(h)
    foreach_1(fun, t)
  end

  defp foreach_1(_fun, []), do: :ok

  def mapfoldl(fun, acc, list) when is_function(fun, 2), do: mapfoldl_1(fun, acc, list)

  defp mapfoldl_1(fun, acc0, [h | t]) do
    {r, acc1} = fun.(h, acc0)
    {rs, acc2} = mapfoldl_1(fun, acc1, t)
    {[r | rs], acc2}
  end

  defp mapfoldl_1(_fun, acc, []), do: {[], acc}

  def mapfoldr(fun, acc, list) when is_function(fun, 2), do: mapfoldr_1(fun, acc, list)

  defp mapfoldr_1(fun, acc0, [h | t]) do
    {rs, acc1} = mapfoldr_1(fun, acc0, t)
    {r, acc2} = fun.(h, acc1)
    {[r | rs], acc2}
  end

  defp mapfoldr_1(_fun, acc, []), do: {[], acc}

  def takewhile(pred, list) when is_function(pred, 1), do: takewhile_1(pred, list)

  defp takewhile_1(pred, [h | t]) do
    case pred.(h) do
      true -> [h | takewhile_1(pred, t)]
      false -> []
    end
  end

  defp takewhile_1(_pred, []), do: []

  def dropwhile(pred, list) when is_function(pred, 1), do: dropwhile_1(pred, list)

  defp dropwhile_1(pred, [h | t] = rest) do
    case pred.(h) do
      true -> dropwhile_1(pred, t)
      false -> rest
    end
  end

  defp dropwhile_1(_pred, []), do: []

  def search(pred, list) when is_function(pred, 1), do: search_1(pred, list)

  defp search_1(pred, [h | t]) do
    case pred.(h) do
      true -> {:value, h}
      false -> search_1(pred, t)
    end
  end

  defp search_1(_pred, []), do: false

  def splitwith(pred, list) when is_function(pred, 1), do: splitwith_1(pred, list, [])

  defp splitwith_1(pred, [h | t], taken) do
    case pred.(h) do
      true -> splitwith_1(pred, t, [h | taken])
      false -> {:lists.reverse(taken), [h | t]}
    end
  end

  defp splitwith_1(_pred, [], taken), do: {:lists.reverse(taken), []}

  def zipwith(fun, [x | xs], [y | ys]), do: [fun.(x, y) | zipwith(fun, xs, ys)]
  def zipwith(fun, [], []) when is_function(fun, 2), do: []

  def zipwith3(fun, [x | xs], [y | ys], [z | zs]), do: [fun.(x, y, z) | zipwith3(fun, xs, ys, zs)]
  def zipwith3(fun, [], [], []) when is_function(fun, 3), do: []
end
