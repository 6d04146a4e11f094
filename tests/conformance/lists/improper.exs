# Improper lists.
l = [1 | 2]
IO.inspect(l)
IO.inspect(hd(l))
IO.inspect(tl(l))
IO.inspect([1, 2 | 3])
IO.inspect([1, 2 | [3]])
IO.inspect(is_list(l))
[a | b] = [:x | :y]
IO.inspect({a, b})
IO.inspect(['a' | 'b'])
IO.inspect([[] | []])
IO.inspect([1 | [2 | :tail]])
IO.inspect(:erlang.list_to_binary([?a, ?b | "cd"]))
IO.inspect(["a" | "b"] |> IO.iodata_to_binary())
IO.puts(["x", ?y | "z"])
