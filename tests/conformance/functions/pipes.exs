# The pipe operator.
defmodule Text do
  def shout(s), do: String.upcase(s) <> "!"
  def wrap(s, l, r), do: l <> s <> r
  def twice(x), do: x * 2
end

"hello"
|> Text.shout()
|> Text.wrap("<", ">")
|> IO.puts()

5 |> Text.twice() |> Text.twice() |> IO.inspect()
[3, 1, 2] |> Enum.sort() |> Enum.reverse() |> IO.inspect()
"a-b-c" |> String.split("-") |> length() |> IO.inspect()
add = fn a, b -> a + b end
10 |> add.(5) |> IO.inspect()
1 |> Kernel.+(2) |> IO.inspect(label: "sum")
%{a: 1} |> Map.put(:b, 2) |> Map.keys() |> IO.inspect()
{:ok, 1} |> elem(1) |> IO.inspect()
"  trim me  " |> String.trim() |> then(fn s -> "[#{s}]" end) |> IO.puts()
