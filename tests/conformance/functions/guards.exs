# Guards with type checks, comparisons, arithmetic, in, and/or, multiple when.
defmodule G do
  def classify(x) when is_binary(x) and byte_size(x) > 3, do: :long_string
  def classify(x) when is_binary(x), do: :short_string
  def classify(x) when is_list(x) and length(x) == 0, do: :empty_list
  def classify(x) when is_list(x), do: {:list, length(x)}
  def classify(x) when is_map(x) and map_size(x) > 0, do: :nonempty_map
  def classify(x) when is_tuple(x) and tuple_size(x) == 2 and elem(x, 0) == :ok, do: :ok_tuple
  def classify(x) when x in [:a, :b, :c], do: :abc
  def classify(x) when is_atom(x), do: :atom
  def classify(x) when is_number(x) and (x < 0 or x > 100), do: :out_of_range
  def classify(x) when rem(x, 2) == 0, do: :even
  def classify(_), do: :odd

  def either(x) when x == 1 when x == 2, do: :one_or_two
  def either(_), do: :neither

  def abs_diff(a, b) when a - b >= 0, do: a - b
  def abs_diff(a, b), do: b - a

  def nil_or_false(x) when not x, do: :falsy_boolean
  def nil_or_false(x) when x == nil, do: :nil
  def nil_or_false(_), do: :truthy
end

for v <- ["hello", "hi", [], [1, 2], %{a: 1}, %{}, {:ok, 1}, :b, :z, -5, 500, 42, 7] do
  IO.inspect({v, G.classify(v)})
end

IO.inspect({G.either(1), G.either(2), G.either(3)})
IO.inspect({G.abs_diff(3, 10), G.abs_diff(10, 3)})
IO.inspect({G.nil_or_false(false), G.nil_or_false(nil), G.nil_or_false(0)})
