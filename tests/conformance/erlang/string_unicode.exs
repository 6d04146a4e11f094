# :string on grapheme clusters (OTP 25's rules, Unicode 14), case mapping beyond ASCII
# and normalization, on binaries and charlists.
show = fn label, v -> IO.puts("#{label}: #{inspect(v)}") end

samples = [
  {"combining", "e\u0301e\u0302\u0323x"},
  {"hangul syllables", "한국어"},
  {"hangul jamo", "\u1100\u1161\u11A8\u1100\u1161"},
  {"hangul lv+t", "\uAC00\u11A8\uAC01\u11A8"},
  {"flags", "🇫🇷🇩🇪🇮"},
  {"zwj family", "👨‍👩‍👧‍👦!"},
  {"skin tone", "👍🏽👍"},
  {"zwj after letter", "a\u200D👍"},
  {"prepend", "\u0600\u0661\u0662"},
  {"prepend control", "\u0600\n"},
  {"crlf", "a\r\nb\n\rc"},
  {"control mark", "\n\u0301\t"},
  {"devanagari", "क्षि नमस्ते"},
  {"variation", "❤\uFE0F✔"},
  {"line sep", "a\u2028\u0301b"},
  {"latin1 mark", "é\u0301ñ"},
  {"copyright zwj", "©\u200D👍"}
]

for {name, s} <- samples do
  l = String.to_charlist(s)
  show.("#{name} length", {:string.length(s), :string.length(l)})
  show.("#{name} graphemes", :string.to_graphemes(s))
  show.("#{name} graphemes list", :string.to_graphemes(l))
  show.("#{name} reverse", :string.reverse(s))
  show.("#{name} slice", {:string.slice(s, 1, 2), :string.slice(l, 1, 2)})
  show.("#{name} next", {:string.next_grapheme(s), :string.next_grapheme(l)})
end

for s <- ["ǅemal", "ŉ", "ǰ", "ΐ", "ﬃ", "Ω", "ẞ", "ß", "İ", "ı", "ς", "Σ", "ǈ", "Ⓐ", "𐐀", "ᾳ", "ﬀ"] do
  l = String.to_charlist(s)
  show.("case #{s}", {:string.uppercase(s), :string.lowercase(s), :string.titlecase(s), :string.casefold(s)})
  show.("case list #{s}", {:string.uppercase(l), :string.lowercase(l), :string.titlecase(l), :string.casefold(l)})
end

for {a, b} <- [{"Å", "A\u030A"}, {"Å", "Å"}, {"ﬁ", "fi"}, {"한", "\u1112\u1161\u11AB"}, {"x²", "x2"},
               {"e\u0323\u0302", "e\u0302\u0323"}, {"ệ", "e\u0302\u0323"}, {"ÅB", "a\u030Ab"}] do
  for norm <- [:none, :nfc, :nfd, :nfkc, :nfkd] do
    show.("equal #{inspect(a)} #{inspect(b)} #{norm}", {:string.equal(a, b, false, norm), :string.equal(a, b, true, norm)})
  end
end

show.("trim unicode ws", :string.trim("\u2028\u00A0 x \u0085\u200E"))
show.("trim unicode list", :string.trim('\u2028 x \u0085'))
show.("lexemes graphemes", :string.lexemes("a\u0301 b a c", [?a, ?\s]))
show.("split cluster", :string.split("e\u0301xe", "e", :all))
show.("find cluster", :string.find("e\u0301xe", "e"))
show.("pad cluster", :string.pad("e\u0301", 3))
show.("take cluster", :string.take("e\u0301e", 'e'))
show.("prefix cluster", :string.prefix("e\u0301x", "e"))
