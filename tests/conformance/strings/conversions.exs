# String.to_integer/1,2, to_float, to_atom, to_existing_atom, to_charlist, Integer/Float.parse errors.
IO.inspect(String.to_integer("42"))
IO.inspect(String.to_integer("-0042"))
IO.inspect(String.to_integer("+7"))
IO.inspect(String.to_integer("123456789012345678901234567890"))
IO.inspect(String.to_integer("ff", 16))
IO.inspect(String.to_integer("FF", 16))
IO.inspect(String.to_integer("-101", 2))
IO.inspect(String.to_integer("zz", 36))
IO.inspect(String.to_float("3.14"))
IO.inspect(String.to_float("-0.5e3"))
IO.inspect(String.to_float("1.0E-2"))
IO.inspect(String.to_atom("hello world"))
IO.inspect(String.to_atom(""))
IO.inspect(String.to_atom("Elixir.Foo"))
IO.inspect(String.to_existing_atom("ok"))
IO.inspect(String.to_charlist("abc"))
IO.inspect(String.to_charlist(""))
IO.inspect(to_string('xyz'))
IO.inspect(to_string(:atom))
IO.inspect(to_string(nil))
IO.inspect(to_string(12))
IO.inspect(to_string(1.5))
IO.inspect(to_string(["a", ?b, ['c']]))
IO.inspect(Integer.parse("12abc"))
IO.inspect(Integer.parse("abc"))
IO.inspect(Integer.parse(" 12"))
IO.inspect(Integer.parse("-12.5"))
IO.inspect(Integer.parse("1f", 16))
IO.inspect(Float.parse("1.5xyz"))
IO.inspect(Float.parse("7"))
IO.inspect(Float.parse(".5"))
IO.inspect(Float.parse("-2.5e2rest"))
IO.inspect(Float.parse("nope"))
IO.inspect(Float.parse("1e3"))

for {f, arg} <- [
      {&String.to_integer/1, "x"},
      {&String.to_integer/1, ""},
      {&String.to_integer/1, "1 "},
      {&String.to_float/1, "1"},
      {&String.to_float/1, "1."},
      {&String.to_existing_atom/1, "surely_not_an_atom_xyz"}
    ] do
  try do
    f.(arg)
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

try do
  String.to_integer("12", 1)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}")
end
