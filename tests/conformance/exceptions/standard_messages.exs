# Messages and fields of the standard exceptions, raised by the runtime or built directly.
defmodule M do
  def id(x), do: x
  def show(f) do
    try do
      f.()
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

M.show(fn -> Enum.map(M.id(1), & &1) end)
M.show(fn -> Enum.count(M.id(:atom)) end)
M.show(fn -> raise Enum.OutOfBoundsError end)
M.show(fn -> raise Enum.EmptyError end)
M.show(fn -> raise KeyError, key: :k end)
M.show(fn -> raise KeyError, key: :k, term: [a: 1] end)
M.show(fn -> raise KeyError, "custom key message" end)
M.show(fn -> raise ArithmeticError end)
M.show(fn -> raise ArithmeticError, message: "custom arith" end)
M.show(fn -> raise MatchError, term: {:x, 1} end)
M.show(fn -> raise CaseClauseError, term: [1] end)
M.show(fn -> raise UndefinedFunctionError, module: Foo, function: :bar, arity: 2 end)
M.show(fn -> raise BadMapError, term: 3 end)
M.show(fn -> raise BadBooleanError, term: 1, operator: :or end)
M.show(fn -> raise Protocol.UndefinedError, protocol: Enumerable, value: 1 end)
M.show(fn -> raise SystemLimitError end)
M.show(fn -> raise ErlangError, original: :oops end)
M.show(fn -> M.id(:nomod).fun() end)
M.show(fn -> NoSuchModule.call(1) end)
M.show(fn -> String.no_such_fun() end)
M.show(fn -> try(do: M.id(:x), rescue: (_ in RuntimeError -> 0), else: (:y -> 1)) end)
M.show(fn -> with({:ok, x} <- M.id({:error, 1}), do: x, else: ({:error, 2} -> :no)) end)
M.show(fn -> :erlang.error({:badmatch, 3}) end)
M.show(fn -> :erlang.error({:case_clause, 3}) end)
M.show(fn -> :erlang.error(:system_limit) end)
M.show(fn -> :erlang.error({:badkey, :k}) end)
M.show(fn -> :erlang.error(:badarith) end)
e = %RuntimeError{message: "built"}
IO.inspect(e)
IO.inspect(Exception.message(e))
IO.inspect(is_exception(e))
IO.inspect(ArgumentError.exception("via exception/1"))
IO.inspect(KeyError.exception(key: :a, term: %{}).key)
IO.inspect(Exception.exception?(e))
