# List.myers_difference/2,3: edit scripts between lists.
IO.inspect(List.myers_difference([1, 2, 3], [1, 4, 3]))
IO.inspect(List.myers_difference([], [1]))
IO.inspect(List.myers_difference([1, 2], []))
IO.inspect(List.myers_difference([:a, :b, :c, :d], [:a, :c, :d, :e]))
