# List.keyfind!/3 on a missing key: the KeyError message names the position.
try do
  List.keyfind!([a: 1, b: 2], :zz, 0)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  List.keyfind!([{1, :x}], :x, 0)
rescue
  e in KeyError -> IO.inspect({e.key, e.term})
end
