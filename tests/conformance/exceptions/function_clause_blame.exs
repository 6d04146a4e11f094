# Exception.blame/3: a FunctionClauseError takes the arguments of the failing call from
# the stack trace (whose first entry then shows the arity), its message lists them, and
# Kernel.CLI.format_error/3 pads them as `elixir` prints an error that ends a script.
defmodule L do
  def f(1, _), do: 1
  def f(2, _), do: 2

  def g(%{a: a}) when a > 0, do: a
end

{ex, st} =
  try do
    L.f(3, "x\ny")
  rescue
    e -> {e, __STACKTRACE__}
  end

IO.inspect(ex)
{b, st2} = Exception.blame(:error, ex, st)
IO.inspect(b)
IO.inspect(hd(st2))
IO.inspect(Exception.message(b))
IO.inspect(Exception.format_banner(:error, b, st2))

# A multi-line argument is padded line by line.
big = Map.new(1..30, fn i -> {i, String.duplicate("x", i)} end)

{ex2, st3} =
  try do
    L.g(big)
  rescue
    e -> {e, __STACKTRACE__}
  end

{b2, _} = Exception.blame(:error, ex2, st3)
IO.puts(Exception.message(b2))

trace = [{L, :f, [3, [1, 2]], [file: 'x.exs', line: 5]}, {M, :run, 0, [file: 'x.exs', line: 9]}]
IO.write(IO.iodata_to_binary(Kernel.CLI.format_error(:error, :function_clause, trace)))
IO.write(IO.iodata_to_binary(Kernel.CLI.format_error(:error, %FunctionClauseError{module: L, function: :f, arity: 2}, trace)))
IO.write(IO.iodata_to_binary(Kernel.CLI.format_error(:error, :badarg, trace)))
IO.write(IO.iodata_to_binary(Kernel.CLI.format_error(:throw, :ball, trace)))

# Other kinds and other exceptions are left as they are.
IO.inspect(Exception.blame(:throw, :ball, trace))
IO.inspect(Exception.blame(:exit, :normal, []))
IO.inspect(Exception.blame(:error, :badarg, []))
IO.inspect(Exception.blame(:error, %RuntimeError{message: "x"}, trace))
# A trace whose first entry is another function: nothing to take.
{b3, t3} = Exception.blame(:error, %FunctionClauseError{module: L, function: :h, arity: 1}, trace)
IO.inspect({b3.args, hd(t3)})
