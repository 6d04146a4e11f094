# Integer.pow/gcd/mod/floor_div/is_even/is_odd/extended_gcd and Kernel div/rem on signs and bignums.
require Integer
IO.inspect(Integer.pow(2, 10))
IO.inspect(Integer.pow(-3, 3))
IO.inspect(Integer.pow(7, 0))
IO.inspect(Integer.pow(2, 100))
IO.inspect(Integer.pow(0, 0))
IO.inspect(Integer.gcd(12, 18))
IO.inspect(Integer.gcd(-12, 18))
IO.inspect(Integer.gcd(0, 5))
IO.inspect(Integer.gcd(0, 0))
IO.inspect(Integer.gcd(2 ** 80, 6 ** 40))
IO.inspect(Integer.extended_gcd(240, 46))
IO.inspect(Integer.extended_gcd(0, 0))
IO.inspect(Integer.mod(7, 3))
IO.inspect(Integer.mod(-7, 3))
IO.inspect(Integer.mod(7, -3))
IO.inspect(Integer.mod(-7, -3))
IO.inspect(Integer.mod(-(2 ** 70), 1000))
IO.inspect(Integer.floor_div(7, 2))
IO.inspect(Integer.floor_div(-7, 2))
IO.inspect(Integer.floor_div(7, -2))
IO.inspect(Integer.floor_div(-7, -2))
IO.inspect(div(-7, 2))
IO.inspect(rem(-7, 2))
IO.inspect(rem(7, -2))
IO.inspect(Integer.is_even(0))
IO.inspect(Integer.is_even(-4))
IO.inspect(Integer.is_odd(-3))
IO.inspect(Integer.is_odd(2 ** 65 + 1))
IO.inspect(Enum.filter(1..10, fn x -> Integer.is_even(x) end))
IO.inspect(2 ** 64)
IO.inspect(2 ** -1)
IO.inspect((-2) ** 3)
IO.inspect(abs(-(2 ** 70)))
IO.inspect(max(1, 1.0))
IO.inspect(min(1.0, 1))

for f <- [
      fn -> Integer.pow(2, -1) end,
      fn -> Integer.mod(1, 0) end,
      fn -> Integer.floor_div(1, 0) end,
      fn -> div(10, 0) end,
      fn -> rem(10, 0) end,
      fn -> Integer.gcd(1.0, 2) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
