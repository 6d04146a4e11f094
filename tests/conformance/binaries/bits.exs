# Bitstrings that are not whole bytes; bits/bitstring segments; unit.
b = <<5::3>>
IO.inspect(b)
IO.inspect(bit_size(b))
IO.inspect(byte_size(b))
IO.inspect(<<1::1, 1::1>>)
IO.inspect(<<b::bitstring, 1::1>>)
IO.inspect(<<"a", 1::4>>)
<<head::3, tail::bits>> = <<0b10110011>>
IO.inspect({head, tail})
<<first::bitstring-size(4), _::bitstring>> = <<0xF0>>
IO.inspect(first)
<<x::size(3)-unit(4), _::bits>> = <<0xFF, 0xF0>>
IO.inspect(x)
IO.inspect(<<1::size(2)-unit(8)>>)
IO.inspect(bit_size(<<1::size(3)-unit(3)>>))
IO.inspect(is_bitstring(<<>>))
IO.inspect(<<0::7>> == <<0::7>>)
IO.inspect(<<1::1>> < <<1::2>>)
IO.inspect(<<1, 2::4>> < <<1, 3>>)
long = <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25::5>>
IO.inspect(long)
