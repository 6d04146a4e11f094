# ignore: :whitespace with url_decode64 and the raising variants; Range.new errors.
IO.inspect(Base.url_decode64("aGVs\tbG8_\r\n", ignore: :whitespace, padding: false))
IO.inspect(Base.decode64!(" aGVsbG8= ", ignore: :whitespace))
IO.inspect(Base.url_decode64!("aGVs bG8", ignore: :whitespace, padding: false))
IO.inspect(Base.decode64("aGVs bG8="))

for f <- [
      fn -> Base.decode64!("aGVs bG8=") end,
      fn -> Range.new(1, 2.0) end,
      fn -> Range.new(1, 5, 1.0) end,
      fn -> Range.new(nil, 5) end,
      fn -> List.keyfind!([{"a", 1}], "b", 0) end,
      fn -> List.keyfind!([{:a, 1, 2}], 2, 2) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.inspect(Range.new(1, 5, 2))
IO.inspect(Enum.chunk_while(1..10, [], fn x, acc -> if x > 4, do: {:halt, acc}, else: {:cont, [x | acc]} end, fn acc -> {:cont, Enum.reverse(acc), []} end))
IO.puts(Exception.message(%FunctionClauseError{module: M, function: nil, arity: 1}))
