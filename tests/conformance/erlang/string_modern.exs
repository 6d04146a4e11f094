# :string's grapheme-cluster API on binaries and charlists.
show = fn label, v -> IO.puts("#{label}: #{inspect(v)}") end

for s <- ["", "a", "abc", "héllo wörld", 'abc', 'héllo', [], "e\u0301a", "\r\n\r\n", "👍🏽x"] do
  show.("is_empty #{inspect(s)}", :string.is_empty(s))
  show.("length #{inspect(s)}", :string.length(s))
  show.("reverse #{inspect(s)}", :string.reverse(s))
  show.("to_graphemes #{inspect(s)}", :string.to_graphemes(s))
  show.("next_grapheme #{inspect(s)}", :string.next_grapheme(s))
  show.("next_codepoint #{inspect(s)}", :string.next_codepoint(s))
end

show.("is_empty nested", :string.is_empty([[], "", [[]]]))
show.("is_empty nested2", :string.is_empty([[], "", [[?a]]]))

for {s, args} <- [{"hello world", [0]}, {"hello world", [3]}, {"hello world", [20]}, {'hello', [2]},
                  {"hello", [1, 3]}, {"hello", [0, 0]}, {'hello', [1, 0]}, {"hello", [2, :infinity]},
                  {'héllo', [1, 2]}, {"héllo", [1, 2]}, {"hello", [5, 2]}, {"hello", [9, 2]}, {'hello', [9, 2]}] do
  show.("slice #{inspect(s)} #{inspect(args)}", apply(:string, :slice, [s | args]))
end

for {s, args} <- [{"ab", [5]}, {'ab', [5]}, {"ab", [1]}, {"ab", [5, :leading]}, {"ab", [5, :both]},
                  {"ab", [6, :both, ?-]}, {'héé', [6, :both, ?*]}, {"ab", [-3]}, {"ab", [4, :trailing, 'xy']}] do
  show.("pad #{inspect(s)} #{inspect(args)}", apply(:string, :pad, [s | args]))
end

for {s, args} <- [{"  hi  ", []}, {'  hi  ', []}, {"\t\n hi \r\n", []}, {"  hi  ", [:leading]}, {"  hi  ", [:trailing]},
                  {'  hi  ', [:leading]}, {'  hi  ', [:trailing]}, {"xxhixx", [:both, 'x']}, {'xxhixx', [:both, 'x']},
                  {"..hi..", [:leading, '.']}, {"..hi..", [:trailing, '.']}, {"abcba", [:both, 'ab']},
                  {"ééhéé", [:both, 'é']}, {'ééhéé', [:both, 'é']}, {"", []}, {'', []}, {"   ", []}, {'   ', []},
                  {"ab", [:both, []]}, {"a\r\n", [:trailing, [[?\r, ?\n]]]}] do
  show.("trim #{inspect(s)} #{inspect(args)}", apply(:string, :trim, [s | args]))
end

for s <- ["abc\n", "abc\r\n", 'abc\r\n', "abc\n\n", "abc", 'abc\n', "abc\r", "\n", ""] do
  show.("chomp #{inspect(s)}", :string.chomp(s))
end

for {s, args} <- [{"abc123", ['abc']}, {'abc123', ['abc']}, {"abc123", ['abc', true]}, {"123abc", ['abc', true]},
                  {"abc123", ['0123456789', false, :trailing]}, {'abc123', ['0123456789', false, :trailing]},
                  {"abc123", ['0123456789', true, :trailing]}, {'abc123', ['abc', true, :trailing]},
                  {"aaa", ['a']}, {"aaa", ['a', true]}, {"", ['a']}, {"abc", [[]]}, {"abc", [[], true]},
                  {"abc", [[], false, :trailing]}, {"abc", [[], true, :trailing]}, {'abc', [[]]}] do
  show.("take #{inspect(s)} #{inspect(args)}", apply(:string, :take, [s | args]))
end
