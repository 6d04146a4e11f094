# Bignums beyond the BEAM's size limit raise system_limit.
x = Integer.pow(2, 4_000_000)
IO.puts(rem(x, 1000))
y = x * x * x * x * x * x * x * x * x * x * x * x * x * x * x * x * x
IO.puts(rem(y, 10))
