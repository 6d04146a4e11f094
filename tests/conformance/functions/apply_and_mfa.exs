# apply/2, apply/3 and calling functions through module variables.
defmodule Ops do
  def add(a, b), do: a + b
  def neg(a), do: -a
  def zero, do: 0
end

IO.inspect(apply(Ops, :add, [2, 3]))
IO.inspect(apply(Ops, :neg, [7]))
IO.inspect(apply(Ops, :zero, []))
mod = Ops
IO.inspect(mod.add(1, 1))
fun = :neg
IO.inspect(apply(mod, fun, [1]))
IO.inspect(apply(&Ops.add/2, [10, 20]))
IO.inspect(apply(String, :upcase, ["dynamic"]))
IO.inspect(function_exported?(Ops, :add, 2))
IO.inspect(function_exported?(Ops, :add, 3))
IO.inspect(Ops.zero())
IO.inspect(Ops.zero)
