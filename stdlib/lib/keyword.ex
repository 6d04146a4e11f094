defmodule Keyword do
  def new, do: []

  def new(pairs), do: new_from(Enum.to_list(pairs), [])

  def new(pairs, transform) when is_function(transform, 1) do
    new_from(Enum.map(pairs, transform), [])
  end

  defp new_from([], acc), do: :lists.reverse(acc)

  defp new_from([{key, value} | rest], acc) when is_atom(key) do
    new_from(rest, [{key, value} | delete(acc, key)])
  end

  def keyword?([{key, _value} | rest]) when is_atom(key), do: keyword?(rest)
  def keyword?([]), do: true
  def keyword?(_other), do: false

  def get(keywords, key, default \\ nil) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {_, value} -> value
      false -> default
    end
  end

  def get_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case :lists.keyfind(key, 1, keywords) do
      {_, value} -> value
      false -> fun.()
    end
  end

  def get_values(keywords, key) when is_list(keywords) and is_atom(key) do
    get_values_acc(keywords, key)
  end

  defp get_values_acc([], _key), do: []
  defp get_values_acc([{k, v} | rest], key) when k === key, do: [v | get_values_acc(rest, key)]
  defp get_values_acc([_ | rest], key), do: get_values_acc(rest, key)

  def fetch(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {_, value} -> {:ok, value}
      false -> :error
    end
  end

  def fetch!(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {_, value} -> value
      false -> raise KeyError, key: key, term: keywords
    end
  end

  def has_key?(keywords, key) when is_list(keywords) and is_atom(key) do
    :lists.keymember(key, 1, keywords)
  end

  def keys(keywords) when is_list(keywords), do: keys_of(keywords)

  defp keys_of([]), do: []
  defp keys_of([{k, _} | rest]) when is_atom(k), do: [k | keys_of(rest)]

  def values(keywords) when is_list(keywords), do: values_of(keywords)

  defp values_of([]), do: []
  defp values_of([{k, v} | rest]) when is_atom(k), do: [v | values_of(rest)]

  def delete(keywords, key) when is_list(keywords) and is_atom(key) do
    if :lists.keymember(key, 1, keywords), do: delete_key(keywords, key), else: keywords
  end

  defp delete_key([], _key), do: []
  defp delete_key([{k, _} | rest], key) when k === key, do: delete_key(rest, key)
  defp delete_key([pair | rest], key), do: [pair | delete_key(rest, key)]

  def delete_first(keywords, key) when is_list(keywords) and is_atom(key) do
    List.keydelete(keywords, key, 0)
  end

  def put(keywords, key, value) when is_list(keywords) and is_atom(key) do
    [{key, value} | delete(keywords, key)]
  end

  def put_new(keywords, key, value) when is_list(keywords) and is_atom(key) do
    if :lists.keymember(key, 1, keywords), do: keywords, else: [{key, value} | keywords]
  end

  def put_new_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    if :lists.keymember(key, 1, keywords), do: keywords, else: [{key, fun.()} | keywords]
  end

  def replace(keywords, key, value) when is_list(keywords) and is_atom(key) do
    replace_first(keywords, key, value, keywords, false)
  end

  def replace!(keywords, key, value) when is_list(keywords) and is_atom(key) do
    replace_first(keywords, key, value, keywords, true)
  end

  defp replace_first([{k, _} | rest], key, value, _original, _strict) when k === key do
    [{key, value} | delete(rest, key)]
  end

  defp replace_first([pair | rest], key, value, original, strict) do
    [pair | replace_first(rest, key, value, original, strict)]
  end

  defp replace_first([], key, _value, original, true), do: raise(KeyError, key: key, term: original)
  defp replace_first([], _key, _value, _original, false), do: []

  def update(keywords, key, default, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    update_acc(keywords, key, default, fun)
  end

  defp update_acc([{k, current} | rest], key, _default, fun) when k === key do
    [{key, fun.(current)} | delete(rest, key)]
  end

  defp update_acc([pair | rest], key, default, fun), do: [pair | update_acc(rest, key, default, fun)]
  defp update_acc([], key, default, _fun), do: [{key, default}]

  def update!(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    update_strict(keywords, key, fun, keywords)
  end

  defp update_strict([{k, current} | rest], key, fun, _original) when k === key do
    [{key, fun.(current)} | delete(rest, key)]
  end

  defp update_strict([pair | rest], key, fun, original), do: [pair | update_strict(rest, key, fun, original)]
  defp update_strict([], key, _fun, original), do: raise(KeyError, key: key, term: original)

  def pop(keywords, key, default \\ nil) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {default, keywords}
    end
  end

  def pop!(keywords, key) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> raise KeyError, key: key, term: keywords
    end
  end

  def pop_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {fun.(), keywords}
    end
  end

  def pop_first(keywords, key, default \\ nil) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {_, value} -> {value, List.keydelete(keywords, key, 0)}
      false -> {default, keywords}
    end
  end

  def pop_values(keywords, key) when is_list(keywords) and is_atom(key) do
    {get_values(keywords, key), delete(keywords, key)}
  end

  def merge(keywords1, keywords2) when is_list(keywords1) and is_list(keywords2) do
    if keyword?(keywords2) do
      merge_filter(keywords1, keywords2, keywords1) ++ keywords2
    else
      raise ArgumentError, "expected a keyword list as the second argument, got: " <> inspect(keywords2)
    end
  end

  defp merge_filter([], _keywords2, _original), do: []

  defp merge_filter([{key, _} = pair | rest], keywords2, original) when is_atom(key) do
    if :lists.keymember(key, 1, keywords2) do
      merge_filter(rest, keywords2, original)
    else
      [pair | merge_filter(rest, keywords2, original)]
    end
  end

  defp merge_filter(_, _keywords2, original) do
    raise ArgumentError, "expected a keyword list as the first argument, got: " <> inspect(original)
  end

  def merge(keywords1, keywords2, fun)
      when is_list(keywords1) and is_list(keywords2) and is_function(fun, 3) do
    if keyword?(keywords1) do
      merge_with(keywords2, [], keywords1, keywords1, fun, keywords2)
    else
      raise ArgumentError, "expected a keyword list as the first argument, got: " <> inspect(keywords1)
    end
  end

  defp merge_with([{key, value2} | tail], acc, rest, original, fun, keywords2) when is_atom(key) do
    case :lists.keyfind(key, 1, original) do
      {_, value1} ->
        acc = [{key, fun.(key, value1, value2)} | acc]
        original = List.keydelete(original, key, 0)
        merge_with(tail, acc, delete(rest, key), original, fun, keywords2)

      false ->
        merge_with(tail, [{key, value2} | acc], rest, original, fun, keywords2)
    end
  end

  defp merge_with([], acc, rest, _original, _fun, _keywords2), do: rest ++ :lists.reverse(acc)

  defp merge_with(_other, _acc, _rest, _original, _fun, keywords2) do
    raise ArgumentError, "expected a keyword list as the second argument, got: " <> inspect(keywords2)
  end

  def take(keywords, keys) when is_list(keywords) and is_list(keys) do
    Enum.filter(keywords, fn {k, _} -> :lists.member(k, keys) end)
  end

  def drop(keywords, keys) when is_list(keywords) and is_list(keys) do
    Enum.filter(keywords, fn {k, _} -> not :lists.member(k, keys) end)
  end

  def split(keywords, keys) when is_list(keywords) and is_list(keys) do
    {inc, exc} = split_acc(keywords, keys, [], [])
    {:lists.reverse(inc), :lists.reverse(exc)}
  end

  defp split_acc([], _keys, inc, exc), do: {inc, exc}

  defp split_acc([{k, _} = pair | rest], keys, inc, exc) do
    if :lists.member(k, keys) do
      split_acc(rest, keys, [pair | inc], exc)
    else
      split_acc(rest, keys, inc, [pair | exc])
    end
  end

  def filter(keywords, fun) when is_list(keywords) and is_function(fun, 1) do
    Enum.filter(keywords, fun)
  end

  def reject(keywords, fun) when is_list(keywords) and is_function(fun, 1) do
    Enum.reject(keywords, fun)
  end

  def map(keywords, fun) when is_list(keywords) and is_function(fun, 1) do
    Enum.map(keywords, fn {k, _} = pair -> {k, fun.(pair)} end)
  end

  def equal?(left, right) when is_list(left) and is_list(right) do
    :lists.sort(left) == :lists.sort(right)
  end

  def to_list(keywords) when is_list(keywords), do: keywords

  def from_keys(keys, value) when is_list(keys), do: Enum.map(keys, fn key when is_atom(key) -> {key, value} end)

  def replace_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    replace_lazy_acc(keywords, key, fun)
  end

  defp replace_lazy_acc([{k, value} | rest], key, fun) when k === key do
    [{key, fun.(value)} | delete(rest, key)]
  end

  defp replace_lazy_acc([pair | rest], key, fun), do: [pair | replace_lazy_acc(rest, key, fun)]
  defp replace_lazy_acc([], _key, _fun), do: []

  def validate(keywords, values) when is_list(keywords) and is_list(values) do
    allowed = Enum.map(values, fn {key, _default} -> key; key -> key end)
    {acc, seen, bad} = validate_pairs(keywords, allowed, [], [], [])

    case bad do
      [] ->
        defaults =
          Enum.reduce(values, acc, fn
            {key, default}, acc -> if :lists.member(key, seen), do: acc, else: [{key, default} | acc]
            _key, acc -> acc
          end)

        {:ok, defaults}

      _ ->
        {:error, bad}
    end
  end

  defp validate_pairs([], _allowed, acc, seen, bad), do: {acc, seen, bad}

  defp validate_pairs([{key, _} = pair | rest], allowed, acc, seen, bad) when is_atom(key) do
    if :lists.member(key, allowed) and not :lists.member(key, seen) do
      validate_pairs(rest, allowed, [pair | acc], [key | seen], bad)
    else
      validate_pairs(rest, allowed, acc, seen, [key | bad])
    end
  end

  def validate!(keywords, values) do
    case validate(keywords, values) do
      {:ok, keywords} ->
        keywords

      {:error, bad} ->
        allowed = Enum.map(values, fn {key, _default} -> key; key -> key end)

        raise ArgumentError,
              "unknown keys " <> inspect(bad) <> " in " <> inspect(keywords) <>
                ", the allowed keys are: " <> inspect(allowed)
    end
  end

  def get_and_update(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    get_and_update_acc(keywords, [], key, fun)
  end

  defp get_and_update_acc([{k, current} | t], acc, key, fun) when k === key do
    case fun.(current) do
      {get, value} -> {get, :lists.reverse(acc, [{key, value} | t])}
      :pop -> {current, :lists.reverse(acc, t)}
      other -> raise "the given function must return a two-element tuple or :pop, got: " <> inspect(other)
    end
  end

  defp get_and_update_acc([{_, _} = h | t], acc, key, fun), do: get_and_update_acc(t, [h | acc], key, fun)

  defp get_and_update_acc([], acc, key, fun) do
    case fun.(nil) do
      {get, update} -> {get, [{key, update} | :lists.reverse(acc)]}
      :pop -> {nil, :lists.reverse(acc)}
      other -> raise "the given function must return a two-element tuple or :pop, got: " <> inspect(other)
    end
  end

  def get_and_update!(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    if :lists.keymember(key, 1, keywords) do
      get_and_update(keywords, key, fun)
    else
      raise KeyError, key: key, term: keywords
    end
  end
end
