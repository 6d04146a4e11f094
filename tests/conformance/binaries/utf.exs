# utf8, utf16 and utf32 segments.
IO.inspect(<<233::utf8>>)
IO.inspect(<<0x1F600::utf8>>)
IO.inspect(<<?a::utf16>>)
IO.inspect(<<0x1F600::utf16>>)
IO.inspect(<<0x1F600::utf16-little>>)
IO.inspect(<<?a::utf32>>)
IO.inspect(<<?a::utf32-little>>)
<<c::utf8, rest::binary>> = "€uro"
IO.inspect({c, rest})
<<u::utf16, _::binary>> = <<0xD8, 0x3D, 0xDE, 0x00>>
IO.inspect(u)
<<v::utf32>> = <<0, 0, 0, 65>>
IO.inspect(v)
IO.inspect(:unicode.characters_to_binary("héllo", :utf8, :utf16))
IO.inspect(byte_size(<<0x10FFFF::utf8>>))
IO.inspect(String.valid?(<<0xFF>>))
IO.inspect(for <<cp::utf8 <- "añb€">>, do: cp)
