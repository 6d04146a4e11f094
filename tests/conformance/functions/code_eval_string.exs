IO.inspect(Code.eval_string("1 + 2"))
IO.inspect(Code.eval_string("a = 1; b = a + x", [x: 2]))
IO.inspect(Code.eval_string("y = x * 2", x: 5, z: 1))
IO.inspect(Code.eval_string("[h | _] = list; h", list: [9, 8]))
IO.inspect(Code.eval_string("defmodule EvMod do\n def f, do: :f\nend\nEvMod.f()") |> elem(0))
IO.inspect(Code.eval_string("Enum.map(1..3, fn i -> i * k end)", k: 10))
{f, _} = Code.eval_string("fn x -> x + 1 end")
IO.inspect(f.(1))
try do
  Code.eval_string("1 +")
rescue
  e -> IO.inspect(e.__struct__)
end
try do
  Code.eval_string("raise \"in eval\"")
rescue
  e -> IO.inspect(e)
end
IO.inspect(Code.eval_string("_ignored = 1; v = 2", []))
IO.inspect(Code.eval_string("x = x + 1", x: 1))
