# String.normalize/2 in the four forms, String.equivalent?/2, and bytes that are not UTF-8
# (kept as they are, normalization going on after them).
inputs = ["café", "cafe\u0301", "Ångström", "ﬁ①²", "한국어", "\u1112\u1161\u11AB", "ẛ̣", "a\u0328\u0301"]

for s <- inputs, form <- [:nfc, :nfd, :nfkc, :nfkd] do
  n = String.normalize(s, form)
  IO.inspect({s, form, n, byte_size(n), String.codepoints(n)})
end

IO.inspect(String.equivalent?("ü", "u\u0308"))
IO.inspect(String.equivalent?("ﬁ", "fi"))
IO.inspect(String.equivalent?("abc", "abd"))
IO.inspect(String.normalize(<<"e", 0xCC, 0x81, 0xFF, "e", 0xCC, 0x81>>, :nfc))
IO.inspect(String.normalize(<<0xFF, 0xFE>>, :nfd))

try do
  String.normalize("x", :nfx)
rescue
  e -> IO.inspect(e.__struct__)
end
