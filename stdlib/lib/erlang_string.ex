# OTP 25's `string` module: the grapheme-cluster API (`length/1`, `slice/3`, `trim/3`,
# `split/3`, `lexemes/2`, `pad/4`, ...) over chardata, and the old list API (`len/1`,
# `substr/3`, `tokens/2`, `strip/3`, ...) over plain charlists.
#
# What these return has the shape OTP's has, and callers see it: a binary in gives a
# binary out where OTP's does, a list gives a list, and some functions give mixed chardata
# (`pad("ab", 5)` is `["ab", 32, 32, 32]`, `next_grapheme("abc")` is `[97 | "bc"]`,
# `reverse("abc")` is `'cba'`). So the walks below follow OTP's: the same fast paths for
# Latin-1 (two code points below 256 in a row never join, except "\r\n"), the same
# binary searches that keep a binary rest as it is, the same ways of putting pieces back
# together (`append/2`, `stack/2`, `btoken/2`). Clusters come from `:unicode_util`
# (erlang_unicode_util.ex). Helpers carry OTP's names, since a `function_clause` error
# names the function.
defmodule :string do
  # ----- the grapheme-cluster API -----------------------------------------------------

  def is_empty([]), do: true
  def is_empty(<<>>), do: true
  def is_empty([l | r]), do: is_empty(l) and is_empty(r)
  def is_empty(_), do: false

  def length(<<cp1::utf8, bin::binary>>), do: length_b(bin, cp1, 0)
  def length(cd), do: length_1(cd, 0)

  def to_graphemes(cd0) do
    case :unicode_util.gc(cd0) do
      [gc | cd] -> [gc | to_graphemes(cd)]
      [] -> []
      {:error, err} -> :erlang.error({:badarg, err})
    end
  end

  def equal(a, b) when is_binary(a) and is_binary(b), do: a === b
  def equal(a, b), do: equal_1(a, b)

  def equal(a, b, false), do: equal(a, b)
  def equal(a, b, true), do: equal_nocase(a, b)

  def equal(a, b, case_, :none), do: equal(a, b, case_)
  def equal(a, b, false, norm), do: equal_norm(a, b, norm)
  def equal(a, b, true, norm), do: equal_norm_nocase(a, b, norm)

  def reverse(<<cp1::utf8, rest::binary>>), do: reverse_b(rest, cp1, [])
  def reverse(cd), do: reverse_1(cd, [])

  def slice(cd, n) when is_integer(n) and n >= 0 do
    case slice_l0(cd, n) do
      [] when is_binary(cd) -> <<>>
      res -> res
    end
  end

  def slice(cd, n, length) when is_integer(n) and n >= 0 and is_integer(length) and length > 0 do
    case slice_l0(cd, n) do
      [] when is_binary(cd) -> <<>>
      l -> slice_trail(l, length)
    end
  end

  def slice(cd, n, :infinity) do
    case slice_l0(cd, n) do
      [] when is_binary(cd) -> <<>>
      res -> res
    end
  end

  def slice(cd, _, 0) do
    if is_binary(cd), do: <<>>, else: []
  end

  def pad(cd, length), do: pad(cd, length, :trailing, ?\s)
  def pad(cd, length, dir), do: pad(cd, length, dir, ?\s)

  def pad(cd, length, :leading, char) when is_integer(length) do
    len = length(cd)
    [:lists.duplicate(max(0, length - len), char), cd]
  end

  def pad(cd, length, :trailing, char) when is_integer(length) do
    len = length(cd)
    [cd | :lists.duplicate(max(0, length - len), char)]
  end

  def pad(cd, length, :both, char) when is_integer(length) do
    len = length(cd)
    size = max(0, length - len)
    pre = :lists.duplicate(div(size, 2), char)
    post = if rem(size, 2) === 1, do: [char], else: []
    [pre, cd, pre | post]
  end

  def trim(str), do: trim(str, :both, :unicode_util.whitespace())
  def trim(str, dir), do: trim(str, dir, :unicode_util.whitespace())

  def trim(str, _, []), do: str
  def trim(str, :leading, [sep]) when is_list(str) and sep < 256, do: trim_ls(str, sep)
  def trim(str, :leading, sep) when is_list(sep), do: trim_l(str, sep)
  def trim(str, :trailing, [sep]) when is_list(str) and sep < 256, do: trim_ts(str, sep)
  def trim(str, :trailing, seps0) when is_list(seps0), do: trim_t(str, 0, search_pattern(seps0))
  def trim(str, :both, sep) when is_list(sep), do: trim(trim(str, :leading, sep), :trailing, sep)

  def chomp(str), do: trim(str, :trailing, [[?\r, ?\n], ?\n])

  def take(str, sep), do: take(str, sep, false, :leading)
  def take(str, sep, complement), do: take(str, sep, complement, :leading)

  def take(str, [], complement, dir) do
    empty = if is_binary(str), do: <<>>, else: []

    case {complement, dir} do
      {false, :leading} -> {empty, str}
      {false, :trailing} -> {str, empty}
      {true, :leading} -> {str, empty}
      {true, :trailing} -> {empty, str}
    end
  end

  def take(str, sep, false, :leading), do: take_l(str, sep, [])
  def take(str, sep0, true, :leading), do: take_lc(str, search_pattern(sep0), [])
  def take(str, sep0, false, :trailing), do: take_t(str, 0, search_pattern(sep0))
  def take(str, sep0, true, :trailing), do: take_tc(str, 0, search_pattern(sep0))

  def uppercase(cd) when is_list(cd) do
    try do
      uppercase_list(cd, false)
    catch
      :throw, :unchanged -> cd
    end
  end

  def uppercase(<<cp1::utf8, rest::binary>> = orig) do
    try do
      uppercase_bin(cp1, rest, false)
    catch
      :throw, :unchanged -> orig
    else
      list -> :unicode.characters_to_binary(list)
    end
  end

  def uppercase(<<>>), do: <<>>
  def uppercase(bin), do: :erlang.error({:badarg, bin})

  def lowercase(cd) when is_list(cd) do
    try do
      lowercase_list(cd, false)
    catch
      :throw, :unchanged -> cd
    end
  end

  def lowercase(<<cp1::utf8, rest::binary>> = orig) do
    try do
      lowercase_bin(cp1, rest, false)
    catch
      :throw, :unchanged -> orig
    else
      list -> :unicode.characters_to_binary(list)
    end
  end

  def lowercase(<<>>), do: <<>>
  def lowercase(bin), do: :erlang.error({:badarg, bin})

  def titlecase(cd) when is_list(cd) do
    case :unicode_util.titlecase(cd) do
      [gc | tail] -> append(gc, tail)
      empty -> empty
    end
  end

  def titlecase(cd) when is_binary(cd) do
    case :unicode_util.titlecase(cd) do
      [cp | chars] when is_integer(cp) -> <<cp::utf8, chars::binary>>
      [cps | chars] -> :erlang.iolist_to_binary([utf8(cps), chars])
      [] -> <<>>
    end
  end

  def casefold(cd) when is_list(cd) do
    try do
      casefold_list(cd, false)
    catch
      :throw, :unchanged -> cd
    end
  end

  def casefold(<<cp1::utf8, rest::binary>> = orig) do
    try do
      casefold_bin(cp1, rest, false)
    catch
      :throw, :unchanged -> orig
    else
      list -> :unicode.characters_to_binary(list)
    end
  end

  def casefold(<<>>), do: <<>>
  def casefold(bin), do: :erlang.error({:badarg, bin})

  defp utf8(cps), do: :lists.map(fn cp -> <<cp::utf8>> end, cps)

  def to_integer(string) do
    try do
      take(string, '+-0123456789')
    catch
      _, _ -> {:error, :badarg}
    else
      {head, tail} ->
        if is_empty(head) do
          {:error, :no_integer}
        else
          list = :unicode.characters_to_list(head)

          case :string.list_to_integer(list) do
            {:error, _} = err -> err
            {int, rest} -> to_number(string, int, rest, list, tail)
          end
        end
    end
  end

  def to_float(string) do
    try do
      take(string, '+-0123456789eE.,')
    catch
      _, _ -> {:error, :badarg}
    else
      {head, tail} ->
        if is_empty(head) do
          {:error, :no_float}
        else
          list = :unicode.characters_to_list(head)

          case :string.list_to_float(list) do
            {:error, _} = err -> err
            {float, rest} -> to_number(string, float, rest, list, tail)
          end
        end
    end
  end

  defp to_number(string, number, rest, list, _tail) when is_binary(string) do
    bsz = :erlang.length(list) - :erlang.length(rest)
    <<_::binary-size(bsz), cont::binary>> = string
    {number, cont}
  end

  defp to_number(_, number, rest, _, tail), do: {number, concat(rest, tail)}

  # OTP's BIFs behind to_integer/1 and to_float/1 (exported, undocumented): a number at
  # the start of a charlist and the rest, `{:error, :no_integer}` / `{:error, :no_float}`,
  # `{:error, :not_a_list}`.
  def list_to_integer(list) when is_list(list) do
    {sign, rest} = num_sign(list)

    case num_digits(rest, []) do
      {[], _} -> {:error, :no_integer}
      {digits, rest} -> {sign * :erlang.list_to_integer(digits), rest}
    end
  end

  def list_to_integer(_), do: {:error, :not_a_list}

  # [+-] digits ("." | ",") digits [("e" | "E") [+-] digits]; an exponent that is not
  # complete is left in the rest.
  def list_to_float(list) when is_list(list) do
    {sign, rest} = num_sign(list)

    with {[_ | _] = int, [point | rest]} when point === ?. or point === ?, <- num_digits(rest, []),
         {[_ | _] = frac, rest} <- num_digits(rest, []) do
      {exp, rest} = num_exponent(rest)
      text = int ++ [?. | frac] ++ exp

      try do
        :erlang.list_to_float(text)
      catch
        _, _ -> {:error, :no_float}
      else
        float -> {sign * float, rest}
      end
    else
      _ -> {:error, :no_float}
    end
  end

  def list_to_float(_), do: {:error, :not_a_list}

  defp num_sign([?- | rest]), do: {-1, rest}
  defp num_sign([?+ | rest]), do: {1, rest}
  defp num_sign(rest), do: {1, rest}

  defp num_digits([d | rest], acc) when d >= ?0 and d <= ?9, do: num_digits(rest, [d | acc])
  defp num_digits(rest, acc), do: {:lists.reverse(acc), rest}

  defp num_exponent([e | rest0] = rest) when e === ?e or e === ?E do
    {sign, rest1} =
      case rest0 do
        [s | r] when s === ?+ or s === ?- -> {[s], r}
        r -> {[], r}
      end

    case num_digits(rest1, []) do
      {[], _} -> {[], rest}
      {digits, rest2} -> {[?e | sign] ++ digits, rest2}
    end
  end

  defp num_exponent(rest), do: {[], rest}

  def prefix(str, prefix0) do
    result =
      case :unicode.characters_to_list(prefix0) do
        [] -> str
        prefix -> prefix_1(str, prefix)
      end

    case result do
      [] when is_binary(str) -> <<>>
      res -> res
    end
  end

  def split(string, search_pattern), do: split(string, search_pattern, :leading)

  def split(string, search_pattern, where) do
    if is_empty(search_pattern) do
      [string]
    else
      cps = :unicode.characters_to_list(search_pattern)

      case split_1(string, cps, 0, where, [], []) do
        {_curr, []} -> [string]
        {_curr, acc} when where === :trailing -> acc
        {curr, acc} when where === :all -> :lists.reverse([curr | acc])
        acc when is_list(acc) -> acc
      end
    end
  end

  def replace(string, search_pattern, replacement),
    do: :lists.join(replacement, split(string, search_pattern))

  def replace(string, search_pattern, replacement, where),
    do: :lists.join(replacement, split(string, search_pattern, where))

  def lexemes([], _), do: []
  def lexemes(str, []), do: [str]
  def lexemes(str, seps0) when is_list(seps0), do: lexemes_m(str, search_pattern(seps0), [])

  def nth_lexeme(str, 1, []), do: str

  def nth_lexeme(str, n, seps0) when is_list(seps0) and is_integer(n) and n > 0,
    do: nth_lexeme_m(str, search_pattern(seps0), n)

  def find(string, search_pattern), do: find(string, search_pattern, :leading)

  def find(string, [], _), do: string
  def find(string, <<>>, _), do: string

  def find(string, search_pattern, :leading),
    do: find_l(string, :unicode.characters_to_list(search_pattern))

  def find(string, search_pattern, :trailing),
    do: find_r(string, :unicode.characters_to_list(search_pattern), :nomatch)

  def next_grapheme(cd), do: :unicode_util.gc(cd)
  def next_codepoint(cd), do: :unicode_util.cp(cd)

  # ----- length, equality, reverse, slice ---------------------------------------------

  defp length_1([cp1 | [cp2 | _] = cont], n) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r,
    do: length_1(cont, n + 1)

  defp length_1(str, n) do
    case :unicode_util.gc(str) do
      [] -> n
      [_ | rest] -> length_1(rest, n + 1)
      {:error, err} -> :erlang.error({:badarg, err})
    end
  end

  defp length_b(<<cp2::utf8, rest::binary>>, cp1, n) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r,
    do: length_b(rest, cp2, n + 1)

  defp length_b(bin0, cp1, n) do
    [_ | bin1] = :unicode_util.gc([cp1 | bin0])

    case :unicode_util.cp(bin1) do
      [] -> n + 1
      [cp3 | bin] -> length_b(bin, cp3, n + 1)
      {:error, err} -> :erlang.error({:badarg, err})
    end
  end

  defp equal_1([a | ar], [b | br]) when is_integer(a) and is_integer(b),
    do: a === b and equal_1(ar, br)

  defp equal_1([], br), do: is_empty(br)

  defp equal_1(a0, b0) do
    case {:unicode_util.cp(a0), :unicode_util.cp(b0)} do
      {[cp | a], [cp | b]} -> equal_1(a, b)
      {[], []} -> true
      {l1, l2} when is_list(l1) and is_list(l2) -> false
    end
  end

  defp equal_nocase(a, a), do: true

  defp equal_nocase(a0, b0) do
    a = :unicode_util.cp(:unicode_util.casefold(a0))
    b = :unicode_util.cp(:unicode_util.casefold(b0))

    case {a, b} do
      {[cp | a], [cp | b]} -> equal_nocase(a, b)
      {[], []} -> true
      {l1, l2} when is_list(l1) and is_list(l2) -> false
    end
  end

  defp equal_norm(a, a, _norm), do: true

  defp equal_norm(a0, b0, norm) do
    a = :unicode_util.cp(apply(:unicode_util, norm, [a0]))
    b = :unicode_util.cp(apply(:unicode_util, norm, [b0]))

    case {a, b} do
      {[cp | a], [cp | b]} -> equal_norm(a, b, norm)
      {[], []} -> true
      {l1, l2} when is_list(l1) and is_list(l2) -> false
    end
  end

  defp equal_norm_nocase(a, a, _norm), do: true

  defp equal_norm_nocase(a0, b0, norm) do
    a = :unicode_util.cp(:unicode_util.casefold(apply(:unicode_util, norm, [a0])))
    b = :unicode_util.cp(:unicode_util.casefold(apply(:unicode_util, norm, [b0])))

    case {a, b} do
      {[cp | a], [cp | b]} -> equal_norm_nocase(a, b, norm)
      {[], []} -> true
      {l1, l2} when is_list(l1) and is_list(l2) -> false
    end
  end

  defp reverse_1([cp1 | [cp2 | _] = cont], acc) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r,
    do: reverse_1(cont, [cp1 | acc])

  defp reverse_1(cd, acc) do
    case :unicode_util.gc(cd) do
      [gc | rest] -> reverse_1(rest, [gc | acc])
      [] -> acc
      {:error, err} -> :erlang.error({:badarg, err})
    end
  end

  defp reverse_b(<<cp2::utf8, rest::binary>>, cp1, acc) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r,
    do: reverse_b(rest, cp2, [cp1 | acc])

  defp reverse_b(bin0, cp1, acc) do
    [gc | bin1] = :unicode_util.gc([cp1 | bin0])

    case :unicode_util.cp(bin1) do
      [] -> [gc | acc]
      [cp3 | bin] -> reverse_b(bin, cp3, [gc | acc])
      {:error, err} -> :erlang.error({:badarg, err})
    end
  end

  defp slice_l0(<<cp1::utf8, bin::binary>>, n) when n > 0, do: slice_lb(bin, cp1, n)
  defp slice_l0(l, n), do: slice_l(l, n)

  defp slice_l([cp1 | [cp2 | _] = cont], n) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r and n > 0,
    do: slice_l(cont, n - 1)

  defp slice_l(cd, n) when n > 0 do
    case :unicode_util.gc(cd) do
      [_ | cont] -> slice_l(cont, n - 1)
      [] -> []
      {:error, err} -> :erlang.error({:badarg, err})
    end
  end

  defp slice_l(cont, 0), do: cont

  defp slice_lb(<<cp2::utf8, bin::binary>>, cp1, n) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r and n > 1,
    do: slice_lb(bin, cp2, n - 1)

  defp slice_lb(bin, cp1, n) do
    [_ | rest] = :unicode_util.gc([cp1 | bin])

    cond do
      n > 1 ->
        case :unicode_util.cp(rest) do
          [cp2 | cont] -> slice_lb(cont, cp2, n - 1)
          [] -> <<>>
          {:error, err} -> :erlang.error({:badarg, err})
        end

      n === 1 ->
        rest
    end
  end

  defp slice_trail(orig, n) when is_binary(orig) do
    case orig do
      <<cp1::utf8, bin::binary>> when n > 0 ->
        length = slice_bin(bin, cp1, n)
        sz = byte_size(orig) - length
        <<keep::binary-size(sz), _::binary>> = orig
        keep

      <<_, _::binary>> when n > 0 ->
        :erlang.error({:badarg, orig})

      _ ->
        <<>>
    end
  end

  defp slice_trail(cd, n) when is_list(cd), do: slice_list(cd, n)

  defp slice_list([cp1 | [cp2 | _] = cont], n) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r and n > 0,
    do: [cp1 | slice_list(cont, n - 1)]

  defp slice_list(cd, n) when n > 0 do
    case :unicode_util.gc(cd) do
      [gc | cont] -> append(gc, slice_list(cont, n - 1))
      [] -> []
      {:error, err} -> :erlang.error({:badarg, err})
    end
  end

  defp slice_list(_, 0), do: []

  # The number of bytes left after n clusters.
  defp slice_bin(<<cp2::utf8, bin::binary>>, cp1, n) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r and n > 0,
    do: slice_bin(bin, cp2, n - 1)

  defp slice_bin(cd, cp1, n) when n > 0 do
    [_ | bin] = :unicode_util.gc([cp1 | cd])

    case :unicode_util.cp(bin) do
      [cp2 | cont] -> slice_bin(cont, cp2, n - 1)
      [] -> 0
      {:error, err} -> :erlang.error({:badarg, err})
    end
  end

  defp slice_bin(cd, cp1, 0), do: byte_size(cd) + byte_size(<<cp1::utf8>>)

  # ----- case -------------------------------------------------------------------------

  # These throw :unchanged when nothing changed, so that the caller returns its argument.
  defp uppercase_list([cp1 | [cp2 | _] = cont], _changed) when cp1 >= ?a and cp1 <= ?z and cp2 < 256,
    do: [cp1 - 32 | uppercase_list(cont, true)]

  defp uppercase_list([cp1 | [cp2 | _] = cont], changed) when cp1 < 128 and cp2 < 256,
    do: [cp1 | uppercase_list(cont, changed)]

  defp uppercase_list([], true), do: []
  defp uppercase_list([], false), do: throw(:unchanged)

  defp uppercase_list(cps0, changed) do
    case :unicode_util.uppercase(cps0) do
      [char | cps] when char === hd(cps0) -> [char | uppercase_list(cps, changed)]
      [char | cps] -> append(char, uppercase_list(cps, true))
      [] -> uppercase_list([], changed)
    end
  end

  defp uppercase_bin(cp1, <<cp2::utf8, bin::binary>>, _changed) when cp1 >= ?a and cp1 <= ?z and cp2 < 256,
    do: [cp1 - 32 | uppercase_bin(cp2, bin, true)]

  defp uppercase_bin(cp1, <<cp2::utf8, bin::binary>>, changed) when cp1 < 128 and cp2 < 256,
    do: [cp1 | uppercase_bin(cp2, bin, changed)]

  defp uppercase_bin(cp1, bin, changed) do
    case :unicode_util.uppercase([cp1 | bin]) do
      [^cp1 | cps] -> case_bin_same(cp1, cps, changed, &uppercase_bin/3)
      [char | cps] -> case_bin_changed(char, cps, &uppercase_bin/3)
    end
  end

  defp lowercase_list([cp1 | [cp2 | _] = cont], _changed) when cp1 >= ?A and cp1 <= ?Z and cp2 < 256,
    do: [cp1 + 32 | lowercase_list(cont, true)]

  defp lowercase_list([cp1 | [cp2 | _] = cont], changed) when cp1 < 128 and cp2 < 256,
    do: [cp1 | lowercase_list(cont, changed)]

  defp lowercase_list([], true), do: []
  defp lowercase_list([], false), do: throw(:unchanged)

  defp lowercase_list(cps0, changed) do
    case :unicode_util.lowercase(cps0) do
      [char | cps] when char === hd(cps0) -> [char | lowercase_list(cps, changed)]
      [char | cps] -> append(char, lowercase_list(cps, true))
      [] -> lowercase_list([], changed)
    end
  end

  defp lowercase_bin(cp1, <<cp2::utf8, bin::binary>>, _changed) when cp1 >= ?A and cp1 <= ?Z and cp2 < 256,
    do: [cp1 + 32 | lowercase_bin(cp2, bin, true)]

  defp lowercase_bin(cp1, <<cp2::utf8, bin::binary>>, changed) when cp1 < 128 and cp2 < 256,
    do: [cp1 | lowercase_bin(cp2, bin, changed)]

  defp lowercase_bin(cp1, bin, changed) do
    case :unicode_util.lowercase([cp1 | bin]) do
      [^cp1 | cps] -> case_bin_same(cp1, cps, changed, &lowercase_bin/3)
      [char | cps] -> case_bin_changed(char, cps, &lowercase_bin/3)
    end
  end

  defp casefold_list([cp1 | [cp2 | _] = cont], _changed) when cp1 >= ?A and cp1 <= ?Z and cp2 < 256,
    do: [cp1 + 32 | casefold_list(cont, true)]

  defp casefold_list([cp1 | [cp2 | _] = cont], changed) when cp1 < 128 and cp2 < 256,
    do: [cp1 | casefold_list(cont, changed)]

  defp casefold_list([], true), do: []
  defp casefold_list([], false), do: throw(:unchanged)

  defp casefold_list(cps0, changed) do
    case :unicode_util.casefold(cps0) do
      [char | cps] when char === hd(cps0) -> [char | casefold_list(cps, changed)]
      [char | cps] -> append(char, casefold_list(cps, true))
      [] -> casefold_list([], changed)
    end
  end

  defp casefold_bin(cp1, <<cp2::utf8, bin::binary>>, _changed) when cp1 >= ?A and cp1 <= ?Z and cp2 < 256,
    do: [cp1 + 32 | casefold_bin(cp2, bin, true)]

  defp casefold_bin(cp1, <<cp2::utf8, bin::binary>>, changed) when cp1 < 128 and cp2 < 256,
    do: [cp1 | casefold_bin(cp2, bin, changed)]

  defp casefold_bin(cp1, bin, changed) do
    case :unicode_util.casefold([cp1 | bin]) do
      [^cp1 | cps] -> case_bin_same(cp1, cps, changed, &casefold_bin/3)
      [char | cps] -> case_bin_changed(char, cps, &casefold_bin/3)
    end
  end

  # The mapping left the code point as it was / changed it; `next` goes on from the rest.
  defp case_bin_same(cp1, cps, changed, next) do
    case :unicode_util.cp(cps) do
      [cp | rest] -> [cp1 | next.(cp, rest, changed)]
      [] when changed -> [cp1]
      [] -> throw(:unchanged)
      {:error, err} -> :erlang.error({:badarg, err})
    end
  end

  defp case_bin_changed(char, cps, next) do
    case :unicode_util.cp(cps) do
      [cp | rest] -> [char | next.(cp, rest, true)]
      [] -> [char]
      {:error, err} -> :erlang.error({:badarg, err})
    end
  end

  # ----- trim -------------------------------------------------------------------------

  # Leading, one Latin-1 separator, over a list.
  defp trim_ls([cp1 | [cp2 | _] = cont] = str, sep) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r do
    if cp1 === sep, do: trim_ls(cont, sep), else: str
  end

  defp trim_ls(str, sep), do: trim_l(str, [sep])

  defp trim_l([cp1 | [cp2 | _] = cont] = str, sep) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r do
    if :lists.member(cp1, sep), do: trim_l(cont, sep), else: str
  end

  defp trim_l([bin | cont0], sep) when is_binary(bin) do
    case bin_search_inv(bin, cont0, sep) do
      {:nomatch, cont} -> trim_l(cont, sep)
      keep -> keep
    end
  end

  defp trim_l(str, sep) when is_list(str) do
    case :unicode_util.gc(str) do
      [c | cs] -> if :lists.member(c, sep), do: trim_l(cs, sep), else: str
      [] -> []
    end
  end

  defp trim_l(bin, sep) when is_binary(bin) do
    case bin_search_inv(bin, [], sep) do
      {:nomatch, _} -> <<>>
      [keep] -> keep
    end
  end

  # Trailing, one Latin-1 separator, over a list.
  defp trim_ts([sep | cs1] = str, sep) do
    case cs1 do
      [] ->
        []

      [cp2 | _] when sep < 256 and cp2 < 256 and sep !== ?\r ->
        tail = trim_ts(cs1, sep)
        if is_empty(tail), do: [], else: [sep | tail]

      _ ->
        trim_t(str, 0, search_pattern([sep]))
    end
  end

  defp trim_ts([cp | cont], sep) when is_integer(cp), do: [cp | trim_ts(cont, sep)]
  defp trim_ts(str, sep), do: trim_t(str, 0, search_pattern([sep]))

  defp trim_t([cp1 | cont] = cs0, _, {gcs, cps, _} = seps) when is_integer(cp1) do
    if :lists.member(cp1, cps) do
      [gc | cs1] = :unicode_util.gc(cs0)
      trim_t_gc(gc, cs1, gcs, seps)
    else
      [cp1 | trim_t(cont, 0, seps)]
    end
  end

  defp trim_t([bin | cont0], n, {gcs, _, _} = seps0) when is_binary(bin) do
    <<_::binary-size(n), rest::binary>> = bin
    seps = search_compile(seps0)

    case bin_search(rest, cont0, seps) do
      {:nomatch, _} ->
        stack(bin, trim_t(cont0, 0, seps))

      [sep_start | cont1] ->
        case bin_search_inv(sep_start, cont1, gcs) do
          {:nomatch, cont} ->
            tail = trim_t(cont, 0, seps)

            if is_empty(tail) do
              keep_sz = byte_size(bin) - byte_size(sep_start)
              <<keep::binary-size(keep_sz), _::binary>> = bin
              keep
            else
              used = cp_prefix(cont0, cont)
              stack(bin, stack(used, tail))
            end

          [non_sep | cont] when is_binary(non_sep) ->
            keep_sz = byte_size(bin) - byte_size(non_sep)
            trim_t([bin | cont], keep_sz, seps)
        end
    end
  end

  defp trim_t(str, 0, {gcs, _, _} = seps) when is_list(str) do
    case :unicode_util.gc(str) do
      [gc | cs1] -> trim_t_gc(gc, cs1, gcs, seps)
      [] -> []
    end
  end

  defp trim_t(bin, n, {gcs, _, _} = seps0) when is_binary(bin) do
    <<_::binary-size(n), rest::binary>> = bin
    seps = search_compile(seps0)

    case bin_search(rest, [], seps) do
      {:nomatch, _} ->
        bin

      [sep_start] ->
        case bin_search_inv(sep_start, [], gcs) do
          {:nomatch, _} ->
            keep_sz = byte_size(bin) - byte_size(sep_start)
            <<keep::binary-size(keep_sz), _::binary>> = bin
            keep

          [non_sep] ->
            keep_sz = byte_size(bin) - byte_size(non_sep)
            trim_t(bin, keep_sz, seps)
        end
    end
  end

  # A separator cluster is kept only if something that is not one follows it.
  defp trim_t_gc(gc, cs1, gcs, seps) do
    if :lists.member(gc, gcs) do
      tail = trim_t(cs1, 0, seps)
      if is_empty(tail), do: [], else: append(gc, tail)
    else
      append(gc, trim_t(cs1, 0, seps))
    end
  end

  # ----- take -------------------------------------------------------------------------

  defp take_l([cp1 | [cp2 | _] = cont] = str, seps, acc) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r do
    if :lists.member(cp1, seps), do: take_l(cont, seps, [cp1 | acc]), else: {rev(acc), str}
  end

  defp take_l([bin | cont0], seps, acc) when is_binary(bin) do
    case bin_search_inv(bin, cont0, seps) do
      {:nomatch, cont} ->
        used = cp_prefix(cont0, cont)
        take_l(cont, seps, [:unicode.characters_to_binary([bin | used]) | acc])

      [bin1 | _] = after_ when is_binary(bin1) ->
        first = byte_size(bin) - byte_size(bin1)
        <<keep::binary-size(first), _::binary>> = bin
        {btoken(keep, acc), after_}
    end
  end

  defp take_l(str, seps, acc) when is_list(str) do
    case :unicode_util.gc(str) do
      [c | cs] ->
        if :lists.member(c, seps),
          do: take_l(cs, seps, append(rev(c), acc)),
          else: {rev(acc), str}

      [] ->
        {rev(acc), []}
    end
  end

  defp take_l(bin, seps, acc) when is_binary(bin) do
    case bin_search_inv(bin, [], seps) do
      {:nomatch, _} ->
        {btoken(bin, acc), <<>>}

      [after_] ->
        first = byte_size(bin) - byte_size(after_)
        <<keep::binary-size(first), _::binary>> = bin
        {btoken(keep, acc), after_}
    end
  end

  defp take_lc([cp1 | cont] = str0, {gcs, cps, _} = seps, acc) when is_integer(cp1) do
    if :lists.member(cp1, cps) do
      [gc | str] = :unicode_util.gc(str0)

      if :lists.member(gc, gcs),
        do: {rev(acc), str0},
        else: take_lc(str, seps, append(rev(gc), acc))
    else
      take_lc(cont, seps, append(cp1, acc))
    end
  end

  defp take_lc([bin | cont0], seps0, acc) when is_binary(bin) do
    seps = search_compile(seps0)

    case bin_search(bin, cont0, seps) do
      {:nomatch, cont} ->
        used = cp_prefix(cont0, cont)
        take_lc(cont, seps, [:unicode.characters_to_binary([bin | used]) | acc])

      [bin1 | _] = after_ when is_binary(bin1) ->
        first = byte_size(bin) - byte_size(bin1)
        <<keep::binary-size(first), _::binary>> = bin
        {btoken(keep, acc), after_}
    end
  end

  defp take_lc(str, {gcs, _, _} = seps, acc) when is_list(str) do
    case :unicode_util.gc(str) do
      [c | cs] ->
        if :lists.member(c, gcs),
          do: {rev(acc), str},
          else: take_lc(cs, seps, append(rev(c), acc))

      [] ->
        {rev(acc), []}
    end
  end

  defp take_lc(bin, seps0, acc) when is_binary(bin) do
    seps = search_compile(seps0)

    case bin_search(bin, [], seps) do
      {:nomatch, _} ->
        {btoken(bin, acc), <<>>}

      [after_] ->
        first = byte_size(bin) - byte_size(after_)
        <<keep::binary-size(first), _::binary>> = bin
        {btoken(keep, acc), after_}
    end
  end

  defp take_t([cp1 | cont] = str0, _, {gcs, cps, _} = seps) when is_integer(cp1) do
    if :lists.member(cp1, cps) do
      [gc | str] = :unicode_util.gc(str0)
      {head, tail} = take_t(str, 0, seps)
      take_t_join(:lists.member(gc, gcs), gc, head, tail)
    else
      {head, tail} = take_t(cont, 0, seps)
      {[cp1 | head], tail}
    end
  end

  defp take_t([bin | cont0], n, {gcs, _, _} = seps0) when is_binary(bin) do
    <<_::binary-size(n), rest::binary>> = bin
    seps = search_compile(seps0)

    case bin_search(rest, cont0, seps) do
      {:nomatch, cont} ->
        used = cp_prefix(cont0, cont)
        {head, tail} = take_t(cont, 0, seps)
        {stack(:unicode.characters_to_binary([bin | used]), head), tail}

      [sep_start | cont1] ->
        case bin_search_inv(sep_start, cont1, gcs) do
          {:nomatch, cont} ->
            {head, tail} = take_t(cont, 0, seps)
            take_t_bin_end(bin, sep_start, cont0, cont, head, tail)

          [non_sep | cont] when is_binary(non_sep) ->
            keep_sz = byte_size(bin) - byte_size(non_sep)
            take_t([bin | cont], keep_sz, seps)
        end
    end
  end

  defp take_t(str, 0, {gcs, _, _} = seps) when is_list(str) do
    case :unicode_util.gc(str) do
      [gc | cs1] ->
        {head, tail} = take_t(cs1, 0, seps)
        take_t_join(:lists.member(gc, gcs), gc, head, tail)

      [] ->
        {[], []}
    end
  end

  defp take_t(bin, n, {gcs, _, _} = seps0) when is_binary(bin) do
    <<_::binary-size(n), rest::binary>> = bin
    seps = search_compile(seps0)

    case bin_search(rest, [], seps) do
      {:nomatch, _} ->
        {bin, <<>>}

      [sep_start] ->
        case bin_search_inv(sep_start, [], gcs) do
          {:nomatch, _} ->
            keep_sz = byte_size(bin) - byte_size(sep_start)
            <<before::binary-size(keep_sz), end_::binary>> = bin
            {before, end_}

          [non_sep] ->
            keep_sz = byte_size(bin) - byte_size(non_sep)
            take_t(bin, keep_sz, seps)
        end
    end
  end

  # A cluster that belongs to the trailing part goes to the tail while the head after it
  # is empty.
  defp take_t_join(true, gc, head, tail) do
    if is_empty(head), do: {head, append(gc, tail)}, else: {append(gc, head), tail}
  end

  defp take_t_join(false, gc, head, tail), do: {append(gc, head), tail}

  # After the binary's last run of trailing clusters (and what of `cont0` they took).
  defp take_t_bin_end(bin, sep_start, cont0, cont, head, tail) do
    used = cp_prefix(cont0, cont)

    if is_empty(head) do
      keep_sz = byte_size(bin) - byte_size(sep_start)
      <<keep::binary-size(keep_sz), end_::binary>> = bin
      {keep, stack(stack(end_, used), tail)}
    else
      {stack(:unicode.characters_to_binary([bin | used]), head), tail}
    end
  end

  defp take_tc([cp1 | [cp2 | _] = cont], _, {gcs, _, _} = seps) when cp1 < 256 and cp2 < 256 and cp1 !== ?\r do
    {head, tail} = take_tc(cont, 0, seps)
    take_t_join(not :lists.member(cp1, gcs), cp1, head, tail)
  end

  defp take_tc([bin | cont0], n, {gcs, _, _} = seps0) when is_binary(bin) do
    <<_::binary-size(n), rest::binary>> = bin

    case bin_search_inv(rest, cont0, gcs) do
      {:nomatch, cont} ->
        used = cp_prefix(cont0, cont)
        {head, tail} = take_tc(cont, 0, seps0)
        {stack(:unicode.characters_to_binary([bin | used]), head), tail}

      [sep_start | cont1] ->
        seps = search_compile(seps0)

        case bin_search(sep_start, cont1, seps) do
          {:nomatch, cont} ->
            {head, tail} = take_tc(cont, 0, seps)
            take_t_bin_end(bin, sep_start, cont0, cont, head, tail)

          [non_sep | cont] when is_binary(non_sep) ->
            keep_sz = byte_size(bin) - byte_size(non_sep)
            take_tc([bin | cont], keep_sz, seps)
        end
    end
  end

  defp take_tc(str, 0, {gcs, _, _} = seps) when is_list(str) do
    case :unicode_util.gc(str) do
      [gc | cs1] ->
        {head, tail} = take_tc(cs1, 0, seps)
        take_t_join(not :lists.member(gc, gcs), gc, head, tail)

      [] ->
        {[], []}
    end
  end

  defp take_tc(bin, n, {gcs, _, _} = seps0) when is_binary(bin) do
    <<_::binary-size(n), rest::binary>> = bin

    case bin_search_inv(rest, [], gcs) do
      {:nomatch, _} ->
        {bin, <<>>}

      [sep_start] ->
        seps = search_compile(seps0)

        case bin_search(sep_start, [], seps) do
          {:nomatch, _} ->
            keep_sz = byte_size(bin) - byte_size(sep_start)
            <<before::binary-size(keep_sz), end_::binary>> = bin
            {before, end_}

          [non_sep] ->
            keep_sz = byte_size(bin) - byte_size(non_sep)
            take_tc(bin, keep_sz, seps)
        end
    end
  end

  # ----- prefix, split, find ----------------------------------------------------------

  # The rest after the code points of the prefix, or :nomatch. The last code point of the
  # prefix must be a whole cluster of the string.
  defp prefix_1(cs0, [gc]) do
    case :unicode_util.gc(cs0) do
      [^gc | cs] -> cs
      _ -> :nomatch
    end
  end

  defp prefix_1([cp | cs], [pre | pre_r]) when is_integer(cp) do
    if cp === pre, do: prefix_1(cs, pre_r), else: :nomatch
  end

  defp prefix_1(<<cp::utf8, cs::binary>>, [pre | pre_r]) do
    if cp === pre, do: prefix_1(cs, pre_r), else: :nomatch
  end

  defp prefix_1(cs0, [pre | pre_r]) do
    case :unicode_util.cp(cs0) do
      [^pre | cs] -> prefix_1(cs, pre_r)
      _ -> :nomatch
    end
  end

  # `[before, after]` when a leading split is done, else `{current, acc}` at the end.
  defp split_1([cp1 | cs] = cs0, [c | _] = needle, _, where, curr, acc) when is_integer(cp1) do
    if cp1 === c do
      split_found(prefix_1(cs0, needle), cs, needle, where, curr, acc, c)
    else
      split_1(cs, needle, 0, where, append(cp1, curr), acc)
    end
  end

  defp split_1([bin | cont0], needle, start, where, curr0, acc) when is_binary(bin) do
    case bin_search_str(bin, start, cont0, needle) do
      {:nomatch, sz, cont} ->
        <<keep::binary-size(sz), _::binary>> = bin
        split_1(cont, needle, 0, where, [keep | curr0], acc)

      {before, [cs0 | cont], after_} ->
        curr = add_non_empty(before, curr0)

        case where do
          :leading ->
            [rev(curr), after_]

          :trailing ->
            <<_::utf8, cs::binary>> = cs0
            next = byte_size(bin) - byte_size(cs)
            split_1([bin | cont], needle, next, where, curr0, [rev(curr), after_])

          :all ->
            split_1(after_, needle, 0, where, [], [rev(curr) | acc])
        end
    end
  end

  defp split_1(cs0, [c | _] = needle, _, where, curr, acc) when is_list(cs0) do
    case :unicode_util.cp(cs0) do
      [^c | cs] -> split_found(prefix_1(cs0, needle), cs, needle, where, curr, acc, c)
      [other | cs] -> split_1(cs, needle, 0, where, append(other, curr), acc)
      [] -> {rev(curr), acc}
    end
  end

  defp split_1(bin, [_c | _] = needle, start, where, curr0, acc) do
    case bin_search_str(bin, start, [], needle) do
      {:nomatch, _, _} ->
        <<_::binary-size(start), keep::binary>> = bin
        {rev([keep | curr0]), acc}

      {before, [cs0], after_} ->
        case where do
          :leading ->
            [rev([before | curr0]), after_]

          :trailing ->
            <<_::utf8, cs::binary>> = cs0
            next = byte_size(bin) - byte_size(cs)
            split_1(bin, needle, next, where, curr0, [btoken(before, curr0), after_])

          :all ->
            next = byte_size(bin) - byte_size(after_)
            <<_::binary-size(start), keep::binary>> = before
            curr = [keep | curr0]
            split_1(bin, needle, next, where, [], [rev(curr) | acc])
        end
    end
  end

  # The needle's first code point `c` starts here; `rest` is what follows the needle.
  defp split_found(:nomatch, cs, needle, where, curr, acc, c),
    do: split_1(cs, needle, 0, where, append(c, curr), acc)

  defp split_found(rest, _cs, _needle, :leading, curr, _acc, _c), do: [rev(curr), rest]

  defp split_found(rest, cs, needle, :trailing, curr, _acc, c),
    do: split_1(cs, needle, 0, :trailing, [c | curr], [rev(curr), rest])

  defp split_found(rest, _cs, needle, :all, curr, acc, _c),
    do: split_1(rest, needle, 0, :all, [], [rev(curr) | acc])

  defp find_l([c1 | cs] = cs0, [c | _] = needle) when is_integer(c1) do
    if c1 === c and prefix_1(cs0, needle) !== :nomatch, do: cs0, else: find_l(cs, needle)
  end

  defp find_l([bin | cont0], needle) when is_binary(bin) do
    case bin_search_str(bin, 0, cont0, needle) do
      {:nomatch, _, cont} -> find_l(cont, needle)
      {_before, cs, _after} -> cs
    end
  end

  defp find_l(cs0, [c | _] = needle) when is_list(cs0) do
    case :unicode_util.cp(cs0) do
      [^c | cs] -> if prefix_1(cs0, needle) === :nomatch, do: find_l(cs, needle), else: cs0
      [_c | cs] -> find_l(cs, needle)
      [] -> :nomatch
    end
  end

  defp find_l(bin, needle) do
    case bin_search_str(bin, 0, [], needle) do
      {:nomatch, _, _} -> :nomatch
      {_before, [cs], _after} -> cs
    end
  end

  # The last match: the search goes on after each one.
  defp find_r([cp | cs] = cs0, [c | _] = needle, res) when is_integer(cp) do
    if cp === c and prefix_1(cs0, needle) !== :nomatch,
      do: find_r(cs, needle, cs0),
      else: find_r(cs, needle, res)
  end

  defp find_r([bin | cont0], needle, res) when is_binary(bin) do
    case bin_search_str(bin, 0, cont0, needle) do
      {:nomatch, _, cont} ->
        find_r(cont, needle, res)

      {_, cs0, _} ->
        [_ | cs] = :unicode_util.gc(cs0)
        find_r(cs, needle, cs0)
    end
  end

  defp find_r(cs0, [c | _] = needle, res) when is_list(cs0) do
    case :unicode_util.cp(cs0) do
      [^c | cs] ->
        if prefix_1(cs0, needle) === :nomatch,
          do: find_r(cs, needle, res),
          else: find_r(cs, needle, cs0)

      [_c | cs] ->
        find_r(cs, needle, res)

      [] ->
        res
    end
  end

  defp find_r(bin, needle, res) do
    case bin_search_str(bin, 0, [], needle) do
      {:nomatch, _, _} ->
        res

      {_before, [cs0], _after} ->
        <<_::utf8, cs::binary>> = cs0
        find_r(cs, needle, cs0)
    end
  end

  # ----- lexemes ----------------------------------------------------------------------

  defp lexemes_m([cp | _] = cs0, {gcs, cps, _} = seps0, ts) when is_integer(cp) do
    if :lists.member(cp, cps) do
      [gc | cs2] = :unicode_util.gc(cs0)

      if :lists.member(gc, gcs),
        do: lexemes_m(cs2, seps0, ts),
        else: lexemes_pick(cs0, seps0, ts)
    else
      lexemes_pick(cs0, seps0, ts)
    end
  end

  defp lexemes_m([bin | cont0], {gcs, _, _} = seps0, ts) when is_binary(bin) do
    case bin_search_inv(bin, cont0, gcs) do
      {:nomatch, cont} -> lexemes_m(cont, seps0, ts)
      cs -> lexemes_pick(cs, seps0, ts)
    end
  end

  defp lexemes_m(cs0, {gcs, _, _} = seps0, ts) when is_list(cs0) do
    case :unicode_util.gc(cs0) do
      [c | cs] ->
        if :lists.member(c, gcs),
          do: lexemes_m(cs, seps0, ts),
          else: lexemes_pick(cs0, seps0, ts)

      [] ->
        :lists.reverse(ts)
    end
  end

  defp lexemes_m(bin, {gcs, _, _} = seps0, ts) when is_binary(bin) do
    case bin_search_inv(bin, [], gcs) do
      {:nomatch, _} ->
        :lists.reverse(ts)

      [cs] ->
        seps = search_compile(seps0)
        {lexeme, rest} = lexeme_pick(cs, seps, [])
        lexemes_m(rest, seps, add_non_empty(lexeme, ts))
    end
  end

  defp lexemes_pick(cs, seps0, ts) do
    seps = search_compile(seps0)
    {lexeme, rest} = lexeme_pick(cs, seps, [])
    lexemes_m(rest, seps, [lexeme | ts])
  end

  defp lexeme_pick([cp | cs1] = cs0, {gcs, cps, _} = seps, tkn) when is_integer(cp) do
    if :lists.member(cp, cps) do
      [gc | cs2] = :unicode_util.gc(cs0)

      if :lists.member(gc, gcs),
        do: {rev(tkn), cs2},
        else: lexeme_pick(cs2, seps, append(rev(gc), tkn))
    else
      lexeme_pick(cs1, seps, [cp | tkn])
    end
  end

  defp lexeme_pick([bin | cont0], seps, tkn) when is_binary(bin) do
    case bin_search(bin, cont0, seps) do
      {:nomatch, _} ->
        lexeme_pick(cont0, seps, [bin | tkn])

      [left | _cont] = cs ->
        bytes = byte_size(bin) - byte_size(left)
        <<lexeme::binary-size(bytes), _::binary>> = bin
        {btoken(lexeme, tkn), cs}
    end
  end

  defp lexeme_pick(cs0, {gcs, cps, _} = seps, tkn) when is_list(cs0) do
    case :unicode_util.cp(cs0) do
      [cp | cs] ->
        if :lists.member(cp, cps) do
          [gc | cs2] = :unicode_util.gc(cs0)

          if :lists.member(gc, gcs),
            do: {rev(tkn), cs2},
            else: lexeme_pick(cs2, seps, append(rev(gc), tkn))
        else
          lexeme_pick(cs, seps, append(cp, tkn))
        end

      [] ->
        {rev(tkn), []}
    end
  end

  defp lexeme_pick(bin, seps, tkn) when is_binary(bin) do
    case bin_search(bin, [], seps) do
      {:nomatch, _} ->
        {btoken(bin, tkn), []}

      [left] ->
        bytes = byte_size(bin) - byte_size(left)
        <<lexeme::binary-size(bytes), _::binary>> = bin
        {btoken(lexeme, tkn), left}
    end
  end

  defp nth_lexeme_m([bin | cont0], {gcs, _, _} = seps0, n) when is_binary(bin) do
    case bin_search_inv(bin, cont0, gcs) do
      {:nomatch, cont} ->
        nth_lexeme_m(cont, seps0, n)

      cs when n > 1 ->
        rest = lexeme_skip(cs, seps0)
        nth_lexeme_m(rest, seps0, n - 1)

      cs ->
        seps = search_compile(seps0)
        {lexeme, _} = lexeme_pick(cs, seps, [])
        lexeme
    end
  end

  defp nth_lexeme_m(cs0, {gcs, _, _} = seps0, n) when is_list(cs0) do
    case :unicode_util.gc(cs0) do
      [c | cs] ->
        cond do
          :lists.member(c, gcs) ->
            nth_lexeme_m(cs, seps0, n)

          n > 1 ->
            cs1 = lexeme_skip(cs, seps0)
            nth_lexeme_m(cs1, seps0, n - 1)

          true ->
            seps = search_compile(seps0)
            {lexeme, _} = lexeme_pick(cs0, seps, [])
            lexeme
        end

      [] ->
        []
    end
  end

  defp nth_lexeme_m(bin, {gcs, _, _} = seps0, n) when is_binary(bin) do
    seps = search_compile(seps0)

    case bin_search_inv(bin, [], gcs) do
      [cs] when n > 1 ->
        cs1 = lexeme_skip(cs, seps)
        nth_lexeme_m(cs1, seps, n - 1)

      [cs] ->
        {lexeme, _} = lexeme_pick(cs, seps, [])
        lexeme

      {:nomatch, _} ->
        <<>>
    end
  end

  defp lexeme_skip([cp | cs1] = cs0, {gcs, cps, _} = seps) when is_integer(cp) do
    if :lists.member(cp, cps) do
      [gc | cs2] = :unicode_util.gc(cs0)
      if :lists.member(gc, gcs), do: cs2, else: lexeme_skip(cs2, seps)
    else
      lexeme_skip(cs1, seps)
    end
  end

  defp lexeme_skip([bin | cont0], seps0) when is_binary(bin) do
    seps = search_compile(seps0)

    case bin_search(bin, cont0, seps) do
      {:nomatch, _} -> lexeme_skip(cont0, seps)
      cs -> tl(:unicode_util.gc(cs))
    end
  end

  defp lexeme_skip(cs0, {gcs, cps, _} = seps) when is_list(cs0) do
    case :unicode_util.cp(cs0) do
      [cp | cs] ->
        if :lists.member(cp, cps) do
          [gc | cs2] = :unicode_util.gc(cs0)
          if :lists.member(gc, gcs), do: cs2, else: lexeme_skip(cs2, seps)
        else
          lexeme_skip(cs, seps)
        end

      [] ->
        []
    end
  end

  defp lexeme_skip(bin, seps0) when is_binary(bin) do
    seps = search_compile(seps0)

    case bin_search(bin, [], seps) do
      {:nomatch, _} -> <<>>
      [left] -> tl(:unicode_util.gc(left))
    end
  end

  # ----- putting pieces together ------------------------------------------------------

  # A token of the reversed code points in `acc` and a binary part, without wrapping a
  # lone binary in a list.
  defp btoken(token, []), do: token
  defp btoken(bin_part, [c]) when is_integer(c), do: <<c::utf8, bin_part::binary>>
  defp btoken(<<>>, tkn), do: :lists.reverse(tkn)
  defp btoken(bin_part, cs), do: [:lists.reverse(cs), bin_part]

  defp rev([b]) when is_binary(b), do: b
  defp rev(l) when is_list(l), do: :lists.reverse(l)
  defp rev(c) when is_integer(c), do: c

  # A cluster (a code point or a list of them) in front of chardata.
  defp append(char, <<>>) when is_integer(char), do: [char]
  defp append(char, <<>>) when is_list(char), do: char
  defp append(char, bin) when is_binary(bin), do: [char, bin]
  defp append(char, str) when is_integer(char), do: [char | str]
  defp append(gc, str) when is_list(gc), do: gc ++ str

  defp stack(bin, []), do: bin
  defp stack(<<>>, st), do: st
  defp stack([], st), do: st
  defp stack(bin, st), do: [bin | st]

  defp add_non_empty(<<>>, l), do: l
  defp add_non_empty(token, l), do: [token | l]

  # The code points of `orig` before the point where `cont` (a tail of it) starts.
  defp cp_prefix(orig, cont) do
    case :unicode_util.cp(cont) do
      [] -> orig
      [cp | rest] -> cp_prefix_1(orig, cp, rest)
    end
  end

  defp cp_prefix_1(orig, until, cont) do
    case :unicode_util.cp(orig) do
      [^until | rest] ->
        if equal(rest, cont), do: [], else: [until | cp_prefix_1(rest, until, cont)]

      [cp | rest] ->
        [cp | cp_prefix_1(rest, until, cont)]
    end
  end

  # ----- searching binaries -----------------------------------------------------------

  # Separators (clusters) as `{clusters, their first code points, :undefined or the first
  # code points as UTF-8 binaries for :binary.match}`.
  defp search_pattern({_, _, _} = p), do: p
  defp search_pattern(seps), do: {seps, search_cp(seps), :undefined}

  defp search_compile({sep, cps, :undefined}), do: {sep, cps, bin_pattern(cps)}
  defp search_compile({_, _, _} = compiled), do: compiled

  defp search_cp([cp | seps]) when is_integer(cp), do: [cp | search_cp(seps)]

  defp search_cp([pattern | seps]) do
    [cp | _] = :unicode_util.cp(pattern)
    [cp | search_cp(seps)]
  end

  defp search_cp([]), do: []

  defp bin_pattern([cp | seps]), do: [<<cp::utf8>> | bin_pattern(seps)]
  defp bin_pattern([]), do: []

  defp bin_search(bin, cont, {seps, _, bp}), do: bin_search_loop(bin, 0, bp, cont, seps)

  # The first separator cluster in `bin` (then `cont`): `[rest_from_it | cont]`, or
  # `{:nomatch, rest}`.
  defp bin_search_loop(bin0, start, _, cont, _seps) when byte_size(bin0) <= start or start < 0,
    do: {:nomatch, cont}

  defp bin_search_loop(bin0, start, bin_seps, cont, seps) do
    <<_::binary-size(start), bin::binary>> = bin0

    case :binary.match(bin, bin_seps) do
      :nomatch ->
        {:nomatch, cont}

      {where, _cl} when cont === [] ->
        <<_::binary-size(where), cont1::binary>> = bin
        [gc | cont2] = :unicode_util.gc(cont1)

        cond do
          :lists.member(gc, seps) ->
            [cont1]

          cont2 === [] ->
            {:nomatch, []}

          true ->
            next = byte_size(bin0) - byte_size(cont2)
            bin_search_loop(bin0, next, bin_seps, cont, seps)
        end

      {where, _cl} ->
        <<_::binary-size(where), cont0::binary>> = bin
        cont1 = [cont0 | cont]
        [gc | cont2] = :unicode_util.gc(cont1)

        if :lists.member(gc, seps) do
          cont1
        else
          case cont2 do
            [bin_r | ^cont] when is_binary(bin_r) ->
              next = byte_size(bin0) - byte_size(bin_r)
              bin_search_loop(bin0, next, bin_seps, cont, seps)

            _ ->
              {:nomatch, cont2}
          end
        end
    end
  end

  # The first cluster in `bin` (then `cont`) that is not a separator: `[rest_from_it |
  # cont]`, or `{:nomatch, rest}`.
  defp bin_search_inv(<<>>, cont, _), do: {:nomatch, cont}
  defp bin_search_inv(bin, cont, [sep]), do: bin_search_inv_1(bin, cont, sep)
  defp bin_search_inv(bin, cont, seps), do: bin_search_inv_n(bin, cont, seps)

  defp bin_search_inv_1(<<cp1::utf8, bin_rest::binary>> = bin0, cont, sep) do
    case bin_rest do
      <<cp2::utf8, _::binary>> when cp1 < 256 and cp2 < 256 and cp1 !== ?\r ->
        if cp1 === sep, do: bin_search_inv_1(bin_rest, cont, sep), else: [bin0 | cont]

      _ when cont === [] ->
        case :unicode_util.gc(bin0) do
          [^sep | bin] -> bin_search_inv_1(bin, cont, sep)
          _ -> [bin0 | cont]
        end

      _ ->
        case :unicode_util.gc([bin0 | cont]) do
          [^sep, bin | ^cont] when is_binary(bin) -> bin_search_inv_1(bin, cont, sep)
          [^sep | cs] -> {:nomatch, cs}
          _ -> [bin0 | cont]
        end
    end
  end

  defp bin_search_inv_1(<<>>, cont, _sep), do: {:nomatch, cont}
  defp bin_search_inv_1([], cont, _sep), do: {:nomatch, cont}
  defp bin_search_inv_1(bin, _, _), do: :erlang.error({:badarg, bin})

  defp bin_search_inv_n(<<cp1::utf8, bin_rest::binary>> = bin0, cont, seps) do
    case bin_rest do
      <<cp2::utf8, _::binary>> when cp1 < 256 and cp2 < 256 and cp1 !== ?\r ->
        if :lists.member(cp1, seps),
          do: bin_search_inv_n(bin_rest, cont, seps),
          else: [bin0 | cont]

      _ when cont === [] ->
        [gc | bin] = :unicode_util.gc(bin0)
        if :lists.member(gc, seps), do: bin_search_inv_n(bin, cont, seps), else: [bin0 | cont]

      _ ->
        [gc | cs0] = :unicode_util.gc([bin0 | cont])

        if :lists.member(gc, seps) do
          case cs0 do
            [bin | ^cont] when is_binary(bin) -> bin_search_inv_n(bin, cont, seps)
            _ -> {:nomatch, cs0}
          end
        else
          [bin0 | cont]
        end
    end
  end

  defp bin_search_inv_n(<<>>, cont, _sep), do: {:nomatch, cont}
  defp bin_search_inv_n([], cont, _sep), do: {:nomatch, cont}
  defp bin_search_inv_n(bin, _, _), do: :erlang.error({:badarg, bin})

  # The first occurrence of the code points `search_cps` in `bin` from byte `start` (then
  # `cont`): `{before, [from_it | cont], after}` or `{:nomatch, bytes_searched, rest}`.
  defp bin_search_str(bin0, start, [], search_cps) do
    whole = :unicode.characters_to_binary(search_cps)
    bin_search_str_1(bin0, start, whole, search_cps)
  end

  defp bin_search_str(bin0, start, cont, [cp | _] = search_cps),
    do: bin_search_str_2(bin0, start, cont, <<cp::utf8>>, search_cps)

  defp bin_search_str_1(bin0, start, first, search_cps) do
    <<_::binary-size(start), bin::binary>> = bin0

    case :binary.match(bin, first) do
      :nomatch ->
        {:nomatch, byte_size(bin0), []}

      {where0, _} ->
        where = start + where0
        <<keep::binary-size(where), cs0::binary>> = bin0

        case prefix_1(cs0, search_cps) do
          :nomatch ->
            <<_::utf8, cs::binary>> = cs0
            keep_sz = byte_size(bin0) - byte_size(cs)
            bin_search_str_1(bin0, keep_sz, first, search_cps)

          [] ->
            {keep, [cs0], <<>>}

          rest ->
            {keep, [cs0], rest}
        end
    end
  end

  defp bin_search_str_2(bin0, start, cont, first, search_cps) do
    <<_::binary-size(start), bin::binary>> = bin0

    case :binary.match(bin, first) do
      :nomatch ->
        {:nomatch, byte_size(bin0), cont}

      {where0, _} ->
        where = start + where0
        <<keep::binary-size(where), cs0::binary>> = bin0
        [gc | cs] = :unicode_util.gc(cs0)

        case prefix_1(stack(cs0, cont), search_cps) do
          :nomatch when is_binary(cs) ->
            keep_sz = byte_size(bin0) - byte_size(cs)
            bin_search_str_2(bin0, keep_sz, cont, first, search_cps)

          :nomatch ->
            {:nomatch, where, stack([gc | cs], cont)}

          [] ->
            {keep, [cs0 | cont], <<>>}

          rest ->
            {keep, [cs0 | cont], rest}
        end
    end
  end

  # ----- the old list API -------------------------------------------------------------

  def len(s), do: :erlang.length(s)

  def concat(s1, s2), do: s1 ++ s2

  def chr(s, c) when is_integer(c), do: chr(s, c, 1)

  defp chr([c | _cs], c, i), do: i
  defp chr([_ | cs], c, i), do: chr(cs, c, i + 1)
  defp chr([], _c, _i), do: 0

  def rchr(s, c) when is_integer(c), do: rchr(s, c, 1, 0)

  defp rchr([c | cs], c, i, _l), do: rchr(cs, c, i + 1, i)
  defp rchr([_ | cs], c, i, l), do: rchr(cs, c, i + 1, l)
  defp rchr([], _c, _i, l), do: l

  def str(s, sub) when is_list(sub), do: str(s, sub, 1)

  defp str([c | s], [c | sub], i) do
    if l_prefix(sub, s), do: i, else: str(s, [c | sub], i + 1)
  end

  defp str([_ | s], sub, i), do: str(s, sub, i + 1)
  defp str([], _sub, _i), do: 0

  def rstr(s, sub) when is_list(sub), do: rstr(s, sub, 1, 0)

  defp rstr([c | s], [c | sub], i, l) do
    if l_prefix(sub, s), do: rstr(s, [c | sub], i + 1, i), else: rstr(s, [c | sub], i + 1, l)
  end

  defp rstr([_ | s], sub, i, l), do: rstr(s, sub, i + 1, l)
  defp rstr([], _sub, _i, l), do: l

  defp l_prefix([c | pre], [c | string]), do: l_prefix(pre, string)
  defp l_prefix([], string) when is_list(string), do: true
  defp l_prefix(pre, string) when is_list(pre) and is_list(string), do: false

  def span(s, cs) when is_list(cs), do: span(s, cs, 0)

  defp span([c | s], cs, i) do
    if :lists.member(c, cs), do: span(s, cs, i + 1), else: i
  end

  defp span([], _cs, i), do: i

  def cspan(s, cs) when is_list(cs), do: cspan(s, cs, 0)

  defp cspan([c | s], cs, i) do
    if :lists.member(c, cs), do: i, else: cspan(s, cs, i + 1)
  end

  defp cspan([], _cs, i), do: i

  def substr(string, 1) when is_list(string), do: string
  def substr(string, s) when is_integer(s) and s > 1, do: substr2(string, s)

  def substr(string, s, l) when is_integer(s) and s >= 1 and is_integer(l) and l >= 0,
    do: substr1(substr2(string, s), l)

  defp substr1([c | string], l) when l > 0, do: [c | substr1(string, l - 1)]
  defp substr1(string, _l) when is_list(string), do: []

  defp substr2(string, 1) when is_list(string), do: string
  defp substr2([_ | string], s), do: substr2(string, s - 1)

  def tokens(s, seps) do
    case seps do
      [] ->
        case s do
          [] -> []
          [_ | _] -> [s]
        end

      [c] ->
        tokens_single_1(:lists.reverse(s), c, [])

      [_ | _] ->
        tokens_multiple_1(:lists.reverse(s), seps, [])
    end
  end

  # The tokens are collected from the end of the string.
  defp tokens_single_1([sep | s], sep, toks), do: tokens_single_1(s, sep, toks)
  defp tokens_single_1([c | s], sep, toks), do: tokens_single_2(s, sep, toks, [c])
  defp tokens_single_1([], _, toks), do: toks

  defp tokens_single_2([sep | s], sep, toks, tok), do: tokens_single_1(s, sep, [tok | toks])
  defp tokens_single_2([c | s], sep, toks, tok), do: tokens_single_2(s, sep, toks, [c | tok])
  defp tokens_single_2([], _sep, toks, tok), do: [tok | toks]

  defp tokens_multiple_1([c | s], seps, toks) do
    if :lists.member(c, seps),
      do: tokens_multiple_1(s, seps, toks),
      else: tokens_multiple_2(s, seps, toks, [c])
  end

  defp tokens_multiple_1([], _seps, toks), do: toks

  defp tokens_multiple_2([c | s], seps, toks, tok) do
    if :lists.member(c, seps),
      do: tokens_multiple_1(s, seps, [tok | toks]),
      else: tokens_multiple_2(s, seps, toks, [c | tok])
  end

  defp tokens_multiple_2([], _seps, toks, tok), do: [tok | toks]

  def chars(c, n), do: chars(c, n, [])

  def chars(c, n, tail) when n > 0, do: chars(c, n - 1, [c | tail])
  def chars(c, 0, tail) when is_integer(c), do: tail

  def copies(char_list, num) when is_list(char_list) and is_integer(num) and num >= 0,
    do: copies(char_list, num, [])

  defp copies(_char_list, 0, r), do: r
  defp copies(char_list, num, r), do: copies(char_list, num - 1, char_list ++ r)

  def words(string), do: words(string, ?\s)

  def words(string, char) when is_integer(char), do: w_count(strip(string, :both, char), char, 0)

  defp w_count([], _, num), do: num + 1
  defp w_count([h | t], h, num), do: w_count(strip(t, :left, h), h, num + 1)
  defp w_count([_h | t], char, num), do: w_count(t, char, num)

  def sub_word(string, index), do: sub_word(string, index, ?\s)

  def sub_word(string, index, char) when is_integer(index) and is_integer(char) do
    case words(string, char) do
      num when num < index -> []
      _num -> s_word(strip(string, :left, char), index, char, 1, [])
    end
  end

  defp s_word([], _, _, _, res), do: :lists.reverse(res)
  defp s_word([char | _], index, char, index, res), do: :lists.reverse(res)
  defp s_word([h | t], index, char, index, res), do: s_word(t, index, char, index, [h | res])

  defp s_word([char | t], stop, char, index, res) when index < stop,
    do: s_word(strip(t, :left, char), stop, char, index + 1, res)

  defp s_word([_ | t], stop, char, index, res) when index < stop,
    do: s_word(t, stop, char, index, res)

  def strip(string), do: strip(string, :both)

  def strip(string, :left), do: strip_left(string, ?\s)
  def strip(string, :right), do: strip_right(string, ?\s)
  def strip(string, :both), do: strip_right(strip_left(string, ?\s), ?\s)

  def strip(string, :right, char), do: strip_right(string, char)
  def strip(string, :left, char), do: strip_left(string, char)
  def strip(string, :both, char), do: strip_right(strip_left(string, char), char)

  defp strip_left([sc | s], sc), do: strip_left(s, sc)
  defp strip_left([_ | _] = s, sc) when is_integer(sc), do: s
  defp strip_left([], sc) when is_integer(sc), do: []

  defp strip_right([sc | s], sc) do
    case strip_right(s, sc) do
      [] -> []
      t -> [sc | t]
    end
  end

  defp strip_right([c | s], sc), do: [c | strip_right(s, sc)]
  defp strip_right([], sc) when is_integer(sc), do: []

  def left(string, len) when is_integer(len), do: left(string, len, ?\s)

  def left(string, len, char) when is_integer(char) do
    slen = :erlang.length(string)

    cond do
      slen > len -> substr(string, 1, len)
      slen < len -> l_pad(string, len - slen, char)
      slen === len -> string
    end
  end

  defp l_pad(string, num, char), do: string ++ chars(char, num)

  def right(string, len) when is_integer(len), do: right(string, len, ?\s)

  def right(string, len, char) when is_integer(char) do
    slen = :erlang.length(string)

    cond do
      slen > len -> substr(string, slen - len + 1)
      slen < len -> r_pad(string, len - slen, char)
      slen === len -> string
    end
  end

  defp r_pad(string, num, char), do: chars(char, num, string)

  def centre(string, len) when is_integer(len), do: centre(string, len, ?\s)

  def centre(string, 0, char) when is_list(string) and is_integer(char), do: []

  def centre(string, len, char) when is_integer(char) do
    slen = :erlang.length(string)

    cond do
      slen > len ->
        substr(string, div(slen - len, 2) + 1, len)

      slen < len ->
        n = div(len - slen, 2)
        r_pad(l_pad(string, len - (slen + n), char), n, char)

      slen === len ->
        string
    end
  end

  def sub_string(string, start), do: substr(string, start)
  def sub_string(string, start, stop), do: substr(string, start, stop - start + 1)

  # Latin-1 letters only.
  def to_lower(s) when is_list(s), do: :lists.map(&to_lower_char/1, s)
  def to_lower(c) when is_integer(c), do: to_lower_char(c)

  def to_upper(s) when is_list(s), do: :lists.map(&to_upper_char/1, s)
  def to_upper(c) when is_integer(c), do: to_upper_char(c)

  defp to_lower_char(c) when is_integer(c) and c >= ?A and c <= ?Z, do: c + 32
  defp to_lower_char(c) when is_integer(c) and c >= 0xC0 and c <= 0xD6, do: c + 32
  defp to_lower_char(c) when is_integer(c) and c >= 0xD8 and c <= 0xDE, do: c + 32
  defp to_lower_char(c), do: c

  defp to_upper_char(c) when is_integer(c) and c >= ?a and c <= ?z, do: c - 32
  defp to_upper_char(c) when is_integer(c) and c >= 0xE0 and c <= 0xF6, do: c - 32
  defp to_upper_char(c) when is_integer(c) and c >= 0xF8 and c <= 0xFE, do: c - 32
  defp to_upper_char(c), do: c

  def join([], sep) when is_list(sep), do: []
  def join([h | t], sep), do: h ++ :lists.append(:lists.map(fn x -> sep ++ x end, t))
end
