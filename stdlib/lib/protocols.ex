# The built-in protocols. `defimpl` of user code extends them; Enum keeps fast paths for
# lists, maps and ranges before it reaches Enumerable, and String.Chars converts the
# built-in types natively before it looks for an implementation.

# The protocol API of the two protocols written by hand (String.Chars, Inspect), as
# `defprotocol` generates it for the others (compiler/src/expand/protocols.rs).
defmodule Beamlet.Protocol do
  @moduledoc false

  def impl_for!(protocol, term) do
    case :beamlet.impl_for(protocol, term, false) do
      nil -> raise Protocol.UndefinedError, protocol: protocol, value: term
      impl -> impl
    end
  end

  def info(protocol, _functions, :module), do: protocol
  def info(_protocol, functions, :functions), do: functions
  def info(_protocol, _functions, :consolidated?), do: false
  def info(_protocol, _functions, :impls), do: :not_consolidated
end

defmodule String.Chars do
  def to_string(term) when is_binary(term), do: term

  def to_string(term) when is_atom(term) or is_number(term) or is_list(term) do
    :beamlet.to_string(term)
  end

  def to_string(term), do: impl_for!(term).to_string(term)

  def impl_for(term), do: :beamlet.impl_for(__MODULE__, term, false)
  def impl_for!(term), do: Beamlet.Protocol.impl_for!(__MODULE__, term)
  def __protocol__(key), do: Beamlet.Protocol.info(__MODULE__, [to_string: 1], key)
end

defimpl String.Chars, for: [Atom, BitString, Integer, Float, List] do
  def to_string(term), do: :beamlet.to_string(term)
end

defprotocol List.Chars do
  def to_charlist(term)
end

defimpl List.Chars, for: [Atom, BitString, Integer, Float, List] do
  def to_charlist(term), do: :beamlet.to_charlist(term)
end

defprotocol Enumerable do
  def reduce(enumerable, acc, fun)
  def count(enumerable)
  def member?(enumerable, element)
  def slice(enumerable)
end

defimpl Enumerable, for: List do
  def count(list), do: {:ok, length(list)}
  def member?(list, value), do: {:ok, :lists.member(value, list)}
  def slice(list), do: {:ok, length(list), fn start, amount -> Enum.slice(list, start, amount) end}

  def reduce(_list, {:halt, acc}, _fun), do: {:halted, acc}
  def reduce(list, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(list, &1, fun)}
  def reduce([], {:cont, acc}, _fun), do: {:done, acc}
  def reduce([head | tail], {:cont, acc}, fun), do: reduce(tail, fun.(head, acc), fun)
end

defimpl Enumerable, for: Map do
  def count(map), do: {:ok, map_size(map)}
  def member?(map, {key, value}), do: {:ok, match?(%{^key => ^value}, map)}
  def member?(_map, _other), do: {:ok, false}
  def slice(map), do: Enumerable.List.slice(:maps.to_list(map))
  def reduce(map, acc, fun), do: Enumerable.List.reduce(:maps.to_list(map), acc, fun)
end

defimpl Enumerable, for: Function do
  def count(_function), do: {:error, __MODULE__}
  def member?(_function, _value), do: {:error, __MODULE__}
  def slice(_function), do: {:error, __MODULE__}

  def reduce(function, acc, fun) when is_function(function, 2), do: function.(acc, fun)

  def reduce(function, _acc, _fun) do
    raise Protocol.UndefinedError,
      protocol: Enumerable,
      value: function,
      description: "only anonymous functions of arity 2 are enumerable"
  end
end

defimpl Enumerable, for: Range do
  def count(range), do: {:ok, Range.size(range)}
  def member?(range, value), do: {:ok, Enum.member?(range, value)}
  def slice(range), do: {:ok, Range.size(range), fn start, amount -> Enum.slice(range, start, amount) end}

  def reduce(%{first: first, last: last, step: step}, acc, fun) do
    reduce(first, last, step, acc, fun)
  end

  defp reduce(_first, _last, _step, {:halt, acc}, _fun), do: {:halted, acc}

  defp reduce(first, last, step, {:suspend, acc}, fun) do
    {:suspended, acc, &reduce(first, last, step, &1, fun)}
  end

  defp reduce(first, last, step, {:cont, acc}, fun)
       when (step > 0 and first <= last) or (step < 0 and first >= last) do
    reduce(first + step, last, step, fun.(first, acc), fun)
  end

  defp reduce(_first, _last, _step, {:cont, acc}, _fun), do: {:done, acc}
end

defimpl Enumerable, for: MapSet do
  def count(%{map: map}), do: {:ok, map_size(map)}
  def member?(%{map: map}, value), do: {:ok, :erlang.is_map_key(value, map)}
  def slice(%{map: map}), do: Enumerable.List.slice(:maps.keys(map))
  def reduce(%{map: map}, acc, fun), do: Enumerable.List.reduce(:maps.keys(map), acc, fun)
end

defprotocol Collectable do
  def into(collectable)
end

defimpl Collectable, for: List do
  def into(list) do
    fun = fn
      acc, {:cont, x} -> [x | acc]
      acc, :done -> list ++ :lists.reverse(acc)
      _acc, :halt -> :ok
    end

    {[], fun}
  end
end

defimpl Collectable, for: Map do
  def into(map) do
    fun = fn
      acc, {:cont, {k, v}} -> :maps.put(k, v, acc)
      acc, :done -> acc
      _acc, :halt -> :ok
    end

    {map, fun}
  end
end

defimpl Collectable, for: BitString do
  def into(binary) do
    fun = fn
      acc, {:cont, x} when is_bitstring(x) -> [acc | x]
      acc, :done -> :erlang.iolist_to_binary(acc)
      _acc, :halt -> :ok
    end

    {binary, fun}
  end
end

defimpl Collectable, for: MapSet do
  def into(set) do
    fun = fn
      acc, {:cont, x} -> MapSet.put(acc, x)
      acc, :done -> acc
      _acc, :halt -> :ok
    end

    {set, fun}
  end
end

defmodule Inspect.Opts do
  defstruct base: :decimal,
            binaries: :infer,
            char_lists: :infer,
            charlists: :infer,
            custom_options: [],
            inspect_fun: &Inspect.inspect/2,
            limit: 50,
            pretty: false,
            printable_limit: 4096,
            safe: true,
            structs: true,
            syntax_colors: [],
            width: 80

  def new(opts) when is_list(opts), do: struct(Inspect.Opts, opts)

  @doc false
  def to_list(%Inspect.Opts{} = opts), do: :maps.to_list(:maps.remove(:__struct__, opts))
end

# Inspect: the built-in types (and structs without an implementation) are inspected
# natively; a struct with a user `defimpl Inspect` is rendered by it first, and the
# native inspector puts its text in place (`:beamlet.inspect_impls/1` finds them).
defmodule Inspect do
  def inspect(term, %Inspect.Opts{} = opts), do: __inspect__(term, Inspect.Opts.to_list(opts))

  @doc false
  def __inspect__(term, opts) do
    case :beamlet.inspect_impls(term) do
      [] ->
        :beamlet.inspect(term, opts)

      structs ->
        o = Inspect.Opts.new(opts)
        rendered = for s <- structs, do: {s, render(s, o)}
        :beamlet.inspect(term, [{:__rendered__, rendered} | opts])
    end
  end

  defp render(struct, opts) do
    doc = impl_for!(struct).inspect(struct, opts)
    :erlang.iolist_to_binary(Inspect.Algebra.format(doc, opts.width))
  end

  def impl_for(term), do: :beamlet.impl_for(__MODULE__, term, false)
  def impl_for!(term), do: Beamlet.Protocol.impl_for!(__MODULE__, term)
  def __protocol__(key), do: Beamlet.Protocol.info(__MODULE__, [inspect: 2], key)
end

# Inspect.Algebra for user `Inspect` implementations. Documents are flat: a document is
# text (iodata), so `group`, `nest` and breaks do not lay out at the width; a break is
# its text. Enough for implementations that build a line.
defmodule Inspect.Algebra do
  def empty, do: ""
  def string(s) when is_binary(s), do: s
  def concat(docs) when is_list(docs), do: docs
  def concat(a, b), do: [a, b]
  def to_doc(term, %Inspect.Opts{} = opts), do: Inspect.inspect(term, opts)
  def break, do: " "
  def break(s) when is_binary(s), do: s
  def flex_break, do: " "
  def flex_break(s) when is_binary(s), do: s
  def glue(a, b), do: [a, " ", b]
  def glue(a, s, b) when is_binary(s), do: [a, s, b]
  def flex_glue(a, b), do: [a, " ", b]
  def flex_glue(a, s, b) when is_binary(s), do: [a, s, b]
  def space(a, b), do: [a, " ", b]
  def line, do: "\n"
  def line(a, b), do: [a, "\n", b]
  def nest(doc, _level), do: doc
  def nest(doc, _level, _mode), do: doc
  def group(doc), do: doc
  def group(doc, _mode), do: doc
  def color(doc, _key, _opts), do: doc
  def collapse_lines(_max), do: ""
  def force_unfit(doc), do: doc
  def next_break_fits(doc), do: doc
  def next_break_fits(doc, _mode), do: doc

  def fold_doc([], _fun), do: ""
  def fold_doc([doc], _fun), do: doc
  def fold_doc([doc | docs], fun), do: fun.(doc, fold_doc(docs, fun))

  def container_doc(left, collection, right, %Inspect.Opts{} = opts, fun, options \\ []) do
    separator = Keyword.get(options, :separator, ",")
    docs = Enum.map(collection, fn x -> fun.(x, opts) end)
    [left, Enum.intersperse(docs, [separator, " "]), right]
  end

  def format(doc, _width), do: doc
end
