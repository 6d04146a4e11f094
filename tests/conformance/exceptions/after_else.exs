# try/after always runs; try/else handles the successful value.
defmodule T do
  def with_after(f) do
    try do
      f.()
    after
      IO.puts("after runs")
    end
  end

  def with_else(x) do
    try do
      x * 2
    rescue
      ArithmeticError -> :arith
    else
      n when n > 10 -> {:big, n}
      n -> {:small, n}
    end
  end
end

IO.inspect(T.with_after(fn -> :value end))

try do
  T.with_after(fn -> raise "inner" end)
rescue
  e -> IO.puts("rescued outside: " <> e.message)
end

IO.inspect(T.with_else(3))
IO.inspect(T.with_else(30))
IO.inspect(T.with_else(:not_a_number))

r =
  try do
    :ok
  catch
    _ -> :caught
  after
    IO.puts("after with catch")
  end

IO.inspect(r)
