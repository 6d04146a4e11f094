# Matching keyword lists (order matters) and iterating over them.
[a: x, b: y] = [a: 1, b: 2]
IO.inspect({x, y})

match =
  case [b: 2, a: 1] do
    [a: _, b: _] -> :ordered
    _ -> :other_order
  end

IO.inspect(match)

defmodule Kw do
  def to_pairs([]), do: []
  def to_pairs([{k, v} | rest]), do: ["#{k}=#{v}" | to_pairs(rest)]
end

IO.inspect(Kw.to_pairs(host: "localhost", port: 4000, ssl: false))
IO.puts(Enum.join(Kw.to_pairs(a: 1, b: 2), "&"))
IO.inspect(for {k, v} <- [x: 1, y: 2, z: 3], v > 1, do: {v, k})
IO.inspect(Keyword.keyword?([a: 1]))
IO.inspect(Keyword.keyword?([{"a", 1}]))
