# Failed binary constructions: the ArgumentError names the segment, its type and why, and
# the stack trace carries OTP's error info (erl_erts_errors:format_bs_fail/2).
defmodule T do
  def id(x), do: x
end

cases = [
  fn -> T.id("a") <> T.id(1) end,
  fn -> <<T.id(1.5)::integer>> end,
  fn -> <<T.id("ab")::binary-size(3)>> end,
  fn -> <<T.id(:a)::bitstring>> end,
  fn -> <<T.id(<<1::3>>)::binary>> end,
  fn -> <<T.id(-1)::utf8>> end,
  fn -> <<T.id(0xD800)::utf16>> end,
  fn -> <<T.id(:a)::float>> end,
  fn -> <<T.id(1.0)::float-size(T.id(8))>> end,
  fn -> <<T.id(1)::size(T.id(-1))>> end,
  fn -> <<T.id(1)::size(T.id(:a))>> end,
  fn -> <<T.id("abc")::binary-size(T.id(-2))>> end,
  fn -> <<1, 2, T.id(:q)::utf32, 3>> end,
  fn -> <<T.id(<<1::3>>)::bits-size(2)>> end,
  fn -> <<T.id(<<1::9>>)::binary>> end,
  fn -> <<T.id(1)::integer, T.id(2.0)::integer>> end,
  fn -> x = T.id("xyz"); <<x::binary, T.id(1)::binary>> end,
  fn -> <<T.id(1.0e300)::float-32>> end,
  fn -> <<T.id(100000000000000000000000000000000000000000000000000000000000)::float>> end,
  fn -> <<T.id(String.duplicate("a", 40))::binary-size(50)>> end,
  fn -> <<T.id(:a)::size(T.id(-1))>> end,
  fn -> <<T.id(:a)::binary-size(T.id(-1))>> end,
  fn -> <<T.id(:a)::float-size(T.id(8))>> end,
  fn -> <<T.id(:a)::float-size(T.id(-8))>> end,
  fn -> <<T.id(1.0)::float-size(T.id(:x))>> end,
  fn -> <<T.id(<<1::3>>)::binary-size(T.id(1))>> end,
  fn -> <<T.id("ab")::bits-size(T.id(20))>> end,
  fn -> <<T.id(1)::integer, T.id("ab")::binary-size(3), T.id(:z)>> end,
  fn -> "pre" <> T.id(:x) end,
  fn -> "pre" <> T.id("a") <> T.id(2) end,
  fn -> <<"lit", T.id(2)::binary>> end,
  fn -> x = T.id("acc"); x <> T.id(5) end,
  fn -> <<T.id(String.duplicate("a", 20))::binary-size(30)>> end,
  fn -> <<T.id(123456789012345678901234567890123456789012345678901234567890)::float>> end,
  fn -> <<T.id(String.to_charlist(String.duplicate("a", 30)))::binary>> end,
  fn -> <<T.id(%{a: 1})::binary>> end,
  fn -> <<T.id({1, 2})::integer>> end,
  fn -> <<T.id(100000.0)::float-16>> end,
  fn -> <<T.id(-1.0e300)::float-16>> end
]

for f <- cases do
  try do
    IO.inspect(f.())
  rescue
    e ->
      [{_, _, _, info} | _] = __STACKTRACE__
      IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)} | #{inspect(info[:error_info])}")
  end
end
