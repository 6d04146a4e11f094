# <> with a non-binary operand: the ArgumentError explains the failed binary construction.
defmodule T do
  def id(x), do: x
end

for f <- [fn -> T.id("a") <> T.id(1) end, fn -> T.id(:x) <> "b" end, fn -> <<T.id(1.5)::integer>> end, fn -> <<T.id("ab")::binary-size(3)>> end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
