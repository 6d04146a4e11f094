# List conversions and predicates: to_tuple, to_string, to_integer, to_float, to_atom, starts_with?, improper?, ascii_printable?, zip.
IO.inspect(List.to_tuple([1, :a, "s"]))
IO.inspect(List.to_tuple([]))
IO.inspect(List.to_string([?h, ?i]))
IO.inspect(List.to_string([0x1F600, "x", [?y]]))
IO.inspect(List.to_string([]))
IO.inspect(List.to_integer('123'))
IO.inspect(List.to_integer('-7f', 16))
IO.inspect(List.to_float('2.5'))
IO.inspect(List.to_atom('abc'))
IO.inspect(List.to_charlist([?a, "bc"]))
IO.inspect(List.starts_with?([1, 2, 3], [1, 2]))
IO.inspect(List.starts_with?([1, 2, 3], []))
IO.inspect(List.starts_with?([1], [1, 2]))
IO.inspect(List.improper?([1 | 2]))
IO.inspect(List.improper?([1, 2]))
IO.inspect(List.improper?([]))
IO.inspect(List.ascii_printable?('hello'))
IO.inspect(List.ascii_printable?('héllo'))
IO.inspect(List.ascii_printable?([]))
IO.inspect(List.ascii_printable?('abc', 2))
IO.inspect(List.zip([[1, 2, 3], [:a, :b, :c]]))
IO.inspect(List.zip([]))
IO.inspect(length([]))
IO.inspect(length(Enum.to_list(1..1000)))
IO.inspect([1, 2] ++ [3] -- [2])
IO.inspect([1, 2, 1, 2] -- [2, 1])
IO.inspect(hd([:only]))
IO.inspect(tl([:only]))

for f <- [fn -> hd([]) end, fn -> tl([]) end, fn -> List.to_integer('1.0') end] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
