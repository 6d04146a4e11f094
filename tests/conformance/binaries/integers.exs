# Integer segments: size, signed/unsigned, big/little/native endianness.
IO.inspect(<<258::16>>)
IO.inspect(<<258::16-big>>)
IO.inspect(<<258::16-little>>)
IO.inspect(<<258::big-16>>)
IO.inspect(<<-2::16-signed>>)
IO.inspect(<<-2::16-little-signed>>)
IO.inspect(<<258::16-native>> == <<258::16-little>> or <<258::16-native>> == <<258::16-big>>)
<<a::16>> = <<1, 2>>
IO.inspect(a)
<<b::16-little>> = <<1, 2>>
IO.inspect(b)
<<c::8-signed>> = <<255>>
IO.inspect(c)
<<d::8-unsigned>> = <<255>>
IO.inspect(d)
<<e::32-signed-big>> = <<255, 255, 255, 254>>
IO.inspect(e)
<<f::integer-size(4), g::integer-size(4)>> = <<0xA7>>
IO.inspect({f, g})
<<h::size(2)-unit(8)>> = <<1, 0>>
IO.inspect(h)
<<big::64-unsigned>> = <<255, 255, 255, 255, 255, 255, 255, 255>>
IO.inspect(big)
<<huge::128>> = <<1::1, 0::127>>
IO.inspect(huge)
IO.inspect(<<2 ** 70::80>>)
IO.inspect(<<300::8>>)
IO.inspect(<<1::1, 0::1, 1::1, 0::5>>)
