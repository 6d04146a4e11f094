# Captures: &M.f/a, &f/a for local and imported functions, &(&1 + 1), nested.
defmodule C do
  def double(x), do: x * 2
  defp secret(x), do: x + 1000

  def run do
    f = &secret/1
    g = &double/1
    IO.inspect({f.(1), g.(21)})
  end

  def apply_all([], _f), do: []
  def apply_all([h | t], f), do: [f.(h) | apply_all(t, f)]
end

C.run()
d = &C.double/1
IO.inspect(d.(4))
IO.inspect(C.apply_all([1, 2, 3], &(&1 + 1)))
IO.inspect(C.apply_all([1, 2, 3], &(&1 * &1)))
IO.inspect(C.apply_all(["a", "b"], &String.upcase/1))
IO.inspect(C.apply_all([{1, 2}, {3, 4}], &elem(&1, 1)))
add = &(&1 + &2)
IO.inspect(add.(3, 4))
mk = &{&1, &2}
IO.inspect(mk.(:a, :b))
lst = &[&1, &1]
IO.inspect(lst.(7))
str = &"<#{&1}>"
IO.inspect(str.("x"))
len = &length/1
IO.inspect(len.([1, 2, 3]))
plus = &Kernel.+/2
IO.inspect(plus.(1, 2))
IO.inspect(is_function(d), label: "is_function")
IO.inspect(is_function(add, 2))
IO.inspect(is_function(add, 1))
IO.inspect(:erlang.fun_info(add, :arity))
