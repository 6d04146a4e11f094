# :string on mixed chardata (nested lists of code points and binaries): the shapes of
# the results, which depend on the input as in OTP.
show = fn label, v -> IO.puts("#{label}: #{inspect(v)}") end

inputs = [
  ["ab", 'cd', [?e, "fg"]],
  ["  ", 'hi', "  "],
  [" ", [" ", ["x"]], ' y ', "z  "],
  ["e", [769], "a"],
  ['a', "b,c", ',d'],
  [[], "", 'a', [[]], "b"],
  ["hé", 'llo', " wörld"],
  [?a | "bc"],
  ["a\r", '\nb'],
  ["👍", [0x1F3FD], "ok"],
  ["x,y", [",,z", [?,]]],
  [["ab", ?c], "d" | "ef"]
]

for s <- inputs do
  show.("length #{inspect(s)}", :string.length(s))
  show.("reverse", :string.reverse(s))
  show.("to_graphemes", :string.to_graphemes(s))
  show.("next_grapheme", :string.next_grapheme(s))
  show.("next_codepoint", :string.next_codepoint(s))
  show.("slice 1", :string.slice(s, 1))
  show.("slice 1 2", :string.slice(s, 1, 2))
  show.("trim", :string.trim(s))
  show.("trim leading", :string.trim(s, :leading))
  show.("trim trailing", :string.trim(s, :trailing))
  show.("pad both", :string.pad(s, 10, :both))
  show.("take abc", :string.take(s, 'abc '))
  show.("take abc complement", :string.take(s, 'abc ', true))
  show.("take trailing", :string.take(s, 'dfgz ', false, :trailing))
  show.("take trailing complement", :string.take(s, 'dfgz ', true, :trailing))
  show.("split ,", :string.split(s, ","))
  show.("split , all", :string.split(s, ",", :all))
  show.("split , trailing", :string.split(s, ",", :trailing))
  show.("replace b", :string.replace(s, "b", "B", :all))
  show.("find c", :string.find(s, "c"))
  show.("find c trailing", :string.find(s, 'c', :trailing))
  show.("lexemes", :string.lexemes(s, ' ,'))
  show.("nth_lexeme 2", :string.nth_lexeme(s, 2, ' ,'))
  show.("prefix a", :string.prefix(s, "a"))
  show.("uppercase", :string.uppercase(s))
  show.("lowercase", :string.lowercase(s))
  show.("titlecase", :string.titlecase(s))
  show.("casefold", :string.casefold(s))
  show.("chomp", :string.chomp(s))
  show.("equal self", :string.equal(s, :unicode.characters_to_binary(s)))
  show.("is_empty", :string.is_empty(s))
end
