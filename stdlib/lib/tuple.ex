defmodule Tuple do
  def to_list(tuple), do: :erlang.tuple_to_list(tuple)

  def duplicate(data, size), do: :erlang.make_tuple(size, data)

  def append(tuple, value), do: :erlang.append_element(tuple, value)

  def insert_at(tuple, index, value), do: :erlang.insert_element(index + 1, tuple, value)

  def delete_at(tuple, index), do: :erlang.delete_element(index + 1, tuple)

  def sum(tuple), do: sum(tuple, tuple_size(tuple), 0)

  defp sum(_tuple, 0, acc), do: acc
  defp sum(tuple, index, acc), do: sum(tuple, index - 1, acc + :erlang.element(index, tuple))

  def product(tuple), do: product(tuple, tuple_size(tuple), 1)

  defp product(_tuple, 0, acc), do: acc
  defp product(tuple, index, acc), do: product(tuple, index - 1, acc * :erlang.element(index, tuple))
end
