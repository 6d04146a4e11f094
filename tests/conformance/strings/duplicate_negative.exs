# String.duplicate with a negative count: the ArgumentError of :binary.copy/2.
try do
  String.duplicate("a", -1)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
