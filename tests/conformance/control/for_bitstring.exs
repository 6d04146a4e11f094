# for with bitstring generators.
IO.inspect(for <<c <- "hello">>, do: c)
IO.inspect(for <<c <- "hello">>, into: "", do: <<c - 32>>)
pixels = <<213, 45, 132, 64, 76, 32, 76, 0, 0, 234, 32, 15>>
IO.inspect(for <<r::8, g::8, b::8 <- pixels>>, do: {r, g, b})
IO.inspect(for <<x::4 <- <<0xAB, 0xCD>> >>, do: x)
IO.inspect(for <<b::1 <- <<5::4>> >>, do: b)
IO.inspect(for <<c::utf8 <- "héllo">>, do: c)
IO.inspect(for <<c <- "abcdef">>, c > ?c, into: "", do: <<c>>)
IO.inspect(for <<x::16-little <- <<1, 0, 2, 0, 255, 255>> >>, do: x)
IO.inspect(for <<c <- "ab">>, <<d <- "xy">>, do: <<c, d>>)
IO.inspect(for x <- [1, 2, 3], into: <<>>, do: <<x::16>>)
