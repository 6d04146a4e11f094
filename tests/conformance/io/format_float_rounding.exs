# Fixed-precision float formatting rounds the exact binary value (0.35 is 0.34999...).
:io.format("~.1f ~.1f ~.1f~n", [2.25, 0.35, 0.45])
:io.format("~.2f ~.2f~n", [1.005, 2.675])
IO.puts(:erlang.float_to_binary(0.35, decimals: 1))
IO.puts(:erlang.float_to_binary(2.675, decimals: 2))
IO.inspect(Float.round(0.35, 1))
IO.inspect(Float.round(2.675, 2))
