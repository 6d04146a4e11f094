# Exceptions raised by Kernel functions on bad arguments, with their messages.
defmodule K do
  def id(x), do: x
  def run(f) do
    try do
      IO.inspect(f.())
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

K.run(fn -> div(K.id(1.0), 2) end)
K.run(fn -> rem(K.id(5), 0) end)
K.run(fn -> K.id(1) / 0 end)
K.run(fn -> K.id(1) + nil end)
K.run(fn -> -K.id(:a) end)
K.run(fn -> length(K.id(:a)) end)
K.run(fn -> tl(K.id([])) end)
K.run(fn -> K.id([1]) ++ K.id(2) end)
K.run(fn -> K.id(:a) ++ [1] end)
K.run(fn -> K.id(1) -- [] end)
K.run(fn -> apply(K, :nope, []) end)
K.run(fn -> K.id(:not_fun).(1) end)
K.run(fn -> to_string(K.id({1, 2})) end)
K.run(fn -> raise ArgumentError end)
K.run(fn -> raise ArgumentError, message: "custom" end)
K.run(fn -> raise "plain" end)
K.run(fn -> raise RuntimeError end)
K.run(fn -> if K.id(nil) and true, do: 1 end)
K.run(fn -> :erlang.error(:badarg) end)
K.run(fn -> :erlang.error({:custom, 1}) end)
