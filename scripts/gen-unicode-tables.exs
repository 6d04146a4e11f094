# Generates vm/src/natives/unicode_tables.rs: the Unicode data behind Beamlet's
# `:unicode_util` (stdlib/lib/erlang_unicode_util.ex), read from the real OTP 25 that the
# oracle runs, so that `:string` splits grapheme clusters, maps case and normalizes as
# OTP does (Unicode 14.0 there), quirks included.
#
#     elixir scripts/gen-unicode-tables.exs     # then: cargo fmt
#
# Case mappings and decompositions come from OTP's exported `unicode_util:get_case/1` and
# `unicode_util:lookup/1` (and the private tables behind them, for the exact shapes).
# The grapheme-cluster properties are OTP's private predicates: the script recompiles
# `unicode_util` from the debug info that OTP ships in its .beam (under another name,
# every function exported) and asks them about every code point; the canonical
# composition pairs are the literal clauses of its `compose_pair/2`.

{:ok, {_, [abstract_code: {:raw_abstract_v1, forms}]}} =
  :beam_lib.chunks(:code.which(:unicode_util), [:abstract_code])

probe = :beamlet_unicode_probe

forms =
  Enum.map(forms, fn
    {:attribute, l, :module, _} -> {:attribute, l, :module, probe}
    form -> form
  end)

{:ok, ^probe, beam} = :compile.forms(forms, [:export_all, :nowarn_export_all, :binary])
{:module, ^probe} = :code.load_binary(probe, 'probe.beam', beam)

{14, 0} = :unicode_util.spec_version()

code_points = Enum.concat(0..0xD7FF, 0xE000..0x10FFFF)

# ----- grapheme-cluster properties: one byte of flags per code point ------------------

# Bits (see unicode_tables.rs): what `gc_1/1` does with the code point as the first of a
# cluster (the R0 clauses take nothing after it; the prepend clauses take what follows),
# and the predicates `is_extend/1` (true or zwj), `is_ext_pict/1` and `is_control/1`.
extend = 1
zwj = 2
ext_pict = 4
control = 8
prepend = 16
alone = 32

flags = fn cp ->
  f =
    case apply(probe, :is_extend, [cp]) do
      true -> extend
      :zwj -> zwj
      false -> 0
    end

  f = if apply(probe, :is_ext_pict, [cp]), do: f + ext_pict, else: f
  f = if apply(probe, :is_control, [cp]), do: f + control, else: f

  # A combining acute accent joins every cluster start except those of the clauses that
  # return the list as it is (and "\r", which only "\n" joins); a letter joins only a
  # prepend.
  f = if cp != ?\r and apply(probe, :gc_1, [[cp, 0x301]]) == [cp, 0x301], do: f + alone, else: f
  if apply(probe, :gc_1, [[cp, ?a]]) == [[cp, ?a]], do: f + prepend, else: f
end

ranges =
  code_points
  |> Enum.map(fn cp -> {cp, flags.(cp)} end)
  |> Enum.reject(fn {_, f} -> f == 0 end)
  |> Enum.reduce([], fn
    {cp, f}, [{lo, hi, f} | rest] when hi + 1 == cp -> [{lo, cp, f} | rest]
    {cp, f}, acc -> [{cp, cp, f} | acc]
  end)
  |> Enum.reverse()

# The starts of clusters that `gc_1/1` treats as extended pictographics are exactly the
# code points of `is_ext_pict/1`: the VM relies on it.
for {lo, hi, f} <- ranges, Bitwise.band(f, ext_pict) != 0, cp <- lo..hi do
  [[^cp, 0x200D, 0x1F600]] = apply(probe, :gc_1, [[cp, 0x200D, 0x1F600]])
end

[0x2764] = apply(probe, :gc_1, [[0x2764]])

# ----- case mappings ----------------------------------------------------------------

cps = fn
  cp when is_integer(cp) -> [cp]
  list when is_list(list) -> list
end

cases =
  for cp <- code_points,
      entry = apply(probe, :case_table, [cp]),
      entry != {cp, cp} do
    case entry do
      {u, l} -> {cp, 2, [cps.(u), cps.(l), cps.(u), cps.(l)]}
      {u, l, t, f} -> {cp, 4, [cps.(u), cps.(l), cps.(t), cps.(f)]}
    end
  end

# A mapping to one code point is an integer in OTP, never a one-element list: the shapes
# of the results depend on it.
for {_, _, maps} <- cases, m <- maps, do: true = m != [] and (length(m) > 1 or is_integer(hd(m)))

for {cp, _, _} <- cases do
  case apply(probe, :case_table, [cp]) do
    t when is_tuple(t) -> for x <- Tuple.to_list(t), is_list(x), do: true = length(x) > 1
  end
end

# ----- decompositions ---------------------------------------------------------------

decomps =
  for cp <- code_points,
      entry = apply(probe, :unicode_table, [cp]),
      entry != {0, [], []} do
    {ccc, canon, compat} = entry

    compat =
      case compat do
        [] -> nil
        {tag, list} -> {tag, list}
      end

    {cp, ccc, canon, compat}
  end

compose =
  for {:function, _, :compose_pair, 2, clauses} <- forms,
      {:clause, _, [{:integer, _, a}, {:integer, _, b}], [], [{:integer, _, c}]} <- clauses do
    {a, b, c}
  end
  |> Enum.sort()

# Every clause but the final `_, _ -> false` is a literal pair.
true = length(compose) > 900

for {a, b, c} <- compose, do: ^c = apply(probe, :compose_pair, [a, b])

# ----- output -----------------------------------------------------------------------

list = fn items, f -> Enum.map_join(items, ", ", f) end
pairs = fn items -> "&[" <> list.(items, fn {ccc, cp} -> "(#{ccc}, #{cp})" end) <> "]" end

tags =
  decomps
  |> Enum.flat_map(fn
    {_, _, _, {tag, _}} -> [tag]
    _ -> []
  end)
  |> Enum.uniq()
  |> Enum.sort()

tag_index = tags |> Enum.with_index() |> Map.new()

out = [
  "// Generated by scripts/gen-unicode-tables.exs from OTP 25's unicode_util (Unicode 14.0).\n",
  "// Do not edit: regenerate.\n\n",
  "//! The Unicode data of OTP 25's `unicode_util`, which `:string` works with.\n\n",
  "// The flag bits are what stdlib/lib/erlang_unicode_util.ex tests; Rust reads them in tests.\n",
  "#![allow(dead_code)]\n\n",
  "/// Grapheme-cluster flags: `is_extend/1` is true.\n",
  "pub const EXTEND: u8 = #{extend};\n",
  "/// `is_extend/1` is `zwj` (U+200D).\n",
  "pub const ZWJ: u8 = #{zwj};\n",
  "/// `is_ext_pict/1`: an extended pictographic, which also starts a cluster of its own kind.\n",
  "pub const EXT_PICT: u8 = #{ext_pict};\n",
  "/// `is_control/1`: a prepend does not take it.\n",
  "pub const CONTROL: u8 = #{control};\n",
  "/// A prepend: it takes the cluster that follows it.\n",
  "pub const PREPEND: u8 = #{prepend};\n",
  "/// A cluster of its own: nothing after it joins it (a code point at or above 256).\n",
  "pub const ALONE: u8 = #{alone};\n\n",
  "/// `(first, last, flags)`, sorted, not overlapping; code points not in it have no flag.\n",
  "pub static GC_FLAGS: &[(u32, u32, u8)] = &[\n",
  Enum.map(ranges, fn {lo, hi, f} -> "    (#{lo}, #{hi}, #{f}),\n" end),
  "];\n\n",
  "/// `(code point, tuple size, [upper, lower, title, fold])` for every code point that\n",
  "/// does not map to itself; OTP's `case_table/1` is `{upper, lower}` (size 2) or the four.\n",
  "/// A mapping of one code point is an integer, of several a list.\n",
  "#[allow(clippy::type_complexity)]\n",
  "pub static CASES: &[(u32, u8, [&[u32]; 4])] = &[\n",
  Enum.map(cases, fn {cp, size, maps} ->
    "    (#{cp}, #{size}, [" <>
      list.(maps, fn m -> "&[" <> Enum.join(m, ", ") <> "]" end) <> "]),\n"
  end),
  "];\n\n",
  "/// The tags of compatibility decompositions, as OTP's atoms.\n",
  "pub static COMPAT_TAGS: &[&str] = &[",
  list.(tags, fn t -> inspect(Atom.to_string(t)) end),
  "];\n\n",
  "/// `(code point, canonical combining class, canonical decomposition, compatibility\n",
  "/// decomposition as (tag index, code points))`: OTP's `unicode_table/1` for the code\n",
  "/// points that are not `{0, [], []}`; decompositions are `(class, code point)` pairs.\n",
  "#[allow(clippy::type_complexity)]\n",
  "pub static DECOMPOSITIONS: &[(u32, u8, &[(u8, u32)], Option<(u8, &[(u8, u32)])>)] = &[\n",
  Enum.map(decomps, fn {cp, ccc, canon, compat} ->
    c =
      case compat do
        nil -> "None"
        {tag, l} -> "Some((#{tag_index[tag]}, #{pairs.(l)}))"
      end

    "    (#{cp}, #{ccc}, #{pairs.(canon)}, #{c}),\n"
  end),
  "];\n\n",
  "/// `(base, combining, composed)`, sorted: OTP's `compose_pair/2`.\n",
  "pub static COMPOSE: &[(u32, u32, u32)] = &[\n",
  Enum.map(compose, fn {a, b, c} -> "    (#{a}, #{b}, #{c}),\n" end),
  "];\n"
]

path = Path.join([__DIR__, "..", "vm", "src", "natives", "unicode_tables.rs"])
File.write!(path, out)

IO.puts(
  "#{path}: #{length(ranges)} flag ranges, #{length(cases)} case mappings, " <>
    "#{length(decomps)} decompositions, #{length(compose)} compositions"
)
