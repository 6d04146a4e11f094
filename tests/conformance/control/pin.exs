# The pin operator in matches, case, function heads of fn, and map keys.
x = 1
^x = 1
IO.puts("pinned match ok")
{^x, y} = {1, 2}
IO.inspect(y)

check = fn v ->
  case v do
    ^x -> :same_as_x
    _ -> :different
  end
end

IO.inspect({check.(1), check.(2)})
k = :key
%{^k => val} = %{key: "value"}
IO.puts(val)
matcher = fn ^x -> :one; _ -> :not_one end
IO.inspect({matcher.(1), matcher.(5)})
list = [1, 2, 3]
[^x | rest] = list
IO.inspect(rest)
for ^x <- [1, 2, 1, 3], do: IO.inspect(:found_one)

try do
  ^x = 2
rescue
  e in MatchError -> IO.puts(Exception.message(e))
end

x = 5
IO.inspect(x)
