# ArgumentError details (OTP 25 error info) of more BIFs: which argument is wrong and why.
defmodule T do
  def id(x), do: x
end
for f <- [fn -> binary_part(T.id(:a), 0, 1) end, fn -> binary_part(T.id("abc"), -1, 1) end,
          fn -> binary_part(T.id("abc"), 4, 1) end, fn -> binary_part(T.id("abc"), 1, :x) end,
          fn -> binary_part(T.id("abc"), 1, -2) end, fn -> :erlang.binary_part(T.id("abc"), {1, 5}) end,
          fn -> :erlang.binary_part(T.id("abc"), :x) end, fn -> :erlang.binary_part(T.id(:z), {1, 5}) end,
          fn -> :erlang.insert_element(T.id(:a), {1}, 0) end, fn -> :erlang.insert_element(1, T.id(:t), 0) end,
          fn -> :erlang.delete_element(T.id(0), {1}) end, fn -> :erlang.list_to_atom(T.id([1 | 2])) end,
          fn -> :erlang.list_to_atom(T.id([:a])) end, fn -> :erlang.float_to_binary(T.id(1.0), [:bad]) end,
          fn -> :erlang.float_to_binary(T.id(1), :bad) end, fn -> :erlang.float_to_list(T.id(1.0), :bad) end,
          fn -> :binary.copy(T.id(:a), 2) end, fn -> :binary.copy("a", T.id(:b)) end,
          fn -> :erlang.integer_to_binary(T.id(:a), 37) end, fn -> :erlang.integer_to_list(T.id(:a), 16) end,
          fn -> floor(T.id(:a)) end, fn -> ceil(T.id("1")) end, fn -> :erlang.float(T.id(:a)) end,
          fn -> :erlang.binary_to_list(T.id("abc"), 0, 1) end, fn -> :erlang.make_tuple(T.id(:a), 0) end,
          fn -> Tuple.insert_at({:a}, T.id(-1), 0) end, fn -> :binary.copy(T.id(<<1::3>>), 2) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
