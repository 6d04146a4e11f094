# Negative zero, extremes, and overflow (the BEAM has no infinity: it raises).
IO.inspect(-0.0)
IO.inspect(0.0 == -0.0)
IO.inspect(1.7976931348623157e308)
IO.inspect(2.2250738585072014e-308)
IO.inspect(5.0e-324)
IO.inspect(5.0e-324 / 2)
IO.inspect(1.0 * 3)
IO.inspect(:erlang.float(7))
IO.inspect(is_float(:erlang.float(7)))

big = fn -> 1.0e308 end

try do
  IO.inspect(big.() * 10)
rescue
  e in ArithmeticError -> IO.puts("overflow: " <> Exception.message(e))
end
