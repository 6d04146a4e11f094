# KeyError from map.key, Map.fetch!, and the update syntax; BadMapError.
defmodule K do
  def get_b(m), do: m.b
  def update_c(m), do: %{m | c: 1}
  def not_a_map(x), do: x.field
end

try do
  K.get_b(%{a: 1})
rescue
  e in KeyError ->
    IO.puts(Exception.message(e))
    IO.inspect({e.key, e.term})
end

try do
  K.update_c(%{a: 1})
rescue
  e in KeyError -> IO.puts(Exception.message(e))
end

try do
  Map.fetch!(%{"x" => 1}, "y")
rescue
  e in KeyError -> IO.puts(Exception.message(e))
end

try do
  K.not_a_map(:atom_value)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  K.update_c([1, 2])
rescue
  e in BadMapError -> IO.puts(Exception.message(e))
end
