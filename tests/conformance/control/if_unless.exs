# if/unless/else as expressions, with do: forms and truthiness.
check = fn x ->
  if x do
    "truthy"
  else
    "falsy"
  end
end

IO.inspect(Enum.map([true, false, nil, 0, "", [], :atom], check))
IO.inspect(if 1 > 2, do: :yes)
IO.inspect(if 1 < 2, do: :yes)
IO.inspect(unless 1 > 2, do: :ran)
IO.inspect(unless 1 < 2, do: :ran)
IO.inspect(unless nil, do: :a, else: :b)
IO.inspect(unless 1, do: :a, else: :b)

x = 5

y =
  if x > 3 do
    z = x * 2
    z + 1
  else
    0
  end

IO.inspect(y)

if x == 5 do
  IO.puts("x is five")
end

sign = if x < 0, do: :neg, else: if(x == 0, do: :zero, else: :pos)
IO.inspect(sign)
