# :binary.compile_pattern/1 used by the :binary searches and by String.split/replace.
p = :binary.compile_pattern([",", ";"])
IO.inspect(:binary.split("a,b;c", p, [:global]))
IO.inspect(:binary.matches("a,b;c", p))
IO.inspect(:binary.match("xx;y", p))
IO.inspect(String.split("a,b;c,d", p))
q = :binary.compile_pattern("--")
IO.inspect(:binary.split("a--b--c", q, [:global]))
IO.inspect(String.replace("a--b", q, "+"))
IO.inspect(is_tuple(p) and elem(p, 0) in [:ac, :bm])
try do :binary.compile_pattern("") rescue e -> IO.puts(Exception.message(e)) end
try do :binary.compile_pattern([]) rescue e -> IO.puts(Exception.message(e)) end
