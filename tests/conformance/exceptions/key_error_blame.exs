# KeyError.blame/2 through Exception.blame/3: close atom keys of the map or keyword list
# ("Did you mean:"), as an error that ends a script shows them.
show = fn f ->
  try do
    f.()
  rescue
    e ->
      {b, _} = Exception.blame(:error, e, __STACKTRACE__)
      IO.inspect(e)
      IO.inspect(b)
      IO.puts(Exception.message(b))
  end
end
show.(fn -> %{foo: 1, bar: 2}.fooo end)
show.(fn -> Map.fetch!(%{foo: 1, fob: 2, fo: 3, food: 4, fool: 5, foot: 6, fox: 7}, :foox) end)
show.(fn -> Keyword.fetch!([apple: 1, apply: 2], :appl) end)
show.(fn -> Map.fetch!(%{"foo" => 1}, "fo") end)
show.(fn -> Map.fetch!(%{1 => 1}, :x) end)
show.(fn -> raise KeyError, key: :a end)
show.(fn -> raise KeyError, key: :a, term: %{b: 1}, message: "custom" end)
show.(fn -> Map.fetch!(%{zzz: 1}, :a) end)
trace = [{M, :run, 0, [file: 'x.exs', line: 9]}]
e = %KeyError{key: :nme, term: %{name: "x", age: 3}}
IO.write(IO.iodata_to_binary(Kernel.CLI.format_error(:error, e, trace)))
IO.write(IO.iodata_to_binary(Kernel.CLI.format_error(:error, {:badkey, :nme, %{name: 1}}, trace)))
