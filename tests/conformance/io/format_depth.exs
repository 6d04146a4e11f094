# ~W and ~P: printing depth for lists, tuples, maps (OTP 25's rules differ between the
# two), binaries and strings.
terms = [
  [1, 2, 3, 4, 5],
  {1, {2, {3, {4, {5}}}}},
  %{a: 1, b: 2, c: 3},
  %{a: %{b: %{c: %{}}}},
  %{},
  <<1, 2, 3, 4, 5, 6>>,
  "abcdefghijklmnopqrstuvwxyz",
  'a charlist',
  [1 | 2],
  [[1, 2], [3, 4]],
  {:tag, [1, 2, 3], "str"}
]

for t <- terms, d <- [1, 2, 3, 5] do
  :io.format("~w: ~W | ~P~n", [d, t, d, t, d])
end

:io.format("~P~n", [Enum.to_list(1..100), 20])
:io.format("~P~n", [:atom, 0])
