# reraise, raise inside rescue, nested try.
defmodule R do
  def risky, do: raise(ArgumentError, "original")

  def wrap do
    try do
      risky()
    rescue
      e -> reraise e, __STACKTRACE__
    end
  end

  def translate do
    try do
      risky()
    rescue
      e in ArgumentError -> raise RuntimeError, "translated: " <> e.message
    end
  end
end

try do
  R.wrap()
rescue
  e -> IO.inspect(e)
end

try do
  R.translate()
rescue
  e -> IO.inspect(e)
end

result =
  try do
    try do
      throw(:inner)
    after
      IO.puts("inner after")
    end
  catch
    :inner -> :outer_caught
  after
    IO.puts("outer after")
  end

IO.inspect(result)

nested =
  try do
    try do
      raise "deep"
    rescue
      e in ArgumentError -> {:wrong_clause, e}
    end
  rescue
    e in RuntimeError -> {:outer, e.message}
  end

IO.inspect(nested)
IO.inspect(is_list(try(do: raise("x"), rescue: (_ -> __STACKTRACE__))))
