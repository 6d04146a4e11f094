# A FunctionClauseError built without module/function/arity: "no function clause matches".
try do
  raise FunctionClauseError
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

IO.inspect(%FunctionClauseError{}.arity)
IO.puts(Exception.message(%FunctionClauseError{module: M, function: :f, arity: 2}))
