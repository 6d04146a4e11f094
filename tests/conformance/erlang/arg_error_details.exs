# ArgumentError messages of BIFs called through Elixir functions: OTP 25 names the bad argument.
defmodule T do
  def id(x), do: x
  def run(f) do
    try do
      IO.inspect(f.())
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

T.run(fn -> abs(T.id(:a)) end)
T.run(fn -> round(T.id("1")) end)
T.run(fn -> trunc(T.id(nil)) end)
T.run(fn -> binary_part(T.id("abc"), 2, 5) end)
T.run(fn -> List.to_atom(T.id(:x)) end)
T.run(fn -> String.duplicate("a", T.id(-1)) end)
T.run(fn -> Tuple.insert_at({:a, :b}, T.id(5), 0) end)
T.run(fn -> Tuple.delete_at({:a, :b}, T.id(2)) end)
T.run(fn -> Tuple.duplicate(0, T.id(-1)) end)
T.run(fn -> Integer.to_string(10, T.id(37)) end)
T.run(fn -> :erlang.integer_to_binary(T.id(1.5)) end)
T.run(fn -> :erlang.binary_to_integer(T.id("1x")) end)
T.run(fn -> :erlang.list_to_integer(T.id('')) end)
T.run(fn -> :erlang.atom_to_binary(T.id(1)) end)
T.run(fn -> :erlang.binary_to_atom(T.id(1), :utf8) end)
T.run(fn -> :erlang.make_tuple(T.id(-1), 0) end)
T.run(fn -> :erlang.setelement(T.id(0), {1}, 0) end)
T.run(fn -> :erlang.list_to_tuple(T.id([1 | 2])) end)
T.run(fn -> :erlang.tuple_to_list(T.id([1])) end)
T.run(fn -> :erlang.iolist_to_binary(T.id([1, :a])) end)
T.run(fn -> :erlang.binary_to_list(T.id(:a)) end)
T.run(fn -> :erlang.float_to_binary(T.id(1)) end)
T.run(fn -> :erlang.integer_to_list(T.id(10), 1) end)
T.run(fn -> :lists.reverse(T.id(:a)) end)
