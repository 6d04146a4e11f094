defmodule List do
  def delete(list, element) when is_list(list), do: delete_first(list, element)

  defp delete_first([], _element), do: []
  defp delete_first([h | t], element) when h === element, do: t
  defp delete_first([h | t], element), do: [h | delete_first(t, element)]

  def duplicate(elem, n) when is_integer(n) and n >= 0, do: :lists.duplicate(n, elem)

  def flatten(list) when is_list(list), do: :lists.flatten(list)
  def flatten(list, tail) when is_list(list) and is_list(tail), do: :lists.flatten(list, tail)

  def foldl(list, acc, fun) when is_list(list) and is_function(fun, 2), do: foldl_list(list, acc, fun)

  defp foldl_list([], acc, _fun), do: acc
  defp foldl_list([h | t], acc, fun), do: foldl_list(t, fun.(h, acc), fun)

  def foldr(list, acc, fun) when is_list(list) and is_function(fun, 2) do
    foldl_list(:lists.reverse(list), acc, fun)
  end

  def first(list, default \\ nil)
  def first([], default), do: default
  def first([h | _], _default), do: h

  def last(list, default \\ nil)
  def last([], default), do: default
  def last([h], _default), do: h
  def last([_ | t], default), do: last(t, default)

  def keyfind(list, key, position, default \\ nil) when is_integer(position) do
    case :lists.keyfind(key, position + 1, list) do
      false -> default
      tuple -> tuple
    end
  end

  def keyfind!(list, key, position) when is_integer(position) do
    case :lists.keyfind(key, position + 1, list) do
      false ->
        message = "key " <> inspect(key) <> " at position " <> inspect(position) <> " not found in: " <> inspect(list)
        raise KeyError, key: key, term: list, message: message

      tuple ->
        tuple
    end
  end

  def keymember?(list, key, position) when is_integer(position) do
    :lists.keymember(key, position + 1, list)
  end

  def keydelete(list, key, position) when is_integer(position) do
    keydelete_at(list, key, position + 1)
  end

  defp keydelete_at([], _key, _n), do: []

  defp keydelete_at([h | t], key, n) do
    if is_tuple(h) and tuple_size(h) >= n and :erlang.element(n, h) == key do
      t
    else
      [h | keydelete_at(t, key, n)]
    end
  end

  def keyreplace(list, key, position, new_tuple) when is_integer(position) do
    keyreplace_at(list, key, position + 1, new_tuple)
  end

  defp keyreplace_at([], _key, _n, _new), do: []

  defp keyreplace_at([h | t], key, n, new) do
    if is_tuple(h) and tuple_size(h) >= n and :erlang.element(n, h) == key do
      [new | t]
    else
      [h | keyreplace_at(t, key, n, new)]
    end
  end

  def keystore(list, key, position, new_tuple) when is_integer(position) do
    if :lists.keymember(key, position + 1, list) do
      keyreplace_at(list, key, position + 1, new_tuple)
    else
      list ++ [new_tuple]
    end
  end

  def keytake(list, key, position) when is_integer(position) do
    case :lists.keyfind(key, position + 1, list) do
      false -> nil
      tuple -> {tuple, keydelete_at(list, key, position + 1)}
    end
  end

  def keysort(list, position, sorter \\ :asc)

  def keysort(list, position, :asc) when is_list(list) and is_integer(position) do
    n = position + 1
    Beamlet.Sort.asc_by(list, fn t -> :erlang.element(n, t) end)
  end

  def keysort(list, position, :desc) when is_list(list) and is_integer(position) do
    n = position + 1
    Beamlet.Sort.desc_by(list, fn t -> :erlang.element(n, t) end)
  end

  def keysort(list, position, sorter) when is_list(list) and is_integer(position) do
    n = position + 1

    fun =
      case sorter do
        f when is_function(f, 2) -> fn a, b -> f.(:erlang.element(n, a), :erlang.element(n, b)) end
        {:asc, module} -> fn a, b -> module.compare(:erlang.element(n, a), :erlang.element(n, b)) != :gt end
        {:desc, module} -> fn a, b -> module.compare(:erlang.element(n, a), :erlang.element(n, b)) != :lt end
        module when is_atom(module) -> fn a, b -> module.compare(:erlang.element(n, a), :erlang.element(n, b)) != :gt end
      end

    Beamlet.Sort.sort(list, fun)
  end

  def to_tuple(list), do: :erlang.list_to_tuple(list)

  def to_string(list) when is_list(list), do: :beamlet.to_string(list)

  def to_charlist(list) when is_list(list), do: String.to_charlist(:beamlet.to_string(list))

  def to_atom(charlist), do: :erlang.list_to_atom(charlist)
  def to_existing_atom(charlist), do: :erlang.list_to_existing_atom(charlist)

  def to_integer(charlist), do: :erlang.list_to_integer(charlist)
  def to_integer(charlist, base), do: :erlang.list_to_integer(charlist, base)

  def to_float(charlist), do: :erlang.list_to_float(charlist)

  def wrap(list) when is_list(list), do: list
  def wrap(nil), do: []
  def wrap(other), do: [other]

  def zip([]), do: []

  def zip(list_of_lists) when is_list(list_of_lists) do
    zip_lists(list_of_lists, [])
  end

  defp zip_lists(lists, acc) do
    case zip_heads(lists, [], []) do
      {:ok, heads, tails} -> zip_lists(tails, [:erlang.list_to_tuple(heads) | acc])
      :done -> :lists.reverse(acc)
    end
  end

  defp zip_heads([], heads, tails), do: {:ok, :lists.reverse(heads), :lists.reverse(tails)}
  defp zip_heads([[h | t] | rest], heads, tails), do: zip_heads(rest, [h | heads], [t | tails])
  defp zip_heads([_ | _], _heads, _tails), do: :done

  def insert_at(list, index, value) when is_list(list) and is_integer(index) do
    cond do
      index == -1 ->
        list ++ [value]

      index < 0 ->
        case length(list) + index + 1 do
          i when i < 0 -> [value | list]
          i -> insert_at_pos(list, i, value)
        end

      true ->
        insert_at_pos(list, index, value)
    end
  end

  defp insert_at_pos([], _index, value), do: [value]
  defp insert_at_pos(list, 0, value), do: [value | list]
  defp insert_at_pos([h | t], index, value), do: [h | insert_at_pos(t, index - 1, value)]

  def replace_at(list, index, value) when is_list(list) and is_integer(index) do
    update_at(list, index, fn _ -> value end)
  end

  def update_at(list, index, fun) when is_list(list) and is_function(fun, 1) and is_integer(index) do
    if index < 0 do
      case length(list) + index do
        i when i < 0 -> list
        i -> update_at_pos(list, i, fun)
      end
    else
      update_at_pos(list, index, fun)
    end
  end

  defp update_at_pos([], _index, _fun), do: []
  defp update_at_pos([h | t], 0, fun), do: [fun.(h) | t]
  defp update_at_pos([h | t], index, fun), do: [h | update_at_pos(t, index - 1, fun)]

  def delete_at(list, index) when is_list(list) and is_integer(index) do
    elem(pop_at(list, index), 1)
  end

  def pop_at(list, index, default \\ nil) when is_list(list) and is_integer(index) do
    if index < 0 do
      case length(list) + index do
        i when i < 0 -> {default, list}
        i -> pop_at_pos(list, i, default, [])
      end
    else
      pop_at_pos(list, index, default, [])
    end
  end

  defp pop_at_pos([], _index, default, acc), do: {default, :lists.reverse(acc)}
  defp pop_at_pos([h | t], 0, _default, acc), do: {h, :lists.reverse(acc, t)}
  defp pop_at_pos([h | t], index, default, acc), do: pop_at_pos(t, index - 1, default, [h | acc])

  def starts_with?(list, prefix)
  def starts_with?([h | t], [h2 | t2]) when h === h2, do: starts_with?(t, t2)
  def starts_with?(list, []) when is_list(list), do: true
  def starts_with?(list, [_ | _]) when is_list(list), do: false

  def ascii_printable?(list, limit \\ :infinity) when is_list(list) do
    ascii_printable_guarded?(list, limit)
  end

  defp ascii_printable_guarded?(_, 0), do: true

  defp ascii_printable_guarded?([char | rest], counter)
       when is_integer(char) and char >= 32 and char <= 126 do
    ascii_printable_guarded?(rest, decrement(counter))
  end

  defp ascii_printable_guarded?([char | rest], counter) when char in [?\n, ?\r, ?\t, ?\v, ?\b, ?\f, ?\e, ?\d, ?\a] do
    ascii_printable_guarded?(rest, decrement(counter))
  end

  defp ascii_printable_guarded?([], _counter), do: true
  defp ascii_printable_guarded?(_, _counter), do: false

  defp decrement(:infinity), do: :infinity
  defp decrement(counter), do: counter - 1

  def improper?(list) when is_list(list) and length(list) >= 0, do: false
  def improper?(list) when is_list(list), do: true

  # ----- myers_difference ---------------------------------------------------------------
  # Myers' O(ND) algorithm, breadth first: round `d` extends every furthest-reaching path
  # on the diagonals -d, -d+2, ..., d by one deletion (down) or insertion (right), each
  # taken from the neighbouring diagonal whose path went further, then along equal
  # elements. A path is {y, rest1, rest2, edits} with the edits newest first; the first
  # path to use up both lists wins and its edits are grouped into runs.

  def myers_difference(list1, list2) when is_list(list1) and is_list(list2) do
    myers(list1, list2, nil)
  end

  def myers_difference(list1, list2, diff_script)
      when is_list(list1) and is_list(list2) and is_function(diff_script) do
    myers(list1, list2, diff_script)
  end

  defp myers(list1, list2, diff_script), do: myers_round(0, [{0, list1, list2, []}], diff_script)

  defp myers_round(d, paths, diff_script) do
    case myers_diagonals(-d, d, paths, [], diff_script) do
      {:done, edits} -> myers_runs(edits, [])
      {:next, paths} -> myers_round(d + 1, paths, diff_script)
    end
  end

  defp myers_diagonals(k, d, _paths, acc, _diff_script) when k > d, do: {:next, :lists.reverse(acc)}

  defp myers_diagonals(k, d, paths, acc, diff_script) do
    {path, rest} = myers_step(k, d, paths, diff_script)

    case myers_snake(path) do
      {:done, edits} -> {:done, edits}
      {:cont, path} -> myers_diagonals(k + 2, d, rest, [path | acc], diff_script)
    end
  end

  # The path on diagonal k, from the paths of round d - 1 (diagonals k - 1 and k + 1).
  defp myers_step(0, 0, [path], _diff_script), do: {path, []}
  defp myers_step(k, d, [path | _] = paths, diff_script) when k == -d, do: {myers_down(path, diff_script), paths}
  defp myers_step(k, d, [path], diff_script) when k == d, do: {myers_right(path, diff_script), []}

  defp myers_step(_k, _d, [p1, p2 | rest], diff_script) do
    if elem(p1, 0) > elem(p2, 0) do
      {myers_right(p1, diff_script), [p2 | rest]}
    else
      {myers_down(p2, diff_script), [p2 | rest]}
    end
  end

  defp myers_down({y, [e1 | rest1], [e2 | rest2] = list2, edits}, diff_script) when diff_script != nil do
    case diff_script.(e1, e2) do
      falsy when falsy == nil or falsy == false -> {y + 1, rest1, list2, [{:del, e1} | edits]}
      diff -> {y + 1, rest1, rest2, [{:diff, diff} | edits]}
    end
  end

  defp myers_down({y, [e | rest], list2, edits}, _diff_script), do: {y + 1, rest, list2, [{:del, e} | edits]}
  defp myers_down({y, [], list2, edits}, _diff_script), do: {y + 1, [], list2, edits}

  defp myers_right({y, [e1 | rest1] = list1, [e2 | rest2], edits}, diff_script) when diff_script != nil do
    case diff_script.(e1, e2) do
      falsy when falsy == nil or falsy == false -> {y, list1, rest2, [{:ins, e2} | edits]}
      diff -> {y + 1, rest1, rest2, [{:diff, diff} | edits]}
    end
  end

  defp myers_right({y, list1, [e | rest], edits}, _diff_script), do: {y, list1, rest, [{:ins, e} | edits]}
  defp myers_right({y, list1, [], edits}, _diff_script), do: {y, list1, [], edits}

  defp myers_snake({y, [e1 | rest1], [e2 | rest2], edits}) when e1 === e2 do
    myers_snake({y + 1, rest1, rest2, [{:eq, e1} | edits]})
  end

  defp myers_snake({_y, [], [], edits}), do: {:done, edits}
  defp myers_snake(path), do: {:cont, path}

  # Oldest edit first, consecutive edits of a kind in one run; `eq x, ins x, eq y` (an
  # insertion that repeats what precedes it) becomes `ins x, eq x ++ y`.
  defp myers_runs([], acc), do: acc
  defp myers_runs([{:diff, _} = edit | rest], acc), do: myers_runs(rest, [edit | acc])

  defp myers_runs([{kind, e} | rest], [{kind, run} | acc]) when kind != :diff do
    myers_runs(rest, [{kind, [e | run]} | acc])
  end

  defp myers_runs(rest, [{:eq, x}, {:ins, x}, {:eq, other} | acc]) do
    myers_runs(rest, [{:ins, x}, {:eq, x ++ other} | acc])
  end

  defp myers_runs([{kind, e} | rest], acc), do: myers_runs(rest, [{kind, [e]} | acc])
end

# Sorting with an ordering function, and stable sorts by key.
defmodule Beamlet.Sort do
  # Stable sorts through the native :lists.sort/1 on decorated elements: {key, index,
  # element} with ascending indices keeps equal keys in order (ascending); with
  # descending indices and the result reversed, equal keys stay in order too
  # (descending). That is what :lists.sort/2 gives with `<=` and `>=`.
  def desc(list), do: undecorate_reverse(:lists.sort(decorate(list, 0, [])), [])

  def asc_by(list, fun), do: undecorate(:lists.sort(decorate_by(list, fun, 0, 1, [])), [])
  def desc_by(list, fun), do: undecorate_reverse(:lists.sort(decorate_by(list, fun, 0, -1, [])), [])

  defp decorate([], _i, acc), do: acc
  defp decorate([x | rest], i, acc), do: decorate(rest, i - 1, [{x, i} | acc])

  defp decorate_by([], _fun, _i, _step, acc), do: acc
  defp decorate_by([x | rest], fun, i, step, acc), do: decorate_by(rest, fun, i + step, step, [{fun.(x), i, x} | acc])

  # The list sorted ascending, reversed: elements out of their tuples.
  defp undecorate_reverse([], acc), do: acc
  defp undecorate_reverse([{x, _} | rest], acc), do: undecorate_reverse(rest, [x | acc])
  defp undecorate_reverse([{_, _, x} | rest], acc), do: undecorate_reverse(rest, [x | acc])

  defp undecorate([], acc), do: :lists.reverse(acc)
  defp undecorate([{_, _, x} | rest], acc), do: undecorate(rest, [x | acc])

  # A bottom-up merge sort that takes the left element when `fun.(left, right)`: stable
  # for an ordering like `<=`, and equal elements come out reversed for a strict one like
  # `<`, which is what :lists.sort/2 gives for both.
  def sort([], _fun), do: []
  def sort([_] = list, _fun), do: list
  def sort(list, fun), do: merge_passes(singletons(list, []), fun)

  defp singletons([], acc), do: :lists.reverse(acc)
  defp singletons([x | rest], acc), do: singletons(rest, [[x] | acc])

  defp merge_passes([run], _fun), do: run
  defp merge_passes(runs, fun), do: merge_passes(merge_pairs(runs, fun, []), fun)

  defp merge_pairs([a, b | rest], fun, acc), do: merge_pairs(rest, fun, [merge(a, b, fun, []) | acc])
  defp merge_pairs([a], _fun, acc), do: :lists.reverse(acc, [a])
  defp merge_pairs([], _fun, acc), do: :lists.reverse(acc)

  defp merge([x | xs] = left, [y | ys] = right, fun, acc) do
    if fun.(x, y) do
      merge(xs, right, fun, [x | acc])
    else
      merge(left, ys, fun, [y | acc])
    end
  end

  defp merge([], right, _fun, acc), do: :lists.reverse(acc, right)
  defp merge(left, [], _fun, acc), do: :lists.reverse(acc, left)
end
