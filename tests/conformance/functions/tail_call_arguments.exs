# Tail calls whose arguments the compiler writes straight into the parameter registers
# (peephole::place_tail_args): loops that pass parameters on unchanged, swap them, read
# a parameter after making another argument, call through funs, and a function_clause
# raised after such loops, whose report shows the arguments as they were passed.
defmodule Loops do
  def count(0, acc, _step), do: acc
  def count(n, acc, step), do: count(n - 1, acc + step, step)

  # The new first argument is made before `n` is read again.
  def tri(0, acc), do: acc
  def tri(n, acc), do: tri(n - 1, acc + n)

  # Arguments swapped: nothing is in place.
  def swap(0, a, b), do: {a, b}
  def swap(n, a, b), do: swap(n - 1, b, a)

  # A call between the arguments.
  def calls(0, acc, _f), do: acc
  def calls(n, acc, f), do: calls(n - 1, f.(acc), f)

  def fold([], acc, _f), do: acc
  def fold([h | t], acc, f), do: fold(t, f.(h, acc), f)

  # Tail calls from case branches and to another function.
  def walk([], acc), do: Enum.reverse(acc)

  def walk([h | t], acc) do
    case rem(h, 3) do
      0 -> walk(t, [:fizz | acc])
      1 -> walk(t, [h | acc])
      _ -> skip(t, acc, h)
    end
  end

  def skip(t, acc, h), do: walk(t, [h * 10 | acc])

  # Only integers: a list ends in function_clause after the loop has run.
  def sum_ints([h | t], acc) when is_integer(h), do: sum_ints(t, acc + h)
  def sum_ints([], acc), do: acc

  def remote(l, acc), do: Enum.reduce(l, acc, fn x, a -> a * 2 + x end)
end

IO.inspect(Loops.count(100_000, 0, 3))
IO.inspect(Loops.tri(1000, 0))
IO.inspect(Loops.swap(5, :a, :b))
IO.inspect(Loops.swap(4, :a, :b))
IO.inspect(Loops.calls(10, 1, &(&1 * 2)))
IO.inspect(Loops.fold([1, 2, 3, 4], [], &[&1 | &2]))
IO.inspect(Loops.walk(Enum.to_list(1..10), []))
IO.inspect(Loops.sum_ints([1, 2, 3], 0))
IO.inspect(Loops.remote([1, 0, 1, 1], 0))

try do
  Loops.sum_ints([1, 2, :x, 4], 0)
rescue
  e in FunctionClauseError -> IO.inspect({e.module, e.function, e.arity})
end

try do
  Loops.sum_ints([1, 2, :x, 4], 0)
catch
  :error, reason -> IO.inspect(reason)
end

Loops.sum_ints([5, 6, "seven"], 100)
