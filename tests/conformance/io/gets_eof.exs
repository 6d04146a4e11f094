# IO.gets and IO.read at the end of input (stdin is /dev/null): :eof.
IO.inspect(IO.gets("prompt> "))
IO.inspect(IO.gets(""))
IO.inspect(IO.read(:line))
IO.inspect(IO.read(:eof))
case IO.gets("") do
  :eof -> IO.puts("no input")
  line -> IO.puts("got " <> line)
end
