# FunctionClauseError raised inside :lists names the :lists function.
for f <- [fn -> :lists.max([]) end, fn -> :lists.nth(0, [1]) end, fn -> :lists.last([]) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
