# Integer segments of every size from 0 to 70 bits, at byte-aligned and unaligned
# positions, signed and unsigned, big and little endian: built, then matched back.
values = [0, 1, -1, 5, -5, 127, -128, 255, 256, 0x1234_5678, -0x1234_5678,
          0x7FFF_FFFF_FFFF_FFFF, -0x8000_0000_0000_0000, 0xFFFF_FFFF_FFFF_FFFF,
          0x1_0000_0000_0000_0000, 123_456_789_012_345_678_901]

for size <- 0..70 do
  rows =
    for v <- values do
      big = <<v::size(size)>>
      little = <<v::size(size)-little>>
      shifted = <<1::3, v::size(size), 5::3>>
      <<ub::size(size)>> = big
      <<sb::signed-size(size)>> = big
      <<ul::little-size(size)>> = little
      <<sl::little-signed-size(size)>> = little
      <<_::3, us::size(size), tail::3>> = shifted
      <<_::3, ss::signed-size(size), _::3>> = shifted
      {ub, sb, ul, sl, us, ss, tail, big, little}
    end
  IO.puts("#{size}: #{inspect(rows, limit: :infinity)}")
end

# Reading bytes one by one out of a large binary, and the rest of it.
bin = :binary.list_to_bin(Enum.map(0..999, &rem(&1 * 7, 256)))
sum = fn f, <<b, rest::binary>>, acc -> f.(f, rest, acc + b); _f, <<>>, acc -> acc end
IO.puts(sum.(sum, bin, 0))
<<a::16, b::32-little, c::signed-8, rest::binary>> = bin
IO.inspect({a, b, c, byte_size(rest)})
<<x::binary-size(3), y::bits-size(5), z::bits>> = bin
IO.inspect({x, y, bit_size(z)})
