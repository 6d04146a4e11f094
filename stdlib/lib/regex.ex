# Regex: a struct of source and modifiers; the natives (vm/src/natives/regex.rs) compile
# and cache it and report matches as byte offsets, from which this module cuts the
# binaries Elixir returns.
defmodule Regex do
  defstruct re_pattern: nil, source: "", opts: "", re_version: ""

  def compile(source, opts \\ "")

  def compile(source, opts) when is_binary(source) and is_binary(opts) do
    case invalid_option(opts) || :beamlet.re_compile(source, opts) do
      :ok ->
        {:ok,
         %Regex{
           re_pattern: {:re_pattern, source, opts},
           source: source,
           opts: opts,
           re_version: {"8.44 2020-02-12", :little}
         }}

      {:error, reason} ->
        {:error, reason}
    end
  end

  # Elixir's modifiers; the rest of the string from the first other one is the error.
  defp invalid_option(<<c, rest::binary>>) when c in 'uixfUsm', do: invalid_option(rest)
  defp invalid_option(""), do: nil
  defp invalid_option(rest), do: {:error, {:invalid_option, rest}}

  # Options as a list (`[:caseless]`) are kept as given, as Elixir keeps them (and
  # inspects the regex as `Regex.compile!(source, options)`).
  def compile(source, opts) when is_binary(source) and is_list(opts) do
    case compile(source, flags(opts)) do
      {:ok, regex} -> {:ok, %{regex | opts: opts, re_pattern: {:re_pattern, source, flags(opts)}}}
      error -> error
    end
  end

  @doc false
  def flags(opts) when is_binary(opts), do: opts
  def flags(opts) when is_list(opts), do: :erlang.iolist_to_binary(Enum.map(opts, &option_letter/1))

  defp option_letter(:unicode), do: "u"
  defp option_letter(:caseless), do: "i"
  defp option_letter(:dotall), do: "s"
  defp option_letter(:multiline), do: "m"
  defp option_letter(:extended), do: "x"
  defp option_letter(:ungreedy), do: "U"
  defp option_letter(:firstline), do: "f"
  defp option_letter(_), do: ""

  def compile!(source, opts \\ "") when is_binary(source) do
    case compile(source, opts) do
      {:ok, regex} -> regex
      {:error, {message, position}} -> raise Regex.CompileError, "#{message} at position #{position}"
    end
  end

  def regex?(term), do: is_map(term) and :erlang.is_map_key(:__struct__, term) and term.__struct__ == Regex

  def source(%Regex{source: source}), do: source
  def opts(%Regex{opts: opts}), do: opts
  def version, do: {"8.44 2020-02-12", :little}

  def names(%Regex{source: source, opts: opts}) do
    for {name, _index} <- :beamlet.re_names(source, flags(opts)), do: name
  end

  def match?(%Regex{source: source, opts: opts}, string) when is_binary(string) do
    :beamlet.re_run(source, flags(opts), string, 0, false) != []
  end

  def run(regex, string, options \\ [])

  def run(%Regex{source: source, opts: opts} = regex, string, options) when is_binary(string) do
    offset = Keyword.get(options, :offset, 0)

    case :beamlet.re_run(source, flags(opts), string, offset, false) do
      [] -> nil
      [groups] -> captures(regex, string, groups, options)
    end
  end

  def scan(regex, string, options \\ [])

  def scan(%Regex{source: source, opts: opts} = regex, string, options) when is_binary(string) do
    offset = Keyword.get(options, :offset, 0)

    for groups <- :beamlet.re_run(source, flags(opts), string, offset, true),
        do: captures(regex, string, groups, options)
  end

  def named_captures(%Regex{} = regex, string, options \\ []) when is_binary(string) do
    names = names(regex)

    case run(regex, string, [capture: names] ++ options) do
      nil -> nil
      values -> :maps.from_list(Enum.zip(names, values))
    end
  end

  # The groups of one match as `run/3` returns them for the `:capture` and `:return`
  # options: trailing groups that did not take part are left out (as `:re` does) unless
  # named or listed; a group that did not take part is "" (or {-1, 0}).
  defp captures(regex, string, groups, options) do
    selected =
      case Keyword.get(options, :capture, :all) do
        :all -> drop_unset_tail(groups)
        :first -> [hd(groups)]
        :all_but_first -> drop_unset_tail(tl(groups))
        :none -> []
        :all_names -> by_name(regex, groups, names(regex))
        names when is_list(names) -> by_name(regex, groups, names)
      end

    case Keyword.get(options, :return, :binary) do
      :index -> selected
      _ -> Enum.map(selected, fn {start, len} -> part(string, start, len) end)
    end
  end

  defp drop_unset_tail(groups) do
    :lists.reverse(drop_unset(:lists.reverse(groups)))
  end

  defp drop_unset([{-1, 0} | rest]), do: drop_unset(rest)
  defp drop_unset(rest), do: rest

  defp by_name(%Regex{source: source, opts: opts}, groups, names) do
    index = :maps.from_list(:beamlet.re_names(source, flags(opts)))

    Enum.map(names, fn name ->
      case index do
        %{^name => i} -> Enum.at(groups, i)
        _ -> {-1, 0}
      end
    end)
  end

  defp part(_string, -1, 0), do: ""
  defp part(string, start, len), do: :binary.part(string, start, len)

  def replace(%Regex{source: source, opts: opts}, string, replacement, options \\ [])
      when is_binary(string) do
    global = Keyword.get(options, :global, true)
    matches = :beamlet.re_run(source, flags(opts), string, 0, global)
    replace_matches(string, 0, matches, replacement, [])
  end

  defp replace_matches(string, pos, [], _replacement, acc) do
    rest = binary_part(string, pos, byte_size(string) - pos)
    :erlang.iolist_to_binary(:lists.reverse([rest | acc]))
  end

  defp replace_matches(string, pos, [groups | more], replacement, acc) do
    [{start, len} | _] = groups
    before = binary_part(string, pos, start - pos)
    values = Enum.map(groups, fn {s, l} -> part(string, s, l) end)
    replaced = substitute(replacement, values)
    replace_matches(string, start + len, more, replacement, [replaced, before | acc])
  end

  defp substitute(fun, values) when is_function(fun) do
    {:arity, arity} = :erlang.fun_info(fun, :arity)
    args = Enum.take(values ++ List.duplicate("", arity), arity)
    apply(fun, args)
  end

  defp substitute(replacement, values) when is_binary(replacement) do
    expand(replacement, values, [])
  end

  # `\N`, `\g{N}` and `\\` in a replacement string.
  defp expand(<<>>, _values, acc), do: :lists.reverse(acc)

  defp expand(<<?\\, ?g, ?{, rest::binary>>, values, acc) do
    {digits, rest} = take_digits(rest, [])

    case rest do
      <<?}, rest::binary>> when digits != [] -> expand(rest, values, [group(values, digits) | acc])
      _ -> expand(rest, values, ["\\g{" | acc])
    end
  end

  defp expand(<<?\\, d, rest::binary>>, values, acc) when d in ?0..?9 do
    {digits, rest} = take_digits(rest, [d])
    expand(rest, values, [group(values, digits) | acc])
  end

  defp expand(<<?\\, ?\\, rest::binary>>, values, acc), do: expand(rest, values, ["\\" | acc])
  defp expand(<<c, rest::binary>>, values, acc), do: expand(rest, values, [c | acc])

  defp take_digits(<<d, rest::binary>>, acc) when d in ?0..?9, do: take_digits(rest, [d | acc])
  defp take_digits(rest, acc), do: {:lists.reverse(acc), rest}

  defp group(values, digits) do
    Enum.at(values, List.to_integer(digits), "")
  end

  def split(regex, string, options \\ [])

  def split(%Regex{}, "", options) do
    if Keyword.get(options, :trim, false), do: [], else: [""]
  end

  def split(%Regex{source: source, opts: opts}, string, options) when is_binary(string) do
    parts = Keyword.get(options, :parts, :infinity)
    trim = Keyword.get(options, :trim, false)
    include = Keyword.get(options, :include_captures, false)
    matches = :beamlet.re_run(source, flags(opts), string, 0, true)
    pieces = split_at(string, 0, matches, limit(parts, trim), include, [])
    if trim, do: Enum.reject(pieces, &(&1 == "")), else: pieces
  end

  defp limit(:infinity, _trim), do: :infinity
  defp limit(n, _trim) when is_integer(n) and n > 0, do: n - 1
  defp limit(_, _trim), do: :infinity

  defp split_at(string, pos, matches, left, include, acc)
       when matches == [] or left == 0 do
    last = binary_part(string, pos, byte_size(string) - pos)
    :lists.reverse([last | acc])
  end

  defp split_at(string, pos, [[{start, len} | _] | more], left, include, acc) do
    piece = binary_part(string, pos, start - pos)
    acc = if include, do: [binary_part(string, start, len), piece | acc], else: [piece | acc]
    left = if left == :infinity, do: :infinity, else: left - 1
    split_at(string, start + len, more, left, include, acc)
  end

  def escape(string) when is_binary(string) do
    :erlang.iolist_to_binary(for <<c <- string>>, do: escape_char(c))
  end

  defp escape_char(c) when c in ~c".^$*+?()[]{}|\\-#", do: [?\\, c]
  defp escape_char(?\s), do: "\\ "
  defp escape_char(?\t), do: "\\t"
  defp escape_char(?\n), do: "\\n"
  defp escape_char(?\r), do: "\\r"
  defp escape_char(?\f), do: "\\f"
  defp escape_char(?\v), do: "\\v"
  defp escape_char(c), do: c
end

defmodule Regex.CompileError do
  defexception message: "regex could not be compiled"
end

defimpl Inspect, for: Regex do
  def inspect(%Regex{source: source, opts: opts}, _opts) when is_list(opts) do
    "Regex.compile!(" <> Kernel.inspect(source) <> ", " <> Kernel.inspect(opts) <> ")"
  end

  def inspect(%Regex{source: source, opts: opts}, _opts) do
    "~r/" <> escape(source, "") <> "/" <> opts
  end

  defp escape(<<>>, acc), do: acc
  defp escape(<<?\\, ?/, rest::binary>>, acc), do: escape(rest, acc <> "\\/")
  defp escape(<<?/, rest::binary>>, acc), do: escape(rest, acc <> "\\/")
  defp escape(<<?\n, rest::binary>>, acc), do: escape(rest, acc <> "\\n")
  defp escape(<<?\t, rest::binary>>, acc), do: escape(rest, acc <> "\\t")
  defp escape(<<?\r, rest::binary>>, acc), do: escape(rest, acc <> "\\r")
  defp escape(<<c::utf8, rest::binary>>, acc), do: escape(rest, acc <> <<c::utf8>>)
  defp escape(<<c, rest::binary>>, acc), do: escape(rest, acc <> "\\x" <> Integer.to_string(c, 16))
end
