# :erlang BIFs called by name, in bodies and in guards (a failing guard BIF is false).
IO.inspect({:erlang.size({1, 2}), :erlang.size("abc"), :erlang.float(1), :erlang.map_get(:a, %{a: 1})})
IO.inspect({:erlang.bnot(5), :erlang.+(1, 2), :erlang."=<"(1, 2), :erlang.-(3), :erlang.binary_part("abc", {1, 2})})
IO.inspect({:erlang.is_map_key(:a, %{a: 1}), :erlang.band(12, 10), :erlang.bsl(1, 10), :erlang.node(), :erlang.ceil(1.2)})
defmodule G2 do
  def t(x) when :erlang.size(x) == 2, do: :two
  def t(x) when :erlang.map_get(:k, x) > 0, do: :pos_k
  def t(_), do: :no
end
IO.inspect(Enum.map([{1, 2}, %{k: 1}, %{k: 0}, 2, 1, "ab", :x], &G2.t/1))
try do :erlang.element(5, {1}) rescue e -> IO.puts(Exception.message(e)) end
