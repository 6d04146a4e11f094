# Invalid ranges: zero step and non-integer bounds raise ArgumentError.
for f <- [fn -> Range.new(1, 10, 0) end, fn -> Range.new(1.0, 2) end, fn -> Range.new(:a, 2, 1) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
