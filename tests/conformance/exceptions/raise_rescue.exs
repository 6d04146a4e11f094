# raise with a string, a module, a module and message:, rescued in several ways.
try do
  raise "boom"
rescue
  e -> IO.inspect(e)
end

try do
  raise ArgumentError
rescue
  e -> IO.inspect(e)
end

try do
  raise ArgumentError, "bad arg"
rescue
  e -> IO.inspect({e.__struct__, e.message})
end

try do
  raise ArgumentError, message: "with keyword"
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  raise RuntimeError
rescue
  e in RuntimeError -> IO.puts("runtime: " <> e.message)
end

result =
  try do
    raise KeyError, key: :k, term: %{}
  rescue
    e in [ArgumentError, KeyError] -> {:rescued, e.__struct__, Exception.message(e)}
  end

IO.inspect(result)

try do
  raise %RuntimeError{message: "struct raised"}
rescue
  RuntimeError -> IO.puts("rescued by module name only")
end
