# is_map_key/2 takes the map first (Erlang's takes the key first), in bodies and guards.
defmodule K do
  def has_a(m) when is_map_key(m, :a), do: :yes
  def has_a(_), do: :no
end

IO.inspect(is_map_key(%{a: 1}, :a))
IO.inspect(is_map_key(%{a: 1}, :b))
IO.inspect(K.has_a(%{a: 1}))
IO.inspect(K.has_a(%{b: 1}))
IO.inspect(K.has_a(:not_a_map))
IO.inspect(Kernel.is_map_key(%{"k" => nil}, "k"))
