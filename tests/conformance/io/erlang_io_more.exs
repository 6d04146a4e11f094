# :io on the standard devices: put_chars/nl/fwrite with a device, reading from a device
# that cannot be read, and the errors for bad data or a device that does not exist.
check = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

:io.put_chars(:standard_error, "to stderr\n")
:io.put_chars(:standard_io, ["a", ?b, "c\n"])
:io.nl(:standard_io)
:io.fwrite(:standard_io, "~s!~n", ["x"])
IO.inspect(:io.put_chars("é\n"))
IO.inspect(:io.fwrite("~p~n", [{1, "two"}]))
IO.inspect(IO.gets(:stderr, "x"))
IO.inspect(:io.get_line(:no_such_device, "x"))
IO.inspect(:io.get_chars(:standard_error, "p", 3))
IO.inspect(IO.read(:stdio, 0))
IO.inspect(IO.read(:all))
IO.inspect(IO.binread(:line))
IO.inspect(IO.getn("n? ", 2))
check.(fn -> :io.put_chars(:bad) end)
check.(fn -> :io.put_chars(:nodev, "x") end)
check.(fn -> :io.put_chars(:standard_io, [:bad]) end)
check.(fn -> :io.nl(:nodev) end)
