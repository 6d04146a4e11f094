# The external term format: term_to_binary writes what OTP 25 writes, binary_to_term reads it back.
for t <- [:ok, 1, 255, 256, -1, 2_147_483_647, 2_147_483_648, -2_147_483_649, 12345678901234567890123, -(2 ** 70), 1.5, -0.0,
          "bin", <<1, 2, 3::3>>, [], [1, 2, 3], [1, :a], [1 | 2], 'abc', {}, {1, {2, [3]}}, %{}, %{a: 1, b: [2]}, %{"k" => {1}},
          :"héllo", List.duplicate(7, 300)] do
  b = :erlang.term_to_binary(t)
  IO.inspect(b, limit: :infinity)
  IO.inspect(:erlang.binary_to_term(b) === t)
end

try do
  :erlang.binary_to_term(<<131, 104, 1>>)
rescue
  e -> IO.puts(Exception.message(e))
end
