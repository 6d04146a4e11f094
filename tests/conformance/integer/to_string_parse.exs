# Integer.to_string/2, to_charlist/2, parse/2, digits/2, undigits/2 across bases and signs.
IO.inspect(Integer.to_string(255))
IO.inspect(Integer.to_string(-255))
IO.inspect(Integer.to_string(255, 16))
IO.inspect(Integer.to_string(255, 2))
IO.inspect(Integer.to_string(-255, 36))
IO.inspect(Integer.to_string(0, 7))
IO.inspect(Integer.to_string(123456789012345678901234567890, 16))
IO.inspect(Integer.to_charlist(42))
IO.inspect(Integer.to_charlist(42, 8))
IO.inspect(Integer.parse("42"))
IO.inspect(Integer.parse("42.5"))
IO.inspect(Integer.parse("-0"))
IO.inspect(Integer.parse("+15rest"))
IO.inspect(Integer.parse(""))
IO.inspect(Integer.parse("-"))
IO.inspect(Integer.parse("1_000"))
IO.inspect(Integer.parse("FFz", 16))
IO.inspect(Integer.parse("777", 8))
IO.inspect(Integer.parse("888", 8))
IO.inspect(Integer.parse("Zz", 36))
IO.inspect(Integer.parse("99999999999999999999999"))
IO.inspect(Integer.digits(123))
IO.inspect(Integer.digits(0))
IO.inspect(Integer.digits(-123))
IO.inspect(Integer.digits(255, 16))
IO.inspect(Integer.digits(5, 2))
IO.inspect(Integer.digits(2 ** 70))
IO.inspect(Integer.undigits([1, 2, 3]))
IO.inspect(Integer.undigits([]))
IO.inspect(Integer.undigits([1, 0, 1], 2))
IO.inspect(Integer.undigits([15, 15], 16))
IO.inspect(Integer.undigits([0, 0, 7]))

for f <- [
      fn -> Integer.parse("1", 1) end,
      fn -> Integer.digits(10, 1) end,
      fn -> Integer.undigits([2], 2) end,
      fn -> Integer.digits(1.5) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
