# \xHH escapes are bytes in binaries: above 0x7F they need not form valid UTF-8.
IO.inspect("\xFF")
IO.inspect("a\xC3\xA9b")
IO.inspect(byte_size("\xFF\x80"))
IO.inspect(<<"\xFF", 1>>)
IO.inspect(~w(a\xFFb))
case <<255, 1>> do
  "\xFF" <> rest -> IO.inspect(rest)
end
IO.inspect(String.valid?("\xFF"))
