# String over UTF-8 binaries. Graphemes are approximated: a code point with the combining
# marks, variation selectors, emoji modifiers and zero-width-joined code points after it,
# "\r\n", and pairs of regional indicators. Case mapping and normalization are native
# (Unicode tables).
defmodule String do
  # ----- conversions ------------------------------------------------------------------

  def to_charlist(string) when is_binary(string), do: :beamlet.to_charlist(string)

  def to_integer(string) when is_binary(string), do: :erlang.binary_to_integer(string)
  def to_integer(string, base) when is_binary(string), do: :erlang.binary_to_integer(string, base)

  def to_float(string) when is_binary(string), do: :erlang.binary_to_float(string)

  def to_atom(string) when is_binary(string), do: :erlang.binary_to_atom(string)
  def to_existing_atom(string) when is_binary(string), do: :erlang.binary_to_existing_atom(string)

  # ----- code points and graphemes ----------------------------------------------------

  def valid?(<<_::utf8, rest::binary>>), do: valid?(rest)
  def valid?(<<>>), do: true
  def valid?(string) when is_binary(string), do: false

  def next_codepoint(<<cp::utf8, rest::binary>>), do: {<<cp::utf8>>, rest}
  def next_codepoint(<<byte, rest::binary>>), do: {<<byte>>, rest}
  def next_codepoint(<<>>), do: nil

  def codepoints(string) when is_binary(string), do: codepoints_acc(string, [])

  defp codepoints_acc(<<cp::utf8, rest::binary>>, acc), do: codepoints_acc(rest, [<<cp::utf8>> | acc])
  defp codepoints_acc(<<byte, rest::binary>>, acc), do: codepoints_acc(rest, [<<byte>> | acc])
  defp codepoints_acc(<<>>, acc), do: :lists.reverse(acc)

  def next_grapheme(string) when is_binary(string) do
    case next_grapheme_size(string) do
      nil -> nil
      size -> :erlang.split_binary(string, size)
    end
  end

  def next_grapheme_size(<<>>), do: nil

  def next_grapheme_size(string) when is_binary(string) do
    {_, bytes} = gwalk(string, :start, 0, 0, 1)
    bytes
  end

  # Walks graphemes: stops before starting grapheme number `limit + 1` (never for
  # :infinity) and returns how many graphemes it passed and their byte size. The state
  # says what the previous code point lets join it.
  defp gwalk(<<c, rest::binary>>, st, n, bytes, limit) when c >= 32 and c < 127 do
    if n === limit, do: {n, bytes}, else: gwalk_ascii(rest, n + 1, bytes + 1, limit, st)
  end

  defp gwalk(<<cp::utf8, rest::binary>>, st, n, bytes, limit) do
    size = cp_size(cp)

    if join?(cp, st) do
      gwalk(rest, next_state(cp, st, true), n, bytes + size, limit)
    else
      if n === limit, do: {n, bytes}, else: gwalk(rest, next_state(cp, st, false), n + 1, bytes + size, limit)
    end
  end

  defp gwalk(<<_, rest::binary>>, _st, n, bytes, limit) do
    if n === limit, do: {n, bytes}, else: gwalk(rest, :ctl, n + 1, bytes + 1, limit)
  end

  defp gwalk(<<>>, _st, n, bytes, _limit), do: {n, bytes}

  defp gwalk_ascii(rest, n, bytes, limit, _st), do: gwalk(rest, :other, n, bytes, limit)

  defp cp_size(cp) when cp < 0x80, do: 1
  defp cp_size(cp) when cp < 0x800, do: 2
  defp cp_size(cp) when cp < 0x10000, do: 3
  defp cp_size(_), do: 4

  defp join?(_cp, :start), do: false
  defp join?(cp, :cr), do: cp == ?\n
  defp join?(_cp, :ctl), do: false
  defp join?(cp, _st) when cp < 0x300, do: false

  defp join?(cp, st) do
    cond do
      cp == 0x200D or extender?(cp) -> true
      st == :zwj_pic -> pictographic?(cp)
      st == :ri -> regional?(cp)
      true -> false
    end
  end

  defp next_state(?\r, _st, _joined), do: :cr
  defp next_state(cp, _st, _joined) when cp < 32 or (cp >= 0x7F and cp <= 0x9F), do: :ctl
  defp next_state(cp, st, _joined) when cp < 0x300 and st != :zwj_pic, do: :other

  defp next_state(cp, st, joined) do
    cond do
      cp == 0x200D -> if st == :pic, do: :zwj_pic, else: :other
      joined and extender?(cp) -> if st == :pic, do: :pic, else: :other
      regional?(cp) -> if joined, do: :other, else: :ri
      pictographic?(cp) -> :pic
      true -> :other
    end
  end

  defp regional?(cp), do: cp >= 0x1F1E6 and cp <= 0x1F1FF

  defp pictographic?(cp) do
    (cp >= 0x1F000 and cp <= 0x1FAFF) or (cp >= 0x2100 and cp <= 0x2BFF) or cp == 0xA9 or
      cp == 0xAE or cp == 0x3030 or cp == 0x303D or cp == 0x3297 or cp == 0x3299
  end

  defp extender?(cp) when cp < 0x300, do: false

  defp extender?(cp) do
    (cp >= 0x300 and cp <= 0x36F) or (cp >= 0x483 and cp <= 0x489) or
      (cp >= 0x591 and cp <= 0x5BD) or (cp >= 0x610 and cp <= 0x61A) or
      (cp >= 0x64B and cp <= 0x65F) or cp == 0x670 or (cp >= 0x6D6 and cp <= 0x6DC) or
      (cp >= 0x900 and cp <= 0x903) or (cp >= 0x93A and cp <= 0x94F) or
      (cp >= 0xE31 and cp <= 0xE3A and cp != 0xE32) or (cp >= 0xE47 and cp <= 0xE4E) or
      (cp >= 0x1AB0 and cp <= 0x1AFF) or (cp >= 0x1DC0 and cp <= 0x1DFF) or
      cp == 0x200C or (cp >= 0x20D0 and cp <= 0x20FF) or
      (cp >= 0x302A and cp <= 0x302F) or cp == 0x3099 or cp == 0x309A or
      (cp >= 0xFE00 and cp <= 0xFE0F) or (cp >= 0xFE20 and cp <= 0xFE2F) or
      (cp >= 0x1F3FB and cp <= 0x1F3FF) or (cp >= 0xE0020 and cp <= 0xE007F) or
      (cp >= 0xE0100 and cp <= 0xE01EF)
  end

  def graphemes(string) when is_binary(string), do: graphemes_acc(string, [])

  defp graphemes_acc(<<>>, acc), do: :lists.reverse(acc)

  defp graphemes_acc(string, acc) do
    {_, size} = gwalk(string, :start, 0, 0, 1)
    {g, rest} = :erlang.split_binary(string, size)
    graphemes_acc(rest, [g | acc])
  end

  def length(string) when is_binary(string) do
    {n, _} = gwalk(string, :start, 0, 0, :infinity)
    n
  end

  # Byte size of the first `count` graphemes (or fewer when the string is shorter), and
  # how many graphemes that is.
  defp grapheme_bytes(string, count) do
    {n, bytes} = gwalk(string, :start, 0, 0, count)
    {bytes, n}
  end

  def reverse(string) when is_binary(string) do
    :erlang.iolist_to_binary(:lists.reverse(graphemes(string)))
  end

  def first(string) when is_binary(string) do
    case next_grapheme(string) do
      {g, _} -> g
      nil -> nil
    end
  end

  def last(string) when is_binary(string) do
    case graphemes(string) do
      [] -> nil
      gs -> :lists.last(gs)
    end
  end

  def at(string, position) when is_binary(string) and is_integer(position) and position >= 0 do
    {bytes, n} = grapheme_bytes(string, position)

    if n < position do
      nil
    else
      first(:erlang.binary_part(string, bytes, byte_size(string) - bytes))
    end
  end

  def at(string, position) when is_binary(string) and is_integer(position) do
    case String.length(string) + position do
      p when p < 0 -> nil
      p -> at(string, p)
    end
  end

  def slice(_string, start, 0) when is_integer(start), do: ""

  def slice(string, start, len) when is_binary(string) and is_integer(start) and is_integer(len) and start >= 0 and len >= 0 do
    {from, n} = grapheme_bytes(string, start)

    if n < start do
      ""
    else
      rest = :erlang.binary_part(string, from, byte_size(string) - from)
      {bytes, _} = grapheme_bytes(rest, len)
      :erlang.binary_part(rest, 0, bytes)
    end
  end

  def slice(string, start, len) when is_binary(string) and is_integer(start) and is_integer(len) and start < 0 and len >= 0 do
    start = max(String.length(string) + start, 0)
    slice(string, start, len)
  end

  def slice(string, %{__struct__: Range, first: first, last: last, step: step} = range) when is_binary(string) do
    cond do
      step > 0 -> slice_range(string, first, last, step)
      step == -1 and first > last -> slice_range(string, first, last, 1)
      true -> raise ArgumentError, "String.slice/2 does not accept ranges with negative steps, got: " <> inspect(range)
    end
  end

  defp slice_range("", _, _, _), do: ""

  defp slice_range(string, first, last, step) when first >= 0 and last >= 0 do
    if last >= first, do: slice_step(string, first, last - first + 1, step), else: ""
  end

  defp slice_range(string, first, last, step) do
    len = String.length(string)
    first = if first < 0, do: max(len + first, 0), else: first
    last = if last < 0, do: len + last, else: last
    if last >= first, do: slice_step(string, first, last - first + 1, step), else: ""
  end

  defp slice_step(string, start, len, 1), do: slice(string, start, len)

  defp slice_step(string, start, len, step) do
    string
    |> slice(start, len)
    |> graphemes()
    |> take_every(step, 0, [])
    |> :erlang.iolist_to_binary()
  end

  defp take_every([], _step, _i, acc), do: :lists.reverse(acc)
  defp take_every([g | rest], step, 0, acc), do: take_every(rest, step, step - 1, [g | acc])
  defp take_every([_ | rest], step, i, acc), do: take_every(rest, step, i - 1, acc)

  def split_at(string, position) when is_binary(string) and is_integer(position) and position >= 0 do
    {bytes, _} = grapheme_bytes(string, position)
    :erlang.split_binary(string, bytes)
  end

  def split_at(string, position) when is_binary(string) and is_integer(position) do
    split_at(string, max(String.length(string) + position, 0))
  end

  # ----- comparison and search --------------------------------------------------------

  def starts_with?(string, prefixes) when is_binary(string) and is_list(prefixes) do
    Enum.any?(prefixes, fn p -> starts_with?(string, p) end)
  end

  def starts_with?(string, prefix) when is_binary(string) and is_binary(prefix) do
    size = byte_size(prefix)
    byte_size(string) >= size and :erlang.binary_part(string, 0, size) == prefix
  end

  # Elixir 1.14 still takes a :binary.compile_pattern/1 pattern here, with a warning.
  def starts_with?(string, prefix) when is_binary(string) and is_tuple(prefix) do
    IO.warn("compiled patterns are deprecated in starts_with?")
    match?({0, _}, :binary.match(string, prefix))
  end

  def ends_with?(string, suffixes) when is_binary(string) and is_list(suffixes) do
    Enum.any?(suffixes, fn s -> ends_with?(string, s) end)
  end

  def ends_with?(string, suffix) when is_binary(string) and is_binary(suffix) do
    size = byte_size(suffix)
    total = byte_size(string)
    total >= size and :erlang.binary_part(string, total - size, size) == suffix
  end

  def match?(string, %Regex{} = regex) when is_binary(string), do: Regex.match?(regex, string)

  def contains?(string, contents) when is_binary(string) and is_list(contents) do
    Enum.any?(contents, fn c -> contains?(string, c) end)
  end

  def contains?(string, "") when is_binary(string), do: true

  def contains?(string, contents) when is_binary(string) and is_binary(contents) do
    :binary.match(string, contents) != :nomatch
  end

  # A pattern from :binary.compile_pattern/1.
  def contains?(string, {tag, _} = contents) when is_binary(string) and tag in [:bm, :ac] do
    :binary.match(string, contents) != :nomatch
  end

  def equivalent?(string1, string2) when is_binary(string1) and is_binary(string2) do
    normalize(string1, :nfd) == normalize(string2, :nfd)
  end

  # ----- normalization ----------------------------------------------------------------

  def normalize(string, :nfd) when is_binary(string),
    do: normalized(:unicode.characters_to_nfd_binary(string), :nfd)

  def normalize(string, :nfc) when is_binary(string),
    do: normalized(:unicode.characters_to_nfc_binary(string), :nfc)

  def normalize(string, :nfkd) when is_binary(string),
    do: normalized(:unicode.characters_to_nfkd_binary(string), :nfkd)

  def normalize(string, :nfkc) when is_binary(string),
    do: normalized(:unicode.characters_to_nfkc_binary(string), :nfkc)

  # A byte that is not UTF-8 is kept as it is, and normalization goes on after it.
  defp normalized(string, _form) when is_binary(string), do: string

  defp normalized({:error, good, <<head, rest::binary>>}, form) do
    good <> <<head>> <> normalize(rest, form)
  end

  # ----- case -------------------------------------------------------------------------
  # Unicode case mapping is native (:beamlet.string_* in vm/src/natives/casing.rs, with
  # Elixir 1.14's tables); :ascii only maps a-z and A-Z.

  def upcase(string, mode \\ :default)

  def upcase("", _mode), do: ""

  def upcase(string, :ascii) when is_binary(string) do
    :erlang.list_to_binary(ascii_upcase(:erlang.binary_to_list(string)))
  end

  def upcase(string, mode) when is_binary(string) and (mode == :default or mode == :greek or mode == :turkic) do
    :beamlet.string_upcase(string, mode)
  end

  def downcase(string, mode \\ :default)

  def downcase("", _mode), do: ""

  def downcase(string, :ascii) when is_binary(string) do
    :erlang.list_to_binary(ascii_downcase(:erlang.binary_to_list(string)))
  end

  def downcase(string, mode) when is_binary(string) and (mode == :default or mode == :greek or mode == :turkic) do
    :beamlet.string_downcase(string, mode)
  end

  def capitalize(string, mode \\ :default)

  def capitalize(<<char, rest::binary>>, :ascii) do
    char = if char >= ?a and char <= ?z, do: char - 32, else: char
    <<char, downcase(rest, :ascii)::binary>>
  end

  def capitalize(string, mode) when is_binary(string) do
    {char, rest} = titlecase_once(string, mode)
    char <> downcase(rest, mode)
  end

  defp titlecase_once(string, mode) when mode == :default or mode == :greek or mode == :turkic do
    :beamlet.string_titlecase_once(string, mode)
  end

  # Other modes: as Elixir 1.14, only the first letter's `i` looks at the mode.
  defp titlecase_once(string, _mode), do: :beamlet.string_titlecase_once(string, :default)

  defp ascii_upcase([]), do: []
  defp ascii_upcase([c | rest]) when c >= ?a and c <= ?z, do: [c - 32 | ascii_upcase(rest)]
  defp ascii_upcase([c | rest]), do: [c | ascii_upcase(rest)]

  defp ascii_downcase([]), do: []
  defp ascii_downcase([c | rest]) when c >= ?A and c <= ?Z, do: [c + 32 | ascii_downcase(rest)]
  defp ascii_downcase([c | rest]), do: [c | ascii_downcase(rest)]

  # ----- whitespace and trimming ------------------------------------------------------

  defp whitespace?(c) do
    (c >= 9 and c <= 13) or c == 32 or c == 0x85 or c == 0xA0 or c == 0x1680 or
      (c >= 0x2000 and c <= 0x200A) or c == 0x2028 or c == 0x2029 or c == 0x202F or
      c == 0x205F or c == 0x3000
  end

  # Whitespace for split/1: without the non-breaking spaces.
  defp breaking_whitespace?(c) do
    whitespace?(c) and c != 0xA0 and c != 0x2007 and c != 0x202F
  end

  def trim(string) when is_binary(string), do: string |> trim_leading() |> trim_trailing()

  def trim(string, to_trim) when is_binary(string) and is_binary(to_trim) do
    string |> trim_leading(to_trim) |> trim_trailing(to_trim)
  end

  def trim_leading(string) when is_binary(string), do: trim_leading_ws(string)

  defp trim_leading_ws(<<cp::utf8, rest::binary>> = string) do
    if whitespace?(cp), do: trim_leading_ws(rest), else: string
  end

  defp trim_leading_ws(string), do: string

  def trim_leading(string, "") when is_binary(string), do: string

  def trim_leading(string, to_trim) when is_binary(string) and is_binary(to_trim) do
    size = byte_size(to_trim)

    if byte_size(string) >= size and :erlang.binary_part(string, 0, size) == to_trim do
      trim_leading(:erlang.binary_part(string, size, byte_size(string) - size), to_trim)
    else
      string
    end
  end

  def trim_trailing(string) when is_binary(string) do
    :erlang.binary_part(string, 0, trailing_end(string, 0, 0))
  end

  # The byte offset just after the last non-whitespace code point.
  defp trailing_end(<<cp::utf8, rest::binary>>, pos, last) do
    pos = pos + byte_size(<<cp::utf8>>)
    if whitespace?(cp), do: trailing_end(rest, pos, last), else: trailing_end(rest, pos, pos)
  end

  defp trailing_end(<<_, rest::binary>>, pos, _last), do: trailing_end(rest, pos + 1, pos + 1)
  defp trailing_end(<<>>, _pos, last), do: last

  def trim_trailing(string, "") when is_binary(string), do: string

  def trim_trailing(string, to_trim) when is_binary(string) and is_binary(to_trim) do
    size = byte_size(to_trim)
    total = byte_size(string)

    if total >= size and :erlang.binary_part(string, total - size, size) == to_trim do
      trim_trailing(:erlang.binary_part(string, 0, total - size), to_trim)
    else
      string
    end
  end

  # ----- padding and duplication ------------------------------------------------------

  # Calls and captures are compiled to :binary.copy/2, as Elixir does (the errors are
  # that function's); this definition is what `apply` reaches.
  def duplicate(subject, n) when is_binary(subject) and is_integer(n) and n >= 0, do: :binary.copy(subject, n)

  def pad_leading(string, count, padding \\ [" "])

  def pad_leading(string, count, padding) when is_binary(padding) do
    pad_leading(string, count, graphemes(padding))
  end

  def pad_leading(string, count, [_ | _] = padding)
      when is_binary(string) and is_integer(count) and count >= 0 do
    case count - String.length(string) do
      n when n <= 0 -> string
      n -> :erlang.iolist_to_binary([filler(n, padding, padding) | string])
    end
  end

  def pad_trailing(string, count, padding \\ [" "])

  def pad_trailing(string, count, padding) when is_binary(padding) do
    pad_trailing(string, count, graphemes(padding))
  end

  def pad_trailing(string, count, [_ | _] = padding)
      when is_binary(string) and is_integer(count) and count >= 0 do
    case count - String.length(string) do
      n when n <= 0 -> string
      n -> :erlang.iolist_to_binary([string | filler(n, padding, padding)])
    end
  end

  # `n` padding elements, cycling through `padding`; each must be a string.
  defp filler(0, _, _), do: []
  defp filler(n, [], padding), do: filler(n, padding, padding)

  defp filler(n, [g | rest], padding) when is_binary(g), do: [g | filler(n - 1, rest, padding)]

  defp filler(_n, [g | _], _padding) do
    raise ArgumentError, "expected a string padding element, got: " <> inspect(g)
  end

  # ----- splitting --------------------------------------------------------------------

  def split(string) when is_binary(string), do: split_ws(string, 0, 0, [])

  # `start` is where the current word began, `pos` the current byte offset.
  defp split_ws(string, start, pos, acc) do
    case string do
      <<_::binary-size(pos), cp::utf8, _::binary>> ->
        size = byte_size(<<cp::utf8>>)

        if breaking_whitespace?(cp) do
          acc = if pos > start, do: [:erlang.binary_part(string, start, pos - start) | acc], else: acc
          split_ws(string, pos + size, pos + size, acc)
        else
          split_ws(string, start, pos + size, acc)
        end

      <<_::binary-size(pos), _, _::binary>> ->
        split_ws(string, start, pos + 1, acc)

      _ ->
        acc = if pos > start, do: [:erlang.binary_part(string, start, pos - start) | acc], else: acc
        :lists.reverse(acc)
    end
  end

  def split(string, pattern, options \\ [])

  def split(string, %Regex{} = regex, options) when is_binary(string), do: Regex.split(regex, string, options)

  def split(string, "", options) when is_binary(string) do
    parts = Keyword.get(options, :parts, :infinity)
    trim = Keyword.get(options, :trim, false)

    if parts == :infinity or parts > 1 do
      split_empty(string, parts, trim)
    else
      if trim and string == "", do: [], else: [string]
    end
  end

  def split(string, pattern, options)
      when is_binary(string) and (is_binary(pattern) or is_list(pattern) or is_tuple(pattern)) do
    parts = Keyword.get(options, :parts, :infinity)
    trim = Keyword.get(options, :trim, false)

    if pattern == [] or (not is_tuple(pattern) and Enum.member?(pattern_list(pattern), "")) do
      raise ArgumentError, "errors were found at the given arguments:\n\n  * 2nd argument: not a valid pattern\n"
    end

    pieces =
      case parts do
        :infinity -> :binary.split(string, pattern, [:global])
        n when is_integer(n) and n > 0 -> split_parts(string, pattern, n, trim)
      end

    if trim, do: Enum.reject(pieces, fn p -> p == "" end), else: pieces
  end

  def split(string, pattern, _options) when is_binary(string), do: :binary.split(string, pattern, [:global])

  defp pattern_list(pattern) when is_binary(pattern), do: [pattern]
  defp pattern_list(pattern), do: pattern

  defp split_parts(string, _pattern, 1, _trim), do: [string]

  defp split_parts(string, pattern, n, trim) do
    case :binary.split(string, pattern) do
      [piece, rest] ->
        if trim and piece == "" do
          split_parts(rest, pattern, n, trim)
        else
          [piece | split_parts(rest, pattern, n - 1, trim)]
        end

      [piece] ->
        [piece]
    end
  end

  # ----- splitter (lazy) ----------------------------------------------------------------

  def splitter(string, pattern, options \\ [])

  def splitter(string, "", options) when is_binary(string) and is_list(options) do
    if Keyword.get(options, :trim, false) do
      Stream.unfold(string, &next_grapheme/1)
    else
      Stream.unfold(:match, &empty_splitter(&1, string))
    end
  end

  def splitter(string, [], options) when is_binary(string) and is_list(options) do
    if string == "" && Keyword.get(options, :trim, false) do
      Stream.duplicate(string, 0)
    else
      Stream.duplicate(string, 1)
    end
  end

  def splitter(string, pattern, options) when is_binary(string) and is_list(options) do
    check_pattern(pattern)
    trim = Keyword.get(options, :trim, false)
    Stream.unfold(string, &splitter_next(&1, pattern, trim))
  end

  # What :binary.compile_pattern/1 (which Elixir calls here) accepts.
  defp check_pattern(pattern) do
    valid =
      case pattern do
        <<_, _::binary>> -> true
        [_ | _] -> Enum.all?(pattern, fn p -> is_binary(p) and p != "" end)
        _ -> false
      end

    if not valid do
      raise ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: not a valid pattern\n"
    end
  end

  # The empty pattern: "" before the first grapheme and after the last.
  defp empty_splitter(:match, string), do: {"", string}
  defp empty_splitter(:nomatch, _string), do: nil
  defp empty_splitter("", _string), do: {"", :nomatch}
  defp empty_splitter(rest, _string), do: next_grapheme(rest)

  defp splitter_next(:nomatch, _pattern, _trim), do: nil
  defp splitter_next("", _pattern, false), do: {"", :nomatch}
  defp splitter_next("", _pattern, true), do: nil

  defp splitter_next(string, pattern, trim) do
    case :binary.split(string, pattern) do
      ["", rest] when trim -> splitter_next(rest, pattern, trim)
      [first, rest] -> {first, rest}
      [first] -> {first, :nomatch}
    end
  end

  # ----- myers_difference ---------------------------------------------------------------

  def myers_difference(string1, string2) when is_binary(string1) and is_binary(string2) do
    List.myers_difference(graphemes(string1), graphemes(string2))
    |> Enum.map(fn {kind, chars} -> {kind, :erlang.iolist_to_binary(chars)} end)
  end

  defp split_empty(string, parts, trim) do
    gs = graphemes(string)
    pieces = if trim, do: gs, else: ["" | gs] ++ [""]

    case parts do
      :infinity ->
        pieces

      n ->
        {head, tail} = Enum.split(pieces, n - 1)
        head ++ [:erlang.iolist_to_binary(tail)]
    end
  end

  # ----- replacing --------------------------------------------------------------------

  def replace(subject, pattern, replacement, options \\ [])

  def replace(subject, %Regex{} = regex, replacement, options) when is_binary(subject) do
    Regex.replace(regex, subject, replacement, options)
  end

  def replace(subject, "", replacement, options) when is_binary(subject) do
    global = Keyword.get(options, :global, true)

    if global do
      gs = graphemes(subject)
      rep = fn -> replace_with(replacement, "") end
      :erlang.iolist_to_binary([rep.() | Enum.flat_map(gs, fn g -> [g, rep.()] end)])
    else
      replace_with(replacement, "") <> subject
    end
  end

  def replace(subject, pattern, replacement, options)
      when is_binary(subject) and (is_binary(pattern) or is_list(pattern) or is_tuple(pattern)) do
    matches =
      if Keyword.get(options, :global, true) do
        :binary.matches(subject, pattern)
      else
        case :binary.match(subject, pattern) do
          :nomatch -> []
          match -> [match]
        end
      end

    :erlang.iolist_to_binary(replace_matches(subject, matches, 0, replacement))
  end

  defp replace_matches(subject, [], pos, _replacement) do
    [:erlang.binary_part(subject, pos, byte_size(subject) - pos)]
  end

  defp replace_matches(subject, [{start, len} | rest], pos, replacement) do
    [
      :erlang.binary_part(subject, pos, start - pos),
      replace_with(replacement, :erlang.binary_part(subject, start, len))
      | replace_matches(subject, rest, start + len, replacement)
    ]
  end

  defp replace_with(replacement, _matched) when is_binary(replacement), do: replacement
  defp replace_with(replacement, matched) when is_function(replacement, 1), do: replacement.(matched)

  def replace_prefix(string, match, replacement) when is_binary(string) and is_binary(match) and is_binary(replacement) do
    if starts_with?(string, match) do
      size = byte_size(match)
      replacement <> :erlang.binary_part(string, size, byte_size(string) - size)
    else
      string
    end
  end

  def replace_suffix(string, match, replacement) when is_binary(string) and is_binary(match) and is_binary(replacement) do
    if ends_with?(string, match) do
      :erlang.binary_part(string, 0, byte_size(string) - byte_size(match)) <> replacement
    else
      string
    end
  end

  def replace_leading(string, match, replacement) when is_binary(string) and is_binary(match) and is_binary(replacement) do
    if match == "" do
      raise ArgumentError, "cannot use an empty string as the match to replace"
    end

    replace_leading_acc(string, match, replacement, [])
  end

  defp replace_leading_acc(string, match, replacement, acc) do
    if starts_with?(string, match) do
      size = byte_size(match)
      rest = :erlang.binary_part(string, size, byte_size(string) - size)
      replace_leading_acc(rest, match, replacement, [replacement | acc])
    else
      :erlang.iolist_to_binary([acc, string])
    end
  end

  def replace_trailing(string, match, replacement) when is_binary(string) and is_binary(match) and is_binary(replacement) do
    if match == "" do
      raise ArgumentError, "cannot use an empty string as the match to replace"
    end

    replace_trailing_acc(string, match, replacement, [])
  end

  defp replace_trailing_acc(string, match, replacement, acc) do
    if ends_with?(string, match) do
      rest = :erlang.binary_part(string, 0, byte_size(string) - byte_size(match))
      replace_trailing_acc(rest, match, replacement, [replacement | acc])
    else
      :erlang.iolist_to_binary([string | acc])
    end
  end

  # ----- predicates -------------------------------------------------------------------

  def printable?(string, limit \\ :infinity)

  def printable?(string, limit) when is_binary(string) do
    printable_acc(string, limit)
  end

  defp printable_acc(_, 0), do: true
  defp printable_acc(<<>>, _), do: true

  defp printable_acc(<<cp::utf8, rest::binary>>, limit) do
    if printable_cp?(cp), do: printable_acc(rest, decrement(limit)), else: false
  end

  defp printable_acc(_, _), do: false

  defp decrement(:infinity), do: :infinity
  defp decrement(n), do: n - 1

  defp printable_cp?(cp) when cp >= 0x20 and cp <= 0x7E, do: true
  defp printable_cp?(cp) when cp >= 0xA0 and cp < 0xD800, do: true
  defp printable_cp?(cp) when cp > 0xDFFF and cp < 0xFFFE, do: true
  defp printable_cp?(cp) when cp > 0xFFFF and cp <= 0x10FFFF, do: true
  defp printable_cp?(cp), do: cp in [?\n, ?\r, ?\t, ?\v, ?\b, ?\f, ?\e, ?\d, ?\a]

  # ----- distances --------------------------------------------------------------------

  def jaro_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    cond do
      string1 == string2 -> 1.0
      string1 == "" or string2 == "" -> 0.0
      true -> jaro(graphemes(string1), graphemes(string2))
    end
  end

  defp jaro(chars1, chars2) do
    len1 = :erlang.length(chars1)
    len2 = :erlang.length(chars2)
    window = max(div(max(len1, len2), 2) - 1, 0)
    t2 = :erlang.list_to_tuple(chars2)
    {matched1, used} = jaro_match(chars1, 0, t2, len2, window, %{}, [])

    case :erlang.length(matched1) do
      0 ->
        0.0

      m ->
        matched2 = for j <- 0..(len2 - 1), :erlang.is_map_key(j, used), do: :erlang.element(j + 1, t2)
        half = jaro_mismatches(matched1, matched2, 0)
        (m / len1 + m / len2 + (m - half / 2) / m) / 3
    end
  end

  defp jaro_match([], _i, _t2, _len2, _window, used, acc), do: {:lists.reverse(acc), used}

  defp jaro_match([c | rest], i, t2, len2, window, used, acc) do
    from = max(i - window, 0)
    to = min(i + window, len2 - 1)

    case jaro_find(c, from, to, t2, used) do
      nil -> jaro_match(rest, i + 1, t2, len2, window, used, acc)
      j -> jaro_match(rest, i + 1, t2, len2, window, :maps.put(j, true, used), [c | acc])
    end
  end

  defp jaro_find(_c, j, to, _t2, _used) when j > to, do: nil

  defp jaro_find(c, j, to, t2, used) do
    if :erlang.element(j + 1, t2) == c and not :erlang.is_map_key(j, used) do
      j
    else
      jaro_find(c, j + 1, to, t2, used)
    end
  end

  defp jaro_mismatches([], [], n), do: n
  defp jaro_mismatches([a | r1], [b | r2], n) when a == b, do: jaro_mismatches(r1, r2, n)
  defp jaro_mismatches([_ | r1], [_ | r2], n), do: jaro_mismatches(r1, r2, n + 1)

  def bag_distance(_string, ""), do: 0.0
  def bag_distance("", _string), do: 0.0

  def bag_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    {bag1, length1} = string_to_bag(string1)
    {bag2, length2} = string_to_bag(string2)
    diff1 = bag_difference(bag1, bag2)
    diff2 = bag_difference(bag2, bag1)
    1 - max(diff1, diff2) / max(length1, length2)
  end

  defp string_to_bag(string) do
    gs = graphemes(string)
    {Enum.frequencies(gs), :erlang.length(gs)}
  end

  defp bag_difference(bag1, bag2) do
    Enum.reduce(bag1, 0, fn {char, count1}, sum ->
      case bag2 do
        %{^char => count2} -> sum + max(count1 - count2, 0)
        %{} -> sum + count1
      end
    end)
  end
end
