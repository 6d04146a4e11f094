x = 0.0
IO.inspect(-x)
IO.inspect(-0.0)
IO.inspect(0.0 * -1)
IO.inspect(-(0.0))
f = fn y -> -y end
IO.inspect(f.(0.0))
IO.inspect(Kernel.-(0.0))
IO.inspect(:erlang.-(0.0))
IO.inspect(0 - 0.0)
IO.inspect(-0.0 + 0.0)
IO.inspect(abs(-0.0))
IO.inspect(Float.round(-0.0, 1))
IO.inspect(-0.0 == 0.0)
IO.inspect(-0.0 === 0.0)
IO.inspect(Integer.to_string(10, 2))
try do
  Integer.to_string(10, 1)
rescue
  e -> IO.inspect(e)
end
try do
  Integer.to_string(:a, 2)
rescue
  e -> IO.inspect(e)
end
try do
  Integer.to_string(1.5)
rescue
  e -> IO.inspect(e)
end
