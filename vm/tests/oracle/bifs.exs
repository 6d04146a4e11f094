# The oracle for vm/tests/bifs.rs: real Elixir (OTP 25) calls each BIF on each argument
# list and prints arguments and outcome, one call per line:
#
#   MODULE FUNCTION ARITY ARG... => ok RESULT
#   MODULE FUNCTION ARITY ARG... => error|exit|throw REASON
#
# Terms are written as prefix tokens (parsed by vm/tests/bifs.rs):
#   i<decimal>  integer           f<shortest text>  float
#   :<name>     atom              A<hex of UTF-8>   atom with other characters
#   b<hex>      binary            s<bits>:<hex>     bitstring (padded to bytes)
#   {<n>        tuple of the next n terms
#   [<n>        list: the next n terms, then the tail term;  ]  is []
#   %<n>        map: the next n key/value pairs
#   P  a pid    R  a reference    F<n>  a closure of arity n
#   x<n> <module> <function>  the external fun module.function/n
#
# Regenerate with scripts/regen-oracles.sh; never edit bifs.out by hand.
import Bitwise

defmodule Ser do
  def s(x) when is_integer(x), do: "i#{x}"
  def s(x) when is_float(x), do: "f" <> :erlang.float_to_binary(x, [:short])

  def s(x) when is_atom(x) do
    name = Atom.to_string(x)

    if name =~ ~r/^[A-Za-z0-9_@.+\-*\/=<>!?]*$/ do
      ":" <> name
    else
      "A" <> Base.encode16(name)
    end
  end

  def s(x) when is_binary(x), do: "b" <> Base.encode16(x)

  def s(x) when is_bitstring(x) do
    bits = bit_size(x)
    pad = 8 - rem(bits, 8)
    "s#{bits}:" <> Base.encode16(<<x::bitstring, 0::size(pad)>>)
  end

  def s(x) when is_tuple(x) do
    Enum.join(["{#{tuple_size(x)}" | Enum.map(Tuple.to_list(x), &s/1)], " ")
  end

  def s([]), do: "]"

  def s(x) when is_list(x) do
    {items, tail} = walk(x, [])
    Enum.join(["[#{length(items)}" | Enum.map(items, &s/1)] ++ [s(tail)], " ")
  end

  def s(x) when is_map(x) do
    pairs = :maps.to_list(x) |> Enum.flat_map(fn {k, v} -> [s(k), s(v)] end)
    Enum.join(["%#{map_size(x)}" | pairs], " ")
  end

  def s(x) when is_pid(x), do: "P"
  def s(x) when is_reference(x), do: "R"

  def s(x) when is_function(x) do
    info = Function.info(x)

    case info[:type] do
      :external -> "x#{info[:arity]} #{s(info[:module])} #{s(info[:name])}"
      _ -> "F#{info[:arity]}"
    end
  end

  defp walk([h | t], acc), do: walk(t, [h | acc])
  defp walk(tail, acc), do: {Enum.reverse(acc), tail}
end

defmodule Oracle do
  def line({m, f, args}) do
    {kind, value} =
      try do
        {:ok, apply(m, f, args)}
      catch
        k, r -> {k, r}
      end

    Enum.join(
      [Ser.s(m), Ser.s(f), "#{length(args)}"] ++
        Enum.map(args, &Ser.s/1) ++ ["=>", "#{kind}", Ser.s(value)],
      " "
    )
  end

  def pow2(e), do: 1 <<< e

  # A deterministic stream of floats of every magnitude: random bit patterns (no NaN or
  # infinity), plus random values in a few decimal ranges.
  def floats(n) do
    :rand.seed(:exsss, {17, 42, 4711})

    bits =
      Stream.repeatedly(fn -> :rand.uniform(1 <<< 64) - 1 end)
      |> Stream.map(fn b -> <<b::64>> end)
      |> Stream.filter(fn <<_::1, e::11, _::52>> -> e != 2047 end)
      |> Stream.map(fn <<f::float>> -> f end)
      |> Enum.take(n)

    scaled =
      for _ <- 1..n do
        :rand.uniform() * :math.pow(10, :rand.uniform(40) - 20) *
          Enum.random([1, -1])
      end

    rounded = for _ <- 1..div(n, 2), do: :rand.uniform(100_000) / Enum.random([1, 4, 8, 100, 1000])
    bits ++ scaled ++ rounded
  end

  def ints do
    base = [
      0, 1, -1, 7, -7, 10, 255, 1000,
      pow2(59) - 1, pow2(59), -pow2(59), -pow2(59) - 1,
      pow2(60), pow2(63) - 1, pow2(63), -pow2(63), pow2(64) - 1, pow2(64), -pow2(64),
      pow2(100) + 12345, -pow2(100) - 1, pow2(200) - 1
    ]

    base
  end

  def floats_small do
    [1.0, -0.0, 0.0, 2.5, -2.5, 0.1, 1.0e300, -1.0e300, 1.8446744073709552e19,
     9007199254740992.0, 3.0]
  end
end

m = :erlang
nums = Oracle.ints() ++ Oracle.floats_small()
some_nums = [0, 1, -1, 7, -7, Oracle.pow2(59) - 1, Oracle.pow2(59), -Oracle.pow2(59) - 1,
             Oracle.pow2(64), -Oracle.pow2(64), Oracle.pow2(100) + 12345, 1.0, -0.0, 2.5,
             -2.5, 1.0e300, :a]
others = [:a, "x", [], {1}]

arith =
  for op <- [:+, :-, :*, :/, :div, :rem, :band, :bor, :bxor], x <- some_nums, y <- some_nums,
      do: {m, op, [x, y]}

bad_arith = for op <- [:+, :-, :*, :/, :div, :rem, :band, :max], x <- others, do: {m, op, [x, 1]}

compare =
  for op <- [:==, :"/=", :"=:=", :"=/=", :<, :>, :"=<", :>=, :max, :min],
      x <- [1, 1.0, -0.0, 0.0, Oracle.pow2(64), 1.8446744073709552e19, :a, "a", [], {}, %{}],
      y <- [1, 1.0, 0.0, Oracle.pow2(64), 1.8446744073709552e19, :a, "b", [1], {1}],
      do: {m, op, [x, y]}

unary =
  for op <- [:-, :+, :abs, :bnot, :float, :round, :trunc, :floor, :ceil],
      x <- nums ++ others ++ [0.5, -0.5, 1.5, -1.5, 0.49999999999999994, 1.0e20, -1.0e20,
                              4503599627370495.5, -4503599627370495.5, 1.0e19, 9.3e18,
                              -9.3e18, 9.2e18],
      do: {m, op, [x]}

shifts =
  for op <- [:bsl, :bsr],
      x <- [0, 1, -1, 5, -5, Oracle.pow2(59) - 1, -Oracle.pow2(59), Oracle.pow2(64) + 3,
            -Oracle.pow2(64) - 3, 1.0, :a],
      n <- [0, 1, 3, 59, 60, 63, 64, 100, -1, -3, -59, -64, -100, -1000,
            Oracle.pow2(64), -Oracle.pow2(64), 1.0],
      do: {m, op, [x, n]}

big_float_conv = [
  {m, :float, [((Oracle.pow2(52) + 1) <<< 64) + Oracle.pow2(63) - 1]},
  {m, :+, [((Oracle.pow2(52) + 1) <<< 64) + Oracle.pow2(63) - 1, 0.0]},
  {m, :/, [((Oracle.pow2(52) + 1) <<< 64) + Oracle.pow2(63) - 1, 3]},
  {m, :float, [Oracle.pow2(1023)]},
  {m, :float, [Oracle.pow2(1024) - 1]},
  {m, :float, [-Oracle.pow2(1024)]},
  {m, :/, [Oracle.pow2(2000), Oracle.pow2(1990)]},
  {m, :*, [1.0e308, 10]},
  {m, :-, [-1.0e308, 1.0e308]}
]

math1 =
  for f <- [:sin, :cos, :tan, :asin, :acos, :atan, :sinh, :cosh, :tanh, :asinh, :acosh, :atanh,
            :exp, :log, :log2, :log10, :sqrt, :floor, :ceil],
      x <- [0, 1, -1, 0.5, -0.5, 2, 10, 100, 1000, 1.0e-10, 1.0e300, -1.0e300, -0.0,
            Oracle.pow2(1100), 0.7853981633974483, 3.0, 2.5, -2.5, 123.456, :a, "1"],
      do: {:math, f, [x]}

math2 =
  for f <- [:pow, :atan2, :fmod],
      x <- [0, 1, -1, 2, 0.5, -8, 10, 1.0e300, -0.0, 7.5, :a],
      y <- [0, 1, -1, 2, 0.5, 3, -0.5, 1 / 3, 400, 0.0, 1.0e300, :a],
      do: {:math, f, [x, y]}

math0 = [{:math, :pi, []}]

types =
  for f <- [:is_atom, :is_binary, :is_bitstring, :is_boolean, :is_float, :is_function,
            :is_integer, :is_list, :is_map, :is_number, :is_pid, :is_reference, :is_tuple],
      x <- [:a, true, nil, 1, Oracle.pow2(64), 1.0, "a", <<1::1>>, [], [1 | 2], {}, %{},
            self(), make_ref(), fn -> 1 end, &Enum.map/2],
      do: {m, f, [x]}

fun_arity =
  for f <- [fn -> 1 end, fn x -> x end, &Enum.map/2, :a],
      n <- [0, 1, 2, -1, Oracle.pow2(64), -Oracle.pow2(64), 1.0, :a],
      do: {m, :is_function, [f, n]}

boolops =
  [{m, :not, [true]}, {m, :not, [false]}, {m, :not, [1]}] ++
    for op <- [:and, :or, :xor], x <- [true, false, 1], y <- [true, false, :a],
        do: {m, op, [x, y]}

:rand.seed(:exsss, {1, 2, 3})

sort_lists =
  (for _ <- 1..400 do
     n = :rand.uniform(70) - 1
     for _ <- 1..n//1, do: Enum.random([1, 1.0, 2, 2.0, 0, 0.0, -0.0, 3, :a, -1])
   end) ++
    (for _ <- 1..10 do
       for _ <- 1..:rand.uniform(1000), do: :rand.uniform(50)
     end) ++
    [[], [1], [2, 1], [1, 2], [1, 1.0], [1.0, 1], [3, 1, 2], [1.0, 1, 1.0, 1],
     [5, 4, 3, 2, 1], [1, 2, 3, 4, 5], [1, 3, 2 | 4], [1 | 2], :a,
     [{1, :b}, {1, :a}, {1.0, :c}, "b", "a", [2], [1, 2], %{a: 1}, %{}]]

sorts = for l <- sort_lists, do: {:lists, :sort, [l]}

lists = [
  {m, :length, [[1, 2, 3]]}, {m, :length, [[]]}, {m, :length, [[1 | 2]]}, {m, :length, [:a]},
  {m, :hd, [[1, 2]]}, {m, :hd, [[]]}, {m, :hd, [:a]}, {m, :tl, [[1, 2]]}, {m, :tl, [[1 | 2]]},
  {m, :tl, [[]]},
  {m, :++, [[1, 2], [3]]}, {m, :++, [[], :a]}, {m, :++, [[1], 2]}, {m, :++, [[1 | 2], [3]]},
  {m, :++, [:a, []]},
  {m, :--, [[1, 2, 3, 2, 1], [2, 1, 1, 5]]}, {m, :--, [[1, 2, 1], [1.0, 1]]},
  {m, :--, [[1], :a]}, {m, :--, [[1 | 2], [1]]}, {m, :--, [[1, 2], [1 | 2]]},
  {m, :--, [[], [1]]}, {m, :--, [[{1}, "a", {1}, "a"], ["a", {1}, {1}]]},
  {:lists, :append, [[1], [2]]}, {:lists, :subtract, [[1, 2], [2]]},
  {:lists, :reverse, [[1, 2, 3]]}, {:lists, :reverse, [[]]}, {:lists, :reverse, [[1]]},
  {:lists, :reverse, [[1 | 2]]}, {:lists, :reverse, [[1, 2 | 3]]},
  {:lists, :reverse, [[1, 2, 3 | 4]]}, {:lists, :reverse, [:a]},
  {:lists, :reverse, [[1, 2], [3]]}, {:lists, :reverse, [[1, 2], 3]},
  {:lists, :reverse, [[1, 2 | 3], []]}, {:lists, :reverse, [:a, []]},
  {:lists, :reverse, [[], :a]},
  {:lists, :member, [1.0, [1]]}, {:lists, :member, [1, [2, 1]]}, {:lists, :member, [2, [1 | :x]]},
  {:lists, :member, [1, [1 | :x]]}, {:lists, :member, [1, :a]},
  {:lists, :keyfind, [1.0, 1, [{1, :a}]]}, {:lists, :keyfind, [1, 0, [{1, :a}]]},
  {:lists, :keyfind, [1, 3, [{1, :a}, :x, {1, 2, 1}]]}, {:lists, :keyfind, [1, 1, [{1, :a} | :x]]},
  {:lists, :keyfind, [2, 1, [{1, :a} | :x]]}, {:lists, :keyfind, [1, 1, :a]},
  {:lists, :keyfind, [1, 1.0, []]}, {:lists, :keyfind, [:b, 2, [{1, :a}, {2, :b}]]},
  {:lists, :keymember, [1.0, 1, [{1, :a}]]}, {:lists, :keymember, [1, 0, [{1}]]},
  {:lists, :keymember, [3, 1, [{1}]]}, {:lists, :keymember, [1, 1, :a]},
  {:lists, :seq, [1, 0]}, {:lists, :seq, [1, -1]}, {:lists, :seq, [1, 10]}, {:lists, :seq, [-3, 3]},
  {:lists, :seq, [1.0, 2]}, {:lists, :seq, [1, 2.0]},
  {:lists, :seq, [Oracle.pow2(59) - 2, Oracle.pow2(59) + 1]},
  {:lists, :seq, [Oracle.pow2(64), Oracle.pow2(64) + 2]},
  {:lists, :seq, [1, 10, 3]}, {:lists, :seq, [10, 1, -3]}, {:lists, :seq, [1, 1, 0]},
  {:lists, :seq, [1, 2, 0]}, {:lists, :seq, [1, 0, 1]}, {:lists, :seq, [1, -1, 1]},
  {:lists, :seq, [1, 0, -1]}, {:lists, :seq, [0, 1, -1]}, {:lists, :seq, [1, 5, 2.0]},
  {:lists, :seq, [1.0, 1.0, 0]}, {:lists, :seq, [5, 5, 0]}, {:lists, :seq, [5, 5, 1]},
  {:lists, :seq, [1, 20, 7]}, {:lists, :seq, [-Oracle.pow2(59), -Oracle.pow2(59) + 10, 3]},
  {:lists, :nth, [1, [1]]}, {:lists, :nth, [3, [1, 2, 3, 4]]}, {:lists, :nth, [0, [1]]},
  {:lists, :nth, [2, [1]]}, {:lists, :nth, [1, [1 | 2]]}, {:lists, :nth, [2, [1 | 2]]},
  {:lists, :nth, [1.0, [1]]}, {:lists, :nth, [2.0, [1, 2]]}, {:lists, :nth, [:a, [1, 2]]},
  {:lists, :nth, [:a, []]}, {:lists, :nth, [Oracle.pow2(64), [1]]}, {:lists, :nth, [-1, [1]]},
  {:lists, :last, [[1, 2, 3]]}, {:lists, :last, [[]]}, {:lists, :last, [[1 | 2]]},
  {:lists, :last, [[1, 2 | 3]]}, {:lists, :last, [:a]},
  {:lists, :flatten, [[1, [2, [3, []], [[4]]], 5]]}, {:lists, :flatten, [[1 | 2]]},
  {:lists, :flatten, [[[1 | 2]]]}, {:lists, :flatten, [:a]}, {:lists, :flatten, [[[], [[]]]]},
  {:lists, :flatten, [[1, "ab", {[2]}, [[[[3]]]]]]},
  {:lists, :flatten, [[1], [2]]}, {:lists, :flatten, [[1, [2]], :a]},
  {:lists, :flatten, [[1, [2]], [3 | 4]]},
  {:lists, :duplicate, [3, :a]}, {:lists, :duplicate, [0, :a]}, {:lists, :duplicate, [-1, :a]},
  {:lists, :duplicate, [1.0, :a]},
  {:lists, :sum, [[1, 2.5, Oracle.pow2(64)]]}, {:lists, :sum, [[]]}, {:lists, :sum, [[1, :a]]},
  {:lists, :sum, [[1 | 2]]}, {:lists, :sum, [:a]}, {:lists, :sum, [[-0.0]]},
  {:lists, :sum, [[1, :a | 2]]}, {:lists, :sum, [[Oracle.pow2(59) - 1, 1, -1]]},
  {:lists, :max, [[]]}, {:lists, :max, [[1 | 2]]}, {:lists, :max, [[3, 1 | 2]]},
  {:lists, :max, [:a]}, {:lists, :max, [[1, 1.0]]}, {:lists, :max, [[1.0, 1]]},
  {:lists, :max, [[3, :a, "b", 2.0]]}, {:lists, :min, [[1, 1.0]]}, {:lists, :min, [[1.0, 1]]},
  {:lists, :min, [[3, :a, "b", 2.0]]}, {:lists, :min, [[]]}
]

tuples = [
  {m, :element, [1, {1, 2}]}, {m, :element, [2, {1, 2}]}, {m, :element, [0, {1}]},
  {m, :element, [2, {1}]}, {m, :element, [1.0, {1}]}, {m, :element, [1, [1]]},
  {m, :element, [Oracle.pow2(64), {1}]},
  {m, :setelement, [1, {1}, 2]}, {m, :setelement, [2, {1}, 2]}, {m, :setelement, [2, {1, 2, 3}, :x]},
  {m, :tuple_size, [{1, 2}]}, {m, :tuple_size, ["a"]}, {m, :tuple_size, [{}]},
  {m, :size, [{1, 2}]}, {m, :size, ["abc"]}, {m, :size, [<<1, 2::4>>]}, {m, :size, [<<1::1>>]},
  {m, :size, [[1]]},
  {m, :make_tuple, [-1, 0]}, {m, :make_tuple, [0, 0]}, {m, :make_tuple, [2, :a]},
  {m, :make_tuple, [16_777_216, 0]}, {m, :make_tuple, [1.0, 0]},
  {m, :make_tuple, [3, :a, [{1, :b}, {3, :c}, {1, :d}]]}, {m, :make_tuple, [2, 0, [{3, 1}]]},
  {m, :make_tuple, [2, 0, [{1, 1} | 2]]}, {m, :make_tuple, [2, 0, [{1, 1, 1}]]},
  {m, :make_tuple, [2, 0, []]},
  {m, :tuple_to_list, [{1, 2}]}, {m, :tuple_to_list, [{}]}, {m, :tuple_to_list, [:a]},
  {m, :list_to_tuple, [[1, 2]]}, {m, :list_to_tuple, [[]]}, {m, :list_to_tuple, [[1 | 2]]},
  {m, :append_element, [{1}, 2]}, {m, :append_element, [{}, 1]}, {m, :append_element, [[], 1]},
  {m, :delete_element, [1, {1, 2}]}, {m, :delete_element, [3, {1, 2}]},
  {m, :delete_element, [0, {1, 2}]},
  {m, :insert_element, [3, {1, 2}, 0]}, {m, :insert_element, [1, {1, 2}, 0]},
  {m, :insert_element, [4, {1, 2}, 0]}, {m, :insert_element, [0, {1, 2}, 0]},
  {m, :insert_element, [1, {}, 0]}
]

big_map = Map.new(1..40, fn i -> {i, i * 10} end)

maps = [
  {m, :map_size, [%{a: 1}]}, {m, :map_size, [:a]}, {m, :map_size, [big_map]},
  {m, :is_map_key, [1, :a]}, {m, :is_map_key, [:a, %{a: 1}]}, {m, :is_map_key, [1.0, %{1 => 1}]},
  {m, :is_map_key, [33, big_map]},
  {m, :map_get, [1, %{}]}, {m, :map_get, [1, :a]}, {m, :map_get, [:a, %{a: 1}]},
  {m, :map_get, [40, big_map]}, {m, :map_get, [41, big_map]},
  {:maps, :get, [1, :a]}, {:maps, :get, [1, %{}]}, {:maps, :get, [1, %{1 => :x}]},
  {:maps, :get, [1, :a, 0]}, {:maps, :get, [1, %{}, 0]}, {:maps, :get, [1, %{1 => 2}, 0]},
  {:maps, :find, [1, :a]}, {:maps, :find, [1, %{1 => 2}]}, {:maps, :find, [1, %{}]},
  {:maps, :find, [1.0, %{1 => 2}]},
  {:maps, :put, [1, 2, :a]}, {:maps, :put, [1, 2, %{}]}, {:maps, :put, [1.0, 2, %{1 => 1}]},
  {:maps, :put, [:z, 1, big_map]},
  {:maps, :remove, [1, :a]}, {:maps, :remove, [1, %{}]}, {:maps, :remove, [1, %{1 => 2, 2 => 3}]},
  {:maps, :remove, [1, big_map]},
  {:maps, :keys, [:a]}, {:maps, :keys, [%{b: 1, a: 2, c: 3}]},
  {:maps, :keys, [%{1 => :a, :a => 1, 1.0 => :b, "s" => 2, {1} => 3, [1] => 4}]},
  {:maps, :values, [:a]}, {:maps, :values, [%{b: 1, a: 2}]},
  {:maps, :to_list, [:a]}, {:maps, :to_list, [%{b: 1, a: 2}]}, {:maps, :to_list, [%{}]},
  {:maps, :from_list, [[{1, 2}, {1, 3}]]}, {:maps, :from_list, [[{1, 2} | :a]]},
  {:maps, :from_list, [[{1, 2, 3}]]}, {:maps, :from_list, [:a]}, {:maps, :from_list, [[]]},
  {:maps, :from_list, [for(i <- 1..50, do: {i, i})]},
  {:maps, :merge, [%{a: 1}, %{a: 2, b: 3}]}, {:maps, :merge, [:a, %{}]},
  {:maps, :merge, [%{}, :b]}, {:maps, :merge, [:a, :b]}, {:maps, :merge, [big_map, %{1 => :x}]},
  {:maps, :merge, [%{}, %{a: 1}]}, {:maps, :merge, [%{a: 1}, %{}]},
  {:maps, :is_key, [1, :a]}, {:maps, :is_key, [1, %{1 => 1}]},
  {:maps, :take, [1, %{1 => 2}]}, {:maps, :take, [1, %{}]}, {:maps, :take, [1, :a]},
  {:maps, :take, [5, big_map]},
  {:maps, :update, [1, 3, %{1 => 2}]}, {:maps, :update, [1, 3, %{}]}, {:maps, :update, [1, 3, :a]},
  {:maps, :new, []}, {:maps, :size, [:a]}, {:maps, :size, [%{a: 1}]},
  {:maps, :from_keys, [[1, 2, 1], :v]}, {:maps, :from_keys, [[1 | 2], :v]},
  {:maps, :from_keys, [:a, :v]}, {:maps, :from_keys, [[], :v]}
]

bin100 = :binary.copy("0123456789", 10)

binaries = [
  {m, :byte_size, [<<1, 2::4>>]}, {m, :byte_size, ["abc"]}, {m, :byte_size, [:a]},
  {m, :byte_size, [bin100]},
  {m, :bit_size, [<<1, 2::4>>]}, {m, :bit_size, [""]}, {m, :bit_size, [:a]},
  {m, :binary_part, ["abc", 1, 2]}, {m, :binary_part, ["abc", 3, -2]}, {m, :binary_part, ["abc", 3, 1]},
  {m, :binary_part, ["abc", 0, 0]}, {m, :binary_part, ["abc", 3, 0]}, {m, :binary_part, ["abc", 4, 0]},
  {m, :binary_part, ["abc", {0, 3}]}, {m, :binary_part, ["abc", {0, 4}]},
  {m, :binary_part, ["abc", {-1, 1}]}, {m, :binary_part, [<<1, 2::4>>, 0, 1]},
  {m, :binary_part, [<<1, 2::4>>, 0, 2]}, {m, :binary_part, ["abc", {0, 1, 2}]},
  {m, :binary_part, ["abc", 1.0, 1]}, {m, :binary_part, [:a, 0, 0]},
  {m, :binary_part, [bin100, 90, 10]}, {m, :binary_part, [bin100, 100, -100]},
  {:binary, :part, ["abc", 1, 2]}, {:binary, :part, ["abc", {1, 2}]}, {:binary, :part, ["abc", 4, 0]},
  {:binary, :part, [<<1, 2, 3>>, 1, Oracle.pow2(64)]},
  {m, :split_binary, ["abc", 1]}, {m, :split_binary, ["abc", 0]}, {m, :split_binary, ["abc", 3]},
  {m, :split_binary, ["abc", 4]}, {m, :split_binary, ["abc", -1]},
  {m, :split_binary, [<<1, 2::4>>, 1]}, {m, :split_binary, [<<1, 2::4>>, 2]},
  {m, :split_binary, [bin100, 50]},
  {m, :binary_to_list, [<<1, 2::4>>]}, {m, :binary_to_list, ["abc"]}, {m, :binary_to_list, [""]},
  {m, :binary_to_list, ["abc", 2, 3]}, {m, :binary_to_list, ["abc", 3, 2]},
  {m, :binary_to_list, ["abc", 0, 1]}, {m, :binary_to_list, ["abc", 1, 4]},
  {m, :binary_to_list, ["abc", 2, 2]}, {m, :binary_to_list, [<<1, 2, 3::4>>, 1, 2]},
  {m, :bitstring_to_list, [<<1, 2::4>>]}, {m, :bitstring_to_list, ["ab"]},
  {m, :bitstring_to_list, [<<1::1>>]},
  {m, :list_to_binary, [[1, [2, "ab"], <<3>> | "cd"]]}, {m, :list_to_binary, [[256]]},
  {m, :list_to_binary, [[-1]]}, {m, :list_to_binary, ["abc"]}, {m, :list_to_binary, [[<<1::1>>]]},
  {m, :list_to_binary, [[1 | 2]]}, {m, :list_to_binary, [[1 | <<2>>]]},
  {m, :list_to_binary, [<<2>>]}, {m, :list_to_binary, [[]]}, {m, :list_to_binary, [[[], [[]]]]},
  {m, :list_to_binary, [[bin100, bin100]]}, {m, :list_to_binary, [[1.0]]},
  {m, :iolist_to_binary, [[1 | <<2>>]]}, {m, :iolist_to_binary, [<<2>>]},
  {m, :iolist_to_binary, [<<2::4>>]}, {m, :iolist_to_binary, [[[[[1]]], "a" | "b"]]},
  {m, :iolist_to_binary, [:a]},
  {m, :iolist_size, [[1, [2, "ab"], <<3>> | "cd"]]}, {m, :iolist_size, ["abc"]},
  {m, :iolist_size, [[256]]}, {m, :iolist_size, [:a]}, {m, :iolist_size, [[1 | 2]]},
  {m, :iolist_size, [[[[[1]]], "a" | "b"]]}, {m, :iolist_size, [<<1::1>>]},
  {m, :list_to_bitstring, [[1, <<2::4>>]]}, {m, :list_to_bitstring, [[<<2::4>>, 1]]},
  {m, :list_to_bitstring, [[1 | <<1::1>>]]}, {m, :list_to_bitstring, [<<1::1>>]},
  {m, :list_to_bitstring, [[256]]},
  {m, :list_to_bitstring, [[<<1::3>>, <<5::3>>, <<3::2>>, <<255, 1::1>>, 7, <<>>, <<9::7>>]]},
  {:binary, :copy, ["ab", 3]}, {:binary, :copy, ["ab", 0]}, {:binary, :copy, ["ab", -1]},
  {:binary, :copy, ["ab"]}, {:binary, :copy, [<<1::1>>, 2]}, {:binary, :copy, ["ab", 1.0]},
  {:binary, :copy, ["", 1000]}, {:binary, :copy, ["x", 100]},
  {:binary, :first, [""]}, {:binary, :first, ["ab"]}, {:binary, :first, [<<1::1>>]},
  {:binary, :last, ["ab"]}, {:binary, :last, [<<1, 2::4>>]}, {:binary, :last, [""]},
  {:binary, :at, ["ab", 2]}, {:binary, :at, ["ab", 1]}, {:binary, :at, ["ab", -1]},
  {:binary, :at, [<<1, 2::4>>, 0]},
  {:binary, :split, ["a,b,c", ","]}, {:binary, :split, ["a,b,c", ""]}, {:binary, :split, ["abc", "x"]},
  {:binary, :split, ["abc", ["x", "b"]]}, {:binary, :split, ["abc", []]},
  {:binary, :split, ["a,b,c", ",", [:global]]},
  {:binary, :split, [",a,,b,", ",", [:global, :trim]]},
  {:binary, :split, [",a,,b,", ",", [:global, :trim_all]]},
  {:binary, :split, [",a,,b,", ",", [:trim]]}, {:binary, :split, [",a,,b,", ",", [:trim_all]]},
  {:binary, :split, ["a,b,c", ",", [{:scope, {2, 3}}]]},
  {:binary, :split, ["a,b,c", ",", [{:scope, {2, 3}}, :global]]},
  {:binary, :split, ["a,b,c", ",", [{:scope, {5, 1}}]]},
  {:binary, :split, ["a,b,c", ",", [{:scope, {5, 0}}]]},
  {:binary, :split, ["a,b,c", ",", [{:scope, {6, 0}}]]},
  {:binary, :split, ["a,b,c", ",", [{:scope, {4, -2}}]]},
  {:binary, :split, ["a,b,c", ",", [:bad]]}, {:binary, :split, ["a,b,c", ",", :bad]},
  {:binary, :split, ["", ",", [:trim]]}, {:binary, :split, ["", ",", []]},
  {:binary, :split, ["", ",", [:trim_all]]}, {:binary, :split, [",,", ",", [:global, :trim]]},
  {:binary, :split, [",,", ",", [:global]]}, {:binary, :split, ["aXbXXc", ["X", "XX"], [:global]]},
  {:binary, :split, ["aXbXXc", ["XX", "X"], [:global]]},
  {:binary, :split, ["abc", "b", [:global | :x]]}, {:binary, :split, [<<1, 2::4>>, <<1>>]},
  {:binary, :split, [:a, ","]}, {:binary, :split, ["a,b", [","] ++ [:x]]},
  {:binary, :split, [bin100, "5", [:global]]},
  {:binary, :match, ["abcabc", "bc"]}, {:binary, :match, ["abcabc", "x"]},
  {:binary, :match, ["abcabc", ""]}, {:binary, :match, ["abcabc", ["c", "ab"]]},
  {:binary, :match, ["abcabc", ["bc", "b"]]}, {:binary, :match, [:a, "x"]},
  {:binary, :match, ["abcd", "bc", [{:scope, {2, 2}}]]},
  {:binary, :match, ["abcd", "bc", [{:scope, {1, 2}}]]},
  {:binary, :match, ["abcd", "bc", [{:scope, {1, 10}}]]}, {:binary, :match, ["abcd", "bc", []]},
  {:binary, :match, ["abcd", ["bc", ""]]}, {:binary, :match, ["abcd", ["bc" | "x"]]},
  {:binary, :match, ["abcd", [:a]]}, {:binary, :match, ["abcd", "bc", [:global]]},
  {:binary, :matches, ["abcabc", "bc"]}, {:binary, :matches, ["aaaa", "aa"]},
  {:binary, :matches, ["abcd", ["ab", "abc", "bcd", "d"]]}, {:binary, :matches, ["abcd", "x"]},
  {:binary, :matches, ["abcabc", "bc", [{:scope, {2, 4}}]]}
]

long_atom = String.duplicate("a", 255)

atoms = [
  {m, :atom_to_binary, [:"héllo"]}, {m, :atom_to_binary, [:"héllo", :latin1]},
  {m, :atom_to_binary, [:"h€llo", :latin1]}, {m, :atom_to_binary, [:"h€llo", :utf8]},
  {m, :atom_to_binary, [:"h€llo", :unicode]}, {m, :atom_to_binary, [:a, :bad]},
  {m, :atom_to_binary, ["a"]}, {m, :atom_to_binary, [nil]},
  {m, :binary_to_atom, [<<104, 233>>, :latin1]}, {m, :binary_to_atom, [<<104, 233>>, :utf8]},
  {m, :binary_to_atom, [<<104, 233>>]}, {m, :binary_to_atom, ["hé", :utf8]},
  {m, :binary_to_atom, ["hé", :unicode]}, {m, :binary_to_atom, ["a", :bad]},
  {m, :binary_to_atom, [long_atom]}, {m, :binary_to_atom, [long_atom <> "a"]},
  {m, :binary_to_atom, [String.duplicate("é", 255)]},
  {m, :binary_to_atom, [String.duplicate("é", 256)]},
  {m, :binary_to_atom, [String.duplicate("\xff", 256), :latin1]},
  {m, :binary_to_atom, [<<1::1>>]}, {m, :binary_to_atom, [:a]}, {m, :binary_to_atom, [""]},
  {m, :binary_to_atom, [<<0xED, 0xA0, 0x80>>]}, {m, :binary_to_atom, [<<0xC0, 0x80>>]},
  {m, :binary_to_existing_atom, ["never_existing_atom_xyz"]},
  {m, :binary_to_existing_atom, ["ok"]}, {m, :binary_to_existing_atom, ["ok", :latin1]},
  {m, :binary_to_existing_atom, [long_atom <> "a"]}, {m, :binary_to_existing_atom, [:ok]},
  {m, :atom_to_list, [:"h€llo"]}, {m, :atom_to_list, ["a"]}, {m, :atom_to_list, [:""]},
  {m, :list_to_atom, [[104, 8364]]}, {m, :list_to_atom, [[104, 0x110000]]},
  {m, :list_to_atom, [[104, 0xD800]]}, {m, :list_to_atom, [[104 | 1]]},
  {m, :list_to_atom, [[104, "a"]]}, {m, :list_to_atom, [String.to_charlist(long_atom)]},
  {m, :list_to_atom, [String.to_charlist(long_atom <> "a")]}, {m, :list_to_atom, [[]]},
  {m, :list_to_atom, [String.to_charlist(long_atom) ++ [-1]]},
  {m, :list_to_atom, [[-1 | String.to_charlist(long_atom)]]},
  {m, :list_to_existing_atom, [~c"ok"]}, {m, :list_to_existing_atom, [~c"never_existing_atom_xyz"]},
  {m, :list_to_existing_atom, [String.to_charlist(long_atom <> "a")]}
]

int_vals = Oracle.ints() ++ [123_456_789_012_345_678_901_234_567_890, -36, 35]

int_text =
  (for x <- int_vals ++ [1.0, :a], base <- [2, 8, 10, 16, 36],
       f <- [:integer_to_binary, :integer_to_list],
       do: {m, f, [x, base]}) ++
    (for x <- int_vals ++ [1.0], f <- [:integer_to_binary, :integer_to_list], do: {m, f, [x]}) ++
    (for b <- [1, 37, 0, -2, 10.0, :a], do: {m, :integer_to_binary, [10, b]})

int_parse =
  (for s <- ["12", "+12", "-0", "", "+", "-", "1_000", " 1", "1 ", "ff", "FF", "zz", "Zz", "--1",
            "+-1", "00000000000000000000000000000000000000000012", "-123456789012345678901234567890",
            "576460752303423487", "576460752303423488", "-576460752303423488",
            "-576460752303423489", "18446744073709551616", "1" <> String.duplicate("0", 100),
            "1.0", "é", <<"1", 0>>, "1z"],
       base <- [10, 16, 36, 2],
       do: [{m, :binary_to_integer, [s, base]}, {m, :list_to_integer, [String.to_charlist(s), base]}])
  |> List.flatten()
  |> Kernel.++(
    for s <- ["12", "+12", "-0", "", "ff", "-1", "99999999999999999999"],
        do: [{m, :binary_to_integer, [s]}, {m, :list_to_integer, [String.to_charlist(s)]}]
  )
  |> List.flatten()
  |> Kernel.++([
    {m, :binary_to_integer, ["12", 37]}, {m, :binary_to_integer, ["12", 1]},
    {m, :binary_to_integer, [<<"12"::binary, 1::1>>]}, {m, :binary_to_integer, [:a]},
    {m, :list_to_integer, [~c"12" ++ [?3 | ?4]]}, {m, :list_to_integer, [[]]},
    {m, :list_to_integer, [[~c"1"], 16]}, {m, :list_to_integer, [~c"1", 1.0]},
    {m, :list_to_integer, [[?1, 256]]}
  ])

fmt_opts = [
  [], [:short], [{:decimals, 0}], [{:decimals, 1}], [{:decimals, 2}], [{:decimals, 3}, :compact],
  [{:decimals, 10}], [{:decimals, 18}], [{:decimals, 19}], [{:decimals, 30}, :compact],
  [{:decimals, 0}, :compact], [{:scientific, 0}], [{:scientific, 3}], [{:scientific, 17}],
  [:compact]
]

float_samples =
  [0.0, -0.0, 1.0, -1.0, 1.5, 0.1, 0.125, 0.25, 2.5, 0.5, -0.5, 100.0, 1000.0, 1.0e15, 1.0e16,
   1.0e17, 1.0e20, 1.0e21, 1.0e22, 1.0e23, 1.0e300, 1.0e-300, 1.0e-7, 1.0e-5, 0.001, 0.0001,
   123.456, 1.005, 0.145, 0.999, 9007199254740992.0, 9007199254740993.0e1, 9007199254740994.0,
   4503599627370496.5, 5.0e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
   123456789.0, 1234567890.0, 12345678901.0, 0.3, 2/3, -1.0e-10, 1.0e10, 5.0e-5, 123.0e15,
   1.2345678901234568e17, 72057594037927940.0, 3.0e-4]

float_fmt =
  for f <- float_samples, o <- fmt_opts, do: {m, :float_to_binary, [f, o]}

float_fmt_edge = [
  {m, :float_to_binary, [1.5]}, {m, :float_to_list, [1.5]}, {m, :float_to_list, [1.5, [:short]]},
  {m, :float_to_list, [1.0e-5]},
  {m, :float_to_binary, [1.5, [{:scientific, -1}]]}, {m, :float_to_binary, [1.5, [{:decimals, -1}]]},
  {m, :float_to_binary, [1.5, [{:decimals, 253}]]}, {m, :float_to_binary, [1.5, [{:decimals, 254}]]},
  {m, :float_to_binary, [-1.5, [{:decimals, 252}]]}, {m, :float_to_binary, [-1.5, [{:decimals, 253}]]},
  {m, :float_to_binary, [1.5, [{:scientific, 249}]]}, {m, :float_to_binary, [1.5, [{:scientific, 250}]]},
  {m, :float_to_binary, [1.0e300, [{:decimals, 2}]]},
  {m, :float_to_binary, [1.5, [{:scientific, 3}, {:decimals, 2}]]},
  {m, :float_to_binary, [1.5, [{:decimals, 2}, {:scientific, 3}]]},
  {m, :float_to_binary, [1.5, [:short, {:decimals, 2}]]},
  {m, :float_to_binary, [1.5, [{:decimals, 2}, :short]]},
  {m, :float_to_binary, [1.5, [:bogus]]}, {m, :float_to_binary, [1, []]},
  {m, :float_to_binary, [1.5, [{:decimals, 2} | :bad]]},
  {m, :float_to_binary, [1.5, [{:decimals, 1.0}]]}, {m, :float_to_binary, [1.5, [{:bogus, 1}]]},
  {m, :float_to_binary, [1.5, :short]}, {m, :float_to_binary, [1.5, [{:decimals, 4_294_967_298}]]}
]

rand_floats = Oracle.floats(1200)

# Floats exactly halfway between two shortest candidates (Ryu picks the even one).
ties =
  for _ <- 1..300 do
    n = :rand.uniform(1 <<< 47) + :rand.uniform(64) / 64
    n * Enum.random([1, 1 / 1024, 1024, 1 / 8, 1 / 65536, 1 <<< 20])
  end

float_short =
  for f <- rand_floats ++ ties,
      do: {m, :float_to_binary, [f, [:short]]}

float_fixed =
  for {f, i} <- Enum.with_index(Enum.take(rand_floats, 1200)),
      do: {m, :float_to_binary, [f, [{:decimals, rem(i, 22)}] ++ if(rem(i, 3) == 0, do: [:compact], else: [])]}

float_sci =
  for {f, i} <- Enum.with_index(Enum.take(rand_floats, 600)),
      do: {m, :float_to_binary, [f, [{:scientific, rem(i, 25)}]]}

float_parse =
  (for f <- Enum.take(rand_floats, 400), do: {m, :binary_to_float, [:erlang.float_to_binary(f, [:short])]}) ++
    (for f <- Enum.take(rand_floats, 100), do: {m, :binary_to_float, [:erlang.float_to_binary(f)]}) ++
    (for s <- ["1,5", "1.0e-400", "1.0e400", "1.0E5", "+1.0", "1.", ".5", "1e5", "1", " 1.0",
              "1.0 ", "1.0e", "-0.0", "1.0e+05", "0.1e-1", "1.7976931348623159e308",
              "2.4703282292062328e-324", "2.4703282292062327e-324", <<"1.5", 0>>,
              <<"1.5", 0, "xyz">>, "1.5e1.0", "1.5e+", "0.0000000000000000000000000001",
              "123456789012345678901234567890.5", ""],
         do: [{m, :binary_to_float, [s]}, {m, :list_to_float, [String.to_charlist(s)]}])
    |> List.flatten()
    |> Kernel.++([
      {m, :binary_to_float, [<<"1.5"::binary, 1::1>>]}, {m, :list_to_float, [[?1, ?., 256]]},
      {m, :list_to_float, [[?1, ?., ?5 | ?5]]}, {m, :binary_to_float, [:a]},
      {m, :list_to_float, [~c"1.5" ++ [0]]}
    ])

misc = [
  {m, :phash2, [{1, 2}]}, {m, :phash2, [{1, 2}, 100]}, {m, :phash2, [:a, 0]},
  {m, :phash2, [:a, Oracle.pow2(32)]}, {m, :phash2, [:a, Oracle.pow2(32) + 1]},
  {m, :phash2, [:a, 1]}, {m, :phash2, [:a, -1]}, {m, :phash2, [:a, 1.0]},
  {m, :phash2, ["abc", 7]}, {m, :phash2, [[1, 2, 3]]},
  {m, :error, [:foo]}, {m, :error, [{:x, 1}]}, {m, :error, [:foo, [1]]},
  {m, :error, [:foo, :none]}, {m, :error, [:foo, [1], []]},
  {m, :exit, [:foo]}, {m, :exit, [{:shutdown, 1}]}, {m, :throw, [:foo]}, {m, :throw, [[1, 2]]}
]

cases =
  arith ++ bad_arith ++ compare ++ unary ++ shifts ++ big_float_conv ++ math0 ++
    math1 ++ math2 ++ types ++ fun_arity ++ boolops ++ sorts ++ lists ++ tuples ++ maps ++
    binaries ++ atoms ++ int_text ++ int_parse ++ float_fmt ++ float_fmt_edge ++ float_short ++
    float_fixed ++ float_sci ++ float_parse ++ misc

for c <- cases, do: IO.puts(Oracle.line(c))
