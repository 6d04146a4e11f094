# :string search, split, replace, lexemes, nth_lexeme, prefix.
show = fn label, v -> IO.puts("#{label}: #{inspect(v)}") end

for {s, p} <- [{"hello world", "o"}, {'hello world', 'o'}, {"hello world", "xyz"}, {"hello", ""}, {"hello", []},
               {"aaa", "aa"}, {"héllo", "l"}, {'héllo', "é"}] do
  show.("find #{inspect(s)} #{inspect(p)}", :string.find(s, p))
  show.("find trailing #{inspect(s)} #{inspect(p)}", :string.find(s, p, :trailing))
  show.("split #{inspect(s)} #{inspect(p)}", :string.split(s, p))
  show.("split trailing #{inspect(s)} #{inspect(p)}", :string.split(s, p, :trailing))
  show.("split all #{inspect(s)} #{inspect(p)}", :string.split(s, p, :all))
  show.("replace #{inspect(s)} #{inspect(p)}", :string.replace(s, p, "_"))
  show.("replace all #{inspect(s)} #{inspect(p)}", :string.replace(s, p, '_', :all))
  show.("replace trailing #{inspect(s)} #{inspect(p)}", :string.replace(s, p, "__", :trailing))
end

show.("split all seps", :string.split("a,b,,c,", ",", :all))
show.("split all list", :string.split('a,b,,c,', ',', :all))
show.("split multi", :string.split("a--b--c", "--", :all))

for {s, seps} <- [{"a b  c", ' '}, {'a b  c', ' '}, {"  lead trail  ", ' '}, {"a,b;c", ',;'}, {'a,b;c', ',;'},
                  {"", ' '}, {'', ' '}, {"abc", []}, {"a\r\nb\nc", [[?\r, ?\n], ?\n]}, {"x  y", ' '}] do
  show.("lexemes #{inspect(s)} #{inspect(seps)}", :string.lexemes(s, seps))
end

for {s, n, seps} <- [{"a b c", 2, ' '}, {'a b c', 3, ' '}, {"a b c", 4, ' '}, {"  a  b", 1, ' '}, {"abc", 1, []}, {'', 1, ' '}] do
  show.("nth_lexeme #{inspect(s)} #{n}", :string.nth_lexeme(s, n, seps))
end

for {s, p} <- [{"foobar", "foo"}, {'foobar', 'foo'}, {"foobar", "bar"}, {"foo", "foo"}, {'foo', 'foo'}, {"foo", ""}, {"foo", []}] do
  show.("prefix #{inspect(s)} #{inspect(p)}", :string.prefix(s, p))
end
