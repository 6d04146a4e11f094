# Interpolation of every kind of value that implements String.Chars.
n = 42
f = 2.5
a = :atom
s = "text"
IO.puts("int #{n} float #{f} atom #{a} string #{s}")
IO.puts("charlist #{'abc'} list of codepoints #{[104, 105]}")
IO.puts("nested iodata #{["a", ?b, ['c', "d"]]}")
IO.puts("nil [#{nil}] true #{true} false #{false}")
IO.puts("expression #{n * 2 + 1} and #{if n > 40, do: "big", else: "small"}")
IO.puts("nested #{"inner #{n}"} string")
IO.puts("module #{String} and #{Foo.Bar}")
IO.puts("negative #{-7} bignum #{2 ** 70}")
IO.puts("#{n}#{n}")
IO.puts("")
IO.puts("#{}empty")
IO.inspect("a#{1}b")
