# String.splitter/2,3: the lazy splitter, consumed by Enum.
IO.inspect(String.splitter("a b c", " ") |> Enum.to_list())
IO.inspect(String.splitter("a,b,,c", [",", ";"], trim: true) |> Enum.to_list())
IO.inspect(String.splitter("1 2 3 4", " ") |> Enum.take(2))
