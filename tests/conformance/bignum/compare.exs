# Comparing bignums with each other, with small integers and with floats.
a = 2 ** 70
b = 2 ** 70 + 1
IO.inspect(a < b)
IO.inspect(a == b - 1)
IO.inspect(a === b - 1)
IO.inspect(a > 1_000_000)
IO.inspect(-a < 1)
IO.inspect(a == 1.1805916207174113e21)
IO.inspect(a < 1.0e22)
IO.inspect(a > 1.0e21)
IO.inspect(max(a, b) - a)
IO.inspect(min(-a, -b) + a)
IO.inspect(b > 3 and 3 > -a and -a < -5)
IO.inspect(2 ** 64 > 2 ** 63)
IO.inspect(-(2 ** 64) < -(2 ** 63))
