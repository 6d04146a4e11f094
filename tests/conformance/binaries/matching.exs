# Binary patterns in function heads and case.
defmodule B do
  def kind(<<0xFF, 0xD8, _::binary>>), do: :jpeg
  def kind(<<0x89, "PNG", _::binary>>), do: :png
  def kind(<<"%PDF", _::binary>>), do: :pdf
  def kind(<<_::binary>>), do: :unknown

  def count_ones(<<>>), do: 0
  def count_ones(<<b::1, rest::bits>>), do: b + count_ones(rest)

  def split_at_space(bin), do: split(bin, "")
  defp split(<<" ", rest::binary>>, acc), do: {acc, rest}
  defp split(<<c, rest::binary>>, acc), do: split(rest, acc <> <<c>>)
  defp split(<<>>, acc), do: {acc, ""}
end

IO.inspect(B.kind(<<0xFF, 0xD8, 0xFF>>))
IO.inspect(B.kind(<<0x89, "PNG", 13, 10>>))
IO.inspect(B.kind("%PDF-1.4"))
IO.inspect(B.kind("plain"))
IO.inspect(B.count_ones(<<0xFF, 0x0F, 0b1010::4>>))
IO.inspect(B.split_at_space("hello big world"))
IO.inspect(B.split_at_space("nospace"))

case <<1, 2, 3>> do
  <<1, x, 3>> -> IO.inspect({:middle, x})
end

case "abc" do
  <<_, _, _, _>> -> IO.puts("four")
  <<_, _, _>> -> IO.puts("three")
end
