# :io.put_chars/:io.nl/:io.fwrite with bad data or devices, and output of Unicode chardata.
tests = [
  fn -> :io.put_chars(:abc) end,
  fn -> :io.put_chars([1.0]) end,
  fn -> :io.put_chars(["ok ", [?a | "b"], "\n"]) end,
  fn -> :io.put_chars(:stdio, "x") end,
  fn -> :io.put_chars(:standard_io, [0x4E2D, "é", ?\n]) end,
  fn -> :io.nl(:nope) end,
  fn -> :io.nl(:standard_io) end,
  fn -> :io.fwrite(:standard_io, "~s~n", ["fwrite/3"]) end,
  fn -> :io.fwrite(:nope, "~s~n", ["x"]) end
]

for f <- tests do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
