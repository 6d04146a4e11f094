# Enum.chunk_while where the chunk function returns {:halt, acc}: the after function still runs.
after_fun = fn acc -> {:cont, {:final, acc}, nil} end
IO.inspect(Enum.chunk_while(1..5, 0, fn x, acc -> if x == 3, do: {:halt, acc}, else: {:cont, acc + x} end, after_fun))
IO.inspect(Enum.chunk_while([1, 2, 3, 4], [], fn x, acc -> if x == 3, do: {:halt, acc}, else: {:cont, [x], [x | acc]} end, fn acc -> {:cont, acc} end))
IO.inspect(Enum.chunk_while([1, 2], :a, fn _, acc -> {:halt, acc} end, fn acc -> {:cont, acc, :b} end))
