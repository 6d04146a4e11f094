# Matching strings with <> and literal prefixes.
defmodule Cmd do
  def parse("get " <> key), do: {:get, key}
  def parse("set " <> rest) do
    [k, v] = String.split(rest, " ", parts: 2)
    {:set, k, v}
  end
  def parse("del" <> _), do: :delete
  def parse(other), do: {:unknown, other}
end

IO.inspect(Cmd.parse("get name"))
IO.inspect(Cmd.parse("set name Ada Lovelace"))
IO.inspect(Cmd.parse("delete everything"))
IO.inspect(Cmd.parse("noop"))

"Hello, " <> who = "Hello, world"
IO.puts(who)

"key=" <> value = "key=123"
IO.puts(value)
size = 3
<<head::binary-size(size), tail::binary>> = "abcdef"
IO.inspect({head, tail})

<<first::utf8, rest::binary>> = "élan"
IO.inspect(first)
IO.puts(rest)

case "2024-01-15" do
  <<y::binary-size(4), "-", m::binary-size(2), "-", d::binary-size(2)>> -> IO.inspect({y, m, d})
end
