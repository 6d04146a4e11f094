# Lazy enumerables. Each stage is a pull iterator: a function that answers `:next` with
# `{element, next_iterator}` or `:done`, and `:close` (the consumer stops early) by
# closing what it reads from (so `Stream.resource/3` runs its `after` function once,
# however the enumeration ends). Iterators are values: asking `:next` twice gives the
# same answer, so zipping and suspending need no bookkeeping.
#
# `Stream.map/filter/take/...` return `%Stream{}` (Enumerable through `Stream.Iter`);
# `iterate/unfold/cycle/repeatedly/resource` return functions of arity 2, as in Elixir,
# that reduce like any Enumerable function and hand their iterator to other stages.
defmodule Stream.Iter do
  @moduledoc false

  # ----- sources ------------------------------------------------------------------------

  def from(%{__struct__: Stream, make: make}), do: make.()
  def from(list) when is_list(list), do: list(list)

  def from(%{__struct__: Range, first: first, last: last, step: step}), do: range(first, last, step)

  def from(fun) when is_function(fun, 2) do
    case :erlang.fun_info(fun, :module) do
      {:module, Stream} -> fun.({:__iter__, nil}, nil).()
      _ -> suspending(fun)
    end
  end

  def from(enumerable), do: suspending(enumerable)

  def list(list) do
    fn
      :next ->
        case list do
          [h | t] -> {h, list(t)}
          [] -> :done
        end

      :close ->
        :ok
    end
  end

  defp range(first, last, step) do
    fn
      :next ->
        if (step > 0 and first <= last) or (step < 0 and first >= last) do
          {first, range(first + step, last, step)}
        else
          :done
        end

      :close ->
        :ok
    end
  end

  # Any Enumerable, one element at a time through its reduce's `:suspend`.
  defp suspending(enumerable) do
    fn
      :next -> resumed(Enumerable.reduce(enumerable, {:cont, nil}, &suspend/2))
      :close -> :ok
    end
  end

  defp suspend(x, _acc), do: {:suspend, x}

  defp resumed({:suspended, x, cont}), do: {x, continuation(cont)}
  defp resumed({_done_or_halted, _acc}), do: :done

  defp continuation(cont) do
    fn
      :next ->
        resumed(cont.({:cont, nil}))

      :close ->
        cont.({:halt, nil})
        :ok
    end
  end

  # Emits `items`, then what `rest` emits.
  def pending([], rest), do: rest

  def pending(items, rest) do
    fn
      :next ->
        case items do
          [h | t] -> {h, pending(t, rest)}
          [] -> rest.(:next)
        end

      :close ->
        rest.(:close)
    end
  end

  def empty do
    fn
      :next -> :done
      :close -> :ok
    end
  end

  # ----- consuming ----------------------------------------------------------------------

  # Enumerable's reduce over an iterator.
  def reduce(it, {:halt, acc}, _fun) do
    it.(:close)
    {:halted, acc}
  end

  def reduce(it, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(it, &1, fun)}

  def reduce(it, {:cont, acc}, fun) do
    case it.(:next) do
      {x, it} -> reduce(it, fun.(x, acc), fun)
      :done -> {:done, acc}
    end
  end


  # ----- stages ---------------------------------------------------------------------------

  # A stage whose `:next` is `step.(it)` and whose `:close` closes `it`.
  def stage(it, step) do
    fn
      :next -> step.(it)
      :close -> it.(:close)
    end
  end

  def map(it, f) do
    stage(it, fn it ->
      case it.(:next) do
        {x, it} -> {f.(x), map(it, f)}
        :done -> :done
      end
    end)
  end

  # The first `n` elements: the source is closed, not read, after the last one.
  def take(it, 0) do
    fn
      :next ->
        it.(:close)
        :done

      :close ->
        it.(:close)
    end
  end

  def take(it, n) do
    stage(it, fn it ->
      case it.(:next) do
        {x, it} -> {x, take(it, n - 1)}
        :done -> :done
      end
    end)
  end

  def filter(it, keep?) do
    stage(it, fn it -> filter_next(it, keep?) end)
  end

  defp filter_next(it, keep?) do
    case it.(:next) do
      {x, it} -> if keep?.(x), do: {x, filter(it, keep?)}, else: filter_next(it, keep?)
      :done -> :done
    end
  end

  # `reducer.(x, state)` gives `{items, state}` (emitted in order) or `{:halt, state}`;
  # `last.(state)` gives the items emitted at the end (`{items, state}`), `after_fun`
  # runs once, however the enumeration ends.
  def transform(it, state, reducer, last, after_fun) do
    fn
      :next ->
        case it.(:next) do
          {x, it} ->
            case reducer.(x, state) do
              {:halt, state} ->
                it.(:close)
                finish(state, last, after_fun).(:next)

              {items, state} ->
                pending(to_list(items), transform(it, state, reducer, last, after_fun)).(:next)
            end

          :done ->
            finish(state, last, after_fun).(:next)
        end

      :close ->
        it.(:close)
        after_fun.(state)
        :ok
    end
  end

  defp finish(state, nil, after_fun) do
    after_fun.(state)
    empty()
  end

  defp finish(state, last, after_fun) do
    {items, state} = last.(state)
    after_fun.(state)
    pending(to_list(items), empty())
  end

  defp to_list(items) when is_list(items), do: items
  defp to_list(items), do: Enum.to_list(items)

  def flat_map(it, f) do
    stage(it, fn it ->
      case it.(:next) do
        {x, it} -> concat(from(f.(x)), flat_map(it, f)).(:next)
        :done -> :done
      end
    end)
  end

  # The elements of `first`, then those of `rest`.
  def concat(first, rest) do
    fn
      :next ->
        case first.(:next) do
          {x, first} -> {x, concat(first, rest)}
          :done -> rest.(:next)
        end

      :close ->
        first.(:close)
        rest.(:close)
    end
  end

  # Tuples of one element of each iterator, until one ends.
  def zip(its) do
    fn
      :next ->
        case zip_next(its, [], []) do
          {xs, its} -> {:erlang.list_to_tuple(xs), zip(its)}
          :done -> :done
        end

      :close ->
        close_all(its)
    end
  end

  defp close_all([]), do: :ok

  defp close_all([it | rest]) do
    it.(:close)
    close_all(rest)
  end

  defp zip_next([], xs, its), do: {:lists.reverse(xs), :lists.reverse(its)}

  defp zip_next([it | rest], xs, its) do
    case it.(:next) do
      {x, it} ->
        zip_next(rest, [x | xs], [it | its])

      :done ->
        close_all(its ++ rest)
        :done
    end
  end
end

defmodule Stream do
  defstruct [:make]

  alias Stream.Iter

  defp lazy(make), do: %Stream{make: make}

  # A function of arity 2 that reduces like an Enumerable function and hands its
  # iterator to other stages.
  defp source(make) do
    fn
      {:__iter__, _}, _ -> make
      acc, fun -> Iter.reduce(make.(), acc, fun)
    end
  end

  # ----- sources --------------------------------------------------------------------------

  def iterate(start, next) when is_function(next, 1), do: source(fn -> iterate_iter(start, next) end)

  defp iterate_iter(x, next) do
    fn
      :next -> {x, iterate_after(x, next)}
      :close -> :ok
    end
  end

  defp iterate_after(x, next) do
    fn
      :next -> iterate_iter(next.(x), next).(:next)
      :close -> :ok
    end
  end

  def unfold(acc, next) when is_function(next, 1), do: source(fn -> unfold_iter(acc, next) end)

  defp unfold_iter(acc, next) do
    fn
      :next ->
        case next.(acc) do
          nil -> :done
          {x, acc} -> {x, unfold_iter(acc, next)}
        end

      :close ->
        :ok
    end
  end

  def repeatedly(generator) when is_function(generator, 0) do
    source(fn -> repeat_iter(generator) end)
  end

  defp repeat_iter(generator) do
    fn
      :next -> {generator.(), repeat_iter(generator)}
      :close -> :ok
    end
  end

  def cycle(enumerable) do
    if is_list(enumerable) and enumerable == [] do
      raise ArgumentError, "cannot cycle over an empty enumerable"
    end

    source(fn -> cycle_iter(enumerable, Iter.from(enumerable), false) end)
  end

  defp cycle_iter(enumerable, it, seen?) do
    fn
      :next ->
        case it.(:next) do
          {x, it} ->
            {x, cycle_iter(enumerable, it, true)}

          :done when seen? ->
            cycle_iter(enumerable, Iter.from(enumerable), false).(:next)

          :done ->
            raise ArgumentError, "cannot cycle over an empty enumerable"
        end

      :close ->
        it.(:close)
    end
  end

  def resource(start_fun, next_fun, after_fun) do
    source(fn -> resource_iter(start_fun.(), next_fun, after_fun) end)
  end

  defp resource_iter(state, next_fun, after_fun) do
    fn
      :next ->
        case next_fun.(state) do
          {:halt, state} ->
            after_fun.(state)
            :done

          {items, state} ->
            Iter.pending(Enum.to_list(items), resource_iter(state, next_fun, after_fun)).(:next)
        end

      :close ->
        after_fun.(state)
        :ok
    end
  end

  def duplicate(value, n) when is_integer(n) and n >= 0 do
    take(repeatedly(fn -> value end), n)
  end

  # ----- stages ---------------------------------------------------------------------------

  def map(enumerable, f) when is_function(f, 1), do: lazy(fn -> Iter.map(Iter.from(enumerable), f) end)

  def filter(enumerable, f) when is_function(f, 1) do
    lazy(fn -> Iter.filter(Iter.from(enumerable), fn x -> truthy(f.(x)) end) end)
  end

  def reject(enumerable, f) when is_function(f, 1) do
    lazy(fn -> Iter.filter(Iter.from(enumerable), fn x -> not truthy(f.(x)) end) end)
  end

  defp truthy(v), do: if(v, do: true, else: false)

  def flat_map(enumerable, f) when is_function(f, 1) do
    lazy(fn -> Iter.flat_map(Iter.from(enumerable), f) end)
  end

  def each(enumerable, f) when is_function(f, 1) do
    map(enumerable, fn x ->
      f.(x)
      x
    end)
  end

  def transform(enumerable, acc, reducer) when is_function(reducer, 2) do
    transform(enumerable, fn -> acc end, reducer, nil, fn _ -> :ok end)
  end

  def transform(enumerable, start_fun, reducer, after_fun) do
    transform(enumerable, start_fun, reducer, nil, after_fun)
  end

  def transform(enumerable, start_fun, reducer, last_fun, after_fun) do
    lazy(fn ->
      Iter.transform(Iter.from(enumerable), start_fun.(), reducer, last_fun, after_fun)
    end)
  end

  def take(enumerable, n) when is_integer(n) and n >= 0 do
    lazy(fn -> Iter.take(Iter.from(enumerable), n) end)
  end

  def take(enumerable, n) when is_integer(n) and n < 0 do
    lazy(fn -> Iter.from(Enum.take(enumerable, n)) end)
  end

  def take_every(enumerable, 0), do: take(enumerable, 0)

  def take_every(enumerable, n) when is_integer(n) and n > 0 do
    transform(enumerable, 0, fn x, i -> {if(rem(i, n) == 0, do: [x], else: []), i + 1} end)
  end

  def take_while(enumerable, f) when is_function(f, 1) do
    transform(enumerable, nil, fn x, acc ->
      if truthy(f.(x)), do: {[x], acc}, else: {:halt, acc}
    end)
  end

  def drop(enumerable, n) when is_integer(n) and n >= 0 do
    transform(enumerable, n, fn
      x, 0 -> {[x], 0}
      _x, k -> {[], k - 1}
    end)
  end

  def drop(enumerable, n) when is_integer(n) and n < 0 do
    # Keep a window of the last -n elements: an element leaves it when it is emitted.
    keep = -n

    transform(enumerable, {[], 0}, fn x, {window, size} ->
      window = window ++ [x]

      if size == keep do
        [first | rest] = window
        {[first], {rest, size}}
      else
        {[], {window, size + 1}}
      end
    end)
  end

  def drop_every(enumerable, 0), do: map(enumerable, & &1)

  def drop_every(enumerable, n) when is_integer(n) and n > 0 do
    transform(enumerable, 0, fn x, i -> {if(rem(i, n) == 0, do: [], else: [x]), i + 1} end)
  end

  def drop_while(enumerable, f) when is_function(f, 1) do
    transform(enumerable, true, fn
      x, true -> if truthy(f.(x)), do: {[], true}, else: {[x], false}
      x, false -> {[x], false}
    end)
  end

  def with_index(enumerable, offset \\ 0) when is_integer(offset) do
    transform(enumerable, offset, fn x, i -> {[{x, i}], i + 1} end)
  end

  def map_every(enumerable, 0, _f), do: map(enumerable, & &1)

  def map_every(enumerable, n, f) when is_integer(n) and n > 0 do
    transform(enumerable, 0, fn x, i -> {[if(rem(i, n) == 0, do: f.(x), else: x)], i + 1} end)
  end

  def intersperse(enumerable, separator) do
    transform(enumerable, false, fn
      x, false -> {[x], true}
      x, true -> {[separator, x], true}
    end)
  end

  def scan(enumerable, f) when is_function(f, 2) do
    transform(enumerable, :first, fn
      x, :first -> {[x], {:acc, x}}
      x, {:acc, acc} ->
        acc = f.(x, acc)
        {[acc], {:acc, acc}}
    end)
  end

  def scan(enumerable, acc, f) when is_function(f, 2) do
    transform(enumerable, acc, fn x, acc ->
      acc = f.(x, acc)
      {[acc], acc}
    end)
  end

  def dedup(enumerable), do: dedup_by(enumerable, fn x -> x end)

  def dedup_by(enumerable, f) when is_function(f, 1) do
    transform(enumerable, :none, fn x, prev ->
      key = f.(x)
      if prev == {:key, key}, do: {[], prev}, else: {[x], {:key, key}}
    end)
  end

  def uniq(enumerable), do: uniq_by(enumerable, fn x -> x end)

  def uniq_by(enumerable, f) when is_function(f, 1) do
    transform(enumerable, %{}, fn x, seen ->
      key = f.(x)
      if :erlang.is_map_key(key, seen), do: {[], seen}, else: {[x], :maps.put(key, true, seen)}
    end)
  end

  def chunk_every(enumerable, count), do: chunk_every(enumerable, count, count, [])

  def chunk_every(enumerable, count, step, leftover \\ [])
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    # The buffer holds the elements of the chunks in progress, newest first.
    lazy(fn ->
      Iter.transform(
        Iter.from(enumerable),
        {[], 0, 0},
        fn x, {buf, size, skip} ->
          cond do
            skip > 0 ->
              {[], {buf, size, skip - 1}}

            size + 1 == count ->
              chunk = :lists.reverse([x | buf])
              keep = if step < count, do: Enum.take([x | buf], count - step), else: []
              {[chunk], {keep, length(keep), max(step - count, 0)}}

            true ->
              {[], {[x | buf], size + 1, 0}}
          end
        end,
        fn
          {[], _, _} = state ->
            {[], state}

          {buf, size, skip} = state ->
            cond do
              leftover == :discard ->
                {[], state}

              true ->
                chunk = :lists.reverse(buf) ++ Enum.take(leftover, count - size)
                {[chunk], {[], 0, skip}}
            end
        end,
        fn _ -> :ok end
      )
    end)
  end

  def chunk_by(enumerable, f) when is_function(f, 1) do
    chunk_while(
      enumerable,
      :none,
      fn
        x, :none ->
          {:cont, {f.(x), [x]}}

        x, {key, items} ->
          k = f.(x)
          if k == key, do: {:cont, {key, [x | items]}}, else: {:cont, :lists.reverse(items), {k, [x]}}
      end,
      fn
        :none -> {:cont, :none}
        {_key, items} -> {:cont, :lists.reverse(items), :none}
      end
    )
  end

  def chunk_while(enumerable, acc, chunk_fun, after_fun) do
    lazy(fn ->
      Iter.transform(
        Iter.from(enumerable),
        acc,
        fn x, acc ->
          case chunk_fun.(x, acc) do
            {:cont, chunk, acc} -> {[chunk], acc}
            {:cont, acc} -> {[], acc}
            {:halt, acc} -> {:halt, acc}
          end
        end,
        fn acc ->
          case after_fun.(acc) do
            {:cont, chunk, acc} -> {[chunk], acc}
            {:cont, acc} -> {[], acc}
          end
        end,
        fn _ -> :ok end
      )
    end)
  end

  def concat(enumerables) do
    flat_map(enumerables, fn e -> e end)
  end

  def concat(first, second), do: concat([first, second])

  def zip(left, right), do: zip([left, right])

  def zip(enumerables) do
    lazy(fn -> Iter.zip(Enum.map(enumerables, &Iter.from/1)) end)
  end

  def zip_with(left, right, f) when is_function(f, 2) do
    map(zip(left, right), fn {a, b} -> f.(a, b) end)
  end

  def zip_with(enumerables, f) when is_function(f, 1) do
    map(zip(enumerables), fn tuple -> f.(:erlang.tuple_to_list(tuple)) end)
  end

  def into(enumerable, collectable, transform \\ fn x -> x end) do
    lazy(fn ->
      {initial, collector} = Collectable.into(collectable)

      Iter.transform(
        Iter.from(enumerable),
        initial,
        fn x, acc -> {[x], collector.(acc, {:cont, transform.(x)})} end,
        fn acc -> {[], collector.(acc, :done)} end,
        fn _ -> :ok end
      )
    end)
  end

  def run(enumerable) do
    Iter.reduce(Iter.from(enumerable), {:cont, nil}, fn _, _ -> {:cont, nil} end)
    :ok
  end
end

defimpl Enumerable, for: Stream do
  def reduce(%Stream{make: make}, acc, fun), do: Stream.Iter.reduce(make.(), acc, fun)
  def count(_stream), do: {:error, __MODULE__}
  def member?(_stream, _value), do: {:error, __MODULE__}
  def slice(_stream), do: {:error, __MODULE__}
end
