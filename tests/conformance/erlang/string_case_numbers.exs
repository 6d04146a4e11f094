# :string case mapping, equality and number parsing.
show = fn label, v -> IO.puts("#{label}: #{inspect(v)}") end

for s <- ["hello", 'hello', "HeLLo", "ǆungla", 'ǆungla', "straße", 'straße', "ÀÉÎõü", "", [], "ﬁne", "İstanbul", "ΣΑΣ", "123"] do
  show.("uppercase #{inspect(s)}", :string.uppercase(s))
  show.("lowercase #{inspect(s)}", :string.lowercase(s))
  show.("titlecase #{inspect(s)}", :string.titlecase(s))
  show.("casefold #{inspect(s)}", :string.casefold(s))
end

for {a, b} <- [{"abc", "abc"}, {"abc", 'abc'}, {'abc', 'abd'}, {"ABC", "abc"}, {"Straße", "STRASSE"}, {"", []}, {["a", 'b'], "ab"}] do
  show.("equal #{inspect(a)} #{inspect(b)}", :string.equal(a, b))
  show.("equal nocase #{inspect(a)} #{inspect(b)}", :string.equal(a, b, true))
  show.("equal none #{inspect(a)} #{inspect(b)}", :string.equal(a, b, false, :none))
end

show.("equal nfc", :string.equal("e\u0301", "é", false, :nfc))
show.("equal nfd", :string.equal("é", "e\u0301", false, :nfd))
show.("equal nfkc", :string.equal("ﬁ", "fi", false, :nfkc))
show.("equal nfkd nocase", :string.equal("ﬁ", "FI", true, :nfkd))
show.("equal no norm", :string.equal("e\u0301", "é"))

for s <- ["123", '123abc', "-45x", "+7", "abc", "", '', "1.5", "12 34", " 12", "0012", "99999999999999999999999", "-", "١٢"] do
  show.("to_integer #{inspect(s)}", :string.to_integer(s))
end

for s <- ["1.5", '1.5x', "-2.25e3abc", "1.0E+2", "1,5", "1", ".5", "1.", "abc", "", "1.5e", "3.0e-2!", "2.5,5", "1.0e400"] do
  show.("to_float #{inspect(s)}", :string.to_float(s))
end

show.("to_integer badarg", :string.to_integer(:atom))
show.("to_float badarg", :string.to_float(123))
show.("list_to_integer", :string.list_to_integer('12ab'))
show.("list_to_float", :string.list_to_float('1.25ab'))
show.("list_to_integer not a list", :string.list_to_integer("12"))
