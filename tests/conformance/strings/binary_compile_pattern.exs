p = :binary.compile_pattern(",")
IO.inspect(elem(p, 0))
IO.inspect(elem(:binary.compile_pattern([",", ";"]), 0))
IO.inspect(elem(:binary.compile_pattern([","]), 0))
IO.inspect(is_reference(elem(p, 1)))
IO.inspect(String.split("a,b;c,d", :binary.compile_pattern([",", ";"])))
IO.inspect(String.split("a,b,c", p, parts: 2))
IO.inspect(:binary.split("a,b,c", p, [:global]))
IO.inspect(:binary.match("xx,yy", p))
IO.inspect(:binary.matches("a,b,c", p))
IO.inspect(String.replace("a,b,c", p, "-"))
IO.inspect(String.contains?("a,b", p))
IO.inspect(String.contains?("ab", :binary.compile_pattern(["x", "b"])))
IO.inspect(:binary.replace("a,b", p, "+", [:global]))
IO.inspect(String.starts_with?("abc", :binary.compile_pattern(["a", "z"])))
try do
  :binary.compile_pattern("")
rescue
  e -> IO.inspect(e)
end
try do
  :binary.compile_pattern([])
rescue
  e -> IO.inspect(e)
end
try do
  :binary.compile_pattern(:x)
rescue
  e -> IO.inspect(e)
end
IO.inspect(String.split("a b", :binary.compile_pattern(" "), trim: true))
