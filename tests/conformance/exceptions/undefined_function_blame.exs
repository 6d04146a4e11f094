# UndefinedFunctionError.blame/2 through Exception.blame/3: the exported functions close to
# the missing one ("Did you mean:"), the dot-syntax hint for a nil module, and the
# messages without a hint.
defmodule M do
  def hello(x), do: x
  def hello(x, y), do: {x, y}
  def help(), do: :h
  defp secret(), do: :s
  def run(), do: secret()
end

show = fn f ->
  try do
    f.()
  rescue
    e ->
      {b, _} = Exception.blame(:error, e, __STACKTRACE__)
      IO.inspect(e)
      IO.puts(Exception.message(b))
  end
end

show.(fn -> apply(M, :helo, [1]) end)
show.(fn -> apply(M, :hello, []) end)
show.(fn -> apply(M, :secret, []) end)
show.(fn -> apply(M, :zzz, []) end)
show.(fn -> apply(Nope, :hello, [1]) end)
show.(fn -> apply(String, :upcas, ["x"]) end)
show.(fn -> apply(nil, :foo, []) end)
show.(fn -> raise UndefinedFunctionError, module: M, function: :x, arity: 1, message: "custom" end)
show.(fn -> raise UndefinedFunctionError, module: M, function: :x, arity: 1, reason: :"some reason" end)
trace = [{M, :run, 0, [file: 'x.exs', line: 9]}]
IO.write(IO.iodata_to_binary(Kernel.CLI.format_error(:error, :undef, [{M, :helo, [1], []} | trace])))
