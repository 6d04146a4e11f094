# Anonymous functions with several clauses and guards, immediately invoked ones.
classify = fn
  0 -> :zero
  n when n < 0 -> :negative
  n when is_integer(n) -> :positive
  _ -> :not_an_integer
end

IO.inspect({classify.(0), classify.(-3), classify.(3), classify.(:x)})

swap = fn {a, b} -> {b, a} end
IO.inspect(swap.({1, 2}))

two_args = fn
  a, b when a > b -> a
  _, b -> b
end

IO.inspect({two_args.(5, 3), two_args.(1, 9)})
IO.inspect((fn x -> x * 10 end).(4))
no_args = fn -> :called end
IO.inspect(no_args.())

fact = fn
  _f, 0 -> 1
  f, n -> n * f.(f, n - 1)
end

IO.inspect(fact.(fact, 20))
compose = fn f, g -> fn x -> g.(f.(x)) end end
inc_then_double = compose.(fn x -> x + 1 end, fn x -> x * 2 end)
IO.inspect(inc_then_double.(5))
IO.inspect(apply(fn a, b -> a - b end, [10, 3]))
IO.inspect(apply(Kernel, :max, [3, 9]))
