# rest::binary, sizes taken from earlier segments and from variables.
defmodule Packet do
  def parse(<<len::8, data::binary-size(len), rest::binary>>), do: {data, rest}

  def parse_all(<<>>), do: []

  def parse_all(bin) do
    {data, rest} = parse(bin)
    [data | parse_all(rest)]
  end

  def header(<<version::4, ihl::4, _tos::8, total::16, _::binary>>), do: {version, ihl, total}
end

IO.inspect(Packet.parse(<<3, "abcdef">>))
IO.inspect(Packet.parse_all(<<2, "hi", 5, "there", 0, 1, "!">>))
IO.inspect(Packet.header(<<0x45, 0, 0, 60, 1, 2, 3>>))
n = 2
<<a::binary-size(n), b::binary>> = "xyz"
IO.inspect({a, b})
m = 12
<<num::size(m), more::bits>> = <<0xAB, 0xCD>>
IO.inspect({num, more})
<<_::binary-size(3), tail::binary>> = "skip-me"
IO.inspect(tail)
<<x::binary-2, y::bytes>> = "abcd"
IO.inspect({x, y})
size = 16
IO.inspect(<<1000::size(size)>>)
IO.inspect(<<1000::size(size)-little>>)
<<"GIF", ver::binary-size(3), _::binary>> = "GIF89a..."
IO.inspect(ver)
