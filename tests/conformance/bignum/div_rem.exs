# div and rem of bignums, with every sign combination.
a = 2 ** 130 + 12345
b = 3 ** 40
for {x, y} <- [{a, b}, {-a, b}, {a, -b}, {-a, -b}, {a, 7}, {-a, 7}, {a, a}, {b, a}] do
  IO.puts("#{div(x, y)} #{rem(x, y)}")
end

q = div(a, b)
r = rem(a, b)
IO.inspect(q * b + r == a)
IO.inspect(Integer.mod(-a, b))
IO.inspect(Integer.floor_div(-a, b))
IO.inspect(div(10 ** 30, 10 ** 15))
IO.inspect(a / b)
