# List.myers_difference/2,3 and String.myers_difference/2 on longer inputs, repeated
# elements, and with a diff script for elements that differ.
IO.inspect(List.myers_difference([1, 2, 3, 4, 5, 6], [1, 3, 4, 7, 5, 6, 8]))
IO.inspect(List.myers_difference([:a, :b, :a, :b], [:b, :a, :b, :a]))
IO.inspect(List.myers_difference([1, 1, 1], [1, 1]))
IO.inspect(List.myers_difference([1, 2], [1, 1, 2]))
IO.inspect(List.myers_difference([], []))
IO.inspect(List.myers_difference([1, 2.0], [1, 2]))
IO.inspect(List.myers_difference(~c"abcabba", ~c"cbabac"))

diff = fn a, b -> if is_binary(a) and is_binary(b), do: String.myers_difference(a, b), else: nil end
IO.inspect(List.myers_difference(["foo", 1, "bar"], ["fob", 1, "baz", 2], diff))
IO.inspect(List.myers_difference([1, 2, 3], [4, 5, 6], fn _, _ -> nil end))
IO.inspect(String.myers_difference("The quick brown fox", "The quack brown box!"))
IO.inspect(String.myers_difference("añb", "ab"))
IO.inspect(String.myers_difference("e\u0301", "e"))
