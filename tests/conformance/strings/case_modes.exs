# String.upcase/downcase/capitalize: one-to-many mappings, titlecase, :turkic and :greek
# modes (final sigma depends on the letters around it), :ascii, bytes that are not UTF-8.
IO.inspect(String.upcase("straße ﬀ ﬃ ﬄ ﬅ ﬆ և ŉ ǰ ΐ ΰ ẖ ẗ ẘ ẙ ẚ"))
IO.inspect(String.upcase("ᾀ ᾳ ῃ ῳ ᾷ"))
IO.inspect(String.downcase("ẞ İ Ω K Å ǅ ǈ ǋ ǲ"))
IO.inspect(String.capitalize("ǆungla ǉubav ǌ"))
IO.inspect(String.capitalize("ßtraße"))
IO.inspect(String.capitalize("ﬁsh and ﬂowers"))
IO.inspect(String.capitalize("ᾳx"))
IO.inspect(String.capitalize("éCOLE"))
IO.inspect(String.capitalize(""))
IO.inspect({String.upcase("iıİI", :turkic), String.downcase("iıİI", :turkic)})
IO.inspect({String.upcase("iıİI"), String.downcase("iıİI")})
IO.inspect(String.downcase("I\u0307", :turkic))
IO.inspect(String.capitalize("istanbul", :turkic))
IO.inspect(String.capitalize("İSTANBUL", :turkic))
IO.inspect(String.capitalize("ÉCOLE", :ascii))
IO.inspect({String.upcase("héllo", :ascii), String.downcase("HÉLLO", :ascii)})

for s <- ["ΟΔΟΣ", "ΟΔΟΣ ΟΔΟΣ.", "ΣΑΣ", "Σ", "ΑΣΑ", "ΑΣ1", "ΑΣ'Α", "ΑΣ\u0301", "AΣ", "IΣ", "ÀΣ", "αΣ", "Α\u0301Σ", "Α·Σ", "ΣΣΣ"] do
  IO.inspect({s, String.downcase(s, :greek), String.downcase(s)})
end

IO.inspect(String.upcase(<<0xFF, ?a, 0xCE, ?b>>))
IO.inspect(String.downcase(<<0xCE, ?A, ?B>>))
IO.inspect(String.length(String.upcase("ﬃ")))
IO.inspect(String.upcase("Ꭰꭰ 𐐨𐐀 ⓐⒶ ǳ"))

try do
  String.upcase("x", :klingon)
rescue
  e -> IO.inspect(e.__struct__)
end
