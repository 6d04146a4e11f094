# An uncaught FunctionClauseError.
defmodule Only do
  def positive(n) when n > 0, do: n
end

IO.inspect(Only.positive(1))
Only.positive(-1)
