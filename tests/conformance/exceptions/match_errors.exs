# MatchError, CaseClauseError, CondClauseError, WithClauseError, FunctionClauseError.
defmodule M do
  def only_ok({:ok, v}), do: v

  def run_case(x) do
    case x do
      1 -> :one
    end
  end

  def run_cond(x) do
    cond do
      x > 10 -> :big
    end
  end

  def run_with(x) do
    with {:ok, v} <- x do
      v
    else
      {:error, e} -> e
    end
  end

  def match(x) do
    {:ok, v} = x
    v
  end
end

tries = [
  fn -> M.match({:error, :nope}) end,
  fn -> M.run_case(2) end,
  fn -> M.run_cond(1) end,
  fn -> M.run_with(:weird) end,
  fn -> M.only_ok(:nope) end
]

for t <- tries do
  try do
    t.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

try do
  (fn {:a} -> 1 end).({:b})
rescue
  e in FunctionClauseError -> IO.inspect({e.arity, e.args})
end
