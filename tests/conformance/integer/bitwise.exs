# Bitwise: functions and operators on positive, negative and big integers.
import Bitwise
IO.inspect(band(0b1100, 0b1010))
IO.inspect(bor(0b1100, 0b1010))
IO.inspect(bxor(0b1100, 0b1010))
IO.inspect(bnot(0))
IO.inspect(bnot(-1))
IO.inspect(bnot(255))
IO.inspect(bsl(1, 10))
IO.inspect(bsr(1024, 3))
IO.inspect(bsl(1, 100))
IO.inspect(bsr(-1, 10))
IO.inspect(bsr(-16, 2))
IO.inspect(bsl(5, -1))
IO.inspect(bsr(5, -2))
IO.inspect(12 &&& 10)
IO.inspect(12 ||| 3)
IO.inspect(1 <<< 64)
IO.inspect(-256 >>> 4)
IO.inspect(band(-1, 0xFF))
IO.inspect(bor(-8, 3))
IO.inspect(bxor(-1, 2 ** 70))
IO.inspect(band(2 ** 100 - 1, 2 ** 64 + 5))
IO.inspect(Bitwise.band(6, 3))
IO.inspect(:erlang.band(6, 3))
IO.inspect(:erlang.bsl(3, 2))
IO.inspect(Enum.map(0..8, &band(&1, 1)))
IO.inspect(Integer.to_string(bnot(0b1010) &&& 0xF, 2))

try do
  band(1.0, 1)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
