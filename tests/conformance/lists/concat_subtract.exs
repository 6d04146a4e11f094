# ++ and -- .
IO.inspect([1, 2] ++ [3, 4])
IO.inspect([] ++ [1])
IO.inspect([1] ++ [])
IO.inspect([1, 2] ++ 3)
IO.inspect([[1]] ++ [[2]])
IO.inspect([1, 2, 3, 2, 1] -- [2])
IO.inspect([1, 2, 3, 2, 1] -- [2, 2, 5])
IO.inspect([:a, :b, :c] -- [:c, :a])
IO.inspect([1, 2, 3] -- [])
IO.inspect([] -- [1])
IO.inspect('hello' -- 'l')
IO.inspect([1.0, 1] -- [1])
acc = []
acc = acc ++ [1]
acc = acc ++ [2]
IO.inspect(acc)
