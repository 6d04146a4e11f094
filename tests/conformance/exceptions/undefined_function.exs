# UndefinedFunctionError for missing modules and functions, rescued.
defmodule Exists do
  def here, do: :here
end

calls = [
  {Exists, :here, []},
  {Exists, :missing, [1]},
  {NoSuchModule, :f, []},
  {:no_such_erlang_mod, :g, [1, 2]}
]

for {m, f, args} <- calls do
  try do
    IO.inspect(apply(m, f, args))
  rescue
    e in UndefinedFunctionError -> IO.puts(Exception.message(e))
  end
end

try do
  f = fn x -> x end
  f.(1, 2)
rescue
  e in BadArityError -> IO.inspect({e.__struct__, e.args})
end

try do
  not_a_fun = 5
  not_a_fun.(1)
rescue
  e in BadFunctionError -> IO.puts(Exception.message(e))
end
