# The oracle for vm/tests/term_order.rs: real Elixir's term order, equality and phash2 over
# one term of (nearly) every kind. The Rust test builds the same terms in the same order.
# Regenerate with scripts/regen-oracles.sh; never edit terms.out by hand.
big33 = Map.new(1..33, fn i -> {i, i} end)
big33b = Map.put(big33, 33, 34)
big33c = Map.new(1..33, fn i -> {i * 1.0, i} end)
bin100 = :binary.copy(<<7>>, 100)
bin100b = :binary.copy(<<7>>, 99) <> <<8>>

terms = [
  0, 1, -1, 1.0, -0.0, 0.0, 2.5, -2.5,
  576460752303423487, 576460752303423488, -576460752303423488, -576460752303423489,
  9223372036854775807, 9223372036854775808, 18446744073709551615, 18446744073709551616,
  -18446744073709551616, 1.8446744073709552e19, 1.0e300, -1.0e300, 9007199254740993,
  9007199254740992.0,
  :a, :b, :ab, nil, true, false, :"Elixir.Foo", :"",
  make_ref(),
  fn -> 1 end,
  &Enum.map/2,
  self(),
  {}, {1}, {1, 2}, {2}, {1.0, 2}, {:a, {1, 2}}, {1, 2, 3},
  %{}, %{a: 1}, %{b: 1}, %{a: 2}, %{1 => :x}, %{1.0 => :x}, %{a: 1, b: 2}, %{a: 1.0},
  %{2 => :a, 1.0 => :b}, big33, big33b, big33c,
  [], [1], [1, 2], [2], [1 | 2], [[]], 'abc', [1.0, 2],
  "", "a", "ab", "b", <<1::1>>, <<1::7>>, <<255>>, <<128, 1::1>>, <<0::1>>, bin100, bin100b
]

IO.puts(length(terms))

for a <- terms do
  row =
    for b <- terms, into: "" do
      cond do
        a === b -> "e"
        a == b -> "="
        a < b -> "<"
        true -> ">"
      end
    end

  IO.puts(row)
end

# phash2 of the terms that print the same in every run (no ref, fun or pid).
for {t, i} <- Enum.with_index(terms), not is_reference(t), not is_function(t), not is_pid(t) do
  IO.puts("#{i} #{:erlang.phash2(t)} #{:erlang.phash2(t, 1000)}")
end

IO.inspect(Enum.sort(Enum.reject(terms, &(is_reference(&1) or is_function(&1) or is_pid(&1)))),
  limit: :infinity, width: 100)
