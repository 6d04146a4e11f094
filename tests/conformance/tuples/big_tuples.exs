# Larger tuples: inspection breaks across lines past width 80.
t = List.to_tuple(Enum.to_list(1..40))
IO.inspect(t)
IO.inspect(tuple_size(t))
IO.inspect(elem(t, 39))
words = {:alpha, :bravo, :charlie, :delta, :echo, :foxtrot, :golf, :hotel, :india}
IO.inspect(words)
IO.inspect({words, words})
