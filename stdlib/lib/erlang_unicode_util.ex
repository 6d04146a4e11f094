# OTP 25's `unicode_util`: code points and grapheme clusters taken one at a time from
# chardata (nested lists of code points and UTF-8 binaries), case mapping and
# normalization per cluster. `:string` is built on it, and the shapes of what `:string`
# returns (binary, list or mixed chardata) come from what `cp/1` and `gc/1` leave as the
# rest, so these walk chardata the way OTP's do: `cp/1` flattens at most a few code points
# of nested lists ahead, a binary rest stays a binary.
#
# The Unicode data (Unicode 14.0, as OTP 25 has it) is in the VM
# (vm/src/natives/unicode_tables.rs, generated from OTP by scripts/gen-unicode-tables.exs):
# `:beamlet.uc_flags/1` (grapheme-cluster properties), `uc_case/1` (case mappings),
# `uc_table/1` (combining class and decompositions), `uc_compose/2`.
#
# OTP's clusters follow UAX #29 with its own simplifications (a prepend takes one cluster,
# spacing marks count as extenders, Latin-1 control characters take combining marks);
# these do the same.
defmodule :unicode_util do
  # Bits of `:beamlet.uc_flags/1` (unicode_tables.rs).
  @extend 1
  @zwj 2
  @ext_pict 4
  @control 8
  @prepend 16
  @alone 32

  def spec_version, do: {14, 0}

  def lookup(cp) do
    {ccc, canon, compat} = :beamlet.uc_table(cp)
    %{ccc: ccc, canon: canon, compat: compat}
  end

  def get_case(cp) do
    case :beamlet.uc_case(cp) do
      {u, l} -> %{upper: u, lower: l, title: u, fold: l}
      {u, l, t, f} -> %{upper: u, lower: l, title: t, fold: f}
    end
  end

  # ----- case mapping of the first code point -----------------------------------------

  def uppercase(str0) do
    case cp(str0) do
      [cp | str] ->
        case :beamlet.uc_case(cp) do
          {upper, _} -> [upper | str]
          {upper, _, _, _} -> [upper | str]
        end

      [] ->
        []

      {:error, err} ->
        :erlang.error({:badarg, err})
    end
  end

  def lowercase(str0) do
    case cp(str0) do
      [cp | str] ->
        case :beamlet.uc_case(cp) do
          {_, lower} -> [lower | str]
          {_, lower, _, _} -> [lower | str]
        end

      [] ->
        []

      {:error, err} ->
        :erlang.error({:badarg, err})
    end
  end

  def titlecase(str0) do
    case cp(str0) do
      [cp | str] ->
        case :beamlet.uc_case(cp) do
          {_, _, title, _} -> [title | str]
          {upper, _} -> [upper | str]
        end

      [] ->
        []

      {:error, err} ->
        :erlang.error({:badarg, err})
    end
  end

  def casefold(str0) do
    case cp(str0) do
      [cp | str] ->
        case :beamlet.uc_case(cp) do
          {_, _, _, fold} -> [fold | str]
          {_, lower} -> [lower | str]
        end

      [] ->
        []

      {:error, err} ->
        :erlang.error({:badarg, err})
    end
  end

  # ----- normalization of the first grapheme cluster ------------------------------------

  def nfd(str0) do
    case gc(str0) do
      [gc | r] when gc < 128 -> [gc | r]
      [gc | str] -> [decompose(gc) | str]
      [] -> []
      {:error, _} = error -> error
    end
  end

  def nfkd(str0) do
    case gc(str0) do
      [gc | r] when gc < 128 -> [gc | r]
      [gc | str] -> [decompose_compat(gc) | str]
      [] -> []
      {:error, _} = error -> error
    end
  end

  def nfc(str0) do
    case gc(str0) do
      [gc | r] when gc < 256 -> [gc | r]
      [gc | str] -> [compose(decompose(gc)) | str]
      [] -> []
      {:error, _} = error -> error
    end
  end

  def nfkc(str0) do
    case gc(str0) do
      [gc | r] when gc < 128 -> [gc | r]
      [gc | str] -> [compose_compat_0(decompose_compat(gc)) | str]
      [] -> []
      {:error, _} = error -> error
    end
  end

  # OTP's guard here reads `CP < 44032, 55203 > CP`: every code point below the Hangul
  # syllables takes the table, every one from them on the long way (same result).
  defp decompose(cp) when is_integer(cp) and cp < 44032 do
    case :beamlet.uc_table(cp) do
      {_, [], _} -> cp
      {_, cps, _} -> canonical_order(cps)
    end
  end

  defp decompose(cp), do: canonical_order(decompose_1(cp))

  defp decompose_1(cp) when is_integer(cp) and cp >= 44032 and cp <= 55203, do: hangul_decompose(cp)

  defp decompose_1(cp) when is_integer(cp) do
    case :beamlet.uc_table(cp) do
      {ccc, [], _} -> [{ccc, cp}]
      {_, cps, _} -> cps
    end
  end

  defp decompose_1([cp | cps]), do: decompose_1(cp) ++ decompose_1(cps)
  defp decompose_1([]), do: []

  defp hangul_decompose(cp) do
    syll = cp - 44032
    lead = 4352 + div(syll, 588)
    vowel = 4449 + div(rem(syll, 588), 28)

    case rem(syll, 28) do
      0 -> [{0, lead}, {0, vowel}]
      trail -> [{0, lead}, {0, vowel}, {0, trail + 4519}]
    end
  end

  defp decompose_compat(cp) when is_integer(cp) and cp < 44032 do
    case :beamlet.uc_table(cp) do
      {_, [], []} -> cp
      {_, _, {_, cps}} -> canonical_order(cps)
      {_, cps, _} -> canonical_order(cps)
    end
  end

  defp decompose_compat(cp), do: canonical_order(decompose_compat_1(cp))

  defp decompose_compat_1(cp) when is_integer(cp) and cp >= 44032 and cp <= 55203,
    do: hangul_decompose(cp)

  defp decompose_compat_1(cp) when is_integer(cp) do
    case :beamlet.uc_table(cp) do
      {ccc, [], []} -> [{ccc, cp}]
      {_, _, {_, cps}} -> cps
      {_, cps, _} -> cps
    end
  end

  defp decompose_compat_1([cp | cps]), do: decompose_compat_1(cp) ++ decompose_compat_1(cps)
  defp decompose_compat_1([]), do: []

  # Combining marks (class above 0) between two starters are sorted by class, stably.
  defp canonical_order([{_, cp}]), do: cp
  defp canonical_order(cps), do: canonical_order_1(cps)

  defp canonical_order_1([{0, cp} | tagged]), do: [cp | canonical_order_1(tagged)]
  defp canonical_order_1([_ | _] = tagged), do: canonical_order_2(tagged, [])
  defp canonical_order_1([]), do: []

  defp canonical_order_2([{ccc, _} = first | cont], seq) when ccc > 0,
    do: canonical_order_2(cont, [first | seq])

  defp canonical_order_2(cont, seq) do
    sorted = :lists.keysort(1, :lists.reverse(seq))
    :lists.map(fn {_, cp} -> cp end, sorted) ++ canonical_order_1(cont)
  end

  defp compose(cp) when is_integer(cp), do: cp

  defp compose([lead, vowel | trail]) when lead >= 4352 and lead <= 4370 do
    if vowel >= 4449 and vowel <= 4469 do
      cp = 44032 + (lead - 4352) * 588 + (vowel - 4449) * 28

      case trail do
        [t | acc] when t >= 4519 and t <= 4546 -> nolist(cp + t - 4519, acc)
        acc -> nolist(cp, acc)
      end
    else
      case compose([vowel | trail]) do
        [_ | _] = cps -> [lead | cps]
        cp -> [lead, cp]
      end
    end
  end

  defp compose([base, accent] = gc0) do
    case :beamlet.uc_compose(base, accent) do
      false -> gc0
      gc -> gc
    end
  end

  defp compose([cp | many]), do: compose_many(many, cp, [], class(cp))

  # An accent composes with the base unless one of a class as high or a starter comes
  # between them.
  defp compose_many([cp | rest], base, accents, prev) do
    class = class(cp)

    case (prev === 0 or prev < class) and :beamlet.uc_compose(base, cp) do
      false -> compose_many(rest, base, [cp | accents], class)
      combined -> compose_many(rest, combined, accents, prev)
    end
  end

  defp compose_many([], base, [], _prev), do: base
  defp compose_many([], base, accents, _prev), do: [base | :lists.reverse(accents)]

  defp compose_compat_0(cp) when is_integer(cp), do: cp

  defp compose_compat_0(l) do
    case gc(l) do
      [first | rest] ->
        case compose(first) do
          [_ | _] = gc -> gc ++ compose_compat_0(rest)
          cp -> [cp | compose_compat_0(rest)]
        end

      [] ->
        []
    end
  end

  defp nolist(cp, []), do: cp
  defp nolist(cp, l), do: [cp | l]

  defp class(cp) do
    {ccc, _, _} = :beamlet.uc_table(cp)
    ccc
  end

  # ----- whitespace -------------------------------------------------------------------

  def whitespace, do: [[13, 10], 9, 10, 11, 12, 13, 32, 133, 8206, 8207, 8232, 8233]

  def is_whitespace([13, 10]), do: true
  def is_whitespace(c) when c in [9, 10, 11, 12, 13, 32, 133, 8206, 8207, 8232, 8233], do: true
  def is_whitespace(_), do: false

  # ----- code points ------------------------------------------------------------------

  # The first code point and the rest: `[cp | rest]`, `[]`, or `{:error, rest}` at bytes
  # that are not UTF-8. A nested list is flattened only as far as the next few code points.
  def cp([c | _] = l) when is_integer(c), do: l
  def cp([list]), do: cp(list)
  def cp([list | r]), do: cpl(list, r)
  def cp([]), do: []
  def cp(<<c::utf8, r::binary>>), do: [c | r]
  def cp(<<>>), do: []
  def cp(<<r::binary>>), do: {:error, r}

  defp cpl([c], r) when is_integer(c), do: [c | cpl_1_cont(r)]
  defp cpl([c | t], r) when is_integer(c), do: [c | cpl_cont(t, r)]
  defp cpl([list], r), do: cpl(list, r)
  defp cpl([list | t], r), do: cpl(list, [t | r])
  defp cpl([], r), do: cp(r)
  defp cpl(<<c::utf8, t::binary>>, r), do: [c, t | r]
  defp cpl(<<>>, r), do: cp(r)
  defp cpl(<<b::binary>>, r), do: {:error, [b | r]}

  defp cpl_cont([c | t], r) when is_integer(c), do: [c | cpl_cont2(t, r)]
  defp cpl_cont([l], r), do: cpl_cont(l, r)
  defp cpl_cont([l | t], r), do: cpl_cont(l, [t | r])
  defp cpl_cont([], r), do: cpl_1_cont(r)
  defp cpl_cont(t, r), do: [t | r]

  defp cpl_cont2([c | t], r) when is_integer(c), do: [c | cpl_cont3(t, r)]
  defp cpl_cont2([l], r), do: cpl_cont2(l, r)
  defp cpl_cont2([l | t], r), do: cpl_cont2(l, [t | r])
  defp cpl_cont2([], r), do: cpl_1_cont2(r)
  defp cpl_cont2(t, r), do: [t | r]

  defp cpl_cont3([c], r) when is_integer(c), do: [c | r]
  defp cpl_cont3([c | t], r) when is_integer(c), do: [c, t | r]
  defp cpl_cont3([l], r), do: cpl_cont3(l, r)
  defp cpl_cont3([l | t], r), do: cpl_cont3(l, [t | r])
  defp cpl_cont3([], r), do: cpl_1_cont3(r)
  defp cpl_cont3(t, r), do: [t | r]

  defp cpl_1_cont([c | t]) when is_integer(c), do: [c | cpl_1_cont2(t)]
  defp cpl_1_cont([l]), do: cpl_1_cont(l)
  defp cpl_1_cont([l | t]), do: cpl_cont(l, t)
  defp cpl_1_cont(t), do: t

  defp cpl_1_cont2([c | t]) when is_integer(c), do: [c | cpl_1_cont3(t)]
  defp cpl_1_cont2([l]), do: cpl_1_cont2(l)
  defp cpl_1_cont2([l | t]), do: cpl_cont2(l, t)
  defp cpl_1_cont2(t), do: t

  defp cpl_1_cont3([c | _] = t) when is_integer(c), do: t
  defp cpl_1_cont3([l]), do: cpl_1_cont3(l)
  defp cpl_1_cont3([l | t]), do: cpl_cont3(l, t)
  defp cpl_1_cont3(t), do: t

  # Like cp/1 on lists, but gives up (`:binary_found`) at a binary.
  defp cp_no_bin([c | _] = l) when is_integer(c), do: l
  defp cp_no_bin([list]), do: cp_no_bin(list)
  defp cp_no_bin([list | r]), do: cp_no_binl(list, r)
  defp cp_no_bin([]), do: []
  defp cp_no_bin(_), do: :binary_found

  defp cp_no_binl([c], r) when is_integer(c), do: [c | cpl_1_cont(r)]
  defp cp_no_binl([c | t], r) when is_integer(c), do: [c | cpl_cont(t, r)]
  defp cp_no_binl([list], r), do: cp_no_binl(list, r)
  defp cp_no_binl([list | t], r), do: cp_no_binl(list, [t | r])
  defp cp_no_binl([], r), do: cp_no_bin(r)
  defp cp_no_binl(_, _), do: :binary_found

  # ----- grapheme clusters ------------------------------------------------------------

  # The first grapheme cluster and the rest: `[gc | rest]` where a cluster of one code
  # point is the integer and a longer one the list of its code points; `[]`; or
  # `{:error, rest}`. Two Latin-1 code points in a row never join (except "\r\n"): the
  # fast paths stop there.
  def gc([] = r), do: r
  def gc([cp] = r) when is_integer(cp), do: r

  def gc([?\r = cp | r0]) do
    case cp(r0) do
      [?\n | r1] -> [[?\r, ?\n] | r1]
      t -> [cp | t]
    end
  end

  def gc([cp1 | t1] = t) when cp1 < 256 do
    case t1 do
      [cp2 | _] when cp2 < 256 ->
        t

      _ ->
        case cp_no_bin(t1) do
          [cp2 | _] = t3 when cp2 < 256 -> [cp1 | t3]
          :binary_found -> gc_1(t)
          t4 -> gc_1([cp1 | t4])
        end
    end
  end

  def gc(<<>>), do: []

  def gc(<<cp1::utf8, rest::binary>>) do
    if cp1 < 256 and cp1 !== ?\r do
      case rest do
        <<cp2::utf8, _::binary>> when cp2 < 256 -> [cp1 | rest]
        _ -> gc_1([cp1 | rest])
      end
    else
      gc_1([cp1 | rest])
    end
  end

  def gc([cp | _] = t) when is_integer(cp), do: gc_1(t)

  def gc(str) do
    case cp(str) do
      {:error, _} = error -> error
      cps -> gc(cps)
    end
  end

  defp gc_1([?\r | r0] = r) do
    case cp(r0) do
      [?\n | r1] -> [[?\r, ?\n] | r1]
      _ -> r
    end
  end

  defp gc_1([cp | r] = r0) do
    flags = :beamlet.uc_flags(cp)

    cond do
      :erlang.band(flags, @alone) !== 0 ->
        r0

      :erlang.band(flags, @ext_pict) !== 0 and cp < 256 ->
        gc_ext_pict(r, [cp])

      cp < 256 ->
        case r do
          [cp2 | _] when cp2 < 256 -> r0
          _ -> gc_extend(cp(r), r, cp)
        end

      :erlang.band(flags, @prepend) !== 0 ->
        gc_prepend(r, cp)

      hangul_l?(cp) ->
        gc_h_l(r, [cp])

      hangul_v?(cp) ->
        gc_h_v(r, [cp])

      hangul_t?(cp) ->
        gc_h_t(r, [cp])

      cp > 44000 and cp < 56000 ->
        gc_h_lv_lvt(r0, r0, [])

      regional?(cp) ->
        gc_regional(r, cp)

      :erlang.band(flags, @ext_pict) !== 0 ->
        gc_ext_pict(r, [cp])

      true ->
        gc_extend(cp(r), r, cp)
    end
  end

  defp hangul_l?(cp), do: (cp >= 4352 and cp <= 4447) or (cp >= 43360 and cp <= 43388)
  defp hangul_v?(cp), do: (cp >= 4448 and cp <= 4519) or (cp >= 55216 and cp <= 55238)
  defp hangul_t?(cp), do: (cp >= 4520 and cp <= 4607) or (cp >= 55243 and cp <= 55291)
  defp regional?(cp), do: cp >= 127_462 and cp <= 127_487

  # `true`, `:zwj` (U+200D) or `false`.
  defp is_extend(cp) do
    flags = :beamlet.uc_flags(cp)

    cond do
      :erlang.band(flags, @extend) !== 0 -> true
      :erlang.band(flags, @zwj) !== 0 -> :zwj
      true -> false
    end
  end

  defp is_ext_pict(cp), do: :erlang.band(:beamlet.uc_flags(cp), @ext_pict) !== 0
  defp is_control(cp), do: :erlang.band(:beamlet.uc_flags(cp), @control) !== 0

  # A prepend takes the whole cluster after it, unless a control character follows.
  defp gc_prepend(r00, cp0) do
    case cp(r00) do
      [cp1 | _] = r0 ->
        if is_control(cp1) do
          [cp0 | r00]
        else
          case gc_1(r0) do
            [gc | r1] when is_integer(gc) -> [[cp0, gc] | r1]
            [gc | r1] -> [[cp0 | gc] | r1]
          end
        end

      [] ->
        [cp0]

      {:error, r} ->
        [cp0 | r]
    end
  end

  defp gc_extend([cp | t], t0, cp0) do
    case is_extend(cp) do
      false -> [cp0 | t0]
      _true_or_zwj -> gc_extend2(cp(t), t, [cp, cp0])
    end
  end

  defp gc_extend([], t0, cp), do: [cp | t0]
  defp gc_extend({:error, r}, _, cp), do: [cp | r]

  defp gc_extend2([cp | t], t0, acc) do
    case is_extend(cp) do
      false -> [:lists.reverse(acc) | t0]
      _true_or_zwj -> gc_extend2(cp(t), t, [cp | acc])
    end
  end

  defp gc_extend2([], t0, acc), do: [:lists.reverse(acc) | t0]
  defp gc_extend2({:error, r}, _, acc), do: [:lists.reverse(acc)] ++ [r]

  # An extended pictographic takes extenders, and after a zero-width joiner another
  # pictographic.
  defp gc_ext_pict(t, acc), do: gc_ext_pict(cp(t), t, acc)

  defp gc_ext_pict([cp | r1], t0, acc) do
    case is_extend(cp) do
      :zwj -> gc_ext_pict_zwj(cp(r1), r1, [cp | acc])
      true -> gc_ext_pict(r1, [cp | acc])
      false -> ext_pict_done(acc, t0)
    end
  end

  defp gc_ext_pict([], t0, acc), do: ext_pict_done(acc, t0)
  defp gc_ext_pict({:error, r}, t, acc), do: gc_ext_pict([], t, acc) ++ [r]

  defp gc_ext_pict_zwj([cp | r1], t0, acc) do
    if is_ext_pict(cp), do: gc_ext_pict(r1, [cp | acc]), else: ext_pict_done(acc, t0)
  end

  defp gc_ext_pict_zwj([], t0, acc), do: ext_pict_done(acc, t0)
  defp gc_ext_pict_zwj({:error, r}, t, acc), do: gc_ext_pict_zwj([], t, acc) ++ [r]

  defp ext_pict_done([a], t0), do: [a | t0]
  defp ext_pict_done(acc, t0), do: [:lists.reverse(acc) | t0]

  # Regional indicators pair up.
  defp gc_regional(r0, cp0) do
    case cp(r0) do
      [cp | r1] when cp >= 127_462 and cp <= 127_487 -> gc_extend2(cp(r1), r1, [cp, cp0])
      r1 -> gc_extend(r1, r0, cp0)
    end
  end

  # Hangul: L* (V+ | LV V* | LVT) T*.
  defp gc_h_l(r0, acc) do
    case cp(r0) do
      [cp | r1] when (cp >= 4352 and cp <= 4447) or (cp >= 43360 and cp <= 43388) ->
        gc_h_l(r1, [cp | acc])

      [cp | r1] when (cp >= 4448 and cp <= 4519) or (cp >= 55216 and cp <= 55238) ->
        gc_h_v(r1, [cp | acc])

      r1 ->
        gc_h_lv_lvt(r1, r0, acc)
    end
  end

  defp gc_h_v(r0, acc) do
    case cp(r0) do
      [cp | r1] when (cp >= 4448 and cp <= 4519) or (cp >= 55216 and cp <= 55238) ->
        gc_h_v(r1, [cp | acc])

      [cp | r1] when (cp >= 4520 and cp <= 4607) or (cp >= 55243 and cp <= 55291) ->
        gc_h_t(r1, [cp | acc])

      r1 ->
        gc_h_done(r1, r0, acc)
    end
  end

  defp gc_h_t(r0, acc) do
    case cp(r0) do
      [cp | r1] when (cp >= 4520 and cp <= 4607) or (cp >= 55243 and cp <= 55291) ->
        gc_h_t(r1, [cp | acc])

      r1 ->
        gc_h_done(r1, r0, acc)
    end
  end

  defp gc_h_done(r1, r0, [cp]), do: gc_extend(r1, r0, cp)
  defp gc_h_done(r1, r0, acc), do: gc_extend2(r1, r0, acc)

  # A precomposed syllable: LV continues like a V, LVT like a T.
  defp gc_h_lv_lvt([cp | r1], _r0, acc) when cp >= 44032 and cp <= 55203 do
    if rem(cp - 44032, 28) === 0, do: gc_h_v(r1, [cp | acc]), else: gc_h_t(r1, [cp | acc])
  end

  defp gc_h_lv_lvt([cp | r1], _, []), do: gc_extend(cp(r1), r1, cp)
  defp gc_h_lv_lvt(r1, r0, [cp]), do: gc_extend(r1, r0, cp)
  defp gc_h_lv_lvt(r1, r0, acc), do: gc_extend2(r1, r0, acc)
end
