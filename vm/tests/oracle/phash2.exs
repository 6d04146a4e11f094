# The oracle for vm/tests/phash2.rs: real Elixir's :erlang.phash2/1,2 (OTP 25) over integers,
# floats, atoms, lists, tuples, maps, binaries, bitstrings, external funs, pids/ports/refs
# given by number, and deep or long terms. One line per term:
#   NAME PHASH2 PHASH2_RANGE_1000 PHASH2_RANGE_2^32 PHASH2_RANGE_7
# The Rust test builds the same terms under the same names, in the same order.
# Regenerate with scripts/regen-oracles.sh; never edit phash2.out by hand.
import Bitwise

defmodule Oracle do
  def pow2(e), do: 1 <<< e

  # The bytes rem(i * 7 + 3, 256) for i in 0..n-1.
  def pattern(n), do: :binary.list_to_bin(for i <- 0..(n - 1)//1, do: rem(i * 7 + 3, 256))

  def int_map(n), do: Map.new(1..n//1, fn i -> {i, i * 10} end)

  def nested_lists(depth), do: Enum.reduce(1..depth//1, [], fn _, acc -> [acc] end)

  def fact(n), do: Enum.reduce(1..n, 1, &(&1 * &2))

  # The same bits, starting `skew` bits into a larger binary (an unaligned sub-binary).
  def unaligned(bits, skew) do
    <<_::size(skew), rest::bitstring>> = <<0::size(skew), bits::bitstring>>
    rest
  end
end

terms = []
add = fn terms, name, t -> [{name, t} | terms] end

# Integers around the small/big and word boundaries.
terms =
  Enum.reduce([27, 28, 31, 32, 59, 60, 63, 64, 65, 96, 128, 200], terms, fn e, terms ->
    Enum.reduce([-1, 0, 1], terms, fn d, terms ->
      n = Oracle.pow2(e) + d
      sign = if d < 0, do: "-", else: "+"
      suffix = "#{sign}#{abs(d)}"
      terms
      |> add.("int_2^#{e}#{suffix}", n)
      |> add.("int_-2^#{e}#{suffix}", -n)
    end)
  end)

terms =
  Enum.reduce([0, 1, -1, 2, -2, 42, -42, 255, 256, -255, 1000, 123_456_789, -123_456_789], terms, fn i, terms ->
    add.(terms, "int_#{i}", i)
  end)

terms =
  terms
  |> add.("int_fact30", Oracle.fact(30))
  |> add.("int_-fact30", -Oracle.fact(30))
  |> add.("int_10^50", Integer.pow(10, 50))
  |> add.("int_-10^50", -Integer.pow(10, 50))

# Floats.
terms =
  Enum.reduce(
    [
      {"0.0", 0.0},
      {"-0.0", -0.0},
      {"1.0", 1.0},
      {"-1.0", -1.0},
      {"0.1", 0.1},
      {"-0.1", -0.1},
      {"pi", :math.pi()},
      {"1e-300", 1.0e-300},
      {"5e-324", 5.0e-324},
      {"max", 1.7976931348623157e308},
      {"-max", -1.7976931348623157e308},
      {"2^53", 9_007_199_254_740_992.0},
      {"2^64", 18_446_744_073_709_551_616.0},
      {"1e15", 1.0e15}
    ],
    terms,
    fn {name, f}, terms -> add.(terms, "float_#{name}", f) end
  )

# Atoms.
terms =
  Enum.reduce(
    [
      {"a", "a"},
      {"ok", "ok"},
      {"nil", "nil"},
      {"true", "true"},
      {"empty", ""},
      {"elixir_mod", "Elixir.Enum.Map.Very.Long.Module.Name"},
      {"abcdefghij", "abcdefghij"},
      {"latin1", "héllo"},
      {"latin1_y", "ÿ"},
      {"latin1_nbsp", "a" <> <<0xA0::utf8>> <> "b"},
      {"u0100", "Ā"},
      {"cjk", "日本語"},
      {"emoji", "🙂x"},
      {"mixed", "zé日🙂"}
    ],
    terms,
    fn {name, a}, terms -> add.(terms, "atom_#{name}", String.to_atom(a)) end
  )

long = List.to_string(for i <- 0..254, do: ?a + rem(i, 26))

terms =
  terms
  |> add.("atom_long255", String.to_atom(long))
  |> add.("atom_long_latin1", String.to_atom(String.duplicate("é", 255)))
  |> add.("atom_long_cjk", String.to_atom(String.duplicate("語", 255)))

# Lists.
terms = add.(terms, "list_nil", [])
terms = Enum.reduce(1..9, terms, fn n, terms -> add.(terms, "list_bytes_#{n}", Enum.to_list(1..n)) end)

terms =
  terms
  |> add.("list_255_0", [255, 0])
  |> add.("list_256", [256])
  |> add.("list_-1", [-1])
  |> add.("list_1_256_2", [1, 256, 2])
  |> add.("list_bytes_atom_bytes", [1, 2, 3, 4, 5, :a, 6, 7])
  |> add.("charlist_hello", 'hello world')
  |> add.("charlist_unicode", String.to_charlist("héllo 日本"))
  |> add.("list_atoms", [:a, :b, :c])
  |> add.("list_float", [1.0])
  |> add.("list_nil_nil", [[], []])
  |> add.("improper_1_2", [1 | 2])
  |> add.("improper_a_b", [:a | :b])
  |> add.("improper_bytes_atom", [1, 2, 3 | :x])
  |> add.("improper_bytes_bin", [1, 2 | "ab"])
  |> add.("improper_nil_tuple", [[] | {}])
  |> add.("list_big", [Oracle.pow2(64)])
  |> add.("nested_list_5", Oracle.nested_lists(5))
  |> add.("list_1000_mixed", for(i <- 0..999, do: rem(i, 300)))

# Tuples.
terms =
  terms
  |> add.("tuple_empty", {})
  |> add.("tuple_1", {1})
  |> add.("tuple_nil", {[]})
  |> add.("tuple_nil_nil", {[], []})
  |> add.("tuple_atoms", {:ok, :error})
  |> add.("tuple_nested_3", {{{}}})
  |> add.("tuple_nested_mix", {{1}, {2, {3}}})
  |> add.("tuple_kinds", {:a, "b", 'c', 1.5, [1 | 2], %{}})
  |> add.("tuple_100", List.to_tuple(Enum.to_list(0..99)))

# Maps.
terms = add.(terms, "map_empty", %{})

terms =
  Enum.reduce([1, 2, 31, 32, 33, 64, 100, 1000], terms, fn n, terms ->
    add.(terms, "map_#{n}", Oracle.int_map(n))
  end)

terms =
  terms
  |> add.("map_100_atoms", Map.new(0..99, fn i -> {String.to_atom("k#{i}"), "v#{i}"} end))
  |> add.("map_nested", %{a: %{b: 1}, c: [%{}]})
  |> add.("map_of_maps", %{:x => Oracle.int_map(33), {1, 2} => Oracle.int_map(2)})
  |> add.("map_big_key", %{Oracle.pow2(64) => -0.0})
  |> add.("tuple_map_then_atom", {Oracle.int_map(3), :after})
  |> add.("tuple_bigmap_then_int", {Oracle.int_map(40), 7})

# Binaries and bitstrings.
terms = Enum.reduce(0..20, terms, fn n, terms -> add.(terms, "bin_#{n}", Oracle.pattern(n)) end)

terms =
  Enum.reduce([63, 64, 65, 100, 1000, 100_000], terms, fn n, terms ->
    add.(terms, "bin_#{n}", Oracle.pattern(n))
  end)

terms =
  Enum.reduce(
    [
      {1, 1},
      {3, 5},
      {5, 17},
      {7, 100},
      {9, 300},
      {11, 1234},
      {13, 5000},
      {15, 30000},
      {17, 100_000},
      {23, 0x7FFFFF},
      {31, 0x12345678},
      {33, 0x123456789},
      {99, 0x0123456789ABCDEF}
    ],
    terms,
    fn {size, value}, terms ->
      b = <<value::size(size)>>

      terms
      |> add.("bits_#{size}", b)
      |> add.("bits_#{size}_unaligned", Oracle.unaligned(b, 3))
    end
  )

p100 = Oracle.pattern(100)
<<_::5, part::bitstring-size(560), _::bitstring>> = p100
<<_::5, odd::bitstring-size(563), _::bitstring>> = p100
<<b1035::bitstring-size(1035), _::bitstring>> = Oracle.pattern(130)

terms =
  terms
  |> add.("bin_100_unaligned_part", part)
  |> add.("bin_100_aligned_part", binary_part(p100, 1, 70))
  |> add.("bits_100_unaligned_odd", odd)
  |> add.("bits_1035", b1035)
  |> add.("bits_1035_unaligned", Oracle.unaligned(b1035, 6))

# Binaries inside containers: the seed depends on the hash so far.
terms =
  terms
  |> add.("tuple_emptybin", {""})
  |> add.("tuple_atom_bin", {:a, "abc"})
  |> add.("list_bin", ["abc"])

# External funs.
terms =
  terms
  |> add.("export_enum_map_2", &Enum.map/2)
  |> add.("export_erlang_phash2_1", &:erlang.phash2/1)
  |> add.("tuple_export", {&:lists.reverse/1, &:lists.reverse/1})

# Pids, ports and references given by number.
terms =
  terms
  |> add.("pid_0_96_0", :c.pid(0, 96, 0))
  |> add.("pid_0_1_0", :c.pid(0, 1, 0))
  |> add.("pid_0_32767_0", :c.pid(0, 32767, 0))
  |> add.("port_0_5", :erlang.list_to_port('#Port<0.5>'))
  |> add.("port_0_70000", :erlang.list_to_port('#Port<0.70000>'))
  |> add.("ref_0_0_0_12345", :erlang.list_to_ref('#Ref<0.0.0.12345>'))
  |> add.("ref_0_0_0_0", :erlang.list_to_ref('#Ref<0.0.0.0>'))
  |> add.(
    "tuple_pid_ref",
    {:c.pid(0, 96, 0), :erlang.list_to_ref('#Ref<0.0.0.7>'), :erlang.list_to_port('#Port<0.3>')}
  )

# Deep and long terms.
terms =
  terms
  |> add.("deep_tuple_100000", Enum.reduce(1..100_000, {}, fn _, acc -> {acc} end))
  |> add.("deep_list_100000", Oracle.nested_lists(100_000))
  |> add.("long_list_1000000", for(i <- 0..999_999, do: rem(i, 1000)))
  |> add.("long_tuple_list_200000", Enum.reduce(0..199_999, [], fn i, acc -> [{i, :x} | acc] end))
  |> add.("deep_map_10000", Enum.reduce(1..10_000, %{}, fn _, acc -> %{m: acc} end))

for {name, t} <- Enum.reverse(terms) do
  IO.puts(
    "#{name} #{:erlang.phash2(t)} #{:erlang.phash2(t, 1000)} #{:erlang.phash2(t, 1 <<< 32)} #{:erlang.phash2(t, 7)}"
  )
end
