# Private functions, calling a function defined later in the module, and
# defining functions with the same name but different arities.
defmodule Calc do
  def run(x), do: step3(step2(step1(x)))

  def area(r), do: area(r, r)
  def area(w, h), do: w * h

  defp step1(x), do: x + 1
  defp step2(x), do: x * 2
  defp step3(x), do: later(x) - 3

  defp later(x), do: x * 10
end

IO.inspect(Calc.run(4))
IO.inspect(Calc.area(3))
IO.inspect(Calc.area(2, 5))
IO.inspect(function_exported?(Calc, :step1, 1))
IO.inspect(function_exported?(Calc, :run, 1))

try do
  apply(Calc, :step1, [1])
rescue
  e in UndefinedFunctionError -> IO.puts(Exception.message(e))
end
