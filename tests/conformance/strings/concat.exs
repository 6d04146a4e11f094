# <> concatenation, sizes and comparison of strings.
a = "Hello"
b = "world"
c = a <> ", " <> b <> "!"
IO.puts(c)
IO.inspect(byte_size(c))
IO.inspect(String.length(c))
u = "héllo wörld"
IO.inspect(byte_size(u))
IO.inspect(String.length(u))
IO.puts(u <> " " <> "日本")
IO.inspect("" <> "" == "")
IO.inspect("ab" <> "c" == "abc")
acc = "x"
acc = acc <> acc
acc = acc <> acc
acc = acc <> acc
IO.puts(acc)
IO.inspect(is_binary(acc))
IO.inspect(String.duplicate("ab", 5))
